import { approvalKind } from '../kernel/approval-kind';
import { Approval } from '../../entities/approval';
import { ApprovalStep } from '../../entities/approval-step';
import type { Ctx } from '../kernel/ctx';
import { personName } from '../kernel/directory';
import { claimReminder } from '../kernel/reminders';
import { getSetting } from '../settings/settings';
import { localDate } from '../kernel/time';
import { actingApprovers } from './approvers';

/**
 * D17: a step pending for the kind's limit (default setting approval.remindAfterWorkdays, 1 WD) reminds its
 * approvers once per working day; one WD later it is escalated once to the kind's group (default G-OFFICE).
 * Keyed in reminder_log by (step, kind, 0, occurrence), so re-runs and restarts send nothing twice.
 */
export async function remindPendingApprovals(ctx: Ctx): Promise<{ reminded: number; escalated: number }> {
  const today = localDate(ctx.now);
  const cal = ctx.deps.calendar;
  const defaultLimit = await getSetting(ctx.m, 'approval.remindAfterWorkdays');
  const defaultGroup = await getSetting(ctx.m, 'approval.escalateTo');
  const steps = await ctx.m.find(ApprovalStep, { where: { status: 'pending' } });
  let reminded = 0;
  let escalated = 0;
  for (const step of steps) {
    if (!step.activatedAt) continue;
    const a = await ctx.m.findOne(Approval, { where: { id: step.approvalId, status: 'pending' } });
    if (!a || a.step !== step.idx) continue;
    const kind = approvalKind(ctx.deps.tables.approvalKinds, a.kind);
    const limit = kind.remindAfterWorkdays ?? defaultLimit;
    const waited = cal.workdaysBetween(localDate(step.activatedAt), today);
    if (waited < limit) continue;
    const subject = `${a.no}:s${step.idx}`;
    if (await claimReminder(ctx.m, ctx.now, subject, 'approval-remind', 0, today)) {
      const to = await actingApprovers(ctx.m, step.approvers, ctx.now);
      await ctx.send(
        { user: to },
        {
          text: `⏰ 待审批已${waited}个工作日：${a.no} ${a.title}（${step.label}）。请点卡片处理，或发送：审批 ${a.no} 同意`,
        },
        `remind:${subject}:${today}`,
      );
      reminded++;
    }
    if (waited >= limit + 1 && (await claimReminder(ctx.m, ctx.now, subject, 'approval-escalate', 0, 'once'))) {
      const group = kind.escalateTo ?? defaultGroup;
      const who = (await Promise.all(step.approvers.map((u) => personName(ctx.m, u)))).join('、');
      await ctx.send(
        { group },
        { text: `⚠️ 审批超时：${a.no} ${a.title} 在“${step.label}”（${who}）已等待${waited}个工作日。` },
        `escalate:${subject}`,
      );
      escalated++;
    }
  }
  return { reminded, escalated };
}
