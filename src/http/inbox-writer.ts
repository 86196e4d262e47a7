import type { EntityManager } from 'typeorm';
import type { InboxRow } from '../../entities/inbox';
import { instantTransformer, jsonTransformer } from '../../entities/columns';
import { DbBusyError, type Db } from '../db';

/**
 * Callbacks waiting for their insert beyond this are answered 503 (WeCom retries after 5 s) instead of being
 * held in memory without limit (D81).
 */
export const INBOX_PENDING_CAP = 2_000;
const BATCH = 500;

/** What a callback stores; the other columns start empty (NULL, or their default). */
export type InboxInsert = Pick<
  InboxRow,
  'dedupeKey' | 'userid' | 'kind' | 'payload' | 'status' | 'attempts' | 'receivedAt'
>;

type Waiter = { row: InboxInsert; resolve: (stored: boolean) => void; reject: (e: unknown) => void };

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
  store(row: InboxInsert): Promise<boolean> {
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

// The acknowledgement's hot path (D26, D241): the batch is two plain statements on the transaction's own
// connection. TypeORM's query builder spent about 20 µs per row binding parameters, a quarter of the bot's
// extra cost over the baseline; the columns are fixed here, so the SQL is written once per batch size.
const COLUMNS = ['dedupeKey', 'userid', 'kind', 'payload', 'status', 'attempts', 'receivedAt'] as const;

function values(r: InboxInsert): unknown[] {
  // The entity's own transformers (entities/columns.ts): JSON text and ISO-8601 UTC instants.
  return [
    r.dedupeKey,
    r.userid,
    r.kind,
    jsonTransformer.to(r.payload),
    r.status,
    r.attempts,
    instantTransformer.to(r.receivedAt),
  ];
}

/**
 * One multi-row INSERT … IGNORE for a batch. A row is "new" if its key is neither stored already nor repeated
 * earlier in the batch. SQLite names the rows it inserted (RETURNING, SQLite ≥ 3.35); MySQL has no RETURNING, so
 * the keys already stored are looked up first, and the unique index still has the last word (two instances
 * racing): at worst the flag — used for metrics and to wake the dispatcher — is optimistic, never the data.
 */
async function storeBatch(m: EntityManager, rows: InboxInsert[]): Promise<boolean[]> {
  const driver = m.connection.driver;
  const q = (name: string) => driver.escape(name);
  const sqlite = driver.options.type === 'better-sqlite3';
  const keys = rows.map((r) => r.dedupeKey);
  const insert = (batch: InboxInsert[]) =>
    `${sqlite ? 'INSERT OR IGNORE' : 'INSERT IGNORE'} INTO ${q('inbox')} (${COLUMNS.map(q).join(',')}) VALUES ` +
    batch.map(() => `(${COLUMNS.map(() => '?').join(',')})`).join(',');
  const seen = new Set<string>();
  const firstOf = (k: string) => !seen.has(k) && Boolean(seen.add(k));
  if (sqlite) {
    const stored = await m.query<{ k: string }[]>(
      `${insert(rows)} RETURNING ${q('dedupeKey')} AS k`,
      rows.flatMap(values),
    );
    const inserted = new Set(stored.map((r) => r.k));
    return keys.map((k) => firstOf(k) && inserted.has(k));
  }
  const found = await m.query<{ k: string }[]>(
    `SELECT ${q('dedupeKey')} AS k FROM ${q('inbox')} WHERE ${q('dedupeKey')} IN (${keys.map(() => '?').join(',')})`,
    keys,
  );
  const existing = new Set(found.map((r) => r.k));
  const fresh = keys.map((k) => firstOf(k) && !existing.has(k));
  const toInsert = rows.filter((_, i) => fresh[i]);
  if (toInsert.length) await m.query(insert(toInsert), toInsert.flatMap(values));
  return fresh;
}
