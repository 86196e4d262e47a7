import { checkLeaderInspection } from '../src/domain/inspections/quota-reminders';
import { localDate } from '../src/kernel/time';
import { defineJob, jobCtx } from '../src/kernel/job';

// INS-03, OPEN #15 / #56: no 领导巡查 this month by the 20th (non-WD → the WD before) → DM the 中心领导 (once).
export const leaderInspectionCheck = defineJob({
  name: 'leader-inspection-check',
  cron: '0 9 15-20 * *',
  workingDaysOnly: true,
  rules: ['INS-03', 'OPEN #15', 'OPEN #56'],
  summary: '20日前检查本月是否已有中心领导带队巡查，没有则提醒中心领导',
  recipients: '中心领导',
  periodKey: (now) => localDate(now),
  async run(deps, now) {
    const reminded = await deps.db.tx((m) => checkLeaderInspection(jobCtx(deps, m, now, 'leader-inspection-check')));
    return { reminded };
  },
});
