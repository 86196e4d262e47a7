import { type LocalDate, addDays, addMonths, isLocalDate, isoWeekday, localDate } from './time';

// docs/commands.md and D3: `2026-03-02`, `2026/3/2`, `3月2日`, `3/2`, `今天`, `明天`, `后天`,
// `下周一`…`下周日` (that day of the next ISO week), `周三` (this ISO week's day, even if past).
// A bare month/day is this year; if already past by more than 6 months it means next year.

const WEEKDAYS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };

export const DATE_EXAMPLES = '3月2日、2026-03-02、明天、下周一';

function ymd(y: number, m: number, d: number): LocalDate | undefined {
  const s = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isLocalDate(s) ? s : undefined;
}

/** Resolve a Chinese date expression against `now` (Asia/Shanghai); undefined if it is not a date. */
export function parseCnDate(text: string, now: Date): LocalDate | undefined {
  const s = text.trim();
  const today = localDate(now);
  if (s === '今天' || s === '今日') return today;
  if (s === '明天' || s === '明日') return addDays(today, 1);
  if (s === '后天') return addDays(today, 2);
  if (s === '昨天') return addDays(today, -1);
  let m = /^(下|本|这)?(?:周|星期|礼拜)([一二三四五六日天])$/.exec(s);
  if (m) {
    const target = WEEKDAYS[m[2]];
    const monday = addDays(today, 1 - isoWeekday(today));
    return addDays(monday, (m[1] === '下' ? 7 : 0) + target - 1);
  }
  m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})(?:月|\/)(\d{1,2})日?$/.exec(s);
  if (m) {
    const year = Number(today.slice(0, 4));
    const candidate = ymd(year, +m[1], +m[2]);
    if (!candidate) return undefined;
    // "if already past by > 6 months → next year"
    const limit = addMonths(today, -6);
    return candidate < limit ? (ymd(year + 1, +m[1], +m[2]) ?? candidate) : candidate;
  }
  return undefined;
}

/** A date range `3/2-3/6` (both ends in one token). */
export function parseCnDateRange(text: string, now: Date): { from: LocalDate; to: LocalDate } | undefined {
  const parts = text.split(/[-~至到]/);
  if (parts.length !== 2) return undefined;
  const from = parseCnDate(parts[0], now);
  const to = parseCnDate(parts[1], now);
  return from && to ? { from, to } : undefined;
}

/** `YYYY-MM` from `2026-03`, `3月`, `2026年3月`, `上月`, `本月`. */
export function parseCnMonth(text: string, now: Date): string | undefined {
  const s = text.trim();
  const today = localDate(now);
  const [y, mo] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const fmt = (yy: number, mm: number) => `${yy}-${String(mm).padStart(2, '0')}`;
  if (s === '本月' || s === '这个月') return fmt(y, mo);
  if (s === '上月' || s === '上个月') return mo === 1 ? fmt(y - 1, 12) : fmt(y, mo - 1);
  let m = /^(\d{4})[-/年](\d{1,2})月?$/.exec(s);
  if (m && +m[2] >= 1 && +m[2] <= 12) return fmt(+m[1], +m[2]);
  m = /^(\d{1,2})月$/.exec(s);
  if (m && +m[1] >= 1 && +m[1] <= 12) return fmt(y, +m[1]);
  return undefined;
}
