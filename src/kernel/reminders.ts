import type { EntityManager } from 'typeorm';
import { ReminderLog } from '../../entities/reminder-log';
import { insertRows } from '../db';

/**
 * Claim one reminder (design rule 3, D16): returns true only for the first caller with this
 * (subject, kind, deadline version, occurrence). Call it in the same transaction that queues the message,
 * so a claimed reminder is always sent and an unclaimed one never is.
 */
export async function claimReminder(
  m: EntityManager,
  now: Date,
  subject: string,
  kind: string,
  deadlineVersion: number,
  occurrence: string,
): Promise<boolean> {
  const n = await insertRows(
    m,
    ReminderLog,
    { subject, kind, deadlineVersion, occurrence, sentAt: now },
    { orIgnore: true },
  );
  return n === 1;
}
