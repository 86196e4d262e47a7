import { z } from 'zod';
import { greyClickedCard } from '../src/kernel/card-reply';
import { UserError } from '../src/kernel/errors';
import { replyList } from '../src/kernel/replies';
import { CHANNELS, TYPES } from '../src/domain/complaints/model';
import { complaintStats, describeComplaint, listComplaints } from '../src/domain/complaints/queries';
import { acknowledge } from '../src/domain/complaints/referral';
import { findDeadline } from '../src/calendar/deadlines';
import { loadComplaint } from '../src/domain/complaints/store';
import { replyRecordHistory } from './records';
import { cnDate, localDate } from '../src/kernel/time';
import type { CardClick } from '../src/kernel/card';
import type { Ctx } from '../src/kernel/ctx';
import { complaintNo } from './complaints-intake';
import { defineCommand } from '../src/kernel/command';
import { findDepartment } from '../src/kernel/directory';

// 投诉 查看 / 列表 / 统计 / 历史 and the 已收到 button (docs/commands.md, D1; CMP-07, CMP-17, REC-01, REC-02).

const VIEWERS = ['hall_office', 'leader', 'supervisor', 'chief_rep'] as const;

export const complaintView = defineCommand({
  name: '投诉 查看',
  aliases: ['投诉 查询'],
  group: '投诉',
  summary: '查看一件投诉的状态、期限和结果',
  roles: VIEWERS,
  usage: '投诉 查看 <号>',
  examples: ['投诉 查看 TS12'],
  rules: ['CMP-07', 'CMP-17', 'REC-01'],
  positional: ['编号'],
  args: () => z.object({ 编号: complaintNo }),
  async handle(ctx, a) {
    await ctx.reply(await describeComplaint(ctx, await loadComplaint(ctx, a.编号)));
  },
});

export const complaintList = defineCommand({
  name: '投诉 列表',
  group: '投诉',
  summary: '按状态、渠道、部门、月份列出投诉（首席代表只看本部门）',
  roles: VIEWERS,
  usage: '投诉 列表 [状态=] [渠道=] [部门=] [月份=] [类型=信访举报]',
  examples: ['投诉 列表 状态=转交中', '投诉 列表 部门=GA 月份=2026-03'],
  rules: ['CMP-02', 'CMP-07', 'REC-01'],
  args: (t) =>
    z.object({
      状态: z.string().optional(),
      渠道: z.enum(CHANNELS).optional(),
      方式: z.enum(CHANNELS).optional(),
      部门: z.string().optional(),
      月份: t.month('月份').optional(),
      类型: z.enum(TYPES).optional(),
    }),
  async handle(ctx, a) {
    const department = a.部门 ? (await findDepartment(ctx.m, a.部门)).code : undefined;
    const r = await listComplaints(ctx, {
      status: a.状态,
      channel: a.渠道 ?? a.方式,
      department,
      month: a.月份,
      type: a.类型,
    });
    await replyList(ctx, r.header, r.lines, '没有符合条件的投诉。');
  },
});

export const complaintStatsCommand = defineCommand({
  name: '投诉 统计',
  group: '投诉',
  summary: '按部门、类别、结果、超期统计某月投诉',
  roles: VIEWERS,
  usage: '投诉 统计 [月份=]',
  examples: ['投诉 统计', '投诉 统计 月份=2026-03'],
  rules: ['CMP-07', 'BRF-07', 'D1'],
  positional: ['月份'],
  args: (t) => z.object({ 月份: t.month('月份').optional() }),
  async handle(ctx, a) {
    await ctx.reply(await complaintStats(ctx, a.月份 ?? localDate(ctx.now).slice(0, 7)));
  },
});

export const complaintHistoryCommand = defineCommand({
  name: '投诉 历史',
  group: '投诉',
  summary: '投诉的全过程记录（只增不改；同 记录 历史）',
  roles: VIEWERS,
  usage: '投诉 历史 <号>',
  examples: ['投诉 历史 TS12'],
  rules: ['REC-02', 'CMP-07'],
  positional: ['编号'],
  args: () => z.object({ 编号: complaintNo }),
  // The same history as `记录 历史` (REC-02), kept under the complaint family's words.
  async handle(ctx, a) {
    await replyRecordHistory(ctx, (await loadComplaint(ctx, a.编号)).no);
  },
});

/** `ack:<TS号>` — the 首席代表's 已收到 on the 处理意见 card (CMP-11/12/13); routed by commands/card-actions.ts. */
export async function complaintAck(ctx: Ctx, id: string, click: CardClick): Promise<void> {
  const c = await loadComplaint(ctx, id);
  const r = await acknowledge(ctx, c);
  if (!r) throw new UserError(`${c.no} 没有转交给你的部门的处理意见。`);
  await greyClickedCard(ctx, click, '已收到');
  if (!r.fresh) {
    await ctx.reply(`${c.no} 已于 ${cnDate(localDate(r.party.ackAt!))} 确认收到。`);
    return;
  }
  const d = await findDeadline(ctx.m, 'complaint', c.no, `complaint:落实:${r.party.departmentCode}`);
  await ctx.reply(
    `✅ ${c.no} 已确认收到处理意见，请于${d ? cnDate(d.dueDate) : '期限'}前落实并发送：投诉 落实 ${c.no} 情况=…`,
  );
}
