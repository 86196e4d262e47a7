import type { DataSource, EntityManager, EntityTarget } from 'typeorm';

/**
 * The database as the rest of the bot sees it: one transaction per event (design rule 2).
 * SQLite (better-sqlite3) has a single connection, so every write transaction goes through one
 * process-wide queue (D23); MySQL/MariaDB transactions run concurrently and rely on guarded updates.
 */
interface Task {
  fn: (m: EntityManager) => Promise<unknown>;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

/**
 * Work queued on the single SQLite connection beyond this is refused rather than held in memory without limit
 * (D81): HTTP answers 503 and WeCom retries the callback later.
 */
export const SQLITE_QUEUE_CAP = 5_000;

/** The database queue is full: a 503 for HTTP callers (Koa reads `status`/`expose`). */
export class DbBusyError extends Error {
  readonly status = 503;
  readonly expose = true;
  constructor() {
    super('database busy, try again later');
  }
}

export class Db {
  readonly isSqlite: boolean;
  private readonly urgent: Task[] = [];
  private readonly normal: Task[] = [];
  private running: Promise<void> | undefined;

  constructor(readonly ds: DataSource) {
    this.isSqlite = ds.options.type === 'better-sqlite3';
  }

  get manager(): EntityManager {
    return this.ds.manager;
  }

  /** Run `fn` in a transaction; everything it writes (records, audit, outbox) commits together or not at all. */
  tx<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.isSqlite ? this.enqueue(fn, this.normal) : this.mysqlTx(fn);
  }

  /**
   * Like `tx`, but on SQLite it runs before queued ordinary work: storing an inbound callback must not wait behind
   * the commands being processed (WeCom retries after 5 s; the acknowledgement waits only for this insert).
   */
  txUrgent<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.isSqlite ? this.enqueue(fn, this.urgent) : this.mysqlTx(fn);
  }

  private enqueue<T>(fn: (m: EntityManager) => Promise<T>, lane: Task[]): Promise<T> {
    if (this.urgent.length + this.normal.length >= SQLITE_QUEUE_CAP) return Promise.reject(new DbBusyError());
    return new Promise<T>((resolve, reject) => {
      lane.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      this.running ??= this.drain();
    });
  }

  /** One transaction at a time on the single SQLite connection (D23), urgent lane first. */
  private async drain(): Promise<void> {
    for (
      let task = this.urgent.shift() ?? this.normal.shift();
      task;
      task = this.urgent.shift() ?? this.normal.shift()
    ) {
      try {
        task.resolve(await this.ds.transaction(task.fn));
      } catch (err) {
        task.reject(err);
      }
    }
    this.running = undefined;
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
    await this.running;
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
  const qb = m
    .createQueryBuilder()
    .insert()
    .into(entity)
    .values(rows as never);
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

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'ER_CON_COUNT_ERROR',
  'SQLITE_BUSY',
]);
// MariaDB/MySQL client errnos: can't connect (2002, 2003), server gone away (2006), lost connection (2013).
const UNAVAILABLE_ERRNOS = new Set([2002, 2003, 2006, 2013]);

/** The database could not be reached (not a fault of the work itself): retry later, do not count an attempt. */
export function isDbUnavailable(err: unknown): boolean {
  for (let e = err as { code?: unknown; errno?: unknown; driverError?: unknown; message?: unknown } | undefined; e;) {
    if (typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)) return true;
    if (typeof e.errno === 'number' && UNAVAILABLE_ERRNOS.has(e.errno)) return true;
    if (
      typeof e.message === 'string' &&
      /pool is closed|Connection lost|connect ECONNREFUSED|Cannot enqueue/i.test(e.message)
    )
      return true;
    e = e.driverError as typeof e;
  }
  return err instanceof DbBusyError;
}

/**
 * Claim a queued row (inbox, outbox) for `leaseMs` with a guarded update on its status and attempt count, counting
 * the attempt at claim (design rule 3, D77): true only for the one caller whose update matched.
 */
export async function claimQueued(
  db: Db,
  entity: EntityTarget<object>,
  row: { id: number; status: string; attempts: number },
  status: string,
  leaseUntil: Date,
): Promise<boolean> {
  const res = await db.tx((m) =>
    m
      .createQueryBuilder()
      .update(entity)
      .set({ status, leaseUntil, attempts: row.attempts + 1 })
      .where('id = :id AND status = :status AND attempts = :attempts', {
        id: row.id,
        status: row.status,
        attempts: row.attempts,
      })
      .execute(),
  );
  return affected(res) === 1;
}

/**
 * Give back a claim whose answer a database outage swallowed (D90 inbox, D232 outbox): back to `pending` with the
 * attempt uncounted (an outage is not an attempt, D77). Guarded on the claim's own status, attempt count and one of
 * the leases it wrote, so a claim another instance made in the meantime is never undone.
 */
export async function unclaimQueued(
  m: EntityManager,
  entity: EntityTarget<object>,
  busy: string,
  claim: { id: number; attempts: number; leases: readonly Date[] },
): Promise<void> {
  await m
    .createQueryBuilder()
    .update(entity)
    .set({ status: 'pending', attempts: claim.attempts - 1, leaseUntil: null })
    .where('id = :id AND status = :busy AND attempts = :attempts AND leaseUntil IN (:...leases)', {
      id: claim.id,
      busy,
      attempts: claim.attempts,
      leases: claim.leases.map((d) => d.toISOString()),
    })
    .execute();
}
