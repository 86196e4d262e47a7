import { reportOpenHandovers } from '../src/domain/staffing/handover-due';
import { localDate } from '../src/kernel/time';
import { defineJob, jobCtx } from '../src/kernel/job';

// STF-08: 09:00 on WDs, an approved 离岗 whose 交接 a–f is still open on (or after) the 离岗 date is reported to
// 大厅管理室 once per LG (reminder_log), so a catch-up run repeats nothing.
export const offboardingHandoverDue = defineJob({
  name: 'offboarding-handover-due',
  cron: '0 9 * * *',
  workingDaysOnly: true,
  rules: ['STF-08', 'STF-10'],
  summary: '离岗日期已到而离岗交接 a–f 未完成的，告知大厅管理室',
  recipients: 'G-OFFICE',
  periodKey: (now) => localDate(now),
  run: (deps, now) => deps.db.tx((m) => reportOpenHandovers(jobCtx(deps, m, now, 'offboarding-handover-due'))),
});
