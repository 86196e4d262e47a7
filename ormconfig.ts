import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities/index';
import { MIGRATIONS } from './src/migrations/index';

/**
 * The only place (with src/main.ts) that builds a DataSource (architecture "Rooms").
 * `sqlite:<path>` → better-sqlite3 (`sqlite::memory:` for throwaway databases);
 * `mysql://` or `mariadb://` → mysql2 (MySQL 8 / MariaDB 10.11, D23).
 * synchronize is off: the schema comes only from src/migrations.
 */
export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  const common = { entities: ENTITIES, migrations: MIGRATIONS, synchronize: false, logging: false } as const;
  if (databaseUrl.startsWith('sqlite:')) {
    const path = databaseUrl.slice('sqlite:'.length);
    const database = path === ':memory:' ? ':memory:' : resolve(path);
    if (database !== ':memory:') mkdirSync(dirname(database), { recursive: true });
    return {
      ...common,
      type: 'better-sqlite3',
      database,
      prepareDatabase: (db: { pragma(s: string): unknown }) => {
        // D26: WAL + synchronous=NORMAL; busy_timeout covers the CLI writing while the bot runs.
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL');
        db.pragma('busy_timeout = 5000');
        db.pragma('foreign_keys = ON');
      },
    };
  }
  // D23: `mysql://` → TypeORM's mysql driver (MySQL 8, and works against MariaDB); `mariadb://` → its MariaDB
  // flavour, which reads MariaDB's catalog correctly (e.g. column defaults), so use it for MariaDB 10.11.
  const mariadb = databaseUrl.startsWith('mariadb://');
  const url = databaseUrl.replace(/^mariadb:\/\//, 'mysql://');
  return {
    ...common,
    type: mariadb ? 'mariadb' : 'mysql',
    url,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    supportBigNumbers: true,
    bigNumberStrings: true,
    extra: { connectionLimit: 10 },
  };
}

export function createDataSource(databaseUrl: string): DataSource {
  return new DataSource(dataSourceOptions(databaseUrl));
}
