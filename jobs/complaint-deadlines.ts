import { remindComplaintDeadlines } from '../src/domain/complaints/reminders';
import { localDate } from '../src/kernel/time';
import { defineJob, jobCtx } from '../src/kernel/job';

// docs/commands.md: each WD 09:00 — due − 1 WD and overdue reminders for every complaint clock.
export const complaintDeadlines = defineJob({
  name: 'complaint-deadlines',
  cron: '0 9 * * *',
  workingDaysOnly: true,
  rules: ['CMP-08', 'CMP-11', 'CMP-12', 'CMP-13', 'CMP-15', 'CMP-16', 'CMP-20'],
  summary: '投诉各项期限：到期前1个工作日提醒经办人和首席代表；超期后每个工作日提醒大厅管理室',
  recipients: '经办人、首席代表；超期后大厅管理室',
  periodKey: (now) => localDate(now),
  async run(deps, now) {
    const counts = await deps.db.tx((m) => remindComplaintDeadlines(jobCtx(deps, m, now, 'complaint-deadlines')));
    return { ...counts };
  },
});
