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
    if (!this.isSqlite) return this.mysqlTx(fn);
    const run = this.queue.then(() => this.ds.transaction(fn));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** InnoDB may pick a transaction as a deadlock victim; the advice is to run it again (ER 1213, 1205). */
  private async mysqlTx<T>(fn: (m: EntityManager) => Promise<T>, attempt = 1): Promise<T> {
    try {
      return await this.ds.transaction(fn);
    } catch (err) {
      const errno = (err as { driverError?: { errno?: number } }).driverError?.errno;
      if ((errno === 1213 || errno === 1205) && attempt < 4) {
        await new Promise((r) => setTimeout(r, 10 * attempt + Math.floor(Math.random() * 20)));
        return this.mysqlTx(fn, attempt + 1);
      }
      throw err;
    }
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
  const [sql, params] = (opts.orIgnore ? qb.orIgnore() : qb).getQueryAndParameters();
  // A structured result carries the driver's affected-row count (better-sqlite3 `changes`, mysql2 `affectedRows`).
  const own = m.queryRunner ? undefined : m.connection.createQueryRunner();
  const runner = m.queryRunner ?? own!;
  try {
    const result = (await runner.query(sql, params, true)) as { affected?: number };
    return result.affected ?? 0;
  } finally {
    await own?.release();
  }
}
