import { remindClocks } from '../src/domain/lost-found/clocks';
import { localDate } from '../src/kernel/time';
import { defineJob, jobCtx } from '../src/kernel/job';

// LST-05, LST-06, LST-07: 09:00 each WD — 易坏 past 3 days, 贵重 not at the 派出所, 半年 since 公告 → G-GUIDE.
export const lostPropertyClocks = defineJob({
  name: 'lost-property-clocks',
  cron: '0 9 * * *',
  workingDaysOnly: true,
  rules: ['LST-05', 'LST-06', 'LST-07', 'OPEN #25'],
  summary: '失物期限：易坏满三天、贵重未交派出所、公告满半年，提醒蓝马甲群（非工作日到期的顺延到下一工作日提醒）',
  recipients: '咨询导服群 G-GUIDE',
  periodKey: (now) => localDate(now),
  async run(deps, now) {
    return deps.db.tx((m) => remindClocks(jobCtx(deps, m, now, 'lost-property-clocks')));
  },
});
