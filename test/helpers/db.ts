import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDataSource } from '../../ormconfig';
import { Db } from '../../src/db';

/**
 * A real, migrated database for a test: a fresh SQLite file, or — when TEST_DATABASE_URL names a MySQL/MariaDB
 * server (CI) — a fresh schema on it. Never a mock (design rule 10).
 */
export async function freshDb(): Promise<Db> {
  const base = process.env.TEST_DATABASE_URL;
  let url: string;
  if (base && /^(mysql|mariadb):\/\//.test(base)) {
    const name = `hall_t_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
    const admin = createDataSource(base);
    await admin.initialize();
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.destroy();
    url = base.replace(/\/[^/?]*(\?|$)/, `/${name}$1`);
  } else {
    url = `sqlite:${join(mkdtempSync(join(tmpdir(), 'hall-')), 'test.sqlite')}`;
  }
  const ds = createDataSource(url);
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  return new Db(ds);
}
