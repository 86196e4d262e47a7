import type { EntityManager } from 'typeorm';
import type { Deadline } from '../../entities/deadline';
import { claimReminder } from '../kernel/reminders';

// How jobs use a deadline (D16, design rule 3): reminders are claimed on the deadline's current version, so a
// moved, paused-and-resumed or extended deadline re-arms them and an unchanged one never repeats them.

/**
 * Past due at minute granularity, matching the filing cut-off (§0.3, OPEN #1): something done at 17:30 is in
 * time for a deadline ending at 17:30; 17:31 is late.
 */
export function isPastDue(dueAt: Date, now: Date): boolean {
  return Math.floor(now.getTime() / 60_000) > Math.floor(dueAt.getTime() / 60_000);
}

/**
 * Claim one reminder about a running deadline: `kind` is the reminder kind (e.g. `L1`, `due-1`, `overdue`),
 * `occurrence` the WD for daily repeats or a fixed label. Paused and closed clocks never remind (CAS-12).
 */
export async function claimDeadlineReminder(
  m: EntityManager,
  now: Date,
  d: Pick<Deadline, 'id' | 'version' | 'status'>,
  kind: string,
  occurrence: string,
): Promise<boolean> {
  if (d.status !== 'open') return false;
  return claimReminder(m, now, `deadline:${d.id}`, kind, d.version, occurrence);
}
