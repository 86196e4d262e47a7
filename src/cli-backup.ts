import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { createDataSource } from '../ormconfig';
import { loadConfig } from './config';

// `npm run cli -- backup <file>` / `restore <file>` (D83). SQLite: the online
// backup API (better-sqlite3 `db.backup()`), consistent while the bot keeps writing (WAL). MariaDB/MySQL:
// mariadb-dump --single-transaction, a consistent snapshot without locking the bot out; when the client tools
// are not installed the exact command is printed instead. Restore only ever fills an empty database.

export interface BackupResult {
  ok: boolean;
  message: string;
}

function sqlitePath(url: string): string | undefined {
  if (!url.startsWith('sqlite:')) return undefined;
  const path = url.slice('sqlite:'.length);
  return path === ':memory:' ? undefined : resolve(path);
}

/** Connection parts of a mysql:// or mariadb:// URL for the command-line clients (password via MYSQL_PWD). */
function mysqlArgs(url: string): { args: string[]; db: string; password: string } {
  const u = new URL(url.replace(/^mariadb:/, 'mysql:'));
  const db = decodeURIComponent(u.pathname.replace(/^\//, ''));
  const args = ['-h', u.hostname || '127.0.0.1', '-P', u.port || '3306', '-u', decodeURIComponent(u.username)];
  return { args, db, password: decodeURIComponent(u.password) };
}

function tool(...names: string[]): string | undefined {
  return names.find((n) => spawnSync(n, ['--version'], { stdio: 'ignore' }).status === 0);
}

/** Run a client tool with stdin/stdout bound to files; resolves with its exit code and stderr. */
function run(cmd: string, args: string[], password: string, io: { stdin?: string; stdout?: string }) {
  return new Promise<{ code: number; stderr: string }>((done) => {
    const fds: (number | 'ignore')[] = [
      io.stdin ? openSync(io.stdin, 'r') : 'ignore',
      io.stdout ? openSync(io.stdout, 'w') : 'ignore',
    ];
    const child = spawn(cmd, args, {
      stdio: [fds[0], fds[1], 'pipe'] as ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, MYSQL_PWD: password },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => {
      for (const fd of fds) if (typeof fd === 'number') closeSync(fd);
      done({ code: code ?? 1, stderr });
    });
  });
}

/** Copy the live database to `file` (which must not exist yet). */
export async function backupDatabase(url: string, file: string): Promise<BackupResult> {
  const target = resolve(file);
  if (existsSync(target)) return { ok: false, message: `${target} 已存在，不覆盖 / exists, not overwritten` };
  const path = sqlitePath(url);
  if (path) {
    if (!existsSync(path)) return { ok: false, message: `no database at ${path}` };
    const db = new Database(path, { fileMustExist: true });
    try {
      await db.backup(target);
    } finally {
      db.close();
    }
    const check = new Database(target, { readonly: true });
    const integrity = check.pragma('integrity_check', { simple: true });
    check.close();
    if (integrity !== 'ok') return { ok: false, message: `backup failed its integrity check: ${String(integrity)}` };
    return { ok: true, message: `backup written: ${target} (${statSync(target).size} bytes)` };
  }
  const { args, db, password } = mysqlArgs(url);
  const dumpArgs = [
    ...args,
    '--single-transaction',
    '--quick',
    '--routines',
    '--hex-blob',
    '--default-character-set=utf8mb4',
    db,
  ];
  const cmd = tool('mariadb-dump', 'mysqldump');
  const printed = `MYSQL_PWD=*** ${cmd ?? 'mariadb-dump'} ${dumpArgs.join(' ')} > ${target}`;
  if (!cmd) return { ok: false, message: `mariadb-dump is not installed; run:\n${printed}` };
  const res = await run(cmd, dumpArgs, password, { stdout: target });
  if (res.code !== 0) return { ok: false, message: `${printed}\nfailed: ${res.stderr.trim()}` };
  return { ok: true, message: `backup written: ${target} (${statSync(target).size} bytes) via ${printed}` };
}

/** The database at `url` has no tables at all (restore never mixes a backup into existing data). */
async function isEmpty(url: string): Promise<boolean> {
  const path = sqlitePath(url);
  if (path) {
    if (!existsSync(path) || statSync(path).size === 0) return true;
    const db = new Database(path, { readonly: true });
    const row = db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
    db.close();
    return row.n === 0;
  }
  const ds = createDataSource(url);
  await ds.initialize();
  try {
    const rows: { n: number | string }[] = await ds.query(
      'SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = DATABASE()',
    );
    return Number(rows[0].n) === 0;
  } finally {
    await ds.destroy();
  }
}

/** Load `file` (a backup made by `backupDatabase`) into the empty database at `url`. */
export async function restoreDatabase(url: string, file: string): Promise<BackupResult> {
  const source = resolve(file);
  if (!existsSync(source)) return { ok: false, message: `no backup at ${source}` };
  if (!(await isEmpty(url)))
    return { ok: false, message: '目标数据库不是空的，拒绝恢复 / the target database is not empty: restore refused' };
  const path = sqlitePath(url);
  if (path) {
    const src = new Database(source, { readonly: true, fileMustExist: true });
    try {
      await src.backup(path);
    } finally {
      src.close();
    }
    return { ok: true, message: `restored ${source} into ${path}` };
  }
  const { args, db, password } = mysqlArgs(url);
  const cmd = tool('mariadb', 'mysql');
  const restoreArgs = [...args, '--default-character-set=utf8mb4', db];
  const printed = `MYSQL_PWD=*** ${cmd ?? 'mariadb'} ${restoreArgs.join(' ')} < ${source}`;
  if (!cmd) return { ok: false, message: `the mariadb client is not installed; run:\n${printed}` };
  const res = await run(cmd, restoreArgs, password, { stdin: source });
  if (res.code !== 0) return { ok: false, message: `${printed}\nfailed: ${res.stderr.trim()}` };
  return { ok: true, message: `restored ${source} via ${printed}` };
}

/** `backup <file>` | `restore <file>` on the configured DATABASE_URL. */
export async function runBackupCli(cmd: 'backup' | 'restore', file: string | undefined): Promise<number> {
  if (!file) {
    console.error(`usage: ${cmd} <file>`);
    return 2;
  }
  const url = loadConfig().databaseUrl;
  const result = cmd === 'backup' ? await backupDatabase(url, file) : await restoreDatabase(url, file);
  (result.ok ? console.log : console.error)(result.message);
  return result.ok ? 0 : 1;
}
