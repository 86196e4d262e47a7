import { Between, In, type EntityManager } from 'typeorm';
import { AttendanceDay } from '../../../entities/attendance-day';
import type { LeaveRequest } from '../../../entities/leave-request';
import { Person } from '../../../entities/person';
import { PersonRole, type Role } from '../../../entities/person-role';
import { ServiceExtension } from '../../../entities/service-extension';
import { addDays, addMonths, type LocalDate } from '../../kernel/time';
import type { WorkCalendar } from '../../kernel/work-calendar';
import { coversDay, leaveInMonth } from '../staffing/leave-queries';
import { judgeDay, loadLimits, type Judged, type Limits } from './rules';

// The judged 考勤 of a range (ATT-01, ATT-02): the mirrored rows, the 延时服务 logs, approved leave (D150) and
// the calendar, put together when read (D141). A day counts as imported when the 考勤系统 file had any row
// for it; on such a WD everyone expected at work without a row is 未签到 (D142).

/** Window staff the 考勤系统 covers (ATT-01 "窗口工作人员"): these roles, stationed and not yet gone (D142). */
export const ATTENDING_ROLES: readonly Role[] = ['staff', 'window_lead', 'chief_rep'];
const NOT_EXPECTED = ['拟入岗', '已离岗'];

export interface Scope {
  userid?: string;
  departmentCode?: string;
  windowNumber?: string;
}

/** What judging needs of a mirrored row. */
export type DayRow = Pick<AttendanceDay, 'id' | 'userid' | 'date' | 'signIn' | 'signOut'>;

/** The mirrored rows of [from, to], as plain rows (a month is ~6,600: entity hydration is the slow part). */
export function loadRows(m: EntityManager, from: LocalDate, to: LocalDate): Promise<DayRow[]> {
  return m
    .createQueryBuilder(AttendanceDay, 'a')
    .select('a.id', 'id')
    .addSelect('a.userid', 'userid')
    .addSelect('a.date', 'date')
    .addSelect('a.signIn', 'signIn')
    .addSelect('a.signOut', 'signOut')
    .where('a.date BETWEEN :from AND :to', { from, to })
    .orderBy('a.date', 'ASC')
    .getRawMany<DayRow>();
}

export interface PersonDay {
  person: Person;
  date: LocalDate;
  row: DayRow | null;
  leave: LeaveRequest | null;
  judged: Judged;
}

export interface JudgedRange {
  limits: Limits;
  /** Days of the range with at least one imported row (any person). */
  imported: Set<LocalDate>;
  days: PersonDay[];
}

const inScope = (p: Person, s: Scope) =>
  (!s.userid || p.userid === s.userid) &&
  (!s.departmentCode || p.departmentCode === s.departmentCode) &&
  (!s.windowNumber || p.windowNumber === s.windowNumber);

export async function expectedPeople(m: EntityManager): Promise<Person[]> {
  const roles = await m.find(PersonRole, { where: { role: In([...ATTENDING_ROLES]) } });
  const ids = [...new Set(roles.map((r) => r.userid))];
  if (!ids.length) return [];
  const people = await m.find(Person, { where: { userid: In(ids), inactive: false } });
  return people.filter((p) => !NOT_EXPECTED.includes(p.status));
}

/** Counted leave touching [from, to], by userid (leave-queries.ts reads by month). */
async function leaves(m: EntityManager, from: LocalDate, to: LocalDate): Promise<Map<string, LeaveRequest[]>> {
  const out = new Map<string, LeaveRequest[]>();
  for (let d = `${from.slice(0, 7)}-01`; d <= to; d = addMonths(d, 1)) {
    for (const r of await leaveInMonth(m, d.slice(0, 7), { counted: true })) {
      if (r.toDate < from || r.fromDate > to) continue;
      const list = out.get(r.userid) ?? [];
      if (!list.some((x) => x.id === r.id)) list.push(r);
      out.set(r.userid, list);
    }
  }
  return out;
}

/**
 * Every person-day of [from, to] that has a row, plus — on imported WDs — every expected person in scope
 * without one. Days not imported yield nothing (the caller says 考勤未导入).
 */
export async function judgeRange(
  m: EntityManager,
  cal: WorkCalendar,
  from: LocalDate,
  to: LocalDate,
  scope: Scope = {},
): Promise<JudgedRange> {
  const limits = await loadLimits(m);
  const rows = await loadRows(m, from, to);
  const imported = new Set(rows.map((r) => r.date));
  const expected = (await expectedPeople(m)).filter((p) => inScope(p, scope));
  const rowPeople = [...new Set(rows.map((r) => r.userid))].filter((u) => !expected.some((p) => p.userid === u));
  const others = rowPeople.length ? await m.find(Person, { where: { userid: In(rowPeople) } }) : [];
  const people = [...expected, ...others.filter((p) => inScope(p, scope))].sort((a, b) =>
    a.userid.localeCompare(b.userid),
  );
  const byKey = new Map(rows.map((r) => [`${r.userid}|${r.date}`, r]));
  const ext = await m.find(ServiceExtension, { where: { date: Between(from, to) } });
  const extByKey = new Map(ext.map((e) => [`${e.windowNumber}|${e.date}`, e.endTime]));
  const leave = await leaves(m, from, to);
  const days: PersonDay[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    if (!imported.has(date)) continue;
    const workday = cal.dayInfo(date).workday;
    for (const person of people) {
      const row = byKey.get(`${person.userid}|${date}`) ?? null;
      const isExpected = expected.includes(person) && (!person.stationedSince || person.stationedSince <= date);
      if (!row && (!workday || !isExpected)) continue;
      const on = (leave.get(person.userid) ?? []).find((r) => coversDay(r, date)) ?? null;
      const judged = judgeDay(
        {
          workday,
          onLeave: !!on,
          signIn: row?.signIn ?? null,
          signOut: row?.signOut ?? null,
          extensionEnd: person.windowNumber ? (extByKey.get(`${person.windowNumber}|${date}`) ?? null) : null,
        },
        limits,
      );
      days.push({ person, date, row, leave: on, judged });
    }
  }
  return { limits, imported, days };
}
