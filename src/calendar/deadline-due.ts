import type { Deadline, DeadlinePause } from '../../entities/deadline';
import { type LocalDate, addDays, localDate, localStamp } from '../kernel/time';
import type { WorkCalendar } from '../kernel/work-calendar';

// A deadline's due date, computed from its row alone (§0.3, CAS-08/10/12, §19 #18, D13): no database, no state.
// The clock's changes — open, pause, resume, extend, restart, close — are in deadlines.ts.

/** Shown next to a due date computed beyond confirmed coverage (D13). */
export const PROVISIONAL_NOTE = '日期待日历确认';

/** `2025-03-17 17:30` or `2027-01-08 17:30（日期待日历确认）` for replies. */
export function describeDue(d: Pick<Deadline, 'dueAt' | 'provisional'>): string {
  return `${localStamp(d.dueAt)}${d.provisional ? `（${PROVISIONAL_NOTE}）` : ''}`;
}

/**
 * WDs a pause took out of the clock: whole days from the pause day through the resume day (§19 #18: paused
 * Wed–Thu = 2 WD), ignoring days on or before D0, which the clock never counted.
 */
export function pauseWorkdays(cal: WorkCalendar, d0: LocalDate, p: DeadlinePause): { n: number; provisional: boolean } {
  let n = 0;
  let provisional = false;
  const first = p.from > d0 ? p.from : addDays(d0, 1);
  for (let d = first; d <= p.to; d = addDays(d, 1)) {
    const info = cal.dayInfo(d);
    if (!info.confirmed) provisional = true;
    if (info.workday) n++;
  }
  return { n, provisional };
}

/** Due date of a deadline row from its start, amount, completed pauses and extensions. */
export function computeDue(
  cal: WorkCalendar,
  d: Pick<Deadline, 'startAt' | 'amount' | 'unit' | 'pauses' | 'extendedWorkdays'>,
): Pick<Deadline, 'dueDate' | 'dueAt' | 'provisional' | 'pausedWorkdays'> {
  if (d.unit !== 'WD') {
    const due = cal.dueAt(d.startAt, d.amount, d.unit);
    return { dueDate: due.date, dueAt: due.at, provisional: due.provisional, pausedWorkdays: 0 };
  }
  const d0 = localDate(d.startAt);
  let paused = 0;
  let provisional = false;
  for (const p of d.pauses ?? []) {
    const r = pauseWorkdays(cal, d0, p);
    paused += r.n;
    provisional ||= r.provisional;
  }
  const due = cal.dueAt(d.startAt, d.amount + paused + d.extendedWorkdays, 'WD');
  return { dueDate: due.date, dueAt: due.at, provisional: due.provisional || provisional, pausedWorkdays: paused };
}
