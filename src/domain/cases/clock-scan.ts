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

export interface Candidate {
  clock: CaseClock;
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
  const rows = await m
    .createQueryBuilder(CaseClock, 'c')
    .innerJoin(Deadline, 'd', 'd.id = c.deadlineId')
    .addSelect(['d.status AS d_status', 'd.version AS d_version'])
    .where(
      new Brackets((w) =>
        w.where('c.l1Date = :today').orWhere('c.l2Date = :today').orWhere('(c.live = :live AND c.dueDate <= :today)'),
      ),
    )
    .setParameters({ today, live: true })
    .getRawAndEntities<{ d_status: Deadline['status']; d_version: number }>();
  const candidates: Candidate[] = [];
  const retire: number[] = [];
  rows.entities.forEach((clock, i) => {
    const raw = rows.raw[i];
    const deadline = { id: clock.deadlineId, version: Number(raw.d_version), status: raw.d_status };
    if (deadline.status === 'closed') {
      if (clock.live) retire.push(clock.id);
      return;
    }
    // A clock paused or changed since the sync (another instance in between) waits for tomorrow's scan.
    if (deadline.status !== 'open' || deadline.version !== clock.deadlineVersion) return;
    const level = levelOn(clock, today);
    if (level) candidates.push({ clock, deadline, level });
  });
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
