import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DataSource, type DataSourceOptions, type Driver, type ObjectLiteral } from 'typeorm';
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
      // Prepared statements kept for reuse (TypeORM's default is 100). With integers bound (below), a hall month
      // runs 895 distinct statements; each one evicted is compiled again on its next use (D242).
      statementCacheSize: 2000,
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
  const ds = new DataSource(dataSourceOptions(databaseUrl));
  if (ds.options.type === 'better-sqlite3') bindIntegers(ds.driver);
  return ds;
}

/**
 * D242: TypeORM's SQLite drivers write a number parameter into the SQL text (`WHERE "id" = 123`), so every id made
 * a new statement: a hall month prepared 62,000 distinct ones, each compiled anew and holding SQLite memory that
 * only a major collection of its JavaScript handle gave back (~150 MB resident at the peak). Whole numbers are
 * handed on as BigInt, which the driver binds like any other value and better-sqlite3 stores as an INTEGER, so the
 * text stays the same from one id to the next. Fractions (rare: scores) are left to the driver.
 */
function bindIntegers(driver: Driver): void {
  const escape = driver.escapeQueryWithParameters.bind(driver);
  driver.escapeQueryWithParameters = (sql: string, parameters: ObjectLiteral) => {
    const params: ObjectLiteral = {};
    for (const [k, v] of Object.entries(parameters ?? {}) as [string, unknown][])
      params[k] = Number.isSafeInteger(v) ? BigInt(v as number) : v;
    return escape(sql, params);
  };
}
