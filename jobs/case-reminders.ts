import { remindCases } from '../src/domain/cases/clock-remind';
import { localDate } from '../src/kernel/time';
import { defineJob, jobCtx } from '../src/kernel/job';

// CAS-18 三级提醒 (OPEN #46), 09:00 each WD: L1 承办人, L2 承办人 + 首席代表, L3 one digest (D110).
export const caseReminders = defineJob({
  name: 'case-reminders',
  cron: '0 9 * * *',
  workingDaysOnly: true,
  rules: ['CAS-18', 'OPEN #46'],
  summary: '办件三级提醒：L1 承诺时限过半，L2 到期前1个工作日及到期当日，L3 超期后每个工作日汇总',
  recipients: 'L1 承办人；L2 承办人 + 首席代表；L3 大厅管理室群 + 分管领导',
  periodKey: (now) => localDate(now),
  run: (deps, now) => deps.db.tx(async (m) => ({ ...(await remindCases(jobCtx(deps, m, now, 'case-reminders'))) })),
});
