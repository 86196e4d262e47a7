import { z } from 'zod';
import { def } from './define';

// 事项动态管理 (ITM) and 政务专递 (MAIL): OPEN #39–#42, #49, listed in docs/settings.md; and the PRF-14 point map
// (OPEN #12) that MAIL-06 reads.

/**
 * The chat language drops straight quotes, so `{MAIL-06:2}` or `MAIL-06=2` typed on a phone
 * reads as a rule → points map (D127); JSON still works from the CLI.
 */
function pointPairs(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const body = v.trim().replace(/^\{|\}$/g, '');
  if (!body) return {};
  const pairs = body
    .split(/[,，;；\s]+/)
    .filter(Boolean)
    .map((p) => /^"?([A-Za-z]{2,4}-\d{2})"?[:：=](\d+(?:\.\d+)?)$/.exec(p));
  if (pairs.some((m) => !m)) return v;
  return Object.fromEntries(pairs.map((m) => [m![1].toUpperCase(), Number(m![2])]));
}
export const ITEMS_MAIL_SETTINGS = {
  'item.filingWorkdays': def({
    schema: z.number().int().min(1).max(30),
    default: 5,
    rules: ['ITM-03'],
    open: 39,
    description: '“及时”提交事项调整申请：生效后N个工作日内；逾期提交仍受理，但在回复和事项调整台账中标注“逾期提交”',
  }),
  'item.updateWorkdays': def({
    schema: z.number().int().min(1).max(30),
    default: 5,
    rules: ['ITM-04'],
    open: 39,
    description:
      '中心初审通过后，旗政务服务局更新事项清单（事项 更新）的期限（工作日）；逾期由 item-tasks-overdue 报大厅管理室群',
  }),
  'item.promisedWithinLegal': def({
    schema: z.boolean(),
    default: true,
    rules: ['ITM-06'],
    open: 40,
    description: '承诺时限不得超过法定时限（HARD）；false = 不检查',
  }),
  'item.guideStaleMonths': def({
    schema: z.number().int().min(1).max(60),
    default: 12,
    rules: ['ITM-07'],
    open: 41,
    description: '审查要点/办事指南/答疑手册超过N个月未更新即列为“要点过期”（事项 报表、月度汇总）',
  }),
  'item.dormantMonths': def({
    schema: z.number().int().min(1).max(36),
    default: 6,
    rules: ['ITM-09'],
    open: 42,
    description: '事项连续N个月无办件即列为“休眠事项”（可能明进暗不进）',
  }),
  'item.onlineRateTarget': def({
    schema: z.number().min(0).max(100),
    default: 85,
    rules: ['ITM-09'],
    description: '全程网办率目标（%），003 措施8',
  }),
  'mail.samplePerWindow': def({
    schema: z.number().int().min(1).max(100),
    default: 5,
    rules: ['MAIL-06'],
    open: 49,
    description: '政务专递月度抽查：每个窗口抽取的条数（不足则全部），每月第一个工作日 09:30 抽取上月',
  }),
  'performance.points': def({
    schema: z.preprocess(
      pointPairs,
      z.record(z.string().regex(/^[A-Z]{2,4}-\d{2}$/, '键应为规则编号，如 MAIL-06'), z.number().min(0).max(100)),
    ),
    default: {},
    rules: ['PRF-14', 'CMP-19', 'WIN-13', 'SUS-10', 'INS-11', 'MAIL-06'],
    open: 12,
    description:
      '扣分事件的分值，按规则编号，例如 CMP-19:2, WIN-13:1（多条用逗号分隔）；未列出的规则 = 0（只记录，绩效考评办法未提供）；扣分 登记 的 分值= 优先',
  }),
} as const;
