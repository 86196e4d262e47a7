import { Like } from 'typeorm';
import { ProviderScore } from '../../../entities/provider-score';
import type { Ctx } from '../../kernel/ctx';
import { assessGroup } from '../provider/scores';
import { sendChart } from './deliver';
import { annualScoreSpec, gradesAwardsSpec, type CountRow } from './specs';
import { StaffGrade } from '../../../entities/staff-grade';
import { AwardNomination } from '../../../entities/award-nomination';
import { getSetting } from '../../settings/settings';

// annual-batch chart step (D190, D193): the year's provider scores by month with their mean (PRF-05) to the
// 考核小组 and G-LEAD, and the year's staff grades (PRF-15) and granted awards (PRF-16) as counts (D194).

/** Returns how many charts were sent: none for a year without scores, grades or awards. */
export async function sendAnnualCharts(ctx: Ctx, year: number): Promise<number> {
  return (await sendScoreChart(ctx, year)) + (await sendGradesAwardsChart(ctx, year));
}

async function sendGradesAwardsChart(ctx: Ctx, year: number): Promise<number> {
  const grades = await ctx.m.find(StaffGrade, { where: { year } });
  const awards = await ctx.m.find(AwardNomination, { where: { year, status: '已授予' } });
  if (!grades.length && !awards.length) return 0;
  const rows: CountRow[] = [];
  for (const g of await getSetting(ctx.m, 'performance.gradeScale')) {
    const count = grades.filter((x) => x.grade === g).length;
    if (count) rows.push({ label: g, group: '年度等次', count });
  }
  for (const name of [...new Set(awards.map((a) => a.award))])
    rows.push({ label: name, group: '评优授予', count: awards.filter((a) => a.award === name).length });
  const title = `${year}年度等次与评优（${grades.length}人定等，${awards.length}项授予）`;
  await sendChart(ctx, { key: `annual:${year}:grades-awards`, title, spec: gradesAwardsSpec(title, rows) }, [
    { user: await assessGroup(ctx) },
    { group: 'G-LEAD' },
  ]);
  return 1;
}

async function sendScoreChart(ctx: Ctx, year: number): Promise<number> {
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
