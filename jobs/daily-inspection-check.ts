import { checkDailyInspection } from '../src/domain/inspections/quota-reminders';
import { localDate } from '../src/kernel/time';
import { defineJob, jobCtx } from '../src/kernel/job';

// INS-01, OPEN #15 / #55: 16:00 each WD — no 日常巡查 logged today → remind G-OFFICE.
export const dailyInspectionCheck = defineJob({
  name: 'daily-inspection-check',
  cron: '0 16 * * *',
  workingDaysOnly: true,
  rules: ['INS-01', 'OPEN #15', 'OPEN #55'],
  summary: '16:00 检查当日是否已登记日常巡查，未登记提醒大厅管理室',
  recipients: '大厅管理室群 G-OFFICE',
  periodKey: (now) => localDate(now),
  async run(deps, now) {
    const reminded = await deps.db.tx((m) => checkDailyInspection(jobCtx(deps, m, now, 'daily-inspection-check')));
    return { reminded };
  },
});
