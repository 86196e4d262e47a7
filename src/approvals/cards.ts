import { randomBytes } from 'node:crypto';
import type { Approval } from '../../entities/approval';
import type { ApprovalStep } from '../../entities/approval-step';
import { OutboxRow } from '../../entities/outbox';
import type { Ctx } from '../kernel/ctx';
import { localStamp } from '../kernel/time';
import { buttonCard, taskIdFor } from '../wecom/cards';
import { actingApprovers } from './approvers';
import type { ApprovalKind } from '../kernel/approval-kind';

// Approval cards (WeCom doc 90236/§3.4, D2, D12). One card per step, sent as one app message with every acting
// approver in `touser` (template cards cannot go to app chats, §3.6). The response code of a click updates
// all of them; without a fresh code (clicks older than 24 h, text decisions) a short text is sent instead.

const CODE_VALID_MS = 24 * 3600_000; // WeCom doc 94888: design for 24 h

export const cardKey = (a: Approval, step: ApprovalStep) => `card:${a.no}:${step.idx}:${step.taskId}`;

/** Send the step's card to its approvers (and active delegates). Stores the task id on the step. */
export async function sendStepCard(ctx: Ctx, kind: ApprovalKind, a: Approval, step: ApprovalStep): Promise<string[]> {
  const to = await actingApprovers(ctx.m, step.approvers, ctx.now);
  step.taskId = taskIdFor(a.no, `s${step.idx}`, randomBytes(3).toString('hex'));
  const body = await kind.card(ctx, a);
  const delegated = to.length > step.approvers.length ? '（含代理人）' : '';
  const card = buttonCard({
    taskId: step.taskId,
    title: a.title,
    desc: `${step.label}${delegated}｜${a.no}`,
    subTitle: body.subTitle,
    fields: body.fields.slice(0, 6),
    buttons: [
      { text: '同意', key: `approve:${a.no}`, style: 1 },
      { text: '驳回', key: `reject:${a.no}`, style: 2 },
      ...(kind.extraButtons?.(a) ?? []),
    ],
  });
  await ctx.send({ user: to }, { card }, cardKey(a, step));
  return to;
}

/**
 * Grey the step's card for every recipient after a decision (D12): with the click's response code if there is
 * one, else with the code WeCom returned when the card was sent, if still fresh and unused; else a text.
 */
export async function closeStepCard(
  ctx: Ctx,
  a: Approval,
  step: ApprovalStep,
  label: string,
  clickCode: string | undefined,
): Promise<void> {
  const recipients = await actingApprovers(ctx.m, step.approvers, ctx.now);
  const replaceName = `${label} ${localStamp(ctx.now).slice(11)}`;
  const extra = { ...(step.extra ?? {}) } as { usedCodes?: string[] };
  const used = new Set(extra.usedCodes ?? []);
  let code = clickCode && !used.has(clickCode) ? clickCode : undefined;
  if (!code && step.taskId) {
    const sent = await ctx.m.findOne(OutboxRow, { where: { dedupeKey: cardKey(a, step) } });
    const sendCode = sent?.response?.response_code;
    if (
      typeof sendCode === 'string' &&
      sent?.sentAt &&
      ctx.now.getTime() - sent.sentAt.getTime() < CODE_VALID_MS &&
      !used.has(sendCode)
    ) {
      code = sendCode;
    }
  }
  const fallbackText = `${a.no} ${a.title}：${label}（${localStamp(ctx.now)}）`;
  if (!code) {
    await ctx.send({ user: recipients }, { text: fallbackText }, `${cardKey(a, step)}:closed-text`);
    return;
  }
  used.add(code);
  step.extra = { ...extra, usedCodes: [...used] };
  await ctx.send(
    { user: recipients },
    { updateCard: { responseCode: code, userids: recipients, replaceName }, fallbackText },
    `${cardKey(a, step)}:closed`,
  );
}
