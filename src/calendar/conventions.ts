import { type LocalDate, addDays, addMonths, monthBounds } from '../kernel/time';
import type { WorkCalendar } from '../kernel/work-calendar';

// Small §0.3 conventions other domains share, so every rule reads a date phrase the same way.

/**
 * §0.3 / OPEN #2 "X日前" (下月10日前, 每月15日前, 3月1日前): a calendar date, inclusive, never shifted for
 * holidays. One rule for every "X日前"; the strict reading would be `date < deadline`.
 */
export function isOnOrBefore(date: LocalDate, deadline: LocalDate): boolean {
  return date <= deadline;
}

/** "下月N日前" for month `YYYY-MM` (BRF-04 约谈 by the 10th, BRF-07 书面通报 by the 15th): clamped to month end. */
export function dayOfNextMonth(month: string, day: number): LocalDate {
  const next = addMonths(`${month}-01`, 1);
  const { last } = monthBounds(next);
  const d = `${next.slice(0, 8)}${String(day).padStart(2, '0')}`;
  return d > last ? last : d;
}

/** "more than N months" (WIN-08 收回 after > 1 month): `on` is after `since` + N calendar months (clamped). */
export function isMoreThanMonths(since: LocalDate, on: LocalDate, months: number): boolean {
  return on > addMonths(since, months);
}

/**
 * WDs of a clock started on `start` that had fully elapsed before `today` began (CAS-18 L1 "≥50% elapsed",
 * checked at the 09:00 run). Throws CalendarCoverageError outside coverage, like every strict count.
 */
export function elapsedWorkdays(cal: WorkCalendar, start: LocalDate, today: LocalDate): number {
  const yesterday = addDays(today, -1);
  return yesterday <= start ? 0 : cal.workdaysBetween(start, yesterday);
}
