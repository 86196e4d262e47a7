import type { Ctx } from '../src/kernel/ctx';
import { defineJob, jobCtx } from '../src/kernel/job';
import { firstWorkday } from '../src/domain/briefings/schedule';
import { sendAnnualCharts } from '../src/domain/charts/annual';
import { localDate } from '../src/kernel/time';

/** One domain's part of the January batch: returns how many items it produced. */
export interface AnnualStep {
  name: string;
  rules: string[];
  /** `year` is the year just ended. */
  run(ctx: Ctx, year: number): Promise<number>;
}

// D39: the 1st WD of January runs a literal list of per-domain steps for the year just ended — the provider's
// annual mean (PRF-05), staff grades due (PRF-15), award candidates (PRF-16), the yearly archive (REC-10). Each
// step runs in its own transaction, so one failing step does not undo the others' messages.
const STEPS: AnnualStep[] = [
  // D190: the year's provider scores and mean as a chart to the 考核小组 and G-LEAD.
  { name: 'charts', rules: ['PRF-05'], run: sendAnnualCharts },
];

export const annualBatch = defineJob({
  name: 'annual-batch',
  cron: '0 9 1-15 1 *',
  workingDaysOnly: true,
  rules: STEPS.flatMap((s) => s.rules),
  summary: '每年1月第一个工作日：上年度各领域年度汇总',
  recipients: '考核小组；大厅管理室群 G-OFFICE；中心领导群 G-LEAD（各步骤自定）',
  periodKey: (now, cal) => {
    const today = localDate(now);
    return firstWorkday(cal, today.slice(0, 7)) === today ? today.slice(0, 4) : null;
  },
  async run(deps, now) {
    const year = Number(localDate(now).slice(0, 4)) - 1;
    const counts: Record<string, number> = {};
    for (const step of STEPS)
      counts[step.name] = await deps.db.tx((m) => step.run(jobCtx(deps, m, now, 'annual-batch'), year));
    return counts;
  },
});
