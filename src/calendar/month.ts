import { type LocalDate, addDays, monthBounds } from '../kernel/time';
import type { DayInfo, WorkCalendar } from '../kernel/work-calendar';

/** A run of consecutive days of the same kind and name (e.g. 春节 2/15–2/23). */
export interface DayRun {
  from: LocalDate;
  to: LocalDate;
  name: string | null;
}

export interface MonthOverview {
  month: string;
  /** The month's year is confirmed (D13). */
  confirmed: boolean;
  holidays: DayRun[];
  makeups: DayRun[];
  closures: DayRun[];
  /** 工作日 in the month; null when the year is not confirmed (no guess, DIR-13). */
  workdays: number | null;
}

function runs(days: DayInfo[]): DayRun[] {
  const out: DayRun[] = [];
  for (const d of days) {
    const last = out[out.length - 1];
    if (last && addDays(last.to, 1) === d.date && last.name === d.name) last.to = d.date;
    else out.push({ from: d.date, to: d.date, name: d.name });
  }
  return out;
}

/** `日历 查看 <年-月>`: the month's holidays, 调休 working days and closures, and whether it is confirmed. */
export function monthOverview(cal: WorkCalendar, month: string): MonthOverview {
  const { first, last } = monthBounds(`${month}-01`);
  const days: DayInfo[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) days.push(cal.dayInfo(d));
  const confirmed = days[0].confirmed;
  return {
    month,
    confirmed,
    holidays: runs(days.filter((d) => d.kind === 'holiday')),
    makeups: runs(days.filter((d) => d.kind === 'makeup')),
    closures: runs(days.filter((d) => d.kind === 'closure')),
    workdays: confirmed ? days.filter((d) => d.workday).length : null,
  };
}
