import { type EntityManager, In } from 'typeorm';
import { Deadline, DEADLINE_UNITS, type DeadlineStatus, type DeadlineUnit } from '../../entities/deadline';
import { writeAudit } from '../kernel/audit';
import { isPastDue } from './deadline-reminders';
import { UserError } from '../kernel/errors';
import { affected, insertRows } from '../db';
import { type LocalDate, localDate, localStamp } from '../kernel/time';
import type { WorkCalendar } from '../kernel/work-calendar';
import { computeDue } from './deadline-due';

// The one pausable clock every domain uses (§0.3, DIR-13, CAS-08/10/12). Each function changes one row with a
// guarded update on its version (design rule 3), bumps the version so reminders keyed on it (D16) re-arm and
// never repeat, and writes an audit row in the caller's transaction (REC-02).

export interface DeadlineSpec {
  subjectType: string;
  subjectId: string;
  kind: string;
  startAt: Date;
  amount: number;
  unit: DeadlineUnit;
}

export type DeadlineRef = Deadline | number;

export interface MovedDeadline {
  id: number;
  subject: string;
  kind: string;
  from: LocalDate;
  to: LocalDate;
  provisional: boolean;
  version: number;
}

const LIVE: DeadlineStatus[] = ['open', 'paused'];

export function findDeadline(m: EntityManager, subjectType: string, subjectId: string, kind: string) {
  return m.findOne(Deadline, { where: { subjectType, subjectId, kind } });
}

async function load(m: EntityManager, ref: DeadlineRef): Promise<Deadline> {
  const id = typeof ref === 'number' ? ref : ref.id;
  const d = await m.findOne(Deadline, { where: { id } });
  if (!d) throw new Error(`deadline ${id} not found`);
  return d;
}

/** Guarded write: only if nobody changed the row since we read it; bumps the version; audits. */
async function commit(
  m: EntityManager,
  now: Date,
  actor: string,
  d: Deadline,
  changes: Partial<Deadline>,
  action: string,
  detail: Record<string, unknown> = {},
): Promise<Deadline> {
  const next = { ...changes, version: d.version + 1, updatedAt: now };
  const res = await m.update(Deadline, { id: d.id, version: d.version }, next);
  if (affected(res) !== 1) throw new Error(`deadline ${d.id} changed concurrently (version ${d.version})`);
  const updated = Object.assign(d, next);
  await writeAudit(m, now, actor, action, d.subjectType, d.subjectId, {
    deadline: d.id,
    kind: d.kind,
    version: updated.version,
    dueDate: updated.dueDate,
    provisional: updated.provisional,
    status: updated.status,
    ...detail,
  });
  return updated;
}

function requireWorkdayClock(d: Deadline, what: string): void {
  // Pauses and extensions are working-day notions (CAS-10, CAS-12); a CD/month clock has neither.
  if (d.unit !== 'WD') throw new Error(`${what}: deadline ${d.id} counts ${d.unit}, not WD`);
}

/**
 * Start a clock "within `amount` `unit` of `startAt`". A closed clock with the same (subject, kind) is reopened
 * with its version continued, so reminders of the old round can never collide with the new one.
 */
export async function openDeadline(
  m: EntityManager,
  now: Date,
  actor: string,
  cal: WorkCalendar,
  spec: DeadlineSpec,
): Promise<Deadline> {
  if (!Number.isInteger(spec.amount) || spec.amount < 0)
    throw new Error(`deadline amount must be ≥ 0 (${spec.amount})`);
  if (!DEADLINE_UNITS.includes(spec.unit)) throw new Error(`unknown deadline unit ${spec.unit}`);
  const fresh = { startAt: spec.startAt, amount: spec.amount, unit: spec.unit, pauses: null, extendedWorkdays: 0 };
  const due = computeDue(cal, fresh);
  const state = { ...fresh, ...due, pausedAt: null, status: 'open' as const, closedAt: null };
  const existing = await findDeadline(m, spec.subjectType, spec.subjectId, spec.kind);
  if (existing) {
    if (existing.status !== 'closed') {
      throw new Error(`deadline ${spec.subjectType}:${spec.subjectId} ${spec.kind} is already running`);
    }
    return commit(m, now, actor, existing, state, 'deadline.open', {
      reopened: true,
      amount: spec.amount,
      unit: spec.unit,
    });
  }
  await insertRows(m, Deadline, { ...spec, ...state, version: 1, createdAt: now, updatedAt: now });
  const row = (await findDeadline(m, spec.subjectType, spec.subjectId, spec.kind))!;
  const detail = { deadline: row.id, kind: spec.kind, version: 1, amount: spec.amount, unit: spec.unit };
  await writeAudit(m, now, actor, 'deadline.open', spec.subjectType, spec.subjectId, {
    ...detail,
    dueDate: row.dueDate,
    provisional: row.provisional,
  });
  return row;
}

/** Stop the clock at `at` (CAS-12). The due date is re-computed on resume; reminders skip paused clocks. */
export async function pauseDeadline(
  m: EntityManager,
  now: Date,
  actor: string,
  _cal: WorkCalendar,
  ref: DeadlineRef,
  at: Date = now,
  reason?: string,
): Promise<Deadline> {
  const d = await load(m, ref);
  requireWorkdayClock(d, 'pause');
  if (d.status === 'paused') throw new UserError(`该时限已于 ${localStamp(d.pausedAt!)} 中止，无需重复中止。`);
  if (d.status === 'closed') throw new UserError('该时限已结束，不能中止。');
  return commit(m, now, actor, d, { status: 'paused', pausedAt: at }, 'deadline.pause', {
    at: at.toISOString(),
    reason,
  });
}

/** Restart the clock; the WDs from the pause day through the resume day are added (§19 #18, CAS-12). */
export async function resumeDeadline(
  m: EntityManager,
  now: Date,
  actor: string,
  cal: WorkCalendar,
  ref: DeadlineRef,
  at: Date = now,
): Promise<Deadline> {
  const d = await load(m, ref);
  if (d.status !== 'paused' || !d.pausedAt) throw new UserError('该时限未中止，无需恢复。');
  const from = localDate(d.pausedAt);
  const to = localDate(at);
  if (to < from) throw new UserError(`恢复日期 ${to} 早于中止日期 ${from}。`);
  const pauses = [...(d.pauses ?? []), { from, to }];
  const due = computeDue(cal, { ...d, pauses });
  return commit(m, now, actor, d, { ...due, pauses, pausedAt: null, status: 'open' }, 'deadline.resume', {
    pause: { from, to },
    previousDueDate: d.dueDate,
  });
}

/** Grant `workdays` more WDs (CAS-10 extension with its reason). */
export async function extendDeadline(
  m: EntityManager,
  now: Date,
  actor: string,
  cal: WorkCalendar,
  ref: DeadlineRef,
  workdays: number,
  reason?: string,
): Promise<Deadline> {
  if (!Number.isInteger(workdays) || workdays < 1)
    throw new UserError(`延长天数应为正整数工作日（收到 ${workdays}）。`);
  const d = await load(m, ref);
  requireWorkdayClock(d, 'extend');
  if (d.status === 'closed') throw new UserError('该时限已结束，不能延长。');
  const extendedWorkdays = d.extendedWorkdays + workdays;
  const due = computeDue(cal, { ...d, extendedWorkdays });
  return commit(m, now, actor, d, { ...due, extendedWorkdays }, 'deadline.extend', {
    workdays,
    reason,
    previousDueDate: d.dueDate,
  });
}

/** Run the clock afresh from `at` (CAS-08: the limit restarts the day after 补正 materials arrive). */
export async function restartDeadline(
  m: EntityManager,
  now: Date,
  actor: string,
  cal: WorkCalendar,
  ref: DeadlineRef,
  at: Date = now,
): Promise<Deadline> {
  const d = await load(m, ref);
  if (d.status === 'closed') throw new UserError('该时限已结束，不能重新计算。');
  const fresh = { startAt: at, pauses: null, extendedWorkdays: 0 };
  const due = computeDue(cal, { ...d, ...fresh });
  return commit(m, now, actor, d, { ...fresh, ...due, pausedAt: null, status: 'open' }, 'deadline.restart', {
    previousDueDate: d.dueDate,
  });
}

/** Stop the clock for good (办结, 答复, 撤销…). Closing a closed clock changes nothing. */
export async function closeDeadline(
  m: EntityManager,
  now: Date,
  actor: string,
  ref: DeadlineRef,
  outcome?: string,
): Promise<Deadline> {
  const d = await load(m, ref);
  if (d.status === 'closed') return d;
  return commit(m, now, actor, d, { status: 'closed', closedAt: now, pausedAt: null }, 'deadline.close', {
    outcome,
    overdue: isPastDue(d.dueAt, now),
  });
}

/**
 * After a calendar change (日历 设置/确认, import, end-of-day setting): recompute every running clock; each
 * one that moved gets a new version, and one audit row lists them all with old → new due date.
 */
export async function recomputeOpenDeadlines(
  m: EntityManager,
  now: Date,
  actor: string,
  cal: WorkCalendar,
  cause?: string,
): Promise<{ checked: number; moved: MovedDeadline[] }> {
  const rows = await m.find(Deadline, { where: { status: In(LIVE) }, order: { id: 'ASC' } });
  const moved: MovedDeadline[] = [];
  for (const d of rows) {
    const due = computeDue(cal, d);
    const same =
      due.dueDate === d.dueDate &&
      due.dueAt.getTime() === d.dueAt.getTime() &&
      due.provisional === d.provisional &&
      due.pausedWorkdays === d.pausedWorkdays;
    if (same) continue;
    const from = d.dueDate;
    const next = { ...due, version: d.version + 1, updatedAt: now };
    const res = await m.update(Deadline, { id: d.id, version: d.version }, next);
    if (affected(res) !== 1) throw new Error(`deadline ${d.id} changed concurrently (version ${d.version})`);
    moved.push({
      id: d.id,
      subject: `${d.subjectType}:${d.subjectId}`,
      kind: d.kind,
      from,
      to: due.dueDate,
      provisional: due.provisional,
      version: next.version,
    });
  }
  if (moved.length > 0) {
    await writeAudit(m, now, actor, 'deadline.recompute', 'calendar', 'deadlines', {
      cause,
      checked: rows.length,
      moved,
    });
  }
  return { checked: rows.length, moved };
}
