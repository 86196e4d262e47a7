import { remindPendingApprovals } from '../src/approvals/reminders';
import { localDate } from '../src/kernel/time';
import { defineJob, jobCtx } from '../src/kernel/job';

// D17: pending approvals older than their kind's limit are reminded, then escalated.
export const approvalReminders = defineJob({
  name: 'approval-reminders',
  cron: '30 9 * * *',
  workingDaysOnly: true,
  rules: ['DIR-04'],
  summary: '审批超时提醒（超过时限提醒审批人，再超一个工作日升级到大厅管理室）',
  recipients: '当前步骤审批人（含代理人）；再超一个工作日升级大厅管理室群（approval.escalateTo）',
  periodKey: (now) => localDate(now),
  run: (deps, now) => deps.db.tx((m) => remindPendingApprovals(jobCtx(deps, m, now, 'approval-reminders'))),
});
