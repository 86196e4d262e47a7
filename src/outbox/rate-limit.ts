import { LessThan, type EntityManager } from 'typeorm';
import { RateCounter } from '../../entities/rate-counter';
import { RateSend } from '../../entities/rate-send';
import { insertRows } from '../db';

// D9 / D34 / WeCom doc 90454: WeCom silently drops app messages beyond 30 per minute and 1000 per hour to one member,
// and app chats and robots take ≤ 20 per minute. D34 reads "per minute" as "in any 60-second span" (a sliding
// window), so a burst across a calendar-minute boundary cannot deliver 60. Every send is a rate_send row in the
// database, so two instances share the windows; a message that would exceed a limit waits — it is never dropped.

export interface Limit {
  max: number;
  windowMs: number;
}

export type Scope = 'user' | 'chat' | 'robot';

const MINUTE = 60_000;
const HOUR = 3_600_000;

/** The limits per scope kind (WeCom doc 90454). Cards and card updates are app messages too. */
export const LIMITS: Record<Scope, Limit[]> = {
  user: [
    { max: 30, windowMs: MINUTE },
    { max: 1000, windowMs: HOUR },
  ],
  chat: [{ max: 20, windowMs: MINUTE }],
  robot: [{ max: 20, windowMs: MINUTE }],
};

/**
 * Slack added to every window: WeCom counts on its own clock, we count on ours, and a request reaches WeCom a
 * little after it leaves. One second keeps the conservative reading of D34 under that skew.
 */
export const SKEW_MS = 1_000;

export function scopesFor(kind: Scope, ids: string[]): string[] {
  const prefix = kind === 'user' ? 'u' : kind === 'chat' ? 'c' : 'r';
  // Userids are case-insensitive at WeCom (WeCom doc 90238): `LiSi` and `lisi` share one window.
  return [...new Set(ids.map((id) => `${prefix}:${kind === 'user' ? id.toLowerCase() : id}`.slice(0, 191)))];
}

/**
 * Reserve one send for every scope, inside the caller's transaction. Returns the reservation's ids (mark them
 * with `settle` once the call returned), or the instant the earliest slot frees (nothing reserved; the caller
 * waits until then). `inFlightMs` is the worst-case time until WeCom has the message: while the call runs, the
 * reservation counts as arriving that late.
 */
export async function reserve(
  m: EntityManager,
  now: Date,
  kind: Scope,
  scopes: string[],
  inFlightMs: number,
): Promise<{ ids: number[] } | { waitUntil: Date }> {
  const sorted = [...scopes].sort(); // a fixed lock order: two instances never deadlock on each other's scopes
  const minute = Math.floor(now.getTime() / MINUTE);
  for (const scope of sorted) {
    // The write takes the scope's row lock (InnoDB) / the write lock (SQLite) until commit, so the count below
    // sees every reservation another instance committed before us; InnoDB's read view starts at that first read.
    await insertRows(m, RateCounter, { bucket: scope, count: 0, expiresMinute: minute }, { orIgnore: true });
    await m
      .createQueryBuilder()
      .update(RateCounter)
      .set({ count: () => 'count + 1', expiresMinute: minute })
      .where('bucket = :scope', { scope })
      .execute();
  }
  let waitUntil = 0;
  const longest = Math.max(...LIMITS[kind].map((l) => l.windowMs)) + SKEW_MS;
  for (const scope of sorted) {
    const since = new Date(now.getTime() - longest).toISOString();
    const rows: { arrivedBy: string }[] = await m
      .createQueryBuilder(RateSend, 'r')
      .select('r.arrivedBy', 'arrivedBy')
      .where('r.scope = :scope AND r.arrivedBy > :since', { scope, since })
      .orderBy('r.arrivedBy', 'ASC')
      .getRawMany();
    const times = rows.map((r) => Date.parse(r.arrivedBy));
    for (const l of LIMITS[kind]) {
      const span = l.windowMs + SKEW_MS;
      const inWindow = times.filter((t) => t > now.getTime() - span);
      // Full: the slot frees when enough of the oldest sends in the window have left it.
      if (inWindow.length >= l.max) waitUntil = Math.max(waitUntil, inWindow[inWindow.length - l.max] + span + 1);
    }
  }
  if (waitUntil > 0) return { waitUntil: new Date(waitUntil) };
  const arrivedBy = new Date(now.getTime() + inFlightMs);
  const ids: number[] = [];
  for (const scope of sorted) {
    const row = await m.save(RateSend, m.create(RateSend, { scope, arrivedBy }));
    ids.push(row.id);
  }
  return { ids };
}

/** The call returned (or failed): the message reached WeCom no later than `at`. */
export async function settle(m: EntityManager, ids: number[], at: Date): Promise<void> {
  if (ids.length) await m.createQueryBuilder().update(RateSend).set({ arrivedBy: at }).whereInIds(ids).execute();
}

/** Drop sends older than every window (called by the sender now and then). */
export async function pruneCounters(m: EntityManager, now: Date): Promise<void> {
  const horizon = new Date(now.getTime() - HOUR - 2 * SKEW_MS);
  await m.delete(RateSend, { arrivedBy: LessThan(horizon) });
  await m.delete(RateCounter, { expiresMinute: LessThan(Math.floor(horizon.getTime() / MINUTE)) });
}
