import type { WorkCalendar } from '../../kernel/work-calendar';
import { addDays, monthBounds, type LocalDate } from '../../kernel/time';

// Calendar-date reminders (docs/commands.md): a reminder set for the Nth of a month fires on that day if
// it is a WD, else on the last WD before it — so it never lands after its calendar deadline; if that would fall
// into the previous month (e.g. 10月5日 in the 国庆 break) it fires on the next WD instead.

export function dayOfMonth(month: string, day: number): LocalDate {
  const { last } = monthBounds(`${month}-01`);
  const d = `${month}-${String(day).padStart(2, '0')}`;
  return d > last ? last : d;
}

export function fireDay(cal: WorkCalendar, month: string, day: number): LocalDate {
  const d = dayOfMonth(month, day);
  if (cal.isWorkday(d)) return d;
  const prev = cal.previousWorkday(d);
  return prev.startsWith(month) ? prev : cal.nextWorkday(d);
}

/** The month's first WD (monthly-batch, BRF-11 first reminder). */
export function firstWorkday(cal: WorkCalendar, month: string): LocalDate {
  const first = `${month}-01`;
  return cal.isWorkday(first) ? first : cal.nextWorkday(first);
}

/** The nth-last WD of the month (INS-02 "3rd-last WD", OPEN #15). */
export function nthLastWorkday(cal: WorkCalendar, month: string, n: number): LocalDate {
  const { last } = monthBounds(`${month}-01`);
  let d = cal.isWorkday(last) ? last : cal.previousWorkday(last);
  for (let i = 1; i < n; i++) d = cal.previousWorkday(d);
  return d;
}

/** The previous month `YYYY-MM` of a date. */
export function previousMonth(date: LocalDate): string {
  return addDays(`${date.slice(0, 7)}-01`, -1).slice(0, 7);
}
