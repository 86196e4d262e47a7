import type { Ctx } from '../../kernel/ctx';
import { hasRole } from '../../kernel/permissions';
import type { MonthlyReportProvider } from '../../kernel/report-provider';
import { cnDate, localDate, monthBounds } from '../../kernel/time';
import { describeRate, overdueRates, sumRates } from './overdue-rate';

// CAS-19 办件超期率 in chat (`办件 超期率`) and in monthly-batch section 六 (D92, D114): the hall line and each
// department's own line; a 首席代表 sees only the own department.

const monthLabel = (month: string) => `${Number(month.slice(5, 7))}月`;

export async function hallRateLines(ctx: Ctx, month: string): Promise<string[]> {
  const rates = await overdueRates(ctx.m, ctx.deps.calendar, month, ctx.now);
  const today = localDate(ctx.now);
  const { last } = monthBounds(`${month}-01`);
  const asOf = today < last ? today : last;
  const total = sumRates(month, rates.values(), asOf);
  const head =
    today < last && today.startsWith(month) ? `${monthLabel(month)}（截至${cnDate(today)}）` : monthLabel(month);
  const depts = [...rates.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, r]) => `${code} ${describeRate(r)}`);
  return [`${head} 全厅 超期率 ${describeRate(total)}`, ...depts];
}

export async function departmentRateLine(ctx: Ctx, month: string, code: string): Promise<string> {
  const r = (await overdueRates(ctx.m, ctx.deps.calendar, month, ctx.now)).get(code);
  return `${monthLabel(month)} ${code} 超期率 ${r ? describeRate(r) : '—（本月无办结办件）'}`;
}

/** `办件 超期率 [月份]`: the hall and every department, or the 首席代表's own department. */
export async function overdueRateReply(ctx: Ctx, month: string): Promise<string> {
  if (hasRole(ctx.actor, 'hall_office', 'leader')) return (await hallRateLines(ctx, month)).join('\n');
  if (!ctx.actor.departmentCode) return '你没有所属部门，无法查看本部门超期率。';
  return departmentRateLine(ctx, month, ctx.actor.departmentCode);
}

export const CASE_OVERDUE_REPORT: MonthlyReportProvider = {
  label: '办件超期率',
  rules: ['CAS-19'],
  office: async (ctx, month) => (await hallRateLines(ctx, month)).join('；'),
  department: async (ctx, month, code) => departmentRateLine(ctx, month, code),
};
