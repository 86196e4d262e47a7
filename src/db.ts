import type { DataSource, EntityManager } from 'typeorm';

/**
 * The database as the rest of the bot sees it: one transaction per event (design rule 2).
 * SQLite (better-sqlite3) has a single connection, so every write transaction goes through one
 * process-wide queue (D23); MySQL/MariaDB transactions run concurrently and rely on guarded updates.
 */
export class Db {
  readonly isSqlite: boolean;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly ds: DataSource) {
    this.isSqlite = ds.options.type === 'better-sqlite3';
  }

  get manager(): EntityManager {
    return this.ds.manager;
  }

  /** Run `fn` in a transaction; everything it writes (records, audit, outbox) commits together or not at all. */
  tx<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    if (!this.isSqlite) return this.ds.transaction(fn);
    const run = this.queue.then(() => this.ds.transaction(fn));
    this.queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    await this.queue.catch(() => undefined);
    if (this.ds.isInitialized) await this.ds.destroy();
  }
}

/** Affected-row count of an UpdateResult/DeleteResult on every driver. */
export function affected(result: { affected?: number | null }): number {
  return result.affected ?? 0;
}

/**
 * Typed plain INSERT (TypeORM's QueryDeepPartialEntity rejects nullable JSON columns). `orIgnore` turns a
 * unique-key conflict into a no-op — the dedupe mechanism of design rule 3.
 */
export async function insertRows<E extends object>(
  m: EntityManager,
  entity: new () => E,
  rows: Partial<E> | Partial<E>[],
  opts: { orIgnore?: boolean } = {},
): Promise<number> {
  const qb = m.createQueryBuilder().insert().into(entity).values(rows as never);
  const res = await (opts.orIgnore ? qb.orIgnore() : qb).execute();
  return affectedInsert(res.raw, Array.isArray(rows) ? rows.length : 1);
}

function affectedInsert(raw: unknown, n: number): number {
  // mysql2 reports affectedRows; better-sqlite3 reports changes. Fall back to the row count.
  if (raw && typeof raw === 'object') {
    const r = raw as { affectedRows?: number; changes?: number };
    if (typeof r.affectedRows === 'number') return r.affectedRows;
    if (typeof r.changes === 'number') return r.changes;
  }
  return n;
}
