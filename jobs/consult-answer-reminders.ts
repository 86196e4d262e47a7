import { remindAnswers } from '../src/domain/consult/reminders';
import { localDate } from '../src/kernel/time';
import { defineJob, jobCtx } from '../src/kernel/job';

// CAS-04 (OPEN #43): open questions due today or past due, 09:00 each WD; claims per clock version and WD (D16).
export const consultAnswerReminders = defineJob({
  name: 'consult-answer-reminders',
  cron: '0 9 * * *',
  workingDaysOnly: true,
  rules: ['CAS-04', 'OPEN #43'],
  summary: '咨询答复提醒：当日到期提醒首问责任人，逾期每工作日提醒并汇总至大厅管理室',
  recipients: '首问责任人；逾期汇总至大厅管理室群 G-OFFICE',
  periodKey: (now) => localDate(now),
  run: (deps, now) =>
    deps.db.tx(async (m) => ({ reminders: await remindAnswers(jobCtx(deps, m, now, 'consult-answer-reminders')) })),
});
