import { In, LessThanOrEqual, MoreThanOrEqual, type EntityManager } from 'typeorm';
import { LeaveRequest, type LeaveStatus } from '../../../entities/leave-request';
import { localDate, monthBounds, type LocalDate } from '../../kernel/time';

// Read side of 请假/出差 (ATT-05/06) for attendance (ATT-01/02: approved leave is no anomaly) and the
// 考勤与请假台账. A leave counts once approved and stays counted after 销假 (returned): the days it covered
// were approved absence. Draft, pending, rejected and cancelled requests never excuse a day.

/** Statuses whose days are approved absence. */
export const COUNTED_LEAVE: readonly LeaveStatus[] = ['approved', 'returned'];

/**
 * The approved leave (or 出差) of `userid` covering `date`, or null. After 销假 a leave covers only the days
 * before the return day: someone back on the 5th is no longer excused on the 5th.
 */
export async function approvedLeaveOn(m: EntityManager, userid: string, date: LocalDate): Promise<LeaveRequest | null> {
  const rows = await m.find(LeaveRequest, {
    where: {
      userid,
      status: In([...COUNTED_LEAVE]),
      fromDate: LessThanOrEqual(date),
      toDate: MoreThanOrEqual(date),
    },
    order: { fromDate: 'ASC', id: 'ASC' },
  });
  return rows.find((r) => coversDay(r, date)) ?? null;
}

/** Whether a counted leave excuses `date` (D152: a 销假 ends the cover on its own day). */
export function coversDay(r: LeaveRequest, date: LocalDate): boolean {
  if (!COUNTED_LEAVE.includes(r.status) || date < r.fromDate || date > r.toDate) return false;
  return !r.returnedAt || date < localDate(r.returnedAt);
}

/**
 * Every leave request touching the month `YYYY-MM` (any status, so the ledger can show rejected ones too),
 * optionally for one department, ordered by start day.
 */
export async function leaveInMonth(
  m: EntityManager,
  month: string,
  opts: { departmentCode?: string; counted?: boolean } = {},
): Promise<LeaveRequest[]> {
  const { first, last } = monthBounds(`${month}-01`);
  return m.find(LeaveRequest, {
    where: {
      fromDate: LessThanOrEqual(last),
      toDate: MoreThanOrEqual(first),
      ...(opts.departmentCode ? { departmentCode: opts.departmentCode } : {}),
      ...(opts.counted ? { status: In([...COUNTED_LEAVE]) } : {}),
    },
    order: { fromDate: 'ASC', id: 'ASC' },
  });
}

/** Userids with counted leave on `date` among `userids` (one query; cover checks, ATT-07 / WIN-03). */
export async function awayOn(m: EntityManager, userids: string[], date: LocalDate): Promise<Set<string>> {
  if (userids.length === 0) return new Set();
  const rows = await m.find(LeaveRequest, {
    where: {
      userid: In(userids),
      status: In([...COUNTED_LEAVE]),
      fromDate: LessThanOrEqual(date),
      toDate: MoreThanOrEqual(date),
    },
  });
  return new Set(rows.filter((r) => coversDay(r, date)).map((r) => r.userid));
}

/** Statuses that take someone away on the days asked for (approved, or still being decided). */
const PLANNED: readonly LeaveStatus[] = ['draft', 'pending', 'approved', 'returned'];

/**
 * Userids among `userids` with leave approved or in progress on any day of [from, to] — cover checks
 * (ATT-07) and WIN-03 grounds: a B-post who asked for the same days cannot stand in. `except` leaves out one
 * request (the one being checked).
 */
export async function awayDuring(
  m: EntityManager,
  userids: string[],
  from: LocalDate,
  to: LocalDate,
  except?: string,
): Promise<LeaveRequest[]> {
  if (userids.length === 0) return [];
  const rows = await m.find(LeaveRequest, {
    where: {
      userid: In(userids),
      status: In([...PLANNED]),
      fromDate: LessThanOrEqual(to),
      toDate: MoreThanOrEqual(from),
    },
    order: { fromDate: 'ASC', id: 'ASC' },
  });
  // After 销假 the days from the return day on are no longer away (D152).
  return rows.filter((r) => r.no !== except && (!r.returnedAt || localDate(r.returnedAt) > from));
}
