import { Between } from 'typeorm';
import { Department } from '../../../entities/department';
import { ProviderScore } from '../../../entities/provider-score';
import type { Ctx } from '../../kernel/ctx';
import { addMonths } from '../../kernel/time';
import type { Recipient } from '../../outbox/message';
import { overdueRates } from '../cases/overdue-rate';
import { satisfaction } from '../reviews/satisfaction';
import { sendChart, type ChartJob } from './deliver';
import { departmentRateSpec, overdueRateSpec, scoreTrendSpec, type DepartmentRate } from './specs';

// monthly-batch charts (D190–D194): the provider's score trend (PRF-01/03), 满意度 (REV-06) and 超期率 (CAS-19, as
// `办件 超期率` computes it, D114) by department, to 大厅管理室 and the centre's leaders. A chart with nothing to draw
// is not sent.

/** D190: the month's charts go to G-OFFICE and G-LEAD. */
export const MONTHLY_CHART_GROUPS: Recipient[] = [{ group: 'G-OFFICE' }, { group: 'G-LEAD' }];

/** How many months the trend shows, the one just ended included. */
export const TREND_MONTHS = 12;

const cnMonth = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5))}月`;

/** The provider's scores from TREND_MONTHS−1 months before `month` to `month`. */
export async function providerTrendChart(ctx: Ctx, month: string): Promise<ChartJob | null> {
  const from = addMonths(`${month}-01`, 1 - TREND_MONTHS).slice(0, 7);
  const scores = await ctx.m.find(ProviderScore, { where: { month: Between(from, month) }, order: { month: 'ASC' } });
  if (!scores.length) return null;
  const points = scores.map((s) => ({ month: s.month, score: s.scoreTenths / 10, band: s.band }));
  const title = `综窗服务商考核得分（截至${cnMonth(month)}）`;
  return { key: `monthly:${month}:provider-scores`, title, spec: scoreTrendSpec(title, points) };
}

/** 满意度 per department, each source its own bar (D95); departments without any figure are left out. */
export async function satisfactionChart(ctx: Ctx, month: string): Promise<ChartJob | null> {
  const rows: DepartmentRate[] = [];
  const sources = new Set<string>();
  for (const d of await ctx.m.find(Department, { where: { inactive: false }, order: { code: 'ASC' } })) {
    const s = await satisfaction(ctx.m, month, { departmentCode: d.code });
    const figures = [
      ['好差评', s.ratings] as const,
      ...Object.entries(s.visits).map(([k, f]) => [`${k}回访`, f] as const),
    ];
    for (const [source, f] of figures) {
      if (!f.total) continue;
      sources.add(source);
      rows.push({ department: d.name, source, rate: Math.round((f.satisfied / f.total) * 1000) / 10, count: f.total });
    }
  }
  if (!rows.length) return null;
  const title = `${cnMonth(month)}各部门满意度`;
  return {
    key: `monthly:${month}:satisfaction`,
    title,
    spec: departmentRateSpec(title, rows, [...sources]),
  };
}

/** CAS-19 per department with cases concluded in the month (the figure of section 六, D114). */
export async function overdueChart(ctx: Ctx, month: string): Promise<ChartJob | null> {
  const rates = await overdueRates(ctx.m, ctx.deps.calendar, month, ctx.now);
  const rows = [];
  for (const d of await ctx.m.find(Department, { order: { code: 'ASC' } })) {
    const r = rates.get(d.code);
    if (r?.concluded) rows.push({ department: d.name, concluded: r.concluded, overdue: r.overdue });
  }
  if (!rows.length) return null;
  const title = `${cnMonth(month)}各部门办件超期率`;
  return { key: `monthly:${month}:overdue-rate`, title, spec: overdueRateSpec(title, rows) };
}

/** Render and queue the month's charts; returns how many were sent. */
export async function sendMonthlyCharts(ctx: Ctx, month: string): Promise<number> {
  let sent = 0;
  for (const build of [providerTrendChart, satisfactionChart, overdueChart]) {
    const chart = await build(ctx, month);
    if (!chart) continue;
    await sendChart(ctx, chart, MONTHLY_CHART_GROUPS);
    sent++;
  }
  return sent;
}
