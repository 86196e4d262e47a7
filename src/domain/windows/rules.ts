import type { HallWindow } from '../../../entities/window';
import type { Consultant } from '../../../entities/suspension';
import { ruleRefusal } from '../../kernel/errors';
import type { WorkCalendar } from '../../kernel/work-calendar';
import { type LocalDate, addDays } from '../../kernel/time';

/** Attachment purpose of 附件2 row 2 (事由需提供证明材料或文件). */
export const PROOF = '证明材料';

// Pure rule functions of the rulebook's §6 (docs/rules.md) (WIN) and §7 (SUS): no database, no clock — callers pass `now` and the calendar.

export const CITE = {
  win01: '000 调整管理 二(一)',
  win04n: '000 调整管理 二(二)1(1)',
  win04same: '000 调整管理 二(二)1(2)',
  win04cap: '000 调整管理 二(二)1(4)',
  win05: '000 调整管理 二(二)2(1)',
  win08: '000 调整管理 二(二)3',
  win09: '000 调整管理 二(二)3',
  win10: '000 调整管理 二(三)',
  win12: '000 高峰停办 二(一)5',
  sus02: '000 高峰停办 二(一)1',
  sus06: '000 高峰停办 二(二)1',
  sus07: '000 高峰停办 二(二)2',
  sus08: '000 高峰停办 二(二)3',
} as const;

/**
 * rule WIN-04 (000 调整管理 二(二)1(4)): closed windows ≤ 1/5 of the department's total; with ≤ 4 windows at most 1.
 * n = 1 → 1 here, but WIN-04(1) (≥ 2 windows) refuses any closure first.
 */
export function closureCap(n: number): number {
  return n <= 4 ? 1 : Math.floor(n / 5);
}

/**
 * rule WIN-04(1)(4) (000 调整管理 二(二)1(1) "设置了2个或2个以上窗口", 1(4) "本部门（单位）窗口总数"; D38): n counts
 * the department's own windows — 在用, 临时关闭 and 季节性. 备用 windows are those the center reclaimed (WIN-08);
 * they do not count. Callers pass each window's state on the date (state.ts).
 */
export const CAP_STATUSES = ['在用', '临时关闭', '季节性'] as const;

export function countsForCap(status: string): boolean {
  return (CAP_STATUSES as readonly string[]).includes(status);
}

/** Only departments above 4 windows may ask for the cap override ("原则上" applies to the 1/5 cap, not to "4个窗口以内…不得超过1个"). */
export function mayOverrideCap(n: number): boolean {
  return n > 4;
}

/** Inclusive date ranges overlap. */
export function overlaps(aFrom: LocalDate, aTo: LocalDate, bFrom: LocalDate, bTo: LocalDate): boolean {
  return aFrom <= bTo && bFrom <= aTo;
}

/** Every date from `from` to `to`, inclusive (closure periods are short; the cap is checked per day). */
export function daysOf(from: LocalDate, to: LocalDate): LocalDate[] {
  const out: LocalDate[] = [];
  for (let d = from; d <= to && out.length < 800; d = addDays(d, 1)) out.push(d);
  return out;
}

/**
 * "≥ N WD ahead of S" (§0.3) with the 17:30 cut-off; the refusal names the latest filing day and the earliest
 * start a filing made now could still have. Throws CalendarCoverageError beyond the loaded calendar (D13).
 */
export function checkNotice(
  cal: WorkCalendar,
  now: Date,
  start: LocalDate,
  n: number,
  rule: string,
  cite: string,
  what: string,
  /** The form field of the start date, so an H5 page shows the refusal beside it (D221). */
  field?: string,
): void {
  if (cal.isFiledAhead(now, start, n)) return;
  const latest = cal.nthWorkdayBefore(start, n);
  const earliest = cal.earliestStartWithNotice(now, n);
  throw ruleRefusal(
    rule,
    cite,
    `${what}须至少提前${n}个工作日申请（${start} 开始须在 ${latest} 17:30 前提交），最早可${what.includes('重启') ? '重启' : '开始'}日期 ${earliest}。`,
    field,
  );
}

/** WIN-05: the closure refusal in the exact §0.3 wording. */
export function checkClosureNotice(cal: WorkCalendar, now: Date, start: LocalDate): void {
  if (cal.isFiledAhead(now, start, 1)) return;
  const earliest = cal.earliestStartWithNotice(now, 1);
  throw ruleRefusal('WIN-05', CITE.win05, `窗口临时关闭须至少提前1个工作日申请，最早可关闭日期 ${earliest}。`, '从');
}

/** WIN-09 / WIN-10: reopening a reclaimed or seasonal window ≥ 5 WD ahead. */
export function checkReopenNotice(cal: WorkCalendar, now: Date, start: LocalDate, seasonal: boolean): void {
  if (cal.isFiledAhead(now, start, 5)) return;
  const earliest = cal.earliestStartWithNotice(now, 5);
  const [rule, cite] = seasonal ? ['WIN-10', CITE.win10] : ['WIN-09', CITE.win09];
  throw ruleRefusal(rule, cite, `重启须至少提前5个工作日申请，最早重启日期 ${earliest}。`);
}

/** SUS-02: the peak plan reaches 大厅管理室 ≥ 2 WD before the peak. */
export function checkPeakNotice(cal: WorkCalendar, now: Date, start: LocalDate): void {
  if (cal.isFiledAhead(now, start, 2)) return;
  throw ruleRefusal(
    'SUS-02',
    CITE.sus02,
    `业务高峰工作预案须至少提前2个工作日报送（最晚 ${cal.nthWorkdayBefore(start, 2)}），现在报送最早适用于 ${cal.earliestStartWithNotice(now, 2)} 开始的高峰。`,
  );
}

/** SUS-06: 停办 filed ≥ 5 WD before (§19 #8: from Mon 2025-03-17 → by Mon 03-10; Tue 03-11 → reject). */
export function checkSuspensionNotice(cal: WorkCalendar, now: Date, start: LocalDate): void {
  if (cal.isFiledAhead(now, start, 5)) return;
  throw ruleRefusal(
    'SUS-06',
    CITE.sus06,
    `须至少提前5个工作日备案（最晚 ${cal.nthWorkdayBefore(start, 5)}），现在备案最早可停办日期 ${cal.earliestStartWithNotice(now, 5)}。`,
  );
}

/** SUS-07: the public notice is due on the 4th WD before the start (§19 #9: from Mon 2025-03-17 → Tue 03-11). */
export function publicityDue(cal: WorkCalendar, start: LocalDate): LocalDate {
  return cal.nthWorkdayBefore(start, 4);
}

/** WIN-10: fixed-time / seasonal windows are exempt from 收回 (WIN-08) and reopen under the yearly plan. */
export function isSeasonalWindow(
  w: Pick<HallWindow, 'status' | 'kind'>,
  plannedWindows: ReadonlySet<string> = new Set(),
  number?: string,
): boolean {
  return (
    w.status === '季节性' ||
    w.kind === '季节性' ||
    w.kind === '固定时间' ||
    (number !== undefined && plannedWindows.has(number))
  );
}

const MONTH_DAY = String.raw`(\d{1,2})月(\d{1,2})日?`;
const SEASON = new RegExp(`${MONTH_DAY}\\s*[-–—~至到]\\s*${MONTH_DAY}`, 'gu');

/**
 * WIN-10 (000 调整管理 二(三)): the last day of the plan's season that a reopening on `from` opens — the first
 * `4月1日-10月31日` range of the plan's 时段 ending on or after `from` (ISO dates are read as well). Null when the
 * 时段 names no such range: the window then stays 在用 until changed by hand.
 */
export function seasonEnd(periods: string, from: LocalDate): LocalDate | null {
  const text = periods.replace(/\d{4}-(\d{1,2})-(\d{1,2})/gu, '$1月$2日');
  const year = from.slice(0, 4);
  const pad = (n: string) => n.padStart(2, '0');
  for (const m of text.matchAll(SEASON)) {
    const end = `${year}-${pad(m[3])}-${pad(m[4])}`;
    if (end >= from) return end;
  }
  return null;
}

/** WIN-10 (OPEN #2): "3月1日前" as a calendar date, inclusive by default, no holiday shift. */
export function seasonalPlanOnTime(filedOn: LocalDate, year: number, inclusive: boolean): boolean {
  const deadline = `${year}-03-01`;
  return inclusive ? filedOn <= deadline : filedOn < deadline;
}

/** rule SUS-08 (000 高峰停办 二(二)3): 2–3 consultation staff, each with a phone (§19 #32: 1 / 4 → reject). */
export function checkConsultants(list: Consultant[]): void {
  if (list.length < 2 || list.length > 3) {
    throw ruleRefusal(
      'SUS-08',
      CITE.sus08,
      `停办期间窗口须留有2-3名业务咨询和宣传解释人员，现填写 ${list.length} 人。`,
    );
  }
  const noPhone = list.filter((c) => !c.phone);
  if (noPhone.length)
    throw ruleRefusal(
      'SUS-08',
      CITE.sus08,
      `咨询人员 ${noPhone.map((c) => c.name).join('、')} 缺少咨询电话（例：咨询=张三 13900000014,李四 13900000013）。`,
    );
}

/** `13号窗` / `12、13号窗` for replies, numerically sorted. */
export function windowsLabel(numbers: readonly string[]): string {
  const sorted = [...numbers].sort((a, b) => a.localeCompare(b, 'zh', { numeric: true }));
  return `${sorted.join('、')}号窗`;
}
