import { remindInstantCases } from '../src/domain/cases/clock-remind';
import { localDate } from '../src/kernel/time';
import { defineJob, jobCtx } from '../src/kernel/job';

// CAS-18: a 即办件 still open at 17:30 → L2 now; its L3 comes with the next WD's case-reminders (D112).
export const instantCasesOpen = defineJob({
  name: 'instant-cases-open',
  cron: '30 17 * * *',
  workingDaysOnly: true,
  rules: ['CAS-18'],
  summary: '即办件17:30仍未办结：立即 L2 提醒，次一工作日起按超期 L3 汇总',
  recipients: '承办人 + 首席代表',
  periodKey: (now) => localDate(now),
  run: (deps, now) =>
    deps.db.tx(async (m) => ({ ...(await remindInstantCases(jobCtx(deps, m, now, 'instant-cases-open'))) })),
});
