import { autoConfirmDue } from '../src/domain/inspections/disputes';
import { localDate } from '../src/kernel/time';
import { defineJob, jobCtx } from '../src/kernel/job';

// INS-09 / ACC-03, OPEN #17: findings not disputed within 2 WD are confirmed; each 首席代表 gets one DM.
export const findingAutoConfirm = defineJob({
  name: 'finding-auto-confirm',
  cron: '0 9 * * *',
  workingDaysOnly: true,
  rules: ['INS-09', 'ACC-03', 'OPEN #17'],
  summary: '巡查发现异议期（2个工作日）届满未提异议的自动确认，并告知首席代表',
  recipients: '涉及部门首席代表',
  periodKey: (now) => localDate(now),
  async run(deps, now) {
    const confirmed = await deps.db.tx((m) => autoConfirmDue(jobCtx(deps, m, now, 'finding-auto-confirm')));
    return { confirmed };
  },
});
