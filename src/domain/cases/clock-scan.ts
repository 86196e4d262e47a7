import { createHash } from 'node:crypto';
import { Brackets, type EntityManager, In } from 'typeorm';
import { ReminderLog } from '../../../entities/reminder-log';
import { CaseClock } from '../../../entities/case-clock';
import { Deadline } from '../../../entities/deadline';
import { claimDeadlineReminder } from '../../calendar/deadline-reminders';
import type { Ctx } from '../../kernel/ctx';
import { type LocalDate, localDate } from '../../kernel/time';
import { type MarkRule, markRule, syncCaseClocks } from './clock-marks';

// CAS-18 三级提醒, the 09:00 scan (D110): marks are synced to the current clock versions, then ONE range query
// on the indexed L1/L2/due dates finds today's candidates; nothing walks the open cases. Each reminder is
// claimed on (deadline, version, level, WD) with claimDeadlineReminder (D16): a re-run sends nothing, a moved
// clock re-arms.

export type Level = 'L1' | 'L2' | 'L3';

type ClockView = Pick<
  CaseClock,
  'id' | 'deadlineId' | 'caseNo' | 'deadlineVersion' | 'instant' | 'live' | 'l1Date' | 'l2Date' | 'dueDate'
>;

interface RawCandidate {
  id: number | string;
  deadlineId: number | string;
  caseNo: string;
  deadlineVersion: number | string;
  instant: number | boolean | string;
  live: number | boolean | string;
  l1Date: string | null;
  l2Date: string | null;
  dueDate: string;
  status: Deadline['status'];
  version: number | string;
}

export interface Candidate {
  clock: ClockView;
  deadline: Pick<Deadline, 'id' | 'version' | 'status'>;
  level: Level;
}

/** Today's reminder candidates, marks synced first. Clocks found closed are retired (`live` = false). */
export async function reminderCandidates(
  m: EntityManager,
  ctx: Pick<Ctx, 'now' | 'deps'>,
  rule?: MarkRule,
): Promise<{ synced: number; candidates: Candidate[] }> {
  const today = localDate(ctx.now);
  const synced = await syncCaseClocks(m, ctx.deps.calendar, ctx.now, rule ?? (await markRule(m)));
  // Raw rows, only the columns the levels need: hydrating entities costs more than the query itself.
  const rows = await m
    .createQueryBuilder(CaseClock, 'c')
    .innerJoin(Deadline, 'd', 'd.id = c.deadlineId')
    .select([
      'c.id AS id',
      'c.deadlineId AS deadlineId',
      'c.caseNo AS caseNo',
      'c.deadlineVersion AS deadlineVersion',
      'c.instant AS instant',
      'c.live AS live',
      'c.l1Date AS l1Date',
      'c.l2Date AS l2Date',
      'c.dueDate AS dueDate',
      'd.status AS status',
      'd.version AS version',
    ])
    .where(
      new Brackets((w) =>
        w.where('c.l1Date = :today').orWhere('c.l2Date = :today').orWhere('(c.live = :live AND c.dueDate <= :today)'),
      ),
    )
    .setParameters({ today, live: true })
    .getRawMany<RawCandidate>();
  const candidates: Candidate[] = [];
  const retire: number[] = [];
  for (const r of rows) {
    const clock = {
      id: Number(r.id),
      deadlineId: Number(r.deadlineId),
      caseNo: r.caseNo,
      deadlineVersion: Number(r.deadlineVersion),
      instant: Boolean(Number(r.instant)),
      live: Boolean(Number(r.live)),
      l1Date: r.l1Date,
      l2Date: r.l2Date,
      dueDate: r.dueDate,
    };
    const deadline = { id: clock.deadlineId, version: Number(r.version), status: r.status };
    if (deadline.status === 'closed') {
      if (clock.live) retire.push(clock.id);
      continue;
    }
    // A clock paused or changed since the sync (another instance in between) waits for tomorrow's scan.
    if (deadline.status !== 'open' || deadline.version !== clock.deadlineVersion) continue;
    const level = levelOn(clock, today);
    if (level) candidates.push({ clock, deadline, level });
  }
  if (retire.length) await m.update(CaseClock, retire, { live: false });
  return { synced, candidates };
}

/** The level due on `today` at 09:00, if any. 即办件 get L2 at 17:30 instead (instant-cases-open). */
export function levelOn(
  c: Pick<CaseClock, 'l1Date' | 'l2Date' | 'dueDate' | 'instant'>,
  today: LocalDate,
): Level | null {
  if (c.dueDate < today) return 'L3';
  if (c.instant) return null;
  if (c.dueDate === today || c.l2Date === today) return 'L2';
  return c.l1Date === today ? 'L1' : null;
}

/**
 * Drop the candidates already reminded today for their version (one indexed read per 500, so a re-run costs a
 * query rather than a failed insert per case); the rest are still claimed one by one (claimLevel).
 */
export async function unclaimed(m: EntityManager, today: LocalDate, list: Candidate[]): Promise<Candidate[]> {
  const done = new Set<string>();
  for (let i = 0; i < list.length; i += 500) {
    const rows = await m.find(ReminderLog, {
      where: { subject: In(list.slice(i, i + 500).map((c) => `deadline:${c.deadline.id}`)), occurrence: today },
      select: { subject: true, kind: true, deadlineVersion: true },
    });
    for (const r of rows) done.add(`${r.subject}|${r.kind}|${r.deadlineVersion}`);
  }
  return list.filter((c) => !done.has(`deadline:${c.deadline.id}|${c.level}|${c.deadline.version}`));
}

/** Claim one candidate's reminder for today; false if it was already sent for this version and WD. */
export function claimLevel(m: EntityManager, now: Date, c: Candidate): Promise<boolean> {
  return claimDeadlineReminder(m, now, c.deadline, c.level, localDate(now));
}

/** A short stable key for a digest of several cases (outbox dedupe). */
export function digestKey(ids: number[]): string {
  return createHash('sha256')
    .update(ids.sort((a, b) => a - b).join(','))
    .digest('hex')
    .slice(0, 16);
}
