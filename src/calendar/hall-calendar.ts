import type { EntityManager } from 'typeorm';
import { CalendarDay, type CalendarDayKind } from '../../entities/calendar-day';
import { CalendarYear } from '../../entities/calendar-year';
import { getSetting } from '../settings/settings';
import {
  type LocalDate,
  addDays,
  addMonths,
  instantAt,
  isoWeekday,
  localDate,
  localTime,
  yearOf,
} from '../kernel/time';
import { type HolidayPackage, holidayPackage } from './holiday-data';
import { CalendarCoverageError, type DayInfo, type Due, type WorkCalendar } from '../kernel/work-calendar';

/** One hall override (calendar_day) as the snapshot keeps it. */
export interface Override {
  kind: CalendarDayKind;
  note: string | null;
}

/** Everything the arithmetic needs, loaded at once so a refresh swaps it atomically. */
export interface CalendarSnapshot {
  pkg: HolidayPackage;
  overrides: ReadonlyMap<LocalDate, Override>;
  /** Years confirmed by import or by hand (calendar_year); the package's years are added to these. */
  extraYears: ReadonlySet<number>;
  endOfDay: string;
}

/**
 * The WorkCalendar of conventions (docs/architecture.md) / DIR-13 over an in-memory snapshot: package data, then `calendar_day`
 * overrides on top (they win), coverage = package years ∪ calendar_year (D13). Strict methods throw
 * CalendarCoverageError outside coverage; `dueAt` and `dayInfo` never throw (D13 provisional deadlines).
 */
export class HallCalendar implements WorkCalendar {
  private snap: CalendarSnapshot;
  private years: Set<number>;

  constructor(snapshot: Partial<CalendarSnapshot> = {}) {
    this.install({
      pkg: snapshot.pkg ?? holidayPackage(),
      overrides: snapshot.overrides ?? new Map(),
      extraYears: snapshot.extraYears ?? new Set(),
      endOfDay: snapshot.endOfDay ?? '17:30',
    });
  }

  private install(snap: CalendarSnapshot): void {
    this.snap = snap;
    this.years = new Set([...snap.pkg.years, ...snap.extraYears]);
  }

  get endOfDay(): string {
    return this.snap.endOfDay;
  }

  /** Reload overrides, confirmed years and the end-of-day setting (OPEN #1) from the database. */
  async refresh(m: EntityManager): Promise<void> {
    // Sequential: inside a transaction all three share one connection.
    const days = await m.find(CalendarDay);
    const years = await m.find(CalendarYear);
    const endOfDay = await getSetting(m, 'calendar.endOfDay');
    this.install({
      pkg: this.snap.pkg,
      overrides: new Map(days.map((d) => [d.date, { kind: d.kind, note: d.note }])),
      extraYears: new Set(years.map((y) => y.year)),
      endOfDay,
    });
  }

  isConfirmed(date: LocalDate): boolean {
    return this.years.has(yearOf(date));
  }

  confirmedYears(): number[] {
    return [...this.years].sort((a, b) => a - b);
  }

  dayInfo(date: LocalDate): DayInfo {
    const confirmed = this.isConfirmed(date);
    const o = this.snap.overrides.get(date);
    if (o) {
      const kind = o.kind === '班' ? 'makeup' : o.kind === '闭馆' ? 'closure' : 'holiday';
      return { date, confirmed, workday: o.kind === '班', kind, name: o.note, source: 'override' };
    }
    const p = this.snap.pkg.days.get(date);
    // Package entries only count inside the package's own years (never a stray date of another year).
    if (p && this.snap.pkg.years.has(yearOf(date))) {
      return {
        date,
        confirmed,
        workday: p.workday,
        kind: p.workday ? 'makeup' : 'holiday',
        name: p.name,
        source: 'package',
      };
    }
    const weekend = isoWeekday(date) >= 6;
    return { date, confirmed, workday: !weekend, kind: weekend ? 'weekend' : 'weekday', name: null, source: 'weekday' };
  }

  isWorkday(date: LocalDate): boolean {
    // rule DIR-13 / D13: outside confirmed coverage we refuse rather than guess — even for a date with an
    // override, because an unconfirmed year's holidays are not known yet.
    if (!this.isConfirmed(date)) throw new CalendarCoverageError(date);
    return this.dayInfo(date).workday;
  }

  addWorkdays(date: LocalDate, n: number): LocalDate {
    return this.walk(date, n, true).date;
  }

  workdaysBetween(a: LocalDate, b: LocalDate): number {
    if (b < a) return -this.workdaysBetween(b, a);
    let count = 0;
    for (let d = addDays(a, 1); d <= b; d = addDays(d, 1)) if (this.isWorkday(d)) count++;
    return count;
  }

  nthWorkdayBefore(date: LocalDate, n: number): LocalDate {
    if (n < 1) throw new RangeError(`nthWorkdayBefore: n must be ≥ 1 (got ${n})`);
    return this.walk(date, -n, true).date;
  }

  previousWorkday(date: LocalDate): LocalDate {
    return this.walk(date, -1, true).date;
  }

  nextWorkday(date: LocalDate): LocalDate {
    return this.walk(date, 1, true).date;
  }

  filingDay(now: Date): LocalDate {
    // §0.3 / OPEN #1: a filing stamped up to the end-of-day minute (17:30) counts for today; 17:31 or a
    // filing on a non-WD counts as made on the next WD.
    const today = localDate(now);
    if (this.isWorkday(today) && localTime(now) <= this.endOfDay) return today;
    return this.nextWorkday(today);
  }

  earliestStartWithNotice(now: Date, n: number): LocalDate {
    // The filing day F is a WD, so the nth WD after F is the first start whose nth WD before is ≥ F.
    return this.addWorkdays(this.filingDay(now), n);
  }

  isFiledAhead(now: Date, start: LocalDate, n: number): boolean {
    // §0.3 "≥N WD ahead of S": submitted on or before the Nth WD before S.
    return this.filingDay(now) <= this.nthWorkdayBefore(start, n);
  }

  dueAt(start: Date, n: number, unit: 'WD' | 'CD' | 'month'): Due {
    const d0 = localDate(start);
    let date: LocalDate;
    let provisional = false;
    if (unit === 'WD') {
      // §0.3 "within N WD of D0": the Nth WD after D0, counting from the next day (000 限时办结 第六条).
      // D0 is the event's own date at any hour: the 17:30 cut-off is a rule for "ahead" filings only.
      ({ date, provisional } = this.walk(d0, n, false));
    } else if (unit === 'CD') {
      date = addDays(d0, n); // LST-05 "三天" = calendar days (OPEN #25): no calendar needed
    } else {
      date = addMonths(d0, n); // §0.3 "半年/1年/1个月": calendar months clamped to month end
    }
    return { date, at: instantAt(date, this.endOfDay), provisional };
  }

  /**
   * Step |n| working days from `date` (exclusive) forwards or backwards. strict: a day outside coverage
   * throws; otherwise it is estimated from overrides and weekends and the result is flagged provisional.
   */
  private walk(date: LocalDate, n: number, strict: boolean): { date: LocalDate; provisional: boolean } {
    if (!Number.isInteger(n)) throw new RangeError(`working-day count must be an integer (got ${n})`);
    const step = n < 0 ? -1 : 1;
    let left = Math.abs(n);
    let d = date;
    let provisional = false;
    while (left > 0) {
      d = addDays(d, step);
      const info = this.dayInfo(d);
      if (!info.confirmed) {
        if (strict) throw new CalendarCoverageError(d);
        provisional = true;
      }
      if (info.workday) left--;
    }
    return { date: d, provisional };
  }
}

/** Build the bot's calendar from the database (start-up; `refresh` reloads it after a change). */
export async function loadWorkCalendar(m: EntityManager): Promise<HallCalendar> {
  const cal = new HallCalendar();
  await cal.refresh(m);
  return cal;
}
