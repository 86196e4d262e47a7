import { Between } from 'typeorm';
import { Department } from '../../../entities/department';
import { Person } from '../../../entities/person';
import { ShortAbsence } from '../../../entities/short-absence';
import type { Ctx } from '../../kernel/ctx';
import { findDepartment } from '../../kernel/directory';
import { PermissionError } from '../../kernel/errors';
import { hasRole } from '../../kernel/permissions';
import type { MonthlyReportProvider } from '../../kernel/report-provider';
import { addDays, instantAt, monthBounds, shortDate } from '../../kernel/time';
import { judgeRange, type PersonDay } from './days';
import { missingWorkdays, SEES_ALL } from './query';
import { summarise, summaryLine } from './summary';

// `考勤 汇总 [月份] [部门=]` and the monthly-batch line (ATT-10, OPEN #38: monthly, on the 1st WD): per department,
// from the mirrored 考勤系统 rows. A 首席代表 sees its own department only (DIR-10).

const byDept = (days: PersonDay[]) => {
  const out = new Map<string, PersonDay[]>();
  for (const d of days) {
    const code = d.person.departmentCode ?? '未分配';
    out.set(code, [...(out.get(code) ?? []), d]);
  }
  return out;
};

/** One department's people with anomalies: `李四 迟到2 早退1`. */
function peopleLines(days: PersonDay[]): string[] {
  const per = new Map<string, { name: string; counts: Map<string, number> }>();
  for (const d of days) {
    for (const a of d.judged.anomalies) {
      const e = per.get(d.person.userid) ?? { name: d.person.name, counts: new Map<string, number>() };
      e.counts.set(a.kind, (e.counts.get(a.kind) ?? 0) + 1);
      per.set(d.person.userid, e);
    }
  }
  return [...per.values()].map((e) => `  ${e.name} ${[...e.counts].map(([k, n]) => `${k}${n}`).join(' ')}`);
}

/** ATT-03/04: the month's 暂离 (they are not in the 考勤系统 file): how many, and how many ran over (超时离岗). */
async function absenceLine(ctx: Ctx, first: string, last: string, code?: string): Promise<string> {
  const all = await ctx.m.find(ShortAbsence, {
    where: { startedAt: Between(instantAt(first), instantAt(addDays(last, 1))) },
  });
  const people = code
    ? new Set((await ctx.m.find(Person, { where: { departmentCode: code } })).map((p) => p.userid))
    : null;
  const mine = all.filter((a) => !people || people.has(a.userid));
  return `暂离 ${mine.length} 次，超时离岗 ${mine.filter((a) => a.overtime).length} 次`;
}

export async function attendanceSummary(ctx: Ctx, month: string, deptRef?: string): Promise<string> {
  const all = hasRole(ctx.actor, ...SEES_ALL);
  let code: string | undefined = deptRef ? (await findDepartment(ctx.m, deptRef)).code : undefined;
  if (!all) {
    const own = ctx.actor.departmentCode;
    if (!hasRole(ctx.actor, 'chief_rep') || !own || (code && code !== own)) {
      throw new PermissionError('首席代表只能查看本部门的考勤汇总（rule DIR-10）。');
    }
    code = own;
  }
  const { first, last } = monthBounds(`${month}-01`);
  const r = await judgeRange(ctx.m, ctx.deps.calendar, first, last, code ? { departmentCode: code } : {});
  const label = `${Number(month.slice(5))}月`;
  const missing = missingWorkdays(ctx, first, last, r.imported);
  const tail = [
    ...(missing.length ? [`考勤未导入：${missing.map(shortDate).join('、')}`] : []),
    await absenceLine(ctx, first, last, code),
  ];
  if (r.imported.size === 0) return [`${label} 考勤未导入，暂无汇总。`, ...tail].join('\n');
  if (code) {
    return [`${label} ${code}：${summaryLine(summarise(r.days))}`, ...peopleLines(r.days), ...tail].join('\n');
  }
  const groups = byDept(r.days);
  const lines = [...groups.keys()].sort().map((k) => `${label} ${k}：${summaryLine(summarise(groups.get(k)!))}`);
  return [`${label} 全厅：${summaryLine(summarise(r.days))}`, ...lines, ...tail].join('\n');
}

/** ATT-10 in monthly-batch section 六 (D92): the hall's line to G-OFFICE, each department's to its 首席代表. */
export const attendanceMonthly: MonthlyReportProvider = {
  label: '考勤汇总',
  rules: ['ATT-10', 'OPEN #38'],
  async office(ctx, month) {
    const { first, last } = monthBounds(`${month}-01`);
    const r = await judgeRange(ctx.m, ctx.deps.calendar, first, last);
    const missing = missingWorkdays(ctx, first, last, r.imported);
    const gaps = missing.length ? `；考勤未导入 ${missing.length} 个工作日` : '';
    if (r.imported.size === 0) return `考勤未导入${gaps ? `（${missing.length}个工作日）` : ''}`;
    const worst = [...byDept(r.days)]
      .map(([k, days]) => [k, summarise(days).people] as const)
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k} ${n}人`);
    return `${summaryLine(summarise(r.days))}${worst.length ? `（有异常：${worst.join('、')}）` : ''}${gaps}`;
  },
  async department(ctx, month, code) {
    if (!(await ctx.m.findOne(Department, { where: { code } }))) return null;
    const { first, last } = monthBounds(`${month}-01`);
    const r = await judgeRange(ctx.m, ctx.deps.calendar, first, last, { departmentCode: code });
    if (r.imported.size === 0) return '考勤未导入';
    const names = peopleLines(r.days).map((s) => s.trim());
    return `${summaryLine(summarise(r.days))}${names.length ? `（${names.join('；')}）` : ''}`;
  },
};
