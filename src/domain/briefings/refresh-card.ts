import { approvalKind } from '../../kernel/approval-kind';
import { Approval } from '../../../entities/approval';
import { ApprovalStep } from '../../../entities/approval-step';
import { closeStepCard, sendStepCard } from '../../approvals/cards';
import type { Ctx } from '../../kernel/ctx';

/**
 * A pending approval whose subject changed (a finding disputed or withdrawn, `通报 修改`): grey the current
 * card as 已更新 and send a fresh one with a new task id, so a click on the old card decides nothing
 * (docs/commands.md rows 2–3 "刘's card refreshes").
 */
export async function refreshApprovalCard(ctx: Ctx, approvalNo: string): Promise<boolean> {
  const a = await ctx.m.findOne(Approval, { where: { no: approvalNo } });
  if (!a || a.status !== 'pending') return false;
  const step = await ctx.m.findOne(ApprovalStep, { where: { approvalId: a.id, idx: a.step, status: 'pending' } });
  if (!step) return false;
  await closeStepCard(ctx, a, step, '已更新', undefined);
  await sendStepCard(ctx, approvalKind(ctx.deps.tables.approvalKinds, a.kind), a, step);
  await ctx.m.update(ApprovalStep, { id: step.id }, { taskId: step.taskId, extra: step.extra as never });
  await ctx.audit('approval.refresh', 'approval', a.no, { taskId: step.taskId });
  return true;
}

export async function approvalStatus(ctx: Ctx, approvalNo: string | null): Promise<Approval['status'] | null> {
  if (!approvalNo) return null;
  return (await ctx.m.findOne(Approval, { where: { no: approvalNo } }))?.status ?? null;
}
