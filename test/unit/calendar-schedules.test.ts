import { describe, expect, it } from 'vitest';
import { HallCalendar } from '../../src/calendar/hall-calendar';
import { type LocalDate, addDays, isoWeekday } from '../../src/kernel/time';

// rule DIR-13: the package's 2025 and 2026 data against the State Council notices (国办发明电), day by day,
// including the 调休 working Saturdays/Sundays.
const cal = new HallCalendar();

describe('DIR-13 official schedules 2025 and 2026', () => {
  const range = (from: LocalDate, to: LocalDate) => {
    const out: LocalDate[] = [];
    for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
    return out;
  };
  const official = {
    2025: {
      off: [
        '2025-01-01',
        ...range('2025-01-28', '2025-02-04'),
        ...range('2025-04-04', '2025-04-06'),
        ...range('2025-05-01', '2025-05-05'),
        ...range('2025-05-31', '2025-06-02'),
        ...range('2025-10-01', '2025-10-08'),
      ],
      on: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
      total: 248,
    },
    2026: {
      off: [
        ...range('2026-01-01', '2026-01-03'),
        ...range('2026-02-15', '2026-02-23'),
        ...range('2026-04-04', '2026-04-06'),
        ...range('2026-05-01', '2026-05-05'),
        ...range('2026-06-19', '2026-06-21'),
        ...range('2026-09-25', '2026-09-27'),
        ...range('2026-10-01', '2026-10-07'),
      ],
      on: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
      total: 248,
    },
  };
  for (const [year, s] of Object.entries(official)) {
    it(`DIR-13 every day of ${year} matches the State Council notice (${s.total} WD)`, () => {
      let count = 0;
      for (const d of range(`${year}-01-01`, `${year}-12-31`)) {
        const expected = s.on.includes(d) || (!s.off.includes(d) && isoWeekday(d) < 6);
        expect([d, cal.isWorkday(d)]).toEqual([d, expected]);
        if (expected) count++;
      }
      expect(count).toBe(s.total);
      expect(cal.workdaysBetween(`${Number(year) - 1}-12-31`, `${year}-12-31`)).toBe(s.total);
    });
  }
  it('DIR-13 2026 春节: Sat 02-14 and Sat 02-28 are WDs, 02-15…02-23 are not', () => {
    expect(cal.isWorkday('2026-02-14')).toBe(true);
    expect(cal.isWorkday('2026-02-28')).toBe(true);
    for (const d of range('2026-02-15', '2026-02-23')) expect([d, cal.isWorkday(d)]).toEqual([d, false]);
    expect(cal.nextWorkday('2026-02-14')).toBe('2026-02-24');
    expect(cal.workdaysBetween('2026-02-13', '2026-02-28')).toBe(6); // 14, 24, 25, 26, 27, 28
  });
});
