import { remindMonthlyScore } from '../src/domain/provider/reminders';
import { firstWorkday } from '../src/domain/briefings/schedule';
import { defineJob, jobCtx } from '../src/kernel/job';
import { localDate } from '../src/kernel/time';

// PRF-02 (OPEN #51): the monthly score is due by the 5th WD of the next month.
export const providerMonthlyScore = defineJob({
  name: 'provider-monthly-score',
  cron: '0 9 1-20 * *',
  workingDaysOnly: true,
  rules: ['PRF-02', 'PRF-03', 'OPEN #51'],
  summary: '每月第5个工作日：上月综窗服务商考核分数未录入则提醒考核小组',
  recipients: '考核小组（大厅管理室中标记“考核小组”者）',
  periodKey: (now, cal) => {
    const today = localDate(now);
    let fifth = firstWorkday(cal, today.slice(0, 7));
    for (let i = 1; i < 5; i++) fifth = cal.nextWorkday(fifth);
    return fifth === today ? today.slice(0, 7) : null;
  },
  run: async (deps, now) => ({
    reminded: await deps.db.tx((m) => remindMonthlyScore(jobCtx(deps, m, now, 'provider-monthly-score'))),
  }),
});
