import type { Person } from '../../../entities/person';
import type { Ctx } from '../../kernel/ctx';
import { findPerson } from '../../kernel/directory';
import { PermissionError, UserError } from '../../kernel/errors';
import { hasRole } from '../../kernel/permissions';
import { parseCnDate, parseCnMonth } from '../../kernel/dates';
import { addDays, localDate, monthBounds, shortDate, type LocalDate } from '../../kernel/time';
import { judgeRange, type PersonDay } from './days';
import { anomalyText, type Limits } from './rules';
import { summarise, summaryLine } from './summary';

// `考勤 查询 [@人] [日期|月份]` (ATT-01, ATT-02): one person's day or month as mirrored from the 考勤系统.
// Everyone sees their own; window_lead their window, chief_rep their department, hall_office and the
// center's leaders everyone (DIR-10).

export const SEES_ALL = ['hall_office', 'leader', 'supervisor'] as const;

export function assertMaySee(ctx: Ctx, p: Person): void {
  if (p.userid === ctx.actor.userid || hasRole(ctx.actor, ...SEES_ALL)) return;
  if (hasRole(ctx.actor, 'chief_rep') && p.departmentCode && p.departmentCode === ctx.actor.departmentCode) return;
  if (hasRole(ctx.actor, 'window_lead') && p.windowNumber && p.windowNumber === ctx.actor.windowNumber) return;
  throw new PermissionError(`只能查看本人${hasRole(ctx.actor, 'chief_rep') ? '或本部门' : ''}的考勤（rule DIR-10）。`);
}

export interface QueryTarget {
  who?: string;
  date?: LocalDate;
  month?: string;
}

/** Words after `考勤 查询`: a person (`@李四`, `李四`), a date (`3月2日`, `昨天`) or a month (`3月`, `上月`). */
export function readQueryWords(words: string[], now: Date): QueryTarget {
  const t: QueryTarget = {};
  for (const w of words.filter(Boolean)) {
    const month = /月$|^\d{4}-\d{2}$/.test(w) ? parseCnMonth(w, now) : undefined;
    const date = month ? undefined : parseCnDate(w, now);
    if (month) t.month = month;
    else if (date) t.date = date;
    else if (!t.who) t.who = w;
    else throw new UserError(`“${w}”无法识别。例：考勤 查询 @李四 3月`);
  }
  return t;
}

export function dayLine(d: PersonDay, l: Limits): string {
  const head = `${shortDate(d.date)}`;
  if (d.judged.status === '请假' && d.leave) return `${head} 请假（${d.leave.no} ${d.leave.kind}）`;
  const times = `签到 ${d.row?.signIn ?? '—'} 签退 ${d.row?.signOut ?? '—'}`;
  if (d.judged.status === '非工作日') return `${head} ${times}（非工作日）`;
  if (!d.judged.anomalies.length) return `${head} ${times} ✅${d.judged.extended ? '（延时服务）' : ''}`;
  return `${head} ${times} ❗${d.judged.anomalies.map((a) => anomalyText(a, l)).join('，')}`;
}

/** WDs in [from, to] without any imported row (up to yesterday: today's file comes tomorrow). */
export function missingWorkdays(ctx: Ctx, from: LocalDate, to: LocalDate, imported: Set<LocalDate>): LocalDate[] {
  const last = to < localDate(ctx.now) ? to : addDays(localDate(ctx.now), -1);
  const out: LocalDate[] = [];
  for (let d = from; d <= last; d = addDays(d, 1)) {
    if (ctx.deps.calendar.dayInfo(d).workday && !imported.has(d)) out.push(d);
  }
  return out;
}

export async function queryAttendance(ctx: Ctx, t: QueryTarget): Promise<string> {
  const p = t.who ? await findPerson(ctx.m, t.who) : await findPerson(ctx.m, ctx.actor.userid);
  assertMaySee(ctx, p);
  if (t.date) {
    const r = await judgeRange(ctx.m, ctx.deps.calendar, t.date, t.date, { userid: p.userid });
    if (!r.imported.has(t.date)) return `${p.name} ${shortDate(t.date)} 考勤未导入。`;
    const d = r.days[0];
    return d
      ? `${p.name} ${dayLine(d, r.limits)}`
      : `${p.name} ${shortDate(t.date)} 无考勤记录（非应到人员或非工作日）。`;
  }
  const month = t.month ?? localDate(ctx.now).slice(0, 7);
  const { first, last } = monthBounds(`${month}-01`);
  const r = await judgeRange(ctx.m, ctx.deps.calendar, first, last, { userid: p.userid });
  const c = summarise(r.days);
  const notable = r.days.filter((d) => d.judged.status !== '正常' || d.judged.extended);
  const missing = missingWorkdays(ctx, first, last, r.imported);
  const lines = [
    `${p.name} ${Number(month.slice(5))}月考勤（${r.days.filter((d) => d.judged.status !== '非工作日').length}个工作日）：${summaryLine(c)}`,
    ...notable.map((d) => dayLine(d, r.limits)),
  ];
  if (notable.length === 0 && r.days.length) lines.push('各日均正常 ✅');
  if (missing.length) lines.push(`考勤未导入：${missing.map(shortDate).join('、')}`);
  return lines.join('\n');
}
