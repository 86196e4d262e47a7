import { z } from 'zod';
import { LEAVE_KINDS } from '../entities/leave-request';
import { fileLeave, type LeaveFiled } from '../src/domain/staffing/leave-apply';
import { rangeLabel, shortQj } from '../src/domain/staffing/leave-model';
import { startPaperApproval } from '../src/domain/staffing/leave-paper';
import { cancelLeave, returnFromLeave } from '../src/domain/staffing/leave-return';
import { listLeave, viewLeave } from '../src/domain/staffing/leave-view';
import { defineCommand } from '../src/kernel/command';
import type { Ctx } from '../src/kernel/ctx';
import { replyList } from '../src/kernel/replies';
import { monthKey, localDate } from '../src/kernel/time';

// docs/commands.md 请假 / 出差 / 销假 (ATT-05, ATT-06, ATT-07, SUS-04; OPEN #36, #60). Rules live in
// src/domain/staffing.

const ASKERS = ['staff', 'window_lead', 'guide', 'chief_rep', 'provider'] as const;
const PLAIN_KINDS = LEAVE_KINDS.filter((k) => k !== '出差');
const text = () => z.string().trim().min(1).max(200).optional();

async function replyFiled(ctx: Ctx, r: LeaveFiled): Promise<void> {
  const l = r.leave;
  const next = l.status === 'draft' ? '待部门分管领导纸质审批（大厅管理室登记）' : `待 ${r.approverLabel} 审批`;
  await ctx.reply(
    [
      `✅ ${l.no} ${l.kind} ${rangeLabel(l)} ${l.workdays}天，${next}`,
      l.makeUpDue ? `当日病假已报告，请于 ${l.makeUpDue} 前在考勤系统补办请假手续。` : '',
      r.warnings.length ? `已记录说明：${r.warnings.join('')}` : '',
      `返岗后请发送“销假 ${shortQj(l.no)}”。`,
    ]
      .filter(Boolean)
      .join('\n'),
  );
}

export const leaveAsk = defineCommand({
  name: '请假',
  aliases: ['请假 申请'],
  group: '考勤',
  summary: '请假：计划内提前1个工作日，病假当日08:30前；送窗口负责人/首席代表审批，大厅管理室知悉',
  roles: ASKERS,
  usage: `请假 <类型> 从=<日期> [到=<日期>] [原因=… 理由=…]（类型：${PLAIN_KINDS.join(' ')}）`,
  examples: ['请假 事假 从=3月5日 原因=家中有事', '请假 年休假 从=3月9日 到=3月13日', '请假 病假 从=今天 原因=发烧'],
  rules: ['ATT-05', 'ATT-07', 'SUS-04', 'DIR-09', 'OPEN #36', 'OPEN #60'],
  positional: ['类型'],
  args: (t) =>
    z.object({
      类型: z
        .enum(PLAIN_KINDS, { error: `类型应为 ${PLAIN_KINDS.join('、')}；公事出差请发送 出差 从=… 到=… 事由=…` })
        .describe('假别'),
      从: t.date('开始日期'),
      到: t.date('结束日期').optional(),
      原因: text(),
      理由: text(),
    }),
  async handle(ctx, a) {
    const r = await fileLeave(ctx, { kind: a.类型, from: a.从, to: a.到 ?? a.从, reason: a.原因, softReason: a.理由 });
    await replyFiled(ctx, r);
  },
});

export const tripAsk = defineCommand({
  name: '出差',
  aliases: ['出差 申请'],
  group: '考勤',
  summary: '公事出差：提前1个工作日申请，同请假审批流程',
  roles: ASKERS,
  usage: '出差 从=<日期> [到=<日期>] 事由=… [理由=…]',
  examples: ['出差 从=3月9日 到=3月11日 事由=市局业务培训'],
  rules: ['ATT-05', 'ATT-07', 'SUS-04', 'OPEN #36'],
  args: (t) => z.object({ 从: t.date('开始日期'), 到: t.date('结束日期').optional(), 事由: text(), 理由: text() }),
  async handle(ctx, a) {
    const r = await fileLeave(ctx, { kind: '出差', from: a.从, to: a.到 ?? a.从, reason: a.事由, softReason: a.理由 });
    await replyFiled(ctx, r);
  },
});

export const leaveReturn = defineCommand({
  name: '销假',
  group: '考勤',
  summary: '返岗销假（不写编号即当前请假）',
  roles: [...ASKERS, 'hall_office'],
  usage: '销假 [QJ号]',
  examples: ['销假', '销假 QJ140'],
  rules: ['ATT-06'],
  positional: ['编号'],
  args: () => z.object({ 编号: z.string().optional() }),
  async handle(ctx, a) {
    await ctx.reply(await returnFromLeave(ctx, a.编号));
  },
});

export const leaveCancel = defineCommand({
  name: '请假 撤销',
  group: '考勤',
  summary: '撤销尚未开始的请假（审批中的一并撤回）',
  roles: [...ASKERS, 'hall_office'],
  usage: '请假 撤销 <QJ号>',
  examples: ['请假 撤销 QJ140'],
  rules: ['ATT-05'],
  positional: ['编号'],
  args: () => z.object({ 编号: z.string({ error: '缺少请假编号' }).describe('请假编号') }),
  async handle(ctx, a) {
    await ctx.reply(await cancelLeave(ctx, a.编号));
  },
});

export const leavePaper = defineCommand({
  name: '请假 纸质审批',
  group: '考勤',
  summary: '登记首席代表请假的分管领导纸质审批（批准：随后发送签字照片；驳回：写明原因）',
  roles: ['hall_office'],
  usage: '请假 纸质审批 <QJ号> [结果=批准|驳回 原因=…]',
  examples: ['请假 纸质审批 QJ141', '请假 纸质审批 QJ141 结果=驳回 原因=当周局里有检查'],
  rules: ['ATT-05', 'OPEN #36', 'D151'],
  positional: ['编号'],
  args: () =>
    z.object({
      编号: z.string({ error: '缺少请假编号' }).describe('请假编号'),
      结果: z.enum(['批准', '驳回'], { error: '结果应为 批准 或 驳回' }).optional(),
      原因: text(),
    }),
  async handle(ctx, a) {
    await ctx.reply(await startPaperApproval(ctx, a.编号, a.结果 === '驳回' ? { reason: a.原因 } : undefined));
  },
});

export const leaveList = defineCommand({
  name: '请假 列表',
  group: '考勤',
  summary: '本月（或指定月份）请假：本人；窗口负责人/首席代表看本部门；大厅管理室看全部',
  roles: 'all',
  usage: '请假 列表 [月份] [人=…]',
  examples: ['请假 列表', '请假 列表 3月', '请假 列表 人=李四'],
  rules: ['ATT-05', 'ATT-06'],
  positional: ['月份'],
  args: (t) => z.object({ 月份: t.month('月份').optional(), 人: z.string().optional() }),
  async handle(ctx, a) {
    const { header, lines } = await listLeave(ctx, a.月份 ?? monthKey(localDate(ctx.now)), a.人);
    await replyList(ctx, header, lines, '没有请假记录。');
  },
});

export const leaveView = defineCommand({
  name: '请假 查看',
  group: '考勤',
  summary: '查看一条请假：审批、顶岗、销假',
  roles: 'all',
  usage: '请假 查看 <QJ号>',
  examples: ['请假 查看 QJ140'],
  rules: ['ATT-05', 'ATT-06', 'ATT-07'],
  positional: ['编号'],
  args: () => z.object({ 编号: z.string({ error: '缺少请假编号' }).describe('请假编号') }),
  async handle(ctx, a) {
    await ctx.reply(await viewLeave(ctx, a.编号));
  },
});
