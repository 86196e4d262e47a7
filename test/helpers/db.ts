import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDataSource } from '../../ormconfig';
import { Db } from '../../src/db';

/** Schemas this test file created on the MariaDB server, dropped after the file (test/helpers/mariadb-cleanup.ts). */
const createdSchemas: string[] = [];

/**
 * Drop the schemas this test file created. Every schema left behind slows the server's information_schema look-ups
 * (TypeORM reads them on every migration run), so a suite that keeps hundreds of them grows slower test by test.
 */
export async function dropCreatedSchemas(): Promise<void> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base || createdSchemas.length === 0) return;
  const admin = createDataSource(base);
  await admin.initialize();
  try {
    for (const name of createdSchemas.splice(0)) await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
  } finally {
    await admin.destroy();
  }
}

/**
 * A URL for a fresh, empty database: a new SQLite file, or — when TEST_DATABASE_URL names a MySQL/MariaDB
 * server (CI) — a new schema on it. Never a mock (design rule 10).
 */
export async function freshDatabaseUrl(): Promise<string> {
  const base = process.env.TEST_DATABASE_URL;
  if (base && /^(mysql|mariadb):\/\//.test(base)) {
    const name = `hall_t_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
    const admin = createDataSource(base);
    await admin.initialize();
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.destroy();
    createdSchemas.push(name);
    return base.replace(/\/[^/?]*(\?|$)/, `/${name}$1`);
  }
  return `sqlite:${join(mkdtempSync(join(tmpdir(), 'hall-')), 'test.sqlite')}`;
}

/** A real, migrated database for a test. */
export async function freshDb(): Promise<Db> {
  const ds = createDataSource(await freshDatabaseUrl());
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  return new Db(ds);
}
