import { z } from 'zod';
import { ChatState } from '../entities/chat-state';
import { Delegation } from '../entities/delegation';
import { decide, loadApproval, withdraw } from '../src/approvals/engine';
import { ageLabel, approvalDeciders, approvalHistory, mayViewApproval, pendingFor } from '../src/approvals/queries';
import { findPerson, personName } from '../src/kernel/directory';
import { UserError } from '../src/kernel/errors';
import { hasRole } from '../src/kernel/permissions';
import { replyList } from '../src/kernel/replies';
import { insertRows } from '../src/db';
import { cnDate } from '../src/kernel/time';
import type { CardAction, TextInterceptor } from '../src/kernel/card';
import { defineCommand } from '../src/kernel/command';
import { matchCommand } from '../src/kernel/match';
import { tokenize } from '../src/kernel/parser';
import { normalise } from '../src/kernel/normalise';

// Engine commands of decisions.md D1: 待办, 审批 同意/驳回 (text fallback for every
// card action), 审批 撤回, 审批 查看, and 代理 设置 (DIR-02, OPEN #6).

const spNo = z.string().regex(/^SP\d{4}-\d{5}$/i, '审批编号形如 SP2026-00042');

export const todo = defineCommand({
  name: '待办',
  group: '审批',
  summary: '我待审批的事项，最早的在前',
  roles: 'all',
  usage: '待办',
  examples: ['待办'],
  args: () => z.object({}),
  async handle(ctx) {
    const items = await pendingFor(ctx);
    await replyList(
      ctx,
      `待办 ${items.length} 项`,
      items.map(
        ({ approval: a, step, delegateFor }) =>
          `${a.no} ${a.title}｜${step.label}${delegateFor ? '（代）' : ''}｜${ageLabel(a, ctx.now)}`,
      ),
      '没有待你审批的事项。',
    );
    if (items.length) await ctx.reply(`点卡片按钮处理，或发送：审批 ${items[0].approval.no} 同意`);
  },
});

export const approve = defineCommand({
  name: '审批',
  group: '审批',
  summary: '同意或驳回一项审批（卡片按钮的文字版）',
  roles: 'all',
  usage: '审批 <SP号> 同意|驳回 [原因=…]',
  examples: ['审批 SP2026-00042 同意', '审批 SP2026-00042 驳回 原因=证明材料不全'],
  rules: ['DIR-04'],
  positional: ['编号', '决定'],
  args: () =>
    z.object({
      编号: spNo.describe('审批编号'),
      决定: z.enum(['同意', '驳回']).describe('同意或驳回'),
      原因: z.string().optional(),
    }),
  async handle(ctx, args) {
    await decide(ctx, args.编号, { decision: args.决定 === '同意' ? 'approve' : 'reject', reason: args.原因 });
  },
});

export const approvalWithdraw = defineCommand({
  name: '审批 撤回',
  aliases: ['撤回'],
  group: '审批',
  summary: '申请人撤回尚未审批完的申请',
  roles: 'all',
  usage: '审批 撤回 <SP号>',
  examples: ['审批 撤回 SP2026-00042'],
  positional: ['编号'],
  args: () => z.object({ 编号: spNo.describe('审批编号') }),
  handle: (ctx, args) => withdraw(ctx, args.编号),
});

export const approvalView = defineCommand({
  name: '审批 查看',
  aliases: ['审批 查询'],
  group: '审批',
  summary: '查看一项审批的经过',
  roles: 'all',
  usage: '审批 查看 <SP号>',
  examples: ['审批 查看 SP2026-00042'],
  positional: ['编号'],
  args: () => z.object({ 编号: spNo.describe('审批编号') }),
  async handle(ctx, args) {
    const a = await loadApproval(ctx, args.编号);
    if (!(await mayViewApproval(ctx, a)))
      throw new UserError(
        `你无权查看 ${a.no}：仅申请人、审批人及其代理人、大厅管理室、中心领导和本部门首席代表可以查看。`,
      );
    const steps = await approvalHistory(ctx, a);
    await ctx.reply(steps.join('\n'));
  },
});

export const delegate = defineCommand({
  name: '代理 设置',
  aliases: ['委托'],
  group: '审批',
  summary: '请假期间指定代理人代为审批（卡片同时发给代理人，标注“代”）',
  roles: ['chief_rep', 'hall_office', 'leader', 'supervisor', 'window_lead', 'area_lead'],
  usage: '代理 设置 <代理人> 从=<日期> 到=<日期> [委托人=<人>]',
  examples: ['代理 设置 张三 从=3月2日 到=3月6日'],
  rules: ['DIR-02'],
  positional: ['代理人'],
  args: (t) =>
    z.object({
      代理人: z.string().describe('代理人'),
      从: t.date('开始日期'),
      到: t.date('结束日期'),
      委托人: z.string().optional(),
    }),
  async handle(ctx, args) {
    const delegateP = await findPerson(ctx.m, args.代理人);
    let principal = ctx.actor.userid;
    if (args.委托人) {
      if (!hasRole(ctx.actor, 'hall_office')) throw new UserError('只有大厅管理室可以替他人设置代理人。');
      principal = (await findPerson(ctx.m, args.委托人)).userid;
    }
    if (args.到 < args.从) throw new UserError('结束日期早于开始日期。');
    if (delegateP.userid === principal) throw new UserError('代理人不能是本人。');
    // OPEN #6: one named 代理人 per leave period — overlapping mandates of the same principal are refused.
    const overlapping = (await ctx.m.find(Delegation, { where: { principal } })).find(
      (d) => d.fromDate <= args.到 && d.toDate >= args.从,
    );
    if (overlapping) {
      throw new UserError(
        `该期间已有代理人 ${await personName(ctx.m, overlapping.delegate)}（${overlapping.fromDate}至${overlapping.toDate}），一个期间只能指定一名代理人（rule DIR-02）。`,
      );
    }
    await insertRows(ctx.m, Delegation, {
      principal,
      delegate: delegateP.userid,
      fromDate: args.从,
      toDate: args.到,
      createdBy: ctx.actor.userid,
      createdAt: ctx.now,
    });
    await ctx.audit('delegation.set', 'person', principal, { delegate: delegateP.userid, from: args.从, to: args.到 });
    await ctx.reply(
      `✅ ${cnDate(args.从)}–${cnDate(args.到)} 由 ${delegateP.name} 代理 ${await personName(ctx.m, principal)} 审批`,
    );
    await ctx.send(
      { user: delegateP.userid },
      {
        text: `${await personName(ctx.m, principal)} 指定您在 ${cnDate(args.从)}–${cnDate(args.到)} 代为审批，相关卡片会同时发给您（标注“代”）。`,
      },
      `delegation:${principal}:${args.从}:${delegateP.userid}`,
    );
  },
});

/** Card buttons `approve:<SP号>` / `reject:<SP号>` (D2). */
export const approvalCardActions: CardAction[] = [
  {
    verb: 'approve',
    who: { holders: approvalDeciders, describe: '该审批步骤的审批人或其代理人' },
    handle: (ctx, id, click) => decide(ctx, id, { decision: 'approve', click }),
  },
  {
    verb: 'reject',
    who: { holders: approvalDeciders, describe: '该审批步骤的审批人或其代理人' },
    handle: (ctx, id, click) => decide(ctx, id, { decision: 'reject', click }),
  },
];

/** D2: after a reject click, the person's next text within 10 minutes is the reason — unless it is a command. */
export const rejectReasonInterceptor: TextInterceptor = async (ctx, text) => {
  const state = await ctx.m.findOne(ChatState, { where: { userid: ctx.actor.userid, kind: 'reject_reason' } });
  if (!state) return false;
  if (state.expiresAt < ctx.now) {
    await ctx.m.delete(ChatState, { userid: ctx.actor.userid, kind: 'reject_reason' });
    return false;
  }
  if (matchCommand(tokenize(normalise(text)), ctx.deps.tables.commands)) return false;
  const data = state.data as { no: string; responseCode: string | null; taskId: string | null };
  await decide(ctx, data.no, {
    decision: 'reject',
    reason: text.trim(),
    click: data.responseCode && data.taskId ? { responseCode: data.responseCode, taskId: data.taskId } : undefined,
  });
  return true;
};
