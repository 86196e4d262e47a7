import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { EntityManager } from 'typeorm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../../entities/audit-log';
import { CalendarDay } from '../../entities/calendar-day';
import { CalendarYear } from '../../entities/calendar-year';
import { Deadline } from '../../entities/deadline';
import { OutboxRow } from '../../entities/outbox';
import { SettingRow } from '../../entities/setting';
import type { Actor } from '../../src/kernel/ctx';
import { UserError } from '../../src/kernel/errors';
import { makeCtx } from '../../src/kernel/make-ctx';
import { alertCoverageOnce, checkNextYearCoverage, withCalendarCoverage } from '../../src/calendar/coverage-alerts';
import { claimDeadlineReminder } from '../../src/calendar/deadline-reminders';
import {
  closeDeadline,
  extendDeadline,
  findDeadline,
  openDeadline,
  pauseDeadline,
  restartDeadline,
  resumeDeadline,
} from '../../src/calendar/deadlines';
import { type HallCalendar, loadWorkCalendar } from '../../src/calendar/hall-calendar';
import { importCalendarFile } from '../../src/calendar/import';
import { afterCalendarChange, confirmYear, setCalendarDay } from '../../src/calendar/service';
import { CalendarCoverageError } from '../../src/kernel/work-calendar';
import type { Db } from '../../src/db';
import type { Deps } from '../../src/kernel/deps';
import { instantAt, localStamp } from '../../src/kernel/time';
import { freshDb } from '../helpers/db';

const office: Actor = {
  userid: 'office1',
  name: '王芳',
  departmentCode: null,
  windowNumber: null,
  roles: ['hall_office'],
  flags: [],
};
const at = (date: string, hhmm = '10:00') => instantAt(date, hhmm);

let db: Db;
let cal: HallCalendar;
let deps: Deps;
const tx = <T>(fn: (m: EntityManager) => Promise<T>) => db.tx(fn);
const ctxAt = (m: EntityManager, now: Date) => makeCtx(deps, m, now, office, `t:${now.getTime()}`);

// A 2027 schedule in the official file format (dates illustrative: the 2027 notice is not out yet).
const file2027 = {
  year: 2027,
  holidays: ['2027-01-01', '2027-01-02', '2027-01-03'].map((date) => ({ date, name: '元旦' })),
  workdays: [{ date: '2027-02-07', name: '春节调休' }],
};
function writeJson(content: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'cal-')), 'calendar.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}
const outboxTo = (group: string) => db.manager.find(OutboxRow, { where: { targetKind: 'group', target: group } });
const audits = (action: string) => db.manager.find(AuditLog, { where: { action }, order: { id: 'ASC' } });

beforeEach(async () => {
  db = await freshDb();
  cal = await loadWorkCalendar(db.manager);
  deps = {
    db,
    calendar: cal,
    log: pino({ level: 'silent' }),
    config: {},
    publicBaseUrl: 'http://localhost',
  } as unknown as Deps;
});
afterEach(async () => {
  await db.close();
});

describe('calendar tables (DIR-13, D13)', () => {
  it('DIR-13 calendar_day overrides win over the package and survive a reload', async () => {
    const r = await tx((m) => setCalendarDay(m, at('2025-03-01'), 'office1', cal, '2025-03-12', '闭馆', '停电检修'));
    expect(r).toMatchObject({ previous: null, yearConfirmed: true, moved: 0 });
    await tx((m) => setCalendarDay(m, at('2025-03-01'), 'office1', cal, '2025-10-08', '班', null));
    expect(cal.isWorkday('2025-03-12')).toBe(false);
    expect(cal.isWorkday('2025-10-08')).toBe(true);
    const reloaded = await loadWorkCalendar(db.manager);
    expect(reloaded.dueAt(at('2025-03-10'), 5, 'WD').date).toBe('2025-03-18');
    expect((await audits('calendar.set')).map((a) => a.subjectId)).toEqual(['2025-03-12', '2025-10-08']);
  });

  it('D13 setting a 2027 day does not confirm 2027; 日历 确认 does, once it has an entry', async () => {
    await expect(tx((m) => confirmYear(m, at('2026-12-01'), 'office1', cal, 2027))).rejects.toThrow(/尚无任何日历条目/);
    const r = await tx((m) => setCalendarDay(m, at('2026-12-01'), 'office1', cal, '2027-01-01', '休', '元旦'));
    expect(r.yearConfirmed).toBe(false);
    expect(() => cal.isWorkday('2027-01-04')).toThrow(CalendarCoverageError);
    const c = await tx((m) => confirmYear(m, at('2026-12-02'), 'office1', cal, 2027));
    expect(c).toMatchObject({ status: 'confirmed', counts: { 休: 1, 班: 0, 闭馆: 0 } });
    expect(cal.isWorkday('2027-01-01')).toBe(false);
    expect(cal.isWorkday('2027-01-04')).toBe(true);
    expect(await tx((m) => confirmYear(m, at('2026-12-03'), 'office1', cal, 2027))).toMatchObject({
      status: 'already',
      by: 'office1',
    });
    expect(await tx((m) => confirmYear(m, at('2026-12-03'), 'office1', cal, 2026))).toEqual({ status: 'package' });
    expect(await db.manager.count(CalendarYear)).toBe(1);
    expect(await audits('calendar.confirm')).toHaveLength(1);
  });
});

describe('calendar import (DIR-13, OPEN #8)', () => {
  it('DIR-13 imports a year, marks it confirmed and audits', async () => {
    const s = await importCalendarFile(deps, at('2026-12-05'), 'cli', writeJson(file2027));
    expect(s).toMatchObject({ year: 2027, holidays: 3, workdays: 1, removed: 0, moved: 0 });
    expect(cal.isConfirmed('2027-06-01')).toBe(true);
    expect(cal.isWorkday('2027-02-07')).toBe(true); // make-up Sunday
    expect(cal.addWorkdays('2026-12-31', 1)).toBe('2027-01-04');
    expect((await db.manager.findOneByOrFail(CalendarYear, { year: 2027 })).source).toBe('import');
    expect((await audits('calendar.import'))[0].detail).toMatchObject({ year: 2027, holidays: 3 });
  });

  it('DIR-13 a corrected re-import drops stale imported days but keeps 闭馆 and chat entries', async () => {
    await importCalendarFile(deps, at('2026-12-05'), 'cli', writeJson(file2027));
    await tx((m) => setCalendarDay(m, at('2026-12-06'), 'office1', cal, '2027-03-01', '闭馆', '线路改造'));
    await tx((m) => setCalendarDay(m, at('2026-12-06'), 'office1', cal, '2027-04-05', '休', '清明'));
    const corrected = { holidays: ['2027-01-01', '2027-03-01'], workdays: [] };
    const s = await importCalendarFile(deps, at('2026-12-07'), 'cli', writeJson(corrected));
    expect(s.removed).toBe(3); // 01-02, 01-03, 02-07
    expect(s.warnings).toEqual(['2027-03-01 已设为闭馆，保留（文件中为 休）']);
    const days = await db.manager.find(CalendarDay, { order: { date: 'ASC' } });
    expect(days.map((d) => `${d.date}${d.kind}`)).toEqual(['2027-01-01休', '2027-03-01闭馆', '2027-04-05休']);
  });

  it('DIR-13 invalid files are refused and change nothing', async () => {
    const bad = [
      [{ year: 2027, holidays: ['2027-02-30'] }, /日期应为真实的 YYYY-MM-DD/],
      [{ year: 2027, holidays: ['2027-01-01', '2028-01-01'] }, /2028-01-01 不在 2027 年内/],
      [{ year: 2027, holidays: ['2027-01-01'], workdays: ['2027-01-01'] }, /出现了不止一次/],
      [{ year: 2027, holidays: [] }, /至少应有一个法定假日/],
      ['{not json', /无法读取日历文件/],
    ] as const;
    for (const [content, message] of bad) {
      const err: unknown = await importCalendarFile(deps, at('2026-12-05'), 'cli', writeJson(content)).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(UserError);
      expect((err as Error).message).toMatch(message);
    }
    expect(await db.manager.count(CalendarDay)).toBe(0);
    expect(await db.manager.count(CalendarYear)).toBe(0);
    expect(cal.isConfirmed('2027-01-01')).toBe(false);
  });

  it('DIR-13 leap year 2028 only via override import: 2028-02-29 becomes a WD once imported', async () => {
    expect(() => cal.isWorkday('2028-02-29')).toThrow(CalendarCoverageError);
    const s = await importCalendarFile(
      deps,
      at('2027-12-05'),
      'cli',
      writeJson({ holidays: ['2028-01-01'], workdays: [] }),
    );
    expect(s.year).toBe(2028);
    expect(cal.isWorkday('2028-02-29')).toBe(true);
    expect(cal.addWorkdays('2028-02-28', 1)).toBe('2028-02-29');
    expect(cal.dueAt(at('2028-01-31'), 1, 'month')).toMatchObject({ date: '2028-02-29', provisional: false });
    expect(cal.workdaysBetween('2028-02-01', '2028-03-01')).toBe(21);
  });
});

describe('deadlines (§0.3, CAS-08/10/12, D16)', () => {
  const spec = (subjectId: string, start: Date, amount = 5) =>
    ({ subjectType: 'complaint', subjectId, kind: 'complaint:落实', startAt: start, amount, unit: 'WD' }) as const;

  it('§19 #18 CAS-12 pause Wed 03-12 → Thu 03-13 moves a 5-WD due from Mon 03-17 to Wed 03-19, each step versioned', async () => {
    const now = at('2025-03-10');
    let d = await tx((m) => openDeadline(m, now, 'office1', cal, spec('TS2025-0001', now)));
    expect(d).toMatchObject({ dueDate: '2025-03-17', version: 1, status: 'open', provisional: false });
    expect(localStamp(d.dueAt)).toBe('2025-03-17 17:30');
    d = await tx((m) =>
      pauseDeadline(m, at('2025-03-12', '09:00'), 'office1', cal, d, at('2025-03-12', '09:00'), '现场踏勘'),
    );
    expect(d).toMatchObject({ status: 'paused', version: 2 });
    expect(await tx((m) => claimDeadlineReminder(m, now, d, 'L1', '2025-03-12'))).toBe(false); // CAS-12: paused
    await expect(tx((m) => pauseDeadline(m, at('2025-03-12', '11:00'), 'office1', cal, d))).rejects.toThrow(
      /无需重复中止/,
    );
    d = await tx((m) => resumeDeadline(m, at('2025-03-13', '16:00'), 'office1', cal, d));
    expect(d).toMatchObject({ status: 'open', version: 3, dueDate: '2025-03-19', pausedWorkdays: 2 });
    const stored = (await findDeadline(db.manager, 'complaint', 'TS2025-0001', 'complaint:落实'))!;
    expect(stored).toMatchObject({
      version: 3,
      dueDate: '2025-03-19',
      pauses: [{ from: '2025-03-12', to: '2025-03-13' }],
    });
    const trail = await db.manager.find(AuditLog, { where: { subjectId: 'TS2025-0001' }, order: { id: 'ASC' } });
    expect(trail.map((a) => a.action)).toEqual(['deadline.open', 'deadline.pause', 'deadline.resume']);
  });

  it('CAS-12 pause across 清明: Thu 2025-04-03 → Mon 04-07 adds 2 WD (04-09 → 04-11)', async () => {
    const d0 = await tx((m) =>
      openDeadline(m, at('2025-04-01'), 'office1', cal, spec('TS2025-0002', at('2025-04-01'))),
    );
    expect(d0.dueDate).toBe('2025-04-09');
    await tx((m) => pauseDeadline(m, at('2025-04-03'), 'office1', cal, d0.id));
    const d = await tx((m) => resumeDeadline(m, at('2025-04-07'), 'office1', cal, d0.id));
    expect(d).toMatchObject({ dueDate: '2025-04-11', pausedWorkdays: 2 });
  });

  it('CAS-10 extension across a weekend: Fri 2025-03-14 + 1 WD → Mon 03-17; closed clocks stay closed', async () => {
    const d0 = await tx((m) =>
      openDeadline(m, at('2025-03-07'), 'office1', cal, spec('TS2025-0003', at('2025-03-07'))),
    );
    expect(d0.dueDate).toBe('2025-03-14');
    const d = await tx((m) => extendDeadline(m, at('2025-03-13'), 'office1', cal, d0.id, 1, '依法延长'));
    expect(d).toMatchObject({ dueDate: '2025-03-17', extendedWorkdays: 1, version: 2 });
    const closed = await tx((m) => closeDeadline(m, at('2025-03-17', '15:00'), 'office1', d.id, '已落实'));
    expect(closed).toMatchObject({ status: 'closed', version: 3 });
    expect(await tx((m) => closeDeadline(m, at('2025-03-18'), 'office1', d.id))).toMatchObject({ version: 3 });
    await expect(tx((m) => extendDeadline(m, at('2025-03-18'), 'office1', cal, d.id, 1))).rejects.toThrow(/已结束/);
    expect(await audits('deadline.close')).toHaveLength(1);
    // A new round on the same subject continues the version, so old reminder keys cannot collide (D16).
    const again = await tx((m) =>
      openDeadline(m, at('2025-03-20'), 'office1', cal, spec('TS2025-0003', at('2025-03-20'))),
    );
    expect(again).toMatchObject({ id: d.id, version: 4, status: 'open', dueDate: '2025-03-27', extendedWorkdays: 0 });
    await expect(
      tx((m) => openDeadline(m, at('2025-03-20'), 'office1', cal, spec('TS2025-0003', at('2025-03-20')))),
    ).rejects.toThrow(/already running/);
  });

  it('§19 #17 CAS-08 补正 restart: received Wed 2025-03-12 → due Wed 2025-03-19', async () => {
    const d0 = await tx((m) =>
      openDeadline(m, at('2025-03-05'), 'office1', cal, spec('AJ2025-00001', at('2025-03-05'))),
    );
    expect(d0.dueDate).toBe('2025-03-12');
    const d = await tx((m) => restartDeadline(m, at('2025-03-12', '11:00'), 'office1', cal, d0.id));
    expect(d).toMatchObject({ dueDate: '2025-03-19', version: 2 });
  });

  it('D13 provisional 2027 deadline becomes confirmed after import; recompute bumps versions, one audit row, reminders re-arm', async () => {
    const now = at('2026-12-28');
    const a = await tx((m) => openDeadline(m, now, 'office1', cal, spec('TS2026-0100', now)));
    expect(a).toMatchObject({ dueDate: '2027-01-04', provisional: true, version: 1 });
    const b = await tx((m) => openDeadline(m, now, 'office1', cal, spec('TS2026-0101', at('2026-12-14'))));
    expect(b).toMatchObject({ dueDate: '2026-12-21', provisional: false });
    expect(await tx((m) => claimDeadlineReminder(m, now, a, 'due-1', '2026-12-31'))).toBe(true);

    const s = await importCalendarFile(deps, at('2026-12-29'), 'cli', writeJson(file2027));
    expect(s.moved).toBe(1);
    const a2 = await db.manager.findOneByOrFail(Deadline, { id: a.id });
    expect(a2).toMatchObject({ dueDate: '2027-01-05', provisional: false, version: 2 });
    expect((await db.manager.findOneByOrFail(Deadline, { id: b.id })).version).toBe(1);
    const rows = await audits('deadline.recompute');
    expect(rows).toHaveLength(1);
    expect(rows[0].detail).toMatchObject({
      moved: [
        {
          id: a.id,
          subject: 'complaint:TS2026-0100',
          from: '2027-01-04',
          to: '2027-01-05',
          provisional: false,
          version: 2,
        },
      ],
    });
    expect(await tx((m) => claimDeadlineReminder(m, now, a, 'due-1', '2026-12-31'))).toBe(false); // version 1 again
    expect(await tx((m) => claimDeadlineReminder(m, now, a2, 'due-1', '2026-12-31'))).toBe(true); // re-armed
    expect(await tx((m) => claimDeadlineReminder(m, now, a2, 'due-1', '2026-12-31'))).toBe(false);
  });

  it('D13 a pause reaching into 2027 is recounted when 2027 is loaded', async () => {
    const d0 = await tx((m) =>
      openDeadline(m, at('2026-12-21'), 'office1', cal, spec('TS2026-0102', at('2026-12-21'), 10)),
    );
    await tx((m) => pauseDeadline(m, at('2026-12-30'), 'office1', cal, d0.id));
    const d = await tx((m) => resumeDeadline(m, at('2027-01-04'), 'office1', cal, d0.id));
    expect(d).toMatchObject({ pausedWorkdays: 4, provisional: true }); // 12-30, 12-31, [01-01], [01-04]
    await importCalendarFile(deps, at('2027-01-04'), 'cli', writeJson(file2027));
    expect(await db.manager.findOneByOrFail(Deadline, { id: d.id })).toMatchObject({
      pausedWorkdays: 3,
      provisional: false,
    });
  });

  it('OPEN #1 changing calendar.endOfDay moves due instants and bumps versions', async () => {
    const d = await tx((m) => openDeadline(m, at('2025-03-10'), 'office1', cal, spec('TS2025-0009', at('2025-03-10'))));
    await db.manager.save(SettingRow, {
      name: 'calendar.endOfDay',
      value: '18:00',
      updatedBy: 'admin',
      updatedAt: at('2025-03-11'),
    });
    const r = await tx((m) => afterCalendarChange(m, at('2025-03-11'), 'admin', cal, '设置 calendar.endOfDay'));
    expect(cal.endOfDay).toBe('18:00');
    expect(r.moved).toHaveLength(1);
    const after = await db.manager.findOneByOrFail(Deadline, { id: d.id });
    expect([localStamp(after.dueAt), after.version]).toEqual(['2025-03-17 18:00', 2]);
  });
});

describe('coverage alerts (DIR-13, D13, D16)', () => {
  it('DIR-13 a job needing 2027 alerts G-OFFICE once, then stays quiet', async () => {
    const now = at('2026-12-30', '07:45');
    expect(await tx((m) => alertCoverageOnce(ctxAt(m, now), '2027-01-04', '口头通报'))).toBe(true);
    expect(await tx((m) => alertCoverageOnce(ctxAt(m, at('2026-12-31')), '2027-01-05', '口头通报'))).toBe(false);
    const r = await tx((m) => withCalendarCoverage(ctxAt(m, now), '三级提醒', () => cal.previousWorkday('2027-01-05')));
    expect(r).toBeUndefined();
    const sent = await outboxTo('G-OFFICE');
    expect(sent).toHaveLength(1);
    expect(String(sent[0].body.text)).toMatch(/工作日历未配置（rule DIR-13）：口头通报需要 2027-01-04/);
    await expect(
      tx((m) => withCalendarCoverage(ctxAt(m, now), 'x', () => Promise.reject(new Error('boom')))),
    ).rejects.toThrow('boom');
    expect(await tx((m) => withCalendarCoverage(ctxAt(m, now), 'x', () => cal.previousWorkday('2026-12-28')))).toBe(
      '2026-12-25',
    );
  });

  it('DIR-13 holiday-calendar-reminder: next year unconfirmed → once per ISO week in December, WDs only', async () => {
    const run = (date: string) => tx((m) => checkNextYearCoverage(ctxAt(m, at(date, '09:00'))));
    expect(await run('2026-03-03')).toEqual({ missing: [], alerted: [] });
    expect(await run('2026-12-07')).toEqual({ missing: [2027], alerted: [2027] });
    expect(await run('2026-12-09')).toEqual({ missing: [2027], alerted: [] });
    expect(await run('2026-12-19')).toEqual({ missing: [2027], alerted: [] }); // Saturday
    expect(await run('2026-12-14')).toEqual({ missing: [2027], alerted: [2027] });
    expect(await outboxTo('G-OFFICE')).toHaveLength(2);
    await importCalendarFile(deps, at('2026-12-15'), 'cli', writeJson(file2027));
    expect(await run('2026-12-21')).toEqual({ missing: [], alerted: [] });
  });

  it('DIR-13 start-up in a year with no calendar alerts at once and counts provisional deadlines', async () => {
    const now = at('2026-12-28');
    await tx((m) =>
      openDeadline(m, now, 'office1', cal, {
        subjectType: 'case',
        subjectId: 'AJ2026-00001',
        kind: 'case:办结',
        startAt: now,
        amount: 5,
        unit: 'WD',
      }),
    );
    expect(await tx((m) => checkNextYearCoverage(ctxAt(m, at('2027-03-01'))))).toEqual({
      missing: [2027],
      alerted: [2027],
    });
    const [msg] = await outboxTo('G-OFFICE');
    expect(String(msg.body.text)).toMatch(/本年度（2027年）工作日历尚未确认/);
    expect(String(msg.body.text)).toMatch(/目前有 1 项期限为暂定/);
  });
});
