import { runSeasonalReminder } from '../src/domain/windows/seasonal-reminder';
import { localDate } from '../src/kernel/time';
import { defineJob, jobCtx } from '../src/kernel/job';

// docs/commands.md `seasonal-plan-reminder` (WIN-10, OPEN #29): February, 09:00 on WDs. The reminder dates are the
// setting window.seasonalReminderDays (default Feb 1 and Feb 20, shifted to a WD within February), so the period
// key is the day and the run sends each date's reminder once (reminder_log) — a catch-up never repeats one.
export const seasonalPlanReminder = defineJob({
  name: 'seasonal-plan-reminder',
  cron: '0 9 * 2 *',
  workingDaysOnly: true,
  rules: ['WIN-10', 'OPEN #2', 'OPEN #29'],
  summary: '2月提醒有固定时间、季节性窗口的部门于3月1日前备案年度窗口使用计划',
  recipients: '有季节性窗口部门的首席代表',
  periodKey: (now) => localDate(now),
  run: (deps, now) => deps.db.tx((m) => runSeasonalReminder(jobCtx(deps, m, now, 'seasonal-plan-reminder'))),
});
