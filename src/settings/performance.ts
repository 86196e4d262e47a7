import { z } from 'zod';
import { def } from './define';

// Performance (REV, PRF): OPEN proposals and the provider's fee, listed in docs/settings.md.

/** `服务规范:20,受理质量:25,…` as typed in chat → the list of items (JSON is awkward to type on a phone). */
function fromPairs(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  return v
    .split(/[,，;；]/)
    .filter((p) => p.trim())
    .map((p) => {
      const [item, max] = p.split(/[:：]/);
      return { item: item?.trim(), max: Number(max) };
    });
}

/** One 考核细则 item and its maximum points; the items sum to 100 (PRF-09, OPEN #52). */
const items = z
  .array(z.object({ item: z.string().min(2).max(16), max: z.number().int().min(1).max(100) }))
  .min(1)
  .max(20)
  .refine((items) => items.reduce((s, i) => s + i.max, 0) === 100, '各项满分之和须为100')
  .refine((items) => new Set(items.map((i) => i.item)).size === items.length, '项目名称不能重复');
const checklist = z.preprocess(fromPairs, items);

export const PERFORMANCE_SETTINGS = {
  'provider.monthlyFeeFen': def({
    schema: z.number().int().min(0).max(1_000_000_000).nullable(),
    default: null,
    rules: ['PRF-04'],
    description: '综合一窗服务商每月服务费（单位：分）；未设置时扣费只显示比例，应付金额显示“未设置”',
  }),
  'provider.score80': def({
    schema: z.enum(['基本达标', '不达标']),
    default: '基本达标',
    rules: ['PRF-03'],
    open: 58,
    description: '月度得分恰为80分时的档次（“80分以下”与“80-90（含90）”两读）',
  }),
  'provider.checklist': def({
    schema: checklist,
    default: [
      { item: '服务规范', max: 20 },
      { item: '受理质量', max: 25 },
      { item: '办理时效', max: 20 },
      { item: '群众满意度', max: 20 },
      { item: '制度执行', max: 15 },
    ],
    rules: ['PRF-09'],
    open: 52,
    description:
      '综窗考核细则（附件未提供）：各项目及满分，合计须为100，在聊天中写作 项目:满分,项目:满分,…；考核 录入 细则=项目:分,… 按此核对',
  }),
} as const;
