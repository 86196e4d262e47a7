import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HallCalendar } from '../../src/calendar/hall-calendar';
import { CalendarCoverageError } from '../../src/kernel/work-calendar';
import { addDays, daysBetween, instantAt } from '../../src/kernel/time';

// Properties of the §0.3 arithmetic over every date of the package's covered years (DIR-13).
const cal = new HallCalendar();
const years = cal.confirmedYears();
const first = `${years[0]}-01-01`;
// Leave room so that +60 WD from the last start date stays inside coverage.
const lastStart = addDays(`${years[years.length - 1]}-12-31`, -120);
const coveredDate = fc.integer({ min: 0, max: daysBetween(first, lastStart) }).map((i) => addDays(first, i));
const n = fc.integer({ min: 1, max: 60 });
const workday = coveredDate.map((d) => (cal.isWorkday(d) ? d : cal.nextWorkday(d)));

describe('DIR-13 §0.3 working-day arithmetic properties', () => {
  it('the covered years are contiguous and include 2025–2026', () => {
    expect(years).toContain(2025);
    expect(years).toContain(2026);
    expect(years[years.length - 1] - years[0] + 1).toBe(years.length);
  });

  it('addWorkdays(d, n) then workdaysBetween(d, ·) gives n', () => {
    fc.assert(fc.property(coveredDate, n, (d, k) => cal.workdaysBetween(d, cal.addWorkdays(d, k)) === k));
  });

  it('isWorkday(addWorkdays(d, n)) for n > 0, and no WD is skipped on the way', () => {
    fc.assert(
      fc.property(coveredDate, n, (d, k) => {
        const end = cal.addWorkdays(d, k);
        const prev = cal.addWorkdays(d, k - 1);
        return cal.isWorkday(end) && end > d && cal.workdaysBetween(prev, addDays(end, -1)) === 0;
      }),
    );
  });

  it('stepping back undoes stepping forward from a WD', () => {
    fc.assert(fc.property(workday, n, (d, k) => cal.addWorkdays(cal.addWorkdays(d, k), -k) === d));
  });

  it('workdaysBetween is additive and antisymmetric', () => {
    fc.assert(
      fc.property(coveredDate, fc.nat(60), fc.nat(60), (a, x, y) => {
        const b = addDays(a, x);
        const c = addDays(b, y);
        return (
          cal.workdaysBetween(a, c) === cal.workdaysBetween(a, b) + cal.workdaysBetween(b, c) &&
          cal.workdaysBetween(c, a) === -cal.workdaysBetween(a, c)
        );
      }),
    );
  });

  it('§0.3 ≥N WD ahead: a noon filing on nthWorkdayBefore(S, n) passes, one WD later fails', () => {
    fc.assert(
      fc.property(workday, fc.integer({ min: 1, max: 20 }), (s, k) => {
        const start = cal.addWorkdays(s, 25);
        const last = cal.nthWorkdayBefore(start, k);
        return (
          cal.isFiledAhead(instantAt(last, '12:00'), start, k) &&
          !cal.isFiledAhead(instantAt(cal.nextWorkday(last), '12:00'), start, k) &&
          cal.earliestStartWithNotice(instantAt(last, '12:00'), k) <= start
        );
      }),
    );
  });

  it('dueAt in WD equals addWorkdays inside coverage and is not provisional', () => {
    fc.assert(
      fc.property(coveredDate, n, (d, k) => {
        const due = cal.dueAt(instantAt(d, '09:00'), k, 'WD');
        return due.date === cal.addWorkdays(d, k) && !due.provisional;
      }),
    );
  });

  it('D13 beyond coverage: isWorkday throws, dueAt never throws and is provisional', () => {
    const after = `${years[years.length - 1] + 1}-01-01`;
    const beyond = fc.integer({ min: 0, max: 365 * 70 }).map((i) => addDays(after, i));
    fc.assert(
      fc.property(beyond, n, (d, k) => {
        expect(() => cal.isWorkday(d)).toThrow(CalendarCoverageError);
        const due = cal.dueAt(instantAt(d), k, 'WD');
        return due.provisional && due.date > d;
      }),
      { numRuns: 50 },
    );
  });
});
