import { checkNextYearCoverage } from '../src/calendar/coverage-alerts';
import { isoWeekKey, localDate } from '../src/kernel/time';
import { defineJob, jobCtx } from '../src/kernel/job';

// DIR-13, OPEN #8: each December week (first WD of the week), remind G-OFFICE until next year's calendar is loaded.
export const holidayCalendarReminder = defineJob({
  name: 'holiday-calendar-reminder',
  cron: '0 9 * 12 *',
  workingDaysOnly: true,
  rules: ['DIR-13', 'OPEN #8'],
  summary: '12月每周提醒大厅管理室导入下一年节假日安排（已导入则不发）',
  recipients: '大厅管理室群 G-OFFICE',
  periodKey: (now) => isoWeekKey(localDate(now)),
  async run(deps, now) {
    const r = await deps.db.tx((m) => checkNextYearCoverage(jobCtx(deps, m, now, 'holiday-calendar-reminder')));
    return { missing: r.missing.length, alerted: r.alerted.length };
  },
});
