import { firstWorkday } from '../src/domain/briefings/schedule';
import { monthlySpotCheck } from '../src/domain/mail/spot-check';
import { defineJob, jobCtx } from '../src/kernel/job';
import { addMonths, localDate } from '../src/kernel/time';

// MAIL-06 (OPEN #49): 1st WD of the month, 09:30 — last month's 政务专递 sample, N entries per window → G-OFFICE.
export const mailSpotCheckJob = defineJob({
  name: 'mail-spot-check',
  cron: '30 9 1-10 * *',
  workingDaysOnly: true,
  rules: ['MAIL-06', 'OPEN #49'],
  summary: '每月第一个工作日抽取上月政务专递清单样本（每窗口5条，不足全抽），发大厅管理室群逐条判定',
  recipients: '大厅管理室群 G-OFFICE',
  periodKey: (now, cal) => {
    const today = localDate(now);
    return firstWorkday(cal, today.slice(0, 7)) === today ? today.slice(0, 7) : null;
  },
  async run(deps, now) {
    const month = addMonths(localDate(now), -1).slice(0, 7);
    return deps.db.tx((m) => monthlySpotCheck(jobCtx(deps, m, now, 'mail-spot-check'), month));
  },
});
