// All rule times are Beijing time (architecture "TZ for rules"). China has had no DST since 1991,
// so Asia/Shanghai is a fixed UTC+8 offset and plain arithmetic is exact; no host-TZ dependence.
const OFFSET_MS = 8 * 3600_000;

/** A calendar date in Asia/Shanghai, `YYYY-MM-DD`. */
export type LocalDate = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLocalDate(s: string): s is LocalDate {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

function shifted(instant: Date): Date {
  return new Date(instant.getTime() + OFFSET_MS);
}

/** The Beijing calendar date of an instant. */
export function localDate(instant: Date): LocalDate {
  return shifted(instant).toISOString().slice(0, 10);
}

/** The Beijing wall-clock time of an instant, `HH:MM`. */
export function localTime(instant: Date): string {
  return shifted(instant).toISOString().slice(11, 16);
}

/** Minutes since Beijing midnight. */
export function minutesOfDay(instant: Date): number {
  const s = shifted(instant);
  return s.getUTCHours() * 60 + s.getUTCMinutes();
}

/** The instant at which the Beijing wall clock reads `date` `hh:mm`. */
export function instantAt(date: LocalDate, hhmm = '00:00'): Date {
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = hhmm.split(':').map(Number);
  return new Date(Date.UTC(y, mo - 1, d, h, mi) - OFFSET_MS);
}

export function addDays(date: LocalDate, n: number): LocalDate {
  const [y, mo, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, mo - 1, d + n)).toISOString().slice(0, 10);
}

/** Calendar months with clamping to month end (conventions (docs/architecture.md) "半年 / 1年 / 1个月"). */
export function addMonths(date: LocalDate, n: number): LocalDate {
  const [y, mo, d] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, mo - 1 + n, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last))).toISOString().slice(0, 10);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  const [y, mo, d] = date.split('-').map(Number);
  const w = new Date(Date.UTC(y, mo - 1, d)).getUTCDay();
  return w === 0 ? 7 : w;
}

/** Days from a to b (b − a). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((instantAt(b).getTime() - instantAt(a).getTime()) / 86_400_000);
}

/** ISO week key `YYYY-Www` of a date. */
export function isoWeekKey(date: LocalDate): string {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function monthKey(date: LocalDate): string {
  return date.slice(0, 7);
}

export function yearOf(date: LocalDate): number {
  return Number(date.slice(0, 4));
}

/** First and last day of the month of `date`. */
export function monthBounds(date: LocalDate): { first: LocalDate; last: LocalDate } {
  const first = `${date.slice(0, 7)}-01`;
  return { first, last: addDays(addMonths(first, 1), -1) };
}

/** `3月5日` style for replies. */
export function cnDate(date: LocalDate): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** `3/5` short style for lists. */
export function shortDate(date: LocalDate): string {
  return `${Number(date.slice(5, 7))}/${Number(date.slice(8, 10))}`;
}

/** Local `YYYY-MM-DD HH:MM` for records and cards. */
export function localStamp(instant: Date): string {
  return `${localDate(instant)} ${localTime(instant)}`;
}

/** The wall clock every adapter asks; domain code receives `now` from it, never reads the clock itself. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests and the CLI (`job run --at`) can set. */
export class FixedClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current.getTime());
  }
  set(instant: Date | string): void {
    this.current = typeof instant === 'string' ? new Date(instant) : instant;
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/**
 * The sandbox clock (D36): another clock read `offsetMs` ahead. Only ever moved forward; the offset is
 * persisted by src/sandbox-clock.ts so a restart keeps the moved time.
 */
export class OffsetClock implements Clock {
  constructor(
    private readonly base: Clock,
    private offset = 0,
  ) {}
  now(): Date {
    return new Date(this.base.now().getTime() + this.offset);
  }
  get offsetMs(): number {
    return this.offset;
  }
  setOffset(ms: number): void {
    this.offset = ms;
  }
}
