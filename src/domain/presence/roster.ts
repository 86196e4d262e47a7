import { Between, type EntityManager } from 'typeorm';
import { DutyRoster } from '../../../entities/duty-roster';
import type { Ctx } from '../../kernel/ctx';
import { findPerson, personName } from '../../kernel/directory';
import { UserError } from '../../kernel/errors';
import { PersonRole } from '../../../entities/person-role';
import type { WorkCalendar } from '../../kernel/work-calendar';
import { addDays, cnDate, isoWeekday, localDate, type LocalDate } from '../../kernel/time';
import { insertRows } from '../../db';

// DIR-12 领导带班 (000_c8ed09c118362bcb.txt 督查通报 第四条(三), 第五条(一)): one 带班领导 per WD, from the 带班表
// 大厅管理室 fills each week (OPEN #7: by Friday for next week). The day's 带班领导 delivers the 口头通报 (BRF-02, D163).

export const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Monday of the week of `date`, or of the week after. */
export function weekStart(date: LocalDate, next: boolean): LocalDate {
  return addDays(date, 1 - isoWeekday(date) + (next ? 7 : 0));
}

/** The working days of the week starting `monday` (a 调休 Saturday included). */
export function workdaysOfWeek(cal: WorkCalendar, monday: LocalDate): LocalDate[] {
  return WEEKDAYS.map((_, i) => addDays(monday, i)).filter((d) => cal.isWorkday(d));
}

export async function dutyLeaderOn(m: EntityManager, date: LocalDate): Promise<string | null> {
  return (await m.findOne(DutyRoster, { where: { date } }))?.leader ?? null;
}

export async function rosterBetween(m: EntityManager, first: LocalDate, last: LocalDate): Promise<DutyRoster[]> {
  return m.find(DutyRoster, { where: { date: Between(first, last) }, order: { date: 'ASC' } });
}

/** WDs of the week without a 带班领导 (the Friday check, OPEN #7). */
export async function unfilledDays(m: EntityManager, cal: WorkCalendar, monday: LocalDate): Promise<LocalDate[]> {
  const days = workdaysOfWeek(cal, monday);
  const have = new Set((await rosterBetween(m, monday, addDays(monday, 6))).map((r) => r.date));
  return days.filter((d) => !have.has(d));
}

async function requireLeader(ctx: Ctx, ref: string): Promise<{ userid: string; name: string }> {
  const p = await findPerson(ctx.m, ref);
  const isLeader = await ctx.m.findOne(PersonRole, { where: { userid: p.userid, role: 'leader' } });
  if (!isLeader || p.inactive) throw new UserError(`${p.name} 不是中心领导，不能带班（rule DIR-05、DIR-12）。`);
  return { userid: p.userid, name: p.name };
}

/** `带班 排班 [本周|下周] 周一=@… …`: upsert the named days; refuses a day that is not a WD. */
export async function setRoster(
  ctx: Ctx,
  next: boolean,
  byDay: Partial<Record<Weekday, string>>,
): Promise<{ lines: string[]; missing: LocalDate[] }> {
  const monday = weekStart(localDate(ctx.now), next);
  const entries = Object.entries(byDay).filter(([, v]) => v?.trim()) as [Weekday, string][];
  const lines: string[] = [];
  for (const [day, ref] of entries) {
    const date = addDays(monday, WEEKDAYS.indexOf(day));
    if (!ctx.deps.calendar.isWorkday(date)) throw new UserError(`${day}（${cnDate(date)}）不是工作日，无需带班。`);
    const leader = await requireLeader(ctx, ref);
    const before = await dutyLeaderOn(ctx.m, date);
    if (before === leader.userid) {
      lines.push(`${day} ${cnDate(date)} ${leader.name}（未变）`);
      continue;
    }
    if (before)
      await ctx.m.update(DutyRoster, { date }, { leader: leader.userid, setBy: ctx.actor.userid, setAt: ctx.now });
    else await insertRows(ctx.m, DutyRoster, { date, leader: leader.userid, setBy: ctx.actor.userid, setAt: ctx.now });
    await ctx.audit('roster.set', 'duty_roster', date, { leader: leader.userid, before });
    lines.push(`${day} ${cnDate(date)} ${leader.name}${before ? `（原 ${await personName(ctx.m, before)}）` : ''}`);
  }
  return { lines, missing: await unfilledDays(ctx.m, ctx.deps.calendar, monday) };
}

/** The week's 带班表 as lines (`周一 3月9日 刘主任` / `未排`). */
export async function rosterLines(ctx: Ctx, next: boolean): Promise<string[]> {
  const monday = weekStart(localDate(ctx.now), next);
  const rows = await rosterBetween(ctx.m, monday, addDays(monday, 6));
  const out: string[] = [];
  for (const d of workdaysOfWeek(ctx.deps.calendar, monday)) {
    const r = rows.find((x) => x.date === d);
    out.push(`${WEEKDAYS[isoWeekday(d) - 1]} ${cnDate(d)} ${r ? await personName(ctx.m, r.leader) : '未排'}`);
  }
  return out;
}

/** BRF-01 (3) 领导带班制度执行情况 for a month: WDs with a 带班领导 on the 带班表, and the days without one. */
export async function rosterMonthLines(
  m: EntityManager,
  cal: WorkCalendar,
  first: LocalDate,
  last: LocalDate,
): Promise<string[]> {
  const rows = await rosterBetween(m, first, last);
  if (!rows.length) return [];
  const wds: LocalDate[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) if (cal.isWorkday(d)) wds.push(d);
  const have = new Set(rows.map((r) => r.date));
  const missing = wds.filter((d) => !have.has(d));
  const counts = new Map<string, number>();
  for (const r of rows) if (cal.isWorkday(r.date)) counts.set(r.leader, (counts.get(r.leader) ?? 0) + 1);
  const who: string[] = [];
  for (const [u, n] of counts) who.push(`${await personName(m, u)}${n}天`);
  return [
    `本月${wds.length}个工作日，已排带班领导${wds.length - missing.length}天（${who.join('、')}）${missing.length ? `；未排班：${missing.map(cnDate).join('、')}` : ''}`,
  ];
}
