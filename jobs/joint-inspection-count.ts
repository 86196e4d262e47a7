import { checkJointCount } from '../src/domain/inspections/quota-reminders';
import { localDate } from '../src/kernel/time';
import { defineJob, jobCtx } from '../src/kernel/job';

// INS-02, OPEN #15: 联合巡查 <1 by the 15th, <2 on the 3rd-last WD → G-OFFICE (each stage once per month).
export const jointInspectionCount = defineJob({
  name: 'joint-inspection-count',
  cron: '0 9 * * *',
  workingDaysOnly: true,
  rules: ['INS-02', 'OPEN #15', 'OPEN #56'],
  summary: '联合巡查次数检查（15日不足1次、倒数第3个工作日不足2次提醒大厅管理室）',
  recipients: '大厅管理室群 G-OFFICE',
  periodKey: (now) => localDate(now),
  async run(deps, now) {
    const reminded = await deps.db.tx((m) => checkJointCount(jobCtx(deps, m, now, 'joint-inspection-count')));
    return { reminded };
  },
});
