import { remindRectifications } from '../src/domain/accountability/reminders';
import { localDate } from '../src/kernel/time';
import { defineJob, jobCtx } from '../src/kernel/job';

// ACC-04 / INS-11 / ACC-02, OPEN #13 / #46: 09:00 each WD — 整改 三级提醒 (plan and completion deadlines), weekly
// progress, 督办 due − 1 WD and overdue.
export const rectificationDue = defineJob({
  name: 'rectification-due',
  cron: '0 9 * * *',
  workingDaysOnly: true,
  rules: ['ACC-04', 'INS-11', 'REV-03', 'ACC-02', 'OPEN #13'],
  summary: '整改方案/结果到期与逾期三级提醒、每周进度提醒、督办任务到期与逾期提醒',
  recipients: '整改部门首席代表；逾期升级大厅管理室',
  periodKey: (now) => localDate(now),
  run: (deps, now) =>
    deps.db.tx(async (m) => ({ ...(await remindRectifications(jobCtx(deps, m, now, 'rectification-due'))) })),
});
