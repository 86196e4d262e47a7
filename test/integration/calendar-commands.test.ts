import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { calendarConfirm, calendarImport, calendarQuery, calendarSet, calendarView } from '../../commands/calendar';
import { type CommandDef, bindArgs } from '../../src/kernel/command';
import { COMMANDS } from '../../commands/index';
import { AuditLog } from '../../entities/audit-log';
import type { Actor } from '../../src/kernel/ctx';
import { makeCtx } from '../../src/kernel/make-ctx';
import { normalise } from '../../src/kernel/normalise';
import { parseArgs, tokenize } from '../../src/kernel/parser';
import { openDeadline } from '../../src/calendar/deadlines';
import { type HallCalendar, loadWorkCalendar } from '../../src/calendar/hall-calendar';
import { CalendarCoverageError } from '../../src/kernel/work-calendar';
import type { Db } from '../../src/db';
import type { Deps } from '../../src/kernel/deps';
import { instantAt } from '../../src/kernel/time';
import { freshDb } from '../helpers/db';

const office: Actor = {
  userid: 'office1',
  name: '王芳',
  departmentCode: null,
  windowNumber: null,
  roles: ['hall_office'],
  flags: [],
};
const staff: Actor = {
  userid: 'lisi',
  name: '李四',
  departmentCode: 'GA',
  windowNumber: '12',
  roles: ['staff'],
  flags: [],
};

let db: Db;
let cal: HallCalendar;
let deps: Deps;

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

/** Bind the argument text the way the parser does, then call the row's handler; returns the replies. */
async function say(cmd: CommandDef, argText: string, opts: { now?: string; actor?: Actor } = {}): Promise<string> {
  const now = new Date(opts.now ?? '2026-03-02T10:00:00+08:00');
  const { positional, named } = parseArgs(tokenize(normalise(argText)));
  const bound = bindArgs(cmd, positional, named, now);
  if (!bound.ok) return bound.message;
  return db.tx(async (m) => {
    const ctx = makeCtx(deps, m, now, opts.actor ?? office, `t:${cmd.name}:${argText}`);
    await cmd.handle(ctx, bound.value);
    for (const r of ctx.replies) expect(r.split('\n').length).toBeLessThanOrEqual(6); // phone screen
    return ctx.replies.join('\n');
  });
}

describe('日历 commands (DIR-13, D1, docs/commands.md)', () => {
  it('all five rows are in the command table, group 日历; writes need hall_office/admin', () => {
    for (const c of [calendarQuery, calendarView, calendarSet, calendarConfirm, calendarImport]) {
      expect(COMMANDS).toContain(c);
      expect(c.group).toBe('日历');
    }
    expect(calendarSet.roles).toEqual(['hall_office', 'admin']);
    expect(calendarConfirm.roles).toEqual(['hall_office', 'admin']);
    expect(calendarQuery.roles).toBe('all');
    expect(calendarView.roles).toBe('all');
  });

  it('DIR-13 日历 查询 3月9日 +5 → "3月9日（周一）是工作日；+5WD = 3月16日（周一）"', async () => {
    expect(await say(calendarQuery, '3月9日 +5', { actor: staff })).toBe(
      '3月9日（周一）是工作日；+5WD = 3月16日（周一）',
    );
  });

  it('DIR-13 日历 查询 names holidays and make-up days, and steps back with -N', async () => {
    expect(await say(calendarQuery, '2026-02-14')).toBe('2月14日（周六）是工作日（调休上班：春节）');
    expect(await say(calendarQuery, '2025-10-09 -1')).toBe(
      '2025年10月9日（周四）是工作日；-1WD = 2025年9月30日（周二）',
    );
    expect(await say(calendarQuery, '10月1日')).toBe('10月1日（周四）不是工作日（法定假日：国庆节）');
    expect(await say(calendarQuery, '3月9日 +五')).toMatch(/应为 \+N 或 -N/);
  });

  it('DIR-13 日历 查询 of a 2027 date refuses with 工作日历未配置, never a guess', async () => {
    await expect(say(calendarQuery, '2027-01-04')).rejects.toBeInstanceOf(CalendarCoverageError);
    await expect(say(calendarQuery, '2026-12-31 +1')).rejects.toThrow(/工作日历未配置（rule DIR-13）：2027-01-01/);
  });

  it('DIR-13 日历 查看 2026-02 lists 春节, the two make-up Saturdays and the WD count', async () => {
    expect(await say(calendarView, '2026-02', { actor: staff })).toBe(
      ['2026年2月日历（已确认）', '休：2/15–2/23 春节', '班：2/14 春节、2/28 春节', '闭馆：无', '工作日 16天'].join(
        '\n',
      ),
    );
  });

  it('D13 日历 设置 in 2027 answers ✅, warns the year is unconfirmed; 日历 确认 2027 confirms it', async () => {
    const set = await say(calendarSet, '2027-01-01 休 说明=元旦', { now: '2026-12-01T10:00:00+08:00' });
    expect(set).toBe(
      [
        '✅ 2027-01-01（周五）设为 休：元旦',
        '重算期限：0 项有变动',
        '⚠️ 2027年日历尚未确认；全年录入后发送“日历 确认 2027”',
      ].join('\n'),
    );
    expect(await say(calendarView, '2027-01')).toMatch(
      /^2027年1月日历（未确认：工作日计算将拒绝或仅暂定）\n休：1\/1 元旦\n/,
    );
    expect(await say(calendarConfirm, '2027年')).toBe(
      '✅ 2027年日历已确认：法定假日 1天，调休上班 0天\n重算期限：0 项有变动',
    );
    expect(cal.isWorkday('2027-01-04')).toBe(true);
    expect(await say(calendarConfirm, '2026')).toMatch(/已由节假日数据包.*确认，无需确认/);
    await expect(say(calendarConfirm, '2028')).rejects.toThrow(/2028年尚无任何日历条目，不能确认/);
  });

  it('DIR-13 日历 设置 闭馆 recomputes open deadlines and says how many moved', async () => {
    const now = instantAt('2025-03-10', '10:00');
    await db.tx((m) =>
      openDeadline(m, now, 'office1', cal, {
        subjectType: 'complaint',
        subjectId: 'TS2025-0001',
        kind: 'complaint:落实',
        startAt: now,
        amount: 5,
        unit: 'WD',
      }),
    );
    const reply = await say(calendarSet, '3月12日 闭馆 说明=停电检修', { now: '2025-03-11T09:00:00+08:00' });
    expect(reply).toBe('✅ 2025-03-12（周三）设为 闭馆：停电检修\n重算期限：1 项有变动');
    const again = await say(calendarSet, '3月12日 班', { now: '2025-03-11T09:05:00+08:00' });
    expect(again).toBe('✅ 2025-03-12（周三）设为 班\n原为：闭馆（停电检修）\n重算期限：1 项有变动');
    expect(await db.manager.count(AuditLog, { where: { action: 'calendar.set' } })).toBe(2);
  });

  it('日历 设置 validates its arguments with an example', async () => {
    expect(await say(calendarSet, '2027-01-01 放假')).toMatch(/应为 休、班 或 闭馆/);
    expect(await say(calendarSet, '')).toMatch(/缺少参数“日期”/);
  });

  it('日历 导入 stays CLI-only and says how', async () => {
    expect(await say(calendarImport, '2027')).toMatch(/npm run cli -- calendar import/);
  });
});
