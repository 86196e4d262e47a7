import { Like } from 'typeorm';
import { ProviderScore } from '../../../entities/provider-score';
import type { Ctx } from '../../kernel/ctx';
import { assessGroup } from '../provider/scores';
import { sendChart } from './deliver';
import { annualScoreSpec } from './specs';

// annual-batch chart step (D190, D193): the year's provider scores by month with their mean (PRF-05) to the
// 考核小组 and G-LEAD. Staff grades (PRF-15) and awards (PRF-16) get no chart: nothing stores them yet (D194).

/** Returns 1 when the chart was sent, 0 for a year without scores. */
export async function sendAnnualCharts(ctx: Ctx, year: number): Promise<number> {
  const scores = await ctx.m.find(ProviderScore, { where: { month: Like(`${year}-%`) }, order: { month: 'ASC' } });
  if (!scores.length) return 0;
  // PRF-05: the mean of the months scored, from tenths (D96) so it matches `考核 查看`.
  const mean = Math.round(scores.reduce((s, x) => s + x.scoreTenths, 0) / scores.length) / 10;
  const points = scores.map((s) => ({ month: s.month, score: s.scoreTenths / 10, band: s.band }));
  const title = `${year}年综窗服务商考核得分（${scores.length}个月）`;
  await sendChart(ctx, { key: `annual:${year}:provider-scores`, title, spec: annualScoreSpec(title, points, mean) }, [
    { user: await assessGroup(ctx) },
    { group: 'G-LEAD' },
  ]);
  return 1;
}
