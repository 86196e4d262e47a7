import { sendAnomalies } from '../src/domain/attendance/anomalies';
import { defineJob, jobCtx } from '../src/kernel/job';
import { localDate } from '../src/kernel/time';

// ATT-01, ATT-02: 08:45 each WD, the previous WD's 迟到/早退/未签到 from the imported 考勤系统 file (D144) —
// DMs to the people, a digest (or “考勤未导入”) to G-OFFICE. The period is the day, so it runs once.
export const attendanceAnomalies = defineJob({
  name: 'attendance-anomalies',
  cron: '45 8 * * *',
  workingDaysOnly: true,
  rules: ['ATT-01', 'ATT-02', 'OPEN #33'],
  summary:
    '每个工作日08:45：上一工作日的考勤异常（迟到、早退、未签到、无效签到签退）私信本人，汇总发大厅管理室；未导入则提示“考勤未导入”',
  recipients: '本人（私信）；大厅管理室群 G-OFFICE',
  periodKey: (now) => localDate(now),
  async run(deps, now) {
    const day = deps.calendar.previousWorkday(localDate(now));
    return deps.db.tx(async (m) => sendAnomalies(jobCtx(deps, m, now, 'attendance-anomalies'), day));
  },
});
