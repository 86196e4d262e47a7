import { makeLogger } from './logging';
import { parseArgs } from 'node:util';
import { createDataSource } from '../ormconfig';
import { formatImportSummary, importCalendarFile } from './calendar/import';
import { runDirectoryCli } from './cli-directory';
import { makeDeps, openDb } from './compose';
import { ConfigError, loadConfig } from './config';
import type { Deps } from './kernel/deps';
import { Scheduler } from './scheduler';
import { localStamp, systemClock } from './kernel/time';
import type { WecomClient } from './wecom/client';
import { loadDemoDirectory } from './directory/demo';
import { runExportCli } from './cli-export';
import { runExportFormCli } from './cli-export-form';
import { runArchiveCli } from './cli-archive';
import { runBackupCli } from './cli-backup';
import { runImportCli } from './cli-import';

// `npm run cli -- <command>` (architecture "CLI"): migrate · directory import/export · calendar import ·
// job run/list · export · export-form · sandbox seed. Exit code 0 on success, 1 on failure, 2 on usage errors.

const USAGE = `用法 / usage: npm run cli -- <command>
  migrate                                  run pending migrations
  directory import <file> [--dry-run]      import departments/windows/people/groups (json|csv|xlsx)
  directory export <file.json|xlsx>        export the directory
  import <kind> <file> [--dry-run]         import a table (csv|xlsx): kinds listed by "import" alone
  calendar import <file.json>              load a year's official holiday schedule (DIR-13)
  job list                                 every job, its cron, next fire time, last outcome
  job run <name> [--at <ISO>] [--force]    run one job as if the clock read --at
  export <ledger> --out <file.xlsx> [--from --to]   台账 export
  export-form <记录号> --out <file.docx>    the record's printed form with its approval trail (REC-08)
  archive <年>                             the year's archive zip under <attachmentDir>/archive (REC-04, REC-10)
  sandbox seed                             load the demo directory into an empty database
  simulate [--month --scale --seed --db --report]   a month of a synthetic hall, invariants checked
  backup <file>                            online copy of the database (SQLite backup API / mariadb-dump)
  restore <file>                           load a backup into an empty database (refuses a non-empty one)`;

async function openDeps(): Promise<{ deps: Deps; close: () => Promise<void>; wecom: WecomClient }> {
  const log = makeLogger(process.env.LOG_LEVEL ?? 'warn');
  const { db, config } = await openDb(loadConfig());
  const deps = await makeDeps({
    db,
    config,
    log,
    apiBase: config.apiBase ?? `http://127.0.0.1:${config.port}/_fake-wecom`,
    publicBaseUrl: config.publicBaseUrl ?? `http://localhost:${config.port}`,
  });
  return { deps, wecom: deps.wecom, close: () => db.close() };
}

export async function runCli(argv: string[]): Promise<number> {
  const [cmd, sub, ...rest] = argv;
  if (!cmd || cmd === 'help' || cmd === '--help') {
    console.log(USAGE);
    return 0;
  }
  if (cmd === 'simulate') return (await import('./cli-simulate')).runSimulateCli([sub, ...rest].filter(Boolean));
  if (cmd === 'migrate') {
    const config = loadConfig();
    const ds = createDataSource(config.databaseUrl);
    await ds.initialize();
    const done = await ds.runMigrations({ transaction: 'each' });
    console.log(done.length ? `applied: ${done.map((m) => m.name).join(', ')}` : 'schema is up to date');
    await ds.destroy();
    return 0;
  }
  if (cmd === 'backup' || cmd === 'restore') return runBackupCli(cmd, sub);
  const { deps, close, wecom } = await openDeps();
  try {
    if (cmd === 'directory') return await runDirectoryCli([sub, ...rest], deps, wecom);
    if (cmd === 'calendar' && sub === 'import' && rest[0]) {
      const summary = await importCalendarFile(deps, systemClock.now(), 'cli', rest[0]);
      console.log(formatImportSummary(summary));
      return 0;
    }
    if (cmd === 'job') return await runJobCli(sub, rest, deps);
    if (cmd === 'export') return await runExportCli([sub, ...rest], deps);
    if (cmd === 'import') return await runImportCli([sub, ...rest].filter(Boolean), deps);
    if (cmd === 'export-form') return await runExportFormCli([sub, ...rest], deps);
    if (cmd === 'archive') return await runArchiveCli([sub, ...rest].filter(Boolean), deps);
    if (cmd === 'sandbox' && sub === 'seed') {
      // D35: demo people never enter a real database (openDb already refused a real-marked one in sandbox mode).
      if (deps.config.mode !== 'sandbox') {
        console.error('sandbox seed refused: this is a real database (WeCom variables are set)');
        return 2;
      }
      const loaded = await loadDemoDirectory(
        deps.db,
        systemClock.now(),
        deps.config.apiBase ?? `http://127.0.0.1:${deps.config.port}/_fake-wecom`,
      );
      console.log(loaded ? 'demo directory loaded' : 'directory not empty: nothing loaded');
      return 0;
    }
    console.error(`unknown command: ${argv.join(' ')}\n${USAGE}`);
    return 2;
  } finally {
    await close();
  }
}

async function runJobCli(sub: string | undefined, rest: string[], deps: Deps): Promise<number> {
  if (sub === 'list') {
    const scheduler = new Scheduler(deps, systemClock);
    for (const j of await scheduler.list()) {
      const last = j.last
        ? `${j.last.status} ${j.last.period}${j.last.finishedAt ? ` @ ${localStamp(j.last.finishedAt)}` : ''}`
        : 'never';
      console.log(`${j.name.padEnd(28)} ${j.cron.padEnd(16)} next ${j.next ? localStamp(j.next) : '—'}  last ${last}`);
    }
    return 0;
  }
  if (sub === 'run') {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { at: { type: 'string' }, force: { type: 'boolean' } },
    });
    const name = positionals[0];
    const at = values.at ? new Date(values.at) : systemClock.now();
    if (!name || Number.isNaN(at.getTime())) {
      console.error('usage: job run <name> [--at 2026-03-02T07:45:00+08:00] [--force]');
      return 2;
    }
    // The job runs as of `at`; its lease and bookkeeping use the real clock, so a running bot judges them right (D33).
    const scheduler = new Scheduler(deps, systemClock);
    const job = scheduler.job(name);
    if (!job) {
      console.error(`unknown job ${name}; see: npm run cli -- job list`);
      return 2;
    }
    const outcome = await scheduler.runJob(job, at, { force: values.force, actor: 'cli' });
    console.log(JSON.stringify(outcome));
    return outcome.status === 'failed' ? 1 : 0;
  }
  console.error('usage: job list | job run <name> [--at ISO] [--force]');
  return 2;
}

/** Run `argv` and exit with its code (scripts/cli.js calls it on the sources or on the compiled bundle, D235). */
export function main(argv: string[]): void {
  runCli(argv).then(
    (code) => process.exit(code),
    (err) => {
      console.error(err instanceof ConfigError ? err.message : err);
      process.exit(1);
    },
  );
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) main(process.argv.slice(2));
