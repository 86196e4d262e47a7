import type { Ctx } from '../../kernel/ctx';
import { hasRole } from '../../kernel/permissions';
import type { MonthlyReportProvider } from '../../kernel/report-provider';
import { cnDate, localDate, monthBounds } from '../../kernel/time';
import { describeRate, type OverdueRate, overdueRates, sumRates } from './overdue-rate';

// CAS-19 办件超期率 in chat (`办件 超期率`) and in monthly-batch section 六 (D92, D114): the hall line and each
// department's own line; a 首席代表 sees only the own department.

async function rates(ctx: Ctx, month: string): Promise<{ head: string; total: OverdueRate; depts: string[] }> {
  const byDept = await overdueRates(ctx.m, ctx.deps.calendar, month, ctx.now);
  const today = localDate(ctx.now);
  const { last } = monthBounds(`${month}-01`);
  const total = sumRates(month, byDept.values(), today < last ? today : last);
  const label = `${Number(month.slice(5, 7))}月`;
  const head = today < last && today.startsWith(month) ? `${label}（截至${cnDate(today)}）` : label;
  const depts = [...byDept.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, r]) => `${code} ${describeRate(r)}`);
  return { head, total, depts };
}

async function departmentRate(ctx: Ctx, month: string, code: string): Promise<string> {
  const r = (await overdueRates(ctx.m, ctx.deps.calendar, month, ctx.now)).get(code);
  return r ? describeRate(r) : '—（本月无办结办件）';
}

/** `办件 超期率 [月份]`: the hall and every department, or the 首席代表's own department. */
export async function overdueRateReply(ctx: Ctx, month: string): Promise<string> {
  if (hasRole(ctx.actor, 'hall_office', 'leader')) {
    const r = await rates(ctx, month);
    return [`${r.head} 全厅 超期率 ${describeRate(r.total)}`, ...r.depts].join('\n');
  }
  const code = ctx.actor.departmentCode;
  if (!code) return '你没有所属部门，无法查看本部门超期率。';
  return `${(await rates(ctx, month)).head} ${code} 超期率 ${await departmentRate(ctx, month, code)}`;
}

export const CASE_OVERDUE_REPORT: MonthlyReportProvider = {
  label: '办件超期率',
  rules: ['CAS-19'],
  async office(ctx, month) {
    const r = await rates(ctx, month);
    return [`全厅 ${describeRate(r.total)}`, ...r.depts].join('；');
  },
  department: (ctx, month, code) => departmentRate(ctx, month, code),
};
