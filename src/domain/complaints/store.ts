import { In } from 'typeorm';
import { Complaint } from '../../../entities/complaint';
import { ComplaintParty } from '../../../entities/complaint-party';
import { Deadline } from '../../../entities/deadline';
import { isPastDue } from '../../calendar/deadline-reminders';
import { closeDeadline, findDeadline, openDeadline } from '../../calendar/deadlines';
import type { Ctx } from '../../kernel/ctx';
import { UserError } from '../../kernel/errors';
import { affected } from '../../db';
import { normaliseRecordRef } from '../../kernel/numbers';
import { localDate, yearOf } from '../../kernel/time';
import { CLOSED, DL, SUBJECT } from './model';

// Loading and changing a complaint: every change is a guarded update on `version` plus an audit row in the same
// transaction (REC-02 append-only history). Audit details never carry the complainant's identity (REC-01).

/** `TS12`, `ts2026-12`, `TS2026-0012` → the complaint, or a UserError naming the reference. */
export async function loadComplaint(ctx: Ctx, ref: string): Promise<Complaint> {
  const no = normaliseRecordRef(ref, 'TS', yearOf(localDate(ctx.now)));
  const c = no ? await ctx.m.findOne(Complaint, { where: { no } }) : null;
  if (!c) throw new UserError(`没有找到投诉“${ref}”。发送“投诉 列表”查看。`);
  return c;
}

/** Refuse commands on a complaint whose handling has ended (归档, 转介, 撤销, 终结). */
export function requireOpen(c: Complaint, what: string): void {
  if (CLOSED.includes(c.status)) throw new UserError(`${c.no} 已${c.status.replace(/^已/, '')}，不能再${what}。`);
}

export async function updateComplaint(
  ctx: Ctx,
  c: Complaint,
  changes: Partial<Complaint>,
  action: string,
  detail: Record<string, unknown> = {},
): Promise<Complaint> {
  const next = { ...changes, version: c.version + 1, updatedAt: ctx.now };
  const res = await ctx.m.update(Complaint, { id: c.id, version: c.version }, next);
  if (affected(res) !== 1) throw new Error(`complaint ${c.no} changed concurrently (version ${c.version})`);
  Object.assign(c, next);
  await ctx.audit(action, SUBJECT, c.no, { v: c.version, status: c.status, ...detail });
  return c;
}

/** Open (or reopen, version continued) one of the complaint's clocks. */
export function openClock(
  ctx: Ctx,
  no: string,
  kind: string,
  startAt: Date,
  amount: number,
  unit: 'WD' | 'CD' = 'WD',
): Promise<Deadline> {
  return openDeadline(ctx.m, ctx.now, ctx.actor.userid, ctx.deps.calendar, {
    subjectType: SUBJECT,
    subjectId: no,
    kind,
    startAt,
    amount,
    unit,
  });
}

/**
 * Close a clock if running; returns whether it was past due (D31: late actions are recorded with an
 * overdue flag, never refused).
 */
export async function closeClock(
  ctx: Ctx,
  no: string,
  kind: string,
  outcome: string,
): Promise<{ closed: boolean; late: boolean; deadline?: Deadline }> {
  const d = await findDeadline(ctx.m, SUBJECT, no, kind);
  if (!d || d.status === 'closed') return { closed: false, late: false, deadline: d ?? undefined };
  const late = isPastDue(d.dueAt, ctx.now);
  await closeDeadline(ctx.m, ctx.now, ctx.actor.userid, d, outcome);
  return { closed: true, late, deadline: d };
}

export function liveClocks(ctx: Ctx, no: string): Promise<Deadline[]> {
  return ctx.m.find(Deadline, {
    where: { subjectType: SUBJECT, subjectId: no, status: In(['open', 'paused']) },
    order: { id: 'ASC' },
  });
}

/** Stop every running clock (转介, 撤销, 终结): nothing more is owed. */
export async function closeAllClocks(ctx: Ctx, no: string, outcome: string): Promise<number> {
  const rows = await liveClocks(ctx, no);
  for (const d of rows) await closeDeadline(ctx.m, ctx.now, ctx.actor.userid, d, outcome);
  return rows.length;
}

export function partiesOf(ctx: Ctx, no: string, round?: number): Promise<ComplaintParty[]> {
  return ctx.m.find(ComplaintParty, {
    where: { complaintNo: no, ...(round ? { round } : {}) },
    order: { round: 'ASC', id: 'ASC' },
  });
}

/** The 落实 clock of one department. */
export const implementKind = (dept: string) => DL.implement(dept);
