import { ChatState } from '../entities/chat-state';
import { greyClickedCard } from '../src/kernel/card-reply';
import { UserError } from '../src/kernel/errors';
import { formLink } from '../src/kernel/forms';
import { matchCommand } from '../src/kernel/match';
import { normalise } from '../src/kernel/normalise';
import { tokenize } from '../src/kernel/parser';
import { hasRole } from '../src/kernel/permissions';
import { noticeByApproval } from '../src/domain/briefings/numbering';
import {
  acknowledge,
  assertMayDispute,
  decideDispute,
  dispute,
  findingDisputers,
} from '../src/domain/inspections/disputes';
import type { CardAction, CardClick, TextInterceptor } from '../src/kernel/card';

// Supervision card buttons (docs/commands.md, §3.4): finding `ack:` (via ACK_HANDLERS) / `dispute:` (INS-09) to the 首席代表,
// `uphold:` / `withdraw:` to the recorder in 大厅管理室, and `edit:<SP>` on the 口头通报 card (H5 editor).

const DISPUTE_TTL_MS = 10 * 60_000;

async function askDisputeReason(ctx: Parameters<CardAction['handle']>[0], id: string, click: CardClick): Promise<void> {
  const f = await assertMayDispute(ctx, id);
  await ctx.m.save(ChatState, {
    userid: ctx.actor.userid,
    kind: 'dispute_reason',
    data: { no: f.no, responseCode: click.responseCode, taskId: click.taskId },
    expiresAt: new Date(ctx.now.getTime() + DISPUTE_TTL_MS),
  });
  await ctx.reply(
    `请在10分钟内直接回复对 ${f.no} 的异议理由；或发送：巡查 异议 ${f.no} 理由=…\n也可填写：${await formLink(ctx, 'finding-dispute', { 编号: f.no })}`,
  );
}

async function decideByCard(
  ctx: Parameters<CardAction['handle']>[0],
  id: string,
  click: CardClick,
  uphold: boolean,
): Promise<void> {
  if (!hasRole(ctx.actor, 'hall_office')) throw new UserError('只有大厅管理室可以裁定异议。');
  await ctx.reply(await decideDispute(ctx, id, uphold, uphold ? '经核实维持原记录' : '经核实撤销', click));
}

async function editLink(ctx: Parameters<CardAction['handle']>[0], id: string): Promise<void> {
  if (!hasRole(ctx.actor, 'hall_office', 'supervisor'))
    throw new UserError('只有大厅管理室或分管领导可以修改口头通报。');
  const n = await noticeByApproval(ctx.m, id);
  await ctx.reply(
    `修改口头通报（${id}）：${await formLink(ctx, 'notice-edit', { 编号: id })}\n或发送：通报 修改 ${id} 删除=WT… 增加=WT… 文字=…\n当前草稿：\n${n.text}`,
  );
}

/** `ack:WT…` — registered in ACK_HANDLERS (the shared `ack` verb, routed by number prefix). */
export const findingAck: CardAction['handle'] = (ctx, id, click) => acknowledge(ctx, id, click);

export const supervisionCardActions: CardAction[] = [
  {
    verb: 'dispute',
    who: { holders: findingDisputers, describe: '该部门首席代表或被记录的工作人员' },
    handle: askDisputeReason,
  },
  { verb: 'uphold', who: { roles: ['hall_office'] }, handle: (ctx, id, click) => decideByCard(ctx, id, click, true) },
  {
    verb: 'withdraw',
    who: { roles: ['hall_office'] },
    handle: (ctx, id, click) => decideByCard(ctx, id, click, false),
  },
  { verb: 'edit', who: { roles: ['hall_office', 'supervisor'] }, handle: (ctx, id) => editLink(ctx, id) },
];

/** After a `dispute:` click, the person's next text within 10 minutes is the reason — unless it is a command. */
export const disputeReasonInterceptor: TextInterceptor = async (ctx, text) => {
  const state = await ctx.m.findOne(ChatState, { where: { userid: ctx.actor.userid, kind: 'dispute_reason' } });
  if (!state) return false;
  await ctx.m.delete(ChatState, { userid: ctx.actor.userid, kind: 'dispute_reason' });
  if (state.expiresAt < ctx.now || matchCommand(tokenize(normalise(text)), ctx.deps.tables.commands)) return false;
  const data = state.data as { no: string; responseCode: string; taskId: string };
  const reply = await dispute(ctx, data.no, text.trim());
  if (data.responseCode)
    await greyClickedCard(
      ctx,
      { eventKey: `dispute:${data.no}`, taskId: data.taskId, responseCode: data.responseCode, selectedItems: [] },
      '已提出异议',
    );
  await ctx.reply(reply);
  return true;
};
