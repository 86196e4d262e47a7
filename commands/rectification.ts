import { z } from 'zod';
import { ruleRefusal } from '../src/kernel/errors';
import { findPerson } from '../src/kernel/directory';
import {
  acceptRectification,
  issueRectification,
  rectificationByRef,
  reportCompletion,
  reportProgress,
  submitPlan,
} from '../src/domain/accountability/rectifications';
import { shortDate } from '../src/kernel/time';
import { defineCommand } from '../src/kernel/command';

// ACC-04, ACC-05, INS-11 (docs/commands.md): 责令整改 → 整改方案 → 进度 → 结果 → 验收.

const zg = (no: string) => no.replace(/^ZG\d{4}-0*/, 'ZG');

export const rectIssue = defineCommand({
  name: '整改 下达',
  group: '整改问效',
  summary: '责令整改（来源：巡查发现、投诉、差评或通报），责任人限期报整改方案',
  roles: ['hall_office'],
  usage: '整改 下达 <WT号|TS号|CP号|督通号> 责任人=@… [期限=报方案日期 要求=… 长效=… 解释=…]',
  examples: [
    '整改 下达 WT87 责任人=@王五',
    '整改 下达 TS12 责任人=@王五 期限=3月9日 要求=补充一次性告知单',
    '整改 下达 TS15 责任人=@王五 长效=每月复盘排队时长 解释=已电话向投诉人说明原因',
  ],
  rules: ['ACC-04', 'ACC-05', 'INS-11', 'CMP-21', 'REV-03', 'OPEN #13'],
  positional: ['来源'],
  args: (t) =>
    z.object({
      来源: z.string().describe('来源编号'),
      责任人: z.string().describe('责任人'),
      期限: t.date('报整改方案期限').optional(),
      要求: z.string().optional(),
      长效: z.string().min(2).optional().describe('长效机制'),
      解释: z.string().min(2).optional().describe('向投诉人的解释'),
    }),
  async handle(ctx, a) {
    const person = await findPerson(ctx.m, a.责任人);
    const { order, due } = await issueRectification(ctx, {
      source: a.来源,
      responsible: person,
      due: a.期限,
      requirement: a.要求,
      ...complexParts(a),
    });
    await ctx.reply(
      `✅ ${order.no} 已下达 ${order.departmentCode ?? ''} ${person.name}，${shortDate(due)} 前报整改方案`,
    );
  },
});

/** CMP-21 / REV-03: a complex case names its 长效机制 and the explanation given to the complainant, both or neither. */
export function complexParts(a: { 长效?: string; 解释?: string }): { longTerm?: string; explanation?: string } {
  if (!a.长效 !== !a.解释)
    throw ruleRefusal(
      'CMP-21',
      '000 全过程监督 第十条',
      '复杂问题须同时写明 长效=（长效机制）和 解释=（向投诉人的解释说明）。',
    );
  return a.长效 ? { longTerm: a.长效, explanation: a.解释 } : {};
}

export const rectPlan = defineCommand({
  name: '整改 方案',
  group: '整改问效',
  summary: '报送整改方案（内容、措施、完成时限、责任人，缺一不可）',
  roles: ['chief_rep', 'staff', 'window_lead', 'hall_office'],
  usage: '整改 方案 <ZG号> 内容=… 措施=… 时限=<日期> 责任人=@…',
  examples: ['整改 方案 ZG9 内容=空岗 措施=落实AB岗和暂停服务牌 时限=3月20日 责任人=@李四'],
  rules: ['ACC-04'],
  positional: ['编号'],
  args: (t) =>
    z.object({
      编号: z.string().describe('整改单编号'),
      内容: z.string().optional(),
      措施: z.string().optional(),
      时限: t.date('完成时限').optional(),
      责任人: z.string().optional(),
    }),
  async handle(ctx, a) {
    const r = await rectificationByRef(ctx, a.编号);
    const due = await submitPlan(ctx, r, {
      content: a.内容,
      measures: a.措施,
      deadline: a.时限,
      owner: a.责任人 ? await findPerson(ctx.m, a.责任人) : undefined,
    });
    await ctx.reply(`✅ ${zg(r.no)} 整改方案已报送（完成时限 ${shortDate(due)}）`);
  },
});

export const rectProgress = defineCommand({
  name: '整改 进度',
  group: '整改问效',
  summary: '反馈整改进度（每周）',
  roles: ['chief_rep', 'staff', 'window_lead', 'hall_office'],
  usage: '整改 进度 <ZG号> 说明=…',
  examples: ['整改 进度 ZG9 说明=已完成AB岗排班'],
  rules: ['ACC-04', 'OPEN #13'],
  positional: ['编号'],
  args: () =>
    z.object({ 编号: z.string().describe('整改单编号'), 说明: z.string().min(2, '至少2个字').describe('说明') }),
  async handle(ctx, a) {
    const r = await rectificationByRef(ctx, a.编号);
    const n = await reportProgress(ctx, r, a.说明);
    await ctx.reply(`✅ ${zg(r.no)} 第${n}次进度已记录`);
  },
});

export const rectDone = defineCommand({
  name: '整改 完成',
  group: '整改问效',
  summary: '报送整改结果，待大厅管理室验收',
  roles: ['chief_rep', 'staff', 'window_lead', 'hall_office'],
  usage: '整改 完成 <ZG号> 结果=…',
  examples: ['整改 完成 ZG9 结果=AB岗已落实，连续两周无空岗'],
  rules: ['ACC-04'],
  positional: ['编号'],
  args: () =>
    z.object({ 编号: z.string().describe('整改单编号'), 结果: z.string().min(2, '至少2个字').describe('整改结果') }),
  async handle(ctx, a) {
    const r = await rectificationByRef(ctx, a.编号);
    await reportCompletion(ctx, r, a.结果);
    await ctx.reply(`✅ ${zg(r.no)} 待大厅管理室验收`);
  },
});

export const rectAccept = defineCommand({
  name: '整改 验收',
  group: '整改问效',
  summary: '验收整改：通过则办结；不到位则重新整改并记扣分（整改不力）',
  roles: ['hall_office'],
  usage: '整改 验收 <ZG号> 通过|不到位 说明=… [期限=重新整改期限]',
  examples: ['整改 验收 ZG9 通过 说明=现场核实已整改', '整改 验收 ZG9 不到位 说明=仍有空岗 期限=3月27日'],
  rules: ['ACC-04', 'INS-11', 'BRF-05', 'PRF-14'],
  positional: ['编号', '结论'],
  args: (t) =>
    z.object({
      编号: z.string().describe('整改单编号'),
      结论: z.enum(['通过', '不到位']).describe('通过或不到位'),
      说明: z.string().min(2, '至少2个字').describe('说明'),
      期限: t.date('重新整改期限').optional(),
    }),
  async handle(ctx, a) {
    const r = await rectificationByRef(ctx, a.编号);
    const res = await acceptRectification(ctx, r, a.结论 === '通过', a.说明, a.期限);
    await ctx.reply(
      a.结论 === '通过'
        ? `✅ ${zg(r.no)} 验收通过`
        : `✅ ${zg(r.no)} 验收不到位：已生成扣分事件 ${res.kf}，重新整改期限 ${shortDate(res.due!)}`,
    );
  },
});
