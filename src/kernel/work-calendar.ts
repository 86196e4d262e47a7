import type { EntityManager } from 'typeorm';
import { UserError } from './errors';
import type { LocalDate } from './time';

/**
 * Raised when a date falls outside the confirmed calendar (D13, DIR-13): never a silent guess.
 * Its message is shown to the person as is.
 */
export class CalendarCoverageError extends UserError {
  constructor(readonly date: LocalDate) {
    super(`工作日历未配置（rule DIR-13）：${date} 所在年份的节假日安排尚未确认，请大厅管理室先导入或设置该年日历。`);
    this.name = 'CalendarCoverageError';
  }
}

/** What the calendar knows about one day (never throws; `confirmed` says whether to trust `workday`). */
export interface DayInfo {
  date: LocalDate;
  /** The day's year is confirmed (package data or calendar_year, D13). */
  confirmed: boolean;
  /** 工作日? Outside coverage this is only the weekday/override estimate used for provisional dues. */
  workday: boolean;
  /** holiday = 法定假日 (package or 休); makeup = 调休上班 (package or 班); closure = 闭馆 (hall-specific). */
  kind: 'weekday' | 'weekend' | 'holiday' | 'makeup' | 'closure';
  /** Festival name or the override's 说明. */
  name: string | null;
  source: 'package' | 'override' | 'weekday';
}

/** A due date computed from the calendar. */
export interface Due {
  /** The last day (inclusive). */
  date: LocalDate;
  /** The instant the deadline ends: `date` at the end-of-day setting (17:30, OPEN #1). */
  at: Date;
  /** True when the computation needed days beyond confirmed coverage (D13 "日期待日历确认"). */
  provisional: boolean;
}

/**
 * The single authority for working-day arithmetic (conventions (docs/architecture.md), DIR-13). All methods are synchronous
 * over an in-memory snapshot of the holiday package + the `calendar_day` overrides; `refresh` reloads it.
 * Methods that need a day outside confirmed coverage throw CalendarCoverageError unless documented otherwise.
 */
export interface WorkCalendar {
  /** End-of-day time `HH:MM` (setting calendar.endOfDay, OPEN #1). */
  readonly endOfDay: string;
  refresh(m: EntityManager): Promise<void>;
  isConfirmed(date: LocalDate): boolean;
  /** Confirmed years, ascending (package years + calendar_year rows, D13). */
  confirmedYears(): number[];
  /** What is known about `date`; never throws (for listings and provisional estimates). */
  dayInfo(date: LocalDate): DayInfo;
  /** Whether `date` is a 工作日; throws CalendarCoverageError outside coverage. */
  isWorkday(date: LocalDate): boolean;
  /** n ≥ 1: the nth WD after `date` ("within n WD", counting from the next day); n ≤ -1: the |n|th WD before. */
  addWorkdays(date: LocalDate, n: number): LocalDate;
  /** WDs in (a, b]; negative when b < a. */
  workdaysBetween(a: LocalDate, b: LocalDate): number;
  /** The nth WD strictly before `date` — the last filing day for "≥n WD ahead of date". */
  nthWorkdayBefore(date: LocalDate, n: number): LocalDate;
  previousWorkday(date: LocalDate): LocalDate;
  nextWorkday(date: LocalDate): LocalDate;
  /**
   * The day a filing made at `now` counts for: today if it is a WD and before end of day, else the next WD
   * (§0.3 "same-day cut-off 17:30").
   */
  filingDay(now: Date): LocalDate;
  /** Earliest start S such that a filing made at `now` is ≥ n WD ahead of S (a WD). */
  earliestStartWithNotice(now: Date, n: number): LocalDate;
  /** Whether a filing made at `now` is ≥ n WD ahead of `start`. */
  isFiledAhead(now: Date, start: LocalDate, n: number): boolean;
  /**
   * Deadline of "within n units of an event at `start`": WD per §0.3; CD = calendar days; month = calendar
   * months clamped to month end. Beyond coverage it returns a provisional answer (never throws).
   */
  dueAt(start: Date, n: number, unit: 'WD' | 'CD' | 'month'): Due;
}
