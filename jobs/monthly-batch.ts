import { runMonthlyBatch } from '../src/domain/briefings/monthly-batch';
import { firstWorkday, previousMonth } from '../src/domain/briefings/schedule';
import { sendMonthlyCharts } from '../src/domain/charts/monthly';
import { localDate } from '../src/kernel/time';
import { defineJob, jobCtx } from '../src/kernel/job';

// 1st WD of the month, 09:00: BRF-04/05 约谈 candidates, BRF-07 书面通报 draft, PRF-14 deductions, INS quotas,
// DIR-11 list — G-OFFICE and each 首席代表 (own data). Lines of modules not built yet say 无 (D21). Then the month's
// charts (PRF-01/03 score trend, REV-06 满意度 by department) as pictures to G-OFFICE and G-LEAD (D190).
export const monthlyBatch = defineJob({
  name: 'monthly-batch',
  cron: '0 9 1-10 * *',
  workingDaysOnly: true,
  rules: ['BRF-04', 'BRF-05', 'BRF-07', 'PRF-14', 'DIR-11', 'ATT-10', 'REV-06', 'CAS-19', 'DIR-15', 'ITM-07', 'ITM-09'],
  summary: '每月第一个工作日：约谈候选、书面通报草稿、扣分事件、巡查完成情况等月度汇总',
  recipients: '大厅管理室群 G-OFFICE；各首席代表（本部门数据）；图表另发中心领导群 G-LEAD',
  periodKey: (now, cal) => {
    const today = localDate(now);
    return firstWorkday(cal, today.slice(0, 7)) === today ? today.slice(0, 7) : null;
  },
  async run(deps, now) {
    const counts = await deps.db.tx((m) => runMonthlyBatch(jobCtx(deps, m, now, 'monthly-batch')));
    // Charts in their own transaction (D191): a renderer failure (no CJK font) fails the run loudly without
    // undoing the summary; a retry re-sends nothing already queued (every message has its key).
    const month = previousMonth(localDate(now));
    const charts = await deps.db.tx((m) => sendMonthlyCharts(jobCtx(deps, m, now, 'monthly-batch'), month));
    return { ...counts, charts };
  },
});
