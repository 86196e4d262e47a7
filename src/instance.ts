import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../ormconfig';
import { InstanceMeta } from '../entities/instance-meta';
import { ConfigError, type Config } from './config';
import { Db, insertRows } from './db';

// D35: mode selection cannot fail open. A database is marked `real` or `sandbox` on its first start and keeps
// that mark; sandbox mode runs only on an embedded SQLite database it created itself (or with SANDBOX=1) and
// never on one marked real; a sandbox database never starts in real mode. The sandbox's keys are random per
// database and stored in it, so no key in the source opens anyone's sandbox.

export type DbMark = 'real' | 'sandbox';

/** What the database says about itself before anything is written to it. */
export interface DbFacts {
  mark: DbMark | undefined;
  /** The SQLite file did not exist before this start (or is `:memory:`): the bot created it. */
  createdNow: boolean;
  /** It already holds people (a directory was imported): not a blank database. */
  hasData: boolean;
}

/** The refusal, one line, or undefined when `config.mode` may run on this database. */
export function modeRefusal(config: Config, facts: DbFacts): string | undefined {
  if (config.mode === 'real') {
    return facts.mark === 'sandbox'
      ? 'real mode refused: this database is a sandbox database (demo people, random keys); point DATABASE_URL at a new database'
      : undefined;
  }
  if (facts.mark === 'real')
    return 'sandbox mode refused: this database is marked real (it has served WeCom); set the WeCom variables, or use another DATABASE_URL for the sandbox';
  if (facts.mark === 'sandbox' || facts.createdNow || config.sandboxExplicit) return undefined;
  return facts.hasData
    ? 'sandbox mode refused: this database was not created by the sandbox and holds people; set the WeCom variables for real mode, or SANDBOX=1 if it really is a sandbox'
    : undefined;
}

function sqliteCreatedNow(databaseUrl: string): boolean {
  if (!databaseUrl.startsWith('sqlite:')) return false;
  const path = databaseUrl.slice('sqlite:'.length);
  return path === ':memory:' || !existsSync(resolve(path));
}

/** Read-only look before migrating: the tables may not exist yet (a fresh or older database). */
async function readFacts(ds: DataSource, createdNow: boolean): Promise<DbFacts> {
  const mark = await ds
    .query<{ value: string }[]>('SELECT value FROM instance_meta WHERE name = ?', ['mode'])
    .then((rows) => rows[0]?.value as DbMark | undefined)
    .catch(() => undefined);
  const hasData = await ds
    .query<{ n: number | string }[]>('SELECT COUNT(*) AS n FROM person')
    .then((rows) => Number(rows[0]?.n ?? 0) > 0)
    .catch(() => false);
  return { mark, createdNow, hasData };
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `n` random characters of [A-Za-z0-9] (the alphabet WeCom allows for Token and EncodingAESKey). */
export function randomAlnum(n: number): string {
  const bytes = randomBytes(n * 2);
  let out = '';
  // 248 = 4 × 62: rejecting bytes above it keeps every character equally likely.
  for (const b of bytes) if (b < 248 && out.length < n) out += ALNUM[b % 62];
  return out.length === n ? out : out + randomAlnum(n - out.length);
}

/** A stored value, created on first use; the first writer wins when two instances start together. */
async function metaValue(db: Db, name: string, make: () => string): Promise<string> {
  return db.tx(async (m) => {
    await insertRows(m, InstanceMeta, { name, value: make() }, { orIgnore: true });
    return (await m.findOneByOrFail(InstanceMeta, { name })).value;
  });
}

/**
 * Open the configured database, check the mode against its mark (refusing with a ConfigError that says why),
 * apply pending migrations, mark it, and return the configuration completed with the database's keys.
 */
export async function openInstance(config: Config, log?: Logger): Promise<{ db: Db; config: Config }> {
  const createdNow = sqliteCreatedNow(config.databaseUrl);
  const ds = createDataSource(config.databaseUrl);
  await ds.initialize();
  const refusal = modeRefusal(config, await readFacts(ds, createdNow));
  if (refusal) {
    await ds.destroy();
    throw new ConfigError(refusal);
  }
  const applied = await ds.runMigrations({ transaction: 'each' });
  if (applied.length) log?.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
  const db = new Db(ds);
  const mark = await metaValue(db, 'mode', () => config.mode);
  if (mark !== config.mode) {
    // Another instance marked it the other way between the look and the write.
    await db.close();
    throw new ConfigError(`${config.mode} mode refused: the database was just marked ${mark}`);
  }
  const sessionSecret = config.sessionSecret || (await metaValue(db, 'h5.sessionSecret', () => randomAlnum(48)));
  if (config.mode === 'real') return { db, config: { ...config, sessionSecret } };
  const wecom = {
    ...config.wecom,
    token: await metaValue(db, 'sandbox.token', () => randomAlnum(32)),
    aesKey: await metaValue(db, 'sandbox.aesKey', () => randomAlnum(43)),
    secret: await metaValue(db, 'sandbox.secret', () => randomAlnum(32)),
  };
  return { db, config: { ...config, wecom, sessionSecret } };
}
