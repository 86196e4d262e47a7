import type { Ctx } from '../src/kernel/ctx';
import { defineJob, jobCtx } from '../src/kernel/job';
import { firstWorkday } from '../src/domain/briefings/schedule';
import { sendAnnualCharts } from '../src/domain/charts/annual';
import { localDate } from '../src/kernel/time';
import { gradesDue } from '../src/domain/awards/grades';
import { annualCandidates } from '../src/domain/awards/honours';
import { assessGroup, viewScores } from '../src/domain/provider/scores';
import { archiveYear } from '../src/domain/records/archive';

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
  {
    // PRF-05 (002 绩效方案): the provider's year = the mean of its assessed months, to the 考核小组.
    name: 'provider-annual-mean',
    rules: ['PRF-05'],
    async run(ctx, year) {
      const text = await viewScores(ctx, String(year));
      if (!/均分/.test(text)) return 0;
      await ctx.send(
        { user: await assessGroup(ctx) },
        { text: `📊 综窗服务商年度考核（rule PRF-05）\n${text}` },
        `annual:${year}:provider`,
      );
      return 1;
    },
  },
  { name: 'staff-grades-due', rules: ['PRF-15'], run: gradesDue },
  { name: 'award-candidates', rules: ['PRF-12', 'PRF-16'], run: annualCandidates },
  // D190: the year's provider scores and mean as a chart to the 考核小组 and G-LEAD.
  { name: 'charts', rules: ['PRF-05'], run: sendAnnualCharts },
  // D205: the year just ended, archived (ledgers, numbered notices, filed forms, manifest) to 大厅管理室.
  {
    name: 'records-archive',
    rules: ['REC-04', 'REC-10'],
    async run(ctx, year) {
      return (await archiveYear(ctx, year, `annual:${year}:archive`)).manifest.counts.files;
    },
  },
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
    const failed: string[] = [];
    for (const step of STEPS) {
      try {
        counts[step.name] = await deps.db.tx((m) => step.run(jobCtx(deps, m, now, 'annual-batch'), year));
      } catch (err) {
        // The other steps still run; the run is then failed and retried, and the steps that did their work
        // send nothing twice (their messages are keyed by year).
        failed.push(`${step.name}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    if (failed.length) throw new Error(`annual-batch steps failed — ${failed.join('; ')}`);
    return counts;
  },
});
