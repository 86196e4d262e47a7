import { Between, type EntityManager } from 'typeorm';
import { CalendarDay, type CalendarDayKind } from '../../entities/calendar-day';
import { CalendarYear } from '../../entities/calendar-year';
import { writeAudit } from '../kernel/audit';
import { UserError } from '../kernel/errors';
import { insertRows } from '../db';
import type { LocalDate } from '../kernel/time';
import { recomputeOpenDeadlines } from './deadlines';
import type { WorkCalendar } from '../kernel/work-calendar';

// Writes to the calendar tables (rule DIR-13, D13, OPEN #8). Every write is audited, then the caller's
// calendar snapshot is refreshed inside the same transaction and every running deadline is recomputed.

export interface YearCounts {
  休: number;
  班: number;
  闭馆: number;
}

export async function yearCounts(m: EntityManager, year: number): Promise<YearCounts> {
  const rows = await m.find(CalendarDay, { where: { date: Between(`${year}-01-01`, `${year}-12-31`) } });
  const counts: YearCounts = { 休: 0, 班: 0, 闭馆: 0 };
  for (const r of rows) counts[r.kind]++;
  return counts;
}

/** Insert or replace one day override; returns the previous row's kind/note, if any. */
export async function upsertDay(
  m: EntityManager,
  now: Date,
  actor: string,
  date: LocalDate,
  kind: CalendarDayKind,
  note: string | null,
  source: string,
): Promise<{ kind: CalendarDayKind; note: string | null } | null> {
  const before = await m.findOne(CalendarDay, { where: { date } });
  const row = { kind, note, source, updatedBy: actor, updatedAt: now };
  if (before) await m.update(CalendarDay, { date }, row);
  else await insertRows(m, CalendarDay, { date, ...row });
  return before ? { kind: before.kind, note: before.note } : null;
}

/** Refresh the snapshot this transaction sees, then recompute every running deadline. */
export async function afterCalendarChange(
  m: EntityManager,
  now: Date,
  actor: string,
  cal: WorkCalendar,
  cause: string,
) {
  await cal.refresh(m);
  return recomputeOpenDeadlines(m, now, actor, cal, cause);
}

export interface SetDayResult {
  previous: { kind: CalendarDayKind; note: string | null } | null;
  yearConfirmed: boolean;
  moved: number;
}

/**
 * `日历 设置 <日期> 休|班|闭馆`: one override. It does not confirm an unconfirmed year (only `日历 确认` or an
 * import does), so a half-entered year can never pass for a loaded one.
 */
export async function setCalendarDay(
  m: EntityManager,
  now: Date,
  actor: string,
  cal: WorkCalendar,
  date: LocalDate,
  kind: CalendarDayKind,
  note: string | null,
): Promise<SetDayResult> {
  const previous = await upsertDay(m, now, actor, date, kind, note, 'chat');
  await writeAudit(m, now, actor, 'calendar.set', 'calendar', date, { kind, note, previous });
  const { moved } = await afterCalendarChange(m, now, actor, cal, `日历 设置 ${date} ${kind}`);
  return { previous, yearConfirmed: cal.isConfirmed(date), moved: moved.length };
}

export type ConfirmResult =
  | { status: 'package' }
  | { status: 'already'; by: string; at: Date }
  | { status: 'confirmed'; counts: YearCounts; moved: number };

/** `日历 确认 <年>` (D13 "set by hand"): mark a year confirmed once it has at least one entry. */
export async function confirmYear(
  m: EntityManager,
  now: Date,
  actor: string,
  cal: WorkCalendar,
  year: number,
  source = 'chat',
): Promise<ConfirmResult> {
  const existing = await m.findOne(CalendarYear, { where: { year } });
  if (existing) return { status: 'already', by: existing.confirmedBy, at: existing.confirmedAt };
  if (cal.isConfirmed(`${year}-01-01`)) return { status: 'package' };
  const counts = await yearCounts(m, year);
  if (counts.休 + counts.班 + counts.闭馆 === 0) {
    throw new UserError(
      `${year}年尚无任何日历条目，不能确认。请先用“日历 设置 <日期> 休|班”录入国务院办公厅公布的放假和调休安排，或由管理员导入。`,
    );
  }
  await markYearConfirmed(m, now, actor, year, source);
  await writeAudit(m, now, actor, 'calendar.confirm', 'calendar', String(year), { source, counts });
  const { moved } = await afterCalendarChange(m, now, actor, cal, `日历 确认 ${year}`);
  return { status: 'confirmed', counts, moved: moved.length };
}

export async function markYearConfirmed(m: EntityManager, now: Date, actor: string, year: number, source: string) {
  const row = { source, confirmedBy: actor, confirmedAt: now };
  const n = await insertRows(m, CalendarYear, { year, ...row }, { orIgnore: true });
  if (n === 0) await m.update(CalendarYear, { year }, row);
}
