import { remindQuarterly } from '../src/domain/briefings/quarterly';
import { localDate } from '../src/kernel/time';
import { defineJob, jobCtx } from '../src/kernel/job';

// BRF-11 (003 要求(一)): 1st WD of Mar/Jun/Sep/Dec and 3 WD before the 10th → each 首席代表 whose department has not
// reported (each stage once per department, reminder_log `quarterly:<year>-Q<n>:<dept>`).
export const quarterlyProgress = defineJob({
  name: 'quarterly-progress',
  cron: '0 9 * 3,6,9,12 *',
  workingDaysOnly: true,
  rules: ['BRF-11'],
  summary: '季度进展报送提醒（季末月第一个工作日、10日前3个工作日）',
  recipients: '督办任务承办部门首席代表',
  periodKey: (now) => localDate(now),
  async run(deps, now) {
    const reminded = await deps.db.tx((m) => remindQuarterly(jobCtx(deps, m, now, 'quarterly-progress')));
    return { reminded };
  },
});
