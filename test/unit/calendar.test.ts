import { describe, expect, it } from 'vitest';
import { computeDue, pauseWorkdays } from '../../src/calendar/deadline-due';
import { isPastDue } from '../../src/calendar/deadline-reminders';
import { dayOfNextMonth, elapsedWorkdays, isMoreThanMonths, isOnOrBefore } from '../../src/calendar/conventions';
import { HallCalendar, type Override } from '../../src/calendar/hall-calendar';
import { holidayPackage, parseHolidayPackage } from '../../src/calendar/holiday-data';
import { monthOverview } from '../../src/calendar/month';
import { CalendarCoverageError } from '../../src/kernel/work-calendar';
import { type LocalDate, instantAt, localStamp } from '../../src/kernel/time';

// The official State Council calendar (the rulebook's test vectors header): 国办发明电 notices for 2025 and 2026.
const cal = new HallCalendar();
const at = (date: LocalDate, hhmm = '10:00') => instantAt(date, hhmm);
const due = (date: LocalDate, n: number) => cal.dueAt(at(date), n, 'WD');

describe('§19 test vectors — within N WD (§0.3 "count starts the next day")', () => {
  it('§19 #1 CMP-11 within 5 WD: referral Mon 2025-03-10 → due Mon 2025-03-17 17:30', () => {
    const d = due('2025-03-10', 5);
    expect(d.date).toBe('2025-03-17');
    expect(localStamp(d.at)).toBe('2025-03-17 17:30');
    expect(d.provisional).toBe(false);
  });
  it('§19 #2 CMP-12 within 10 WD: Mon 2025-03-10 → Mon 2025-03-24', () => {
    expect(due('2025-03-10', 10).date).toBe('2025-03-24');
  });
  it('§19 #3 CMP-15 within 2 WD: Fri 2025-03-14 → Tue 2025-03-18', () => {
    expect(due('2025-03-14', 2).date).toBe('2025-03-18');
  });
  it('§19 #4 CMP-20 within 15 WD: Mon 2025-03-03 → Mon 2025-03-24', () => {
    expect(due('2025-03-03', 15).date).toBe('2025-03-24');
  });
  it('§19 #5 CMP-15 DIR-13 holiday skip: 2 WD from Thu 2025-04-03 (清明 04-04) → Tue 2025-04-08', () => {
    expect(due('2025-04-03', 2).date).toBe('2025-04-08');
  });
  it('§19 #17 CAS-08 补正 restart: received Wed 2025-03-12, 5-WD item → Wed 2025-03-19', () => {
    expect(due('2025-03-12', 5).date).toBe('2025-03-19');
  });
  it('§19 #37 CMP-15 DIR-13 make-up Sunday: done Fri 2025-09-26 (Sun 09-28 works) → Mon 2025-09-29', () => {
    expect(due('2025-09-26', 2).date).toBe('2025-09-29');
  });
  it('§19 #38 CMP-11 across 国庆: Tue 2025-09-30 (10-01…08 off, Sat 10-11 works) → Tue 2025-10-14', () => {
    expect(due('2025-09-30', 5).date).toBe('2025-10-14');
  });
  it('§19 #39 CMP-12 across 春节 2026: Wed 2026-02-11 (02-15…23 off, Sat 02-14/02-28 work) → Tue 2026-03-03', () => {
    expect(due('2026-02-11', 10).date).toBe('2026-03-03');
  });
});

describe('§19 test vectors — ≥N WD ahead of S (§0.3)', () => {
  it('§19 #6 WIN-05 ≥1 WD: closure Mon 2025-03-17 → by Fri 03-14; filed Mon 03-17 → reject', () => {
    expect(cal.nthWorkdayBefore('2025-03-17', 1)).toBe('2025-03-14');
    expect(cal.isFiledAhead(at('2025-03-14', '16:00'), '2025-03-17', 1)).toBe(true);
    expect(cal.isFiledAhead(at('2025-03-17', '08:00'), '2025-03-17', 1)).toBe(false);
  });
  it('§19 #7 SUS-02 ≥2 WD: peak Mon 2025-03-17 → plan by Thu 03-13', () => {
    expect(cal.nthWorkdayBefore('2025-03-17', 2)).toBe('2025-03-13');
  });
  it('§19 #8 SUS-06 ≥5 WD: suspension Mon 2025-03-17 → filed by Mon 03-10; Tue 03-11 → reject', () => {
    expect(cal.nthWorkdayBefore('2025-03-17', 5)).toBe('2025-03-10');
    expect(cal.isFiledAhead(at('2025-03-10', '09:00'), '2025-03-17', 5)).toBe(true);
    expect(cal.isFiledAhead(at('2025-03-11', '09:00'), '2025-03-17', 5)).toBe(false);
  });
  it('§19 #9 SUS-07 ≥4 WD: public notice by Tue 2025-03-11', () => {
    expect(cal.nthWorkdayBefore('2025-03-17', 4)).toBe('2025-03-11');
  });
  it('§19 #10 STF-02 ≥5 WD: 入岗 Mon 2025-03-17 → form by Mon 03-10', () => {
    expect(cal.nthWorkdayBefore('2025-03-17', 5)).toBe('2025-03-10');
  });
  it('§19 #11 STF-07 ≥15 WD: 离岗 Mon 2025-03-31 → form by Mon 03-10', () => {
    expect(cal.nthWorkdayBefore('2025-03-31', 15)).toBe('2025-03-10');
    expect(cal.isFiledAhead(at('2025-03-11'), '2025-03-31', 15)).toBe(false);
  });
});

describe('§0.3 / OPEN #1 17:30 same-day cut-off', () => {
  it('filed Tue 2026-03-03 11:05 with n=1 → earliest start Wed 2026-03-04', () => {
    expect(cal.earliestStartWithNotice(at('2026-03-03', '11:05'), 1)).toBe('2026-03-04');
  });
  it('17:30 still counts for today, 17:31 counts as the next WD', () => {
    expect(cal.filingDay(at('2026-03-03', '17:30'))).toBe('2026-03-03');
    expect(cal.filingDay(at('2026-03-03', '17:31'))).toBe('2026-03-04');
    expect(cal.earliestStartWithNotice(at('2026-03-03', '17:31'), 1)).toBe('2026-03-05');
  });
  it('WIN-05 Fri 2025-03-14 17:30 is in time for Mon 03-17; 17:31 is not', () => {
    expect(cal.isFiledAhead(at('2025-03-14', '17:30'), '2025-03-17', 1)).toBe(true);
    expect(cal.isFiledAhead(at('2025-03-14', '17:31'), '2025-03-17', 1)).toBe(false);
  });
  it('a filing on a non-WD counts for the next WD; on a 调休 Saturday it counts that day', () => {
    expect(cal.filingDay(at('2026-02-15', '09:00'))).toBe('2026-02-24'); // 春节 Sunday
    expect(cal.filingDay(at('2026-02-14', '09:00'))).toBe('2026-02-14'); // make-up Saturday
    expect(cal.filingDay(at('2025-03-15', '09:00'))).toBe('2025-03-17'); // ordinary Saturday
  });
  it('OPEN #1 a deadline ending 17:30 is met at 17:30 and missed at 17:31 (same minute rule as filings)', () => {
    const d = due('2025-03-10', 5).at;
    expect(isPastDue(d, at('2025-03-17', '17:30'))).toBe(false);
    expect(isPastDue(d, new Date(d.getTime() + 59_000))).toBe(false);
    expect(isPastDue(d, at('2025-03-17', '17:31'))).toBe(true);
  });
  it('the end of day is configurable (setting calendar.endOfDay)', () => {
    const late = new HallCalendar({ endOfDay: '18:00' });
    expect(late.filingDay(at('2026-03-03', '17:45'))).toBe('2026-03-03');
    expect(localStamp(late.dueAt(at('2025-03-10'), 5, 'WD').at)).toBe('2025-03-17 18:00');
  });
});

describe('§19 vectors on calendar dates, months and previous WDs', () => {
  it('§19 #14 WIN-08 reclaim: closed since 2025-03-10 → flag on 04-11, not on 04-10', () => {
    expect(isMoreThanMonths('2025-03-10', '2025-04-10', 1)).toBe(false);
    expect(isMoreThanMonths('2025-03-10', '2025-04-11', 1)).toBe(true);
  });
  it('§19 #15 WIN-10 "3月1日前" inclusive (OPEN #2): 02-28 / 03-01 accept, 03-02 reject', () => {
    expect(isOnOrBefore('2025-02-28', '2025-03-01')).toBe(true);
    expect(isOnOrBefore('2025-03-01', '2025-03-01')).toBe(true);
    expect(isOnOrBefore('2025-03-02', '2025-03-01')).toBe(false);
  });
  it('§19 #28 LST-07 half a year → 2025-09-10; LST-05 3 CD → 2025-03-13 (no holiday shift)', () => {
    expect(cal.dueAt(at('2025-03-10'), 6, 'month').date).toBe('2025-09-10');
    expect(cal.dueAt(at('2025-03-10'), 3, 'CD').date).toBe('2025-03-13');
    // CD ignores holidays: 3 CD from 2025-09-30 is 10-03 (a holiday) all the same.
    expect(cal.dueAt(at('2025-09-30'), 3, 'CD').date).toBe('2025-10-03');
  });
  it('§19 #29 BRF-02 口头通报 scope: Mon 2025-03-17 covers Fri 03-14; Mon 04-07 covers Thu 04-03', () => {
    expect(cal.previousWorkday('2025-03-17')).toBe('2025-03-14');
    expect(cal.previousWorkday('2025-04-07')).toBe('2025-04-03');
  });
  it('§19 #30 BRF-04/BRF-07 March 2025: 约谈 by 2025-04-10, 书面通报 by 2025-04-15', () => {
    expect(dayOfNextMonth('2025-03', 10)).toBe('2025-04-10');
    expect(dayOfNextMonth('2025-03', 15)).toBe('2025-04-15');
    expect(dayOfNextMonth('2025-12', 10)).toBe('2026-01-10');
  });
  it('§19 #40 BRF-02 after holidays: Thu 2025-10-09 covers Tue 09-30; Mon 10-13 covers Sat 10-11', () => {
    expect(cal.previousWorkday('2025-10-09')).toBe('2025-09-30');
    expect(cal.previousWorkday('2025-10-13')).toBe('2025-10-11');
  });
  it('§19 #21 CAS-18 三级提醒: 10 WD from Mon 03-10 (due 03-24): L1 Tue 03-18, L2 Fri 03-21 + Mon 03-24, L3 from Tue 03-25', () => {
    const start = '2025-03-10';
    const dueDate = due(start, 10).date;
    expect(dueDate).toBe('2025-03-24');
    const l1 = (d: LocalDate) => elapsedWorkdays(cal, start, d) * 2 >= 10;
    expect(l1('2025-03-17')).toBe(false);
    expect(l1('2025-03-18')).toBe(true);
    expect(cal.addWorkdays(dueDate, -1)).toBe('2025-03-21');
    expect(cal.addWorkdays(dueDate, 1)).toBe('2025-03-25');
  });
  it('§19 #18 CAS-12 pause: 5 WD from Mon 03-10, paused Wed 03-12–Thu 03-13 → due Wed 2025-03-19', () => {
    const d = { startAt: at('2025-03-10'), amount: 5, unit: 'WD' as const, extendedWorkdays: 0 };
    expect(computeDue(cal, { ...d, pauses: null }).dueDate).toBe('2025-03-17');
    const paused = computeDue(cal, { ...d, pauses: [{ from: '2025-03-12', to: '2025-03-13' }] });
    expect(paused.pausedWorkdays).toBe(2);
    expect(paused.dueDate).toBe('2025-03-19');
  });
});

describe('DIR-13 month ends, year ends, leap years, negative steps', () => {
  it('month end: 1 WD after Fri 2025-01-31 (春节) is Wed 2025-02-05', () => {
    expect(cal.addWorkdays('2025-01-24', 1)).toBe('2025-01-26'); // make-up Sunday
    expect(cal.addWorkdays('2025-01-31', 1)).toBe('2025-02-05');
  });
  it('year end: 1 WD after 2025-12-31 is the make-up Sunday 2026-01-04', () => {
    expect(cal.addWorkdays('2025-12-31', 1)).toBe('2026-01-04');
    expect(cal.previousWorkday('2026-01-04')).toBe('2025-12-31');
    expect(cal.workdaysBetween('2025-12-30', '2026-01-05')).toBe(3);
  });
  it('calendar months clamp to month end, leap year 2024 included (§0.3)', () => {
    expect(cal.dueAt(at('2025-01-31'), 1, 'month').date).toBe('2025-02-28');
    expect(cal.dueAt(at('2024-01-31'), 1, 'month').date).toBe('2024-02-29');
    expect(cal.dueAt(at('2024-08-31'), 6, 'month').date).toBe('2025-02-28');
    expect(cal.isWorkday('2024-02-29')).toBe(true);
  });
  it('negative steps and reversed ranges', () => {
    expect(cal.addWorkdays('2025-10-09', -1)).toBe('2025-09-30');
    expect(cal.addWorkdays('2025-10-09', -2)).toBe('2025-09-29');
    expect(cal.workdaysBetween('2025-03-17', '2025-03-10')).toBe(-5);
    expect(cal.addWorkdays('2025-03-10', 0)).toBe('2025-03-10');
    expect(() => cal.nthWorkdayBefore('2025-03-10', 0)).toThrow(RangeError);
  });
});

describe('DIR-13 / D13 coverage — never a silent answer beyond confirmed years', () => {
  it('coverage comes from the package data: 2025 and 2026 confirmed, 2027 not (chinese-days 1.5.7)', () => {
    expect(holidayPackage().years.has(2025)).toBe(true);
    expect(holidayPackage().years.has(2026)).toBe(true);
    expect(cal.isConfirmed('2027-01-04')).toBe(false);
    expect(cal.confirmedYears().at(-1)).toBe(2026);
  });
  it('a year with a single stray date in the data is not covered', () => {
    const pkg = parseHolidayPackage({
      holidays: {
        '2030-05-01': 'Labour Day,劳动节,1',
        '2030-10-01': 'National Day,国庆节,1',
        '2031-01-01': "New Year's Day,元旦,1",
      },
      workdays: {},
    });
    expect([...pkg.years]).toEqual([2030]);
  });
  it('DIR-13 a 2027 date without imported data throws CalendarCoverageError', () => {
    expect(() => cal.isWorkday('2027-01-04')).toThrow(CalendarCoverageError);
    expect(() => cal.isWorkday('2027-01-04')).toThrow(/工作日历未配置（rule DIR-13）/);
    expect(() => cal.addWorkdays('2026-12-31', 1)).toThrow(CalendarCoverageError);
    expect(() => cal.workdaysBetween('2026-12-30', '2027-01-05')).toThrow(CalendarCoverageError);
    expect(() => cal.nthWorkdayBefore('2027-01-04', 1)).toThrow(CalendarCoverageError);
    expect(() => cal.filingDay(at('2027-01-04'))).toThrow(CalendarCoverageError);
  });
  it('D13 dueAt beyond coverage is provisional (weekend estimate), never throws', () => {
    const d = cal.dueAt(at('2026-12-28'), 5, 'WD'); // Mon; 12-29, 30, 31, [01-01 Fri], [01-04 Mon]
    expect(d).toMatchObject({ date: '2027-01-04', provisional: true });
    expect(cal.dueAt(at('2026-12-21'), 5, 'WD')).toMatchObject({ date: '2026-12-28', provisional: false });
    expect(cal.dueAt(at('2027-06-01'), 3, 'CD')).toMatchObject({ date: '2027-06-04', provisional: false });
  });
  it('an override in an unconfirmed year informs estimates but does not confirm the year', () => {
    const o = new Map<LocalDate, Override>([['2027-01-01', { kind: '休', note: '元旦' }]]);
    const partial = new HallCalendar({ overrides: o });
    expect(() => partial.isWorkday('2027-01-01')).toThrow(CalendarCoverageError);
    expect(partial.dueAt(at('2026-12-28'), 5, 'WD')).toMatchObject({ date: '2027-01-05', provisional: true });
    const confirmed = new HallCalendar({ overrides: o, extraYears: new Set([2027]) });
    expect(confirmed.isWorkday('2027-01-01')).toBe(false);
    expect(confirmed.dueAt(at('2026-12-28'), 5, 'WD')).toMatchObject({ date: '2027-01-05', provisional: false });
  });
});

describe('DIR-13 overrides win over the package', () => {
  const o = new Map<LocalDate, Override>([
    ['2025-03-12', { kind: '闭馆', note: '停电检修' }],
    ['2025-10-08', { kind: '班', note: null }],
    ['2025-03-14', { kind: '休', note: '地方假日' }],
  ]);
  const local = new HallCalendar({ overrides: o });
  it('闭馆 and 休 take a WD away, 班 adds one', () => {
    expect(local.isWorkday('2025-03-12')).toBe(false);
    expect(local.isWorkday('2025-03-14')).toBe(false);
    expect(local.isWorkday('2025-10-08')).toBe(true);
    expect(local.dueAt(at('2025-03-10'), 5, 'WD').date).toBe('2025-03-19');
    expect(local.dayInfo('2025-03-12')).toMatchObject({ kind: 'closure', name: '停电检修', source: 'override' });
  });
});

describe('CAS-12 pause and CAS-10 extension arithmetic', () => {
  const base = { startAt: at('2025-04-01'), amount: 5, unit: 'WD' as const, extendedWorkdays: 0 };
  it('pause across a holiday: Thu 2025-04-03 → Mon 04-07 takes 2 WD (04-04 清明 and the weekend are free)', () => {
    expect(pauseWorkdays(cal, '2025-04-01', { from: '2025-04-03', to: '2025-04-07' })).toEqual({
      n: 2,
      provisional: false,
    });
    expect(computeDue(cal, { ...base, pauses: null }).dueDate).toBe('2025-04-09');
    expect(computeDue(cal, { ...base, pauses: [{ from: '2025-04-03', to: '2025-04-07' }] }).dueDate).toBe('2025-04-11');
  });
  it('pause days on or before D0 do not count (the clock had not started)', () => {
    expect(pauseWorkdays(cal, '2025-03-10', { from: '2025-03-10', to: '2025-03-11' }).n).toBe(1);
  });
  it('extension across a weekend: due Fri 2025-03-14, +1 WD → Mon 03-17', () => {
    const d = { startAt: at('2025-03-07'), amount: 5, unit: 'WD' as const, pauses: null };
    expect(computeDue(cal, { ...d, extendedWorkdays: 0 }).dueDate).toBe('2025-03-14');
    expect(computeDue(cal, { ...d, extendedWorkdays: 1 }).dueDate).toBe('2025-03-17');
  });
});

describe('日历 查看 month overview', () => {
  it('DIR-13 2026-02 lists 春节 2/15–2/23, make-up 2/14 and 2/28, 16 WD (20 weekdays − 6 + 2)', () => {
    const o = monthOverview(cal, '2026-02');
    expect(o.confirmed).toBe(true);
    expect(o.holidays).toEqual([{ from: '2026-02-15', to: '2026-02-23', name: '春节' }]);
    expect(o.makeups.map((r) => r.from)).toEqual(['2026-02-14', '2026-02-28']);
    expect(o.workdays).toBe(16);
  });
  it('DIR-13 an unconfirmed month gives no workday count', () => {
    expect(monthOverview(cal, '2027-01')).toMatchObject({ confirmed: false, workdays: null });
  });
});
