import { createRequire } from 'node:module';
import type { LocalDate } from '../kernel/time';

// rule DIR-13: the maintained holiday package (chinese-days) is the source for the years it covers. Its
// functions (isWorkday…) silently fall back to "Mon–Fri" for years it does not know, so we never call them:
// we read its JSON data and derive the covered years from that data (no hard-coded year list, D13).

/** `"Spring Festival,春节,4"`: English name, Chinese name, days of the holiday. */
interface PackageJson {
  holidays: Record<LocalDate, string>;
  workdays: Record<LocalDate, string>;
}

export interface PackageDay {
  /** true = 调休 make-up working day; false = statutory holiday. */
  workday: boolean;
  /** Chinese festival name, e.g. 春节. */
  name: string;
}

export interface HolidayPackage {
  days: ReadonlyMap<LocalDate, PackageDay>;
  /** Years the package's official data covers. */
  years: ReadonlySet<number>;
}

function cnName(raw: string): string {
  const parts = raw.split(',');
  return (parts[1] ?? parts[0] ?? '').trim();
}

/**
 * A year counts as covered when the package lists holidays of at least two different festivals in it:
 * a single stray date (e.g. a 元旦 period reaching into the next year) must not make a whole year look official.
 */
const MIN_FESTIVALS_PER_YEAR = 2;

export function parseHolidayPackage(json: PackageJson): HolidayPackage {
  const days = new Map<LocalDate, PackageDay>();
  const festivals = new Map<number, Set<string>>();
  for (const [date, raw] of Object.entries(json.holidays)) {
    days.set(date, { workday: false, name: cnName(raw) });
    const year = Number(date.slice(0, 4));
    if (!festivals.has(year)) festivals.set(year, new Set());
    festivals.get(year)!.add(cnName(raw));
  }
  for (const [date, raw] of Object.entries(json.workdays)) days.set(date, { workday: true, name: cnName(raw) });
  const years = new Set([...festivals].filter(([, names]) => names.size >= MIN_FESTIVALS_PER_YEAR).map(([y]) => y));
  return { days, years };
}

let cached: HolidayPackage | undefined;

/** The installed chinese-days data, parsed once. */
export function holidayPackage(): HolidayPackage {
  if (!cached) {
    const require = createRequire(import.meta.url);
    cached = parseHolidayPackage(require('chinese-days/dist/chinese-days.json') as PackageJson);
  }
  return cached;
}
