import { Approval } from '../../../entities/approval';
import { ApprovalStep } from '../../../entities/approval-step';
import type { SimContext } from './types';

// Deciding approvals the way people do (D2, D17): the step's first approver clicks 同意 on their card; a
// rejection is a 驳回 click followed by the reason as the next message.

/** Click through every pending step of the newest approval on `subjectId`; returns its final status. */
export async function decide(
  ctx: SimContext,
  subjectId: string,
  opts: { rejectAtStep?: number; reason?: string; steps?: number } = {},
): Promise<string> {
  const m = ctx.driver.bot.deps.db.manager;
  for (let i = 0; i < (opts.steps ?? 6); i++) {
    const a = await m.findOne(Approval, { where: { subjectId }, order: { id: 'DESC' } });
    if (!a || a.status !== 'pending') return a?.status ?? 'none';
    const step = await m.findOneBy(ApprovalStep, { approvalId: a.id, idx: a.step });
    const who = step?.approvers[0];
    if (!who) return a.status;
    if (opts.rejectAtStep === i) {
      if (!(await ctx.driver.click(who, `reject:${a.no}`))) return a.status;
      await ctx.driver.say(who, opts.reason ?? '材料不全');
      ctx.tally('approvals.rejected');
      continue;
    }
    if (!(await ctx.driver.click(who, `approve:${a.no}`))) return a.status;
    ctx.tally('approvals.approved-steps');
  }
  const last = await m.findOne(Approval, { where: { subjectId }, order: { id: 'DESC' } });
  return last?.status ?? 'none';
}
