import { checkLeaveReturns } from '../src/domain/staffing/leave-return-check';
import { localDate } from '../src/kernel/time';
import { defineJob, jobCtx } from '../src/kernel/job';

// ATT-06: 09:00 each WD — an ended leave without 销假 → reminder to the person; still none later → 脱岗 to G-OFFICE.
// ATT-05 (OPEN #36): a same-day 病假's 补办 is reminded once on its due WD.
export const leaveReturnCheck = defineJob({
  name: 'leave-return-check',
  cron: '0 9 * * *',
  workingDaysOnly: true,
  rules: ['ATT-06', 'ATT-05', 'OPEN #36'],
  summary: '销假检查：假期结束后首个工作日未销假提醒本人；仍未销假按脱岗报大厅管理室；当日病假到补办期限提醒本人',
  recipients: '本人；大厅管理室 G-OFFICE',
  periodKey: (now) => localDate(now),
  async run(deps, now) {
    return deps.db.tx((m) => checkLeaveReturns(jobCtx(deps, m, now, 'leave-return-check')));
  },
});
