import type { EntityManager } from 'typeorm';
import { RateCounter } from '../../entities/rate-counter';
import { affected, insertRows } from '../db';

// D9 / wecom.md §4: WeCom silently drops app messages beyond 30/min and 1000/h per recipient, and robots
// and app chats take ≤ 20/min. Counters live in the database so two instances share them; a message that
// would exceed a limit waits for the window to roll over — it is never dropped.
export interface Limit {
  key: string;
  max: number;
  windowMinutes: number;
}

export function limitsFor(targetKind: 'user' | 'chat' | 'robot', ids: string[]): Limit[] {
  if (targetKind === 'user')
    return ids.flatMap((id) => [
      { key: `u:${id}:m`, max: 30, windowMinutes: 1 },
      { key: `u:${id}:h`, max: 1000, windowMinutes: 60 },
    ]);
  return ids.map((id) => ({ key: `${targetKind === 'chat' ? 'c' : 'r'}:${id}:m`, max: 20, windowMinutes: 1 }));
}

/**
 * Reserve one send against every limit, inside the caller's transaction. Returns undefined when reserved,
 * or the instant the earliest blocking window ends (the caller rolls back and retries then).
 */
export async function reserve(m: EntityManager, now: Date, limits: Limit[]): Promise<Date | undefined> {
  const minute = Math.floor(now.getTime() / 60_000);
  for (const l of limits) {
    const window = Math.floor(minute / l.windowMinutes);
    const bucket = `${l.key}:${window}`.slice(0, 191);
    const expiresMinute = (window + 1) * l.windowMinutes;
    await insertRows(m, RateCounter, { bucket, count: 0, expiresMinute }, { orIgnore: true });
    const res = await m
      .createQueryBuilder()
      .update(RateCounter)
      .set({ count: () => 'count + 1' })
      .where('bucket = :bucket AND count < :max', { bucket, max: l.max })
      .execute();
    if (affected(res) === 0) return new Date(expiresMinute * 60_000 + 1000);
  }
  return undefined;
}

/** Drop counters of windows that have ended (called by the sender now and then). */
export async function pruneCounters(m: EntityManager, now: Date): Promise<void> {
  const minute = Math.floor(now.getTime() / 60_000);
  await m.createQueryBuilder().delete().from(RateCounter).where('expiresMinute < :minute', { minute }).execute();
}
