import { remindQuarterlyFeedback } from '../src/domain/provider/reminders';
import { firstWorkday } from '../src/domain/briefings/schedule';
import { defineJob, jobCtx } from '../src/kernel/job';
import { localDate } from '../src/kernel/time';

// PRF-02 (OPEN #51): 季反馈 in the first month of the next quarter; the 考核小组 give it (docs/jobs.md deviation).
export const providerQuarterlyFeedback = defineJob({
  name: 'provider-quarterly-feedback',
  cron: '0 9 1-10 1,4,7,10 *',
  workingDaysOnly: true,
  rules: ['PRF-02', 'OPEN #51'],
  summary: '1、4、7、10月第一个工作日：上季度未向服务商反馈则提醒考核小组',
  recipients: '考核小组（大厅管理室中标记“考核小组”者）',
  periodKey: (now, cal) => {
    const today = localDate(now);
    return firstWorkday(cal, today.slice(0, 7)) === today ? today.slice(0, 7) : null;
  },
  run: async (deps, now) => ({
    reminded: await deps.db.tx((m) => remindQuarterlyFeedback(jobCtx(deps, m, now, 'provider-quarterly-feedback'))),
  }),
});
