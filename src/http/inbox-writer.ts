import { In, type EntityManager } from 'typeorm';
import { InboxRow } from '../../entities/inbox';
import { DbBusyError, insertRows, type Db } from '../db';

/**
 * Callbacks waiting for their insert beyond this are answered 503 (WeCom retries after 5 s) instead of being
 * held in memory without limit (D81).
 */
export const INBOX_PENDING_CAP = 2_000;
const BATCH = 500;

type Waiter = { row: Partial<InboxRow>; resolve: (stored: boolean) => void; reject: (e: unknown) => void };

/**
 * Group commit for inbound callbacks: rows arriving while a write is in flight are stored together in the next
 * single transaction (one BEGIN/COMMIT for many callbacks), on the database's urgent lane. Each caller's promise
 * resolves only after its row is committed, so the 200 to WeCom still means "stored" (design rule 1). A batch
 * that fails is retried row by row, so one bad row fails only its own callback.
 */
export class InboxWriter {
  private pending: Waiter[] = [];
  private flushing: Promise<void> | undefined;

  constructor(private readonly db: Db) {}

  /** Store one row; resolves true if it is new, false for a replay (same dedupe key); DbBusyError when full. */
  store(row: Partial<InboxRow>): Promise<boolean> {
    if (this.pending.length >= INBOX_PENDING_CAP) return Promise.reject(new DbBusyError());
    return new Promise<boolean>((resolve, reject) => {
      this.pending.push({ row, resolve, reject });
      this.flushing ??= this.flush();
    });
  }

  private async flush(): Promise<void> {
    // Let the callbacks already parsed in this turn of the event loop join the batch.
    await new Promise<void>((r) => setImmediate(r));
    while (this.pending.length) {
      const batch = this.pending.splice(0, BATCH);
      try {
        const results = await this.db.txUrgent((m) =>
          storeBatch(
            m,
            batch.map((p) => p.row),
          ),
        );
        batch.forEach((p, i) => p.resolve(results[i]));
      } catch (err) {
        if (batch.length === 1 || err instanceof DbBusyError) batch.forEach((p) => p.reject(err));
        else await this.oneByOne(batch);
      }
    }
    this.flushing = undefined;
  }

  /** After a failed batch: each row in its own transaction, so only the bad one is refused. */
  private async oneByOne(batch: Waiter[]): Promise<void> {
    for (const p of batch) {
      try {
        const [stored] = await this.db.txUrgent((m) => storeBatch(m, [p.row]));
        p.resolve(stored);
      } catch (err) {
        p.reject(err);
      }
    }
  }
}

/**
 * One multi-row INSERT … OR IGNORE for a batch. A row is "new" if its key is neither stored already nor repeated
 * earlier in the batch; the unique index still has the last word (two instances racing), so at worst the flag —
 * used for metrics and to wake the dispatcher — is optimistic, never the data.
 */
async function storeBatch(m: EntityManager, rows: Partial<InboxRow>[]): Promise<boolean[]> {
  const keys = rows.map((r) => r.dedupeKey!);
  const existing = new Set(
    (await m.find(InboxRow, { select: { dedupeKey: true }, where: { dedupeKey: In(keys) } })).map((r) => r.dedupeKey),
  );
  const seen = new Set<string>();
  const fresh: boolean[] = keys.map((k) => {
    const isNew = !existing.has(k) && !seen.has(k);
    seen.add(k);
    return isNew;
  });
  const toInsert = rows.filter((_, i) => fresh[i]);
  if (toInsert.length) await insertRows(m, InboxRow, toInsert, { orIgnore: true });
  return fresh;
}
