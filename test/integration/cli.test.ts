import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createDataSource } from '../../ormconfig';
import { AuditLog } from '../../entities/audit-log';
import { JobRun } from '../../entities/job-run';
import { Person } from '../../entities/person';
import { demoDirectory } from '../../src/directory/demo';
import { freshDatabaseUrl } from '../helpers/db';

// architecture "CLI": `npm run cli -- migrate | directory import | job list | job run --at | export`, run as an
// operator would (a separate process on the same database).
const run = promisify(execFile);
const cli = (args: string[], env: Record<string, string>) =>
  run(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    cwd: join(import.meta.dirname, '../..'),
  });

describe('CLI', () => {
  it('migrate, directory import (dry run then real), job list, job run --at (claims once), export', async () => {
    // SANDBOX=1: no WeCom variables here, and in CI the database may be MariaDB (D35).
    const env = { DATABASE_URL: await freshDatabaseUrl(), PORT: '0', SANDBOX: '1' };
    const dir = mkdtempSync(join(tmpdir(), 'hall-cli-'));

    const migrated = await cli(['migrate'], env);
    expect(migrated.stdout).toMatch(/applied|up to date/);

    const file = join(dir, 'directory.json');
    writeFileSync(file, JSON.stringify(await demoDirectory('http://127.0.0.1:9/_fake-wecom')));
    const dry = await cli(['directory', 'import', file, '--dry-run'], env);
    expect(dry.stdout).toMatch(/wangwu|王五/);
    const ds = createDataSource(env.DATABASE_URL);
    await ds.initialize();
    expect(await ds.manager.count(Person)).toBe(0);
    await cli(['directory', 'import', file], env).catch((e: { stdout: string }) => e); // app chat creation may fail: no WeCom here
    expect(await ds.manager.count(Person)).toBeGreaterThanOrEqual(25);

    const list = await cli(['job', 'list'], env);
    expect(list.stdout).toContain('approval-reminders');
    expect(list.stdout).toMatch(/approval-reminders\s+30 9 \* \* \*\s+next \d{4}-\d{2}-\d{2} 09:30/);

    const first = await cli(['job', 'run', 'approval-reminders', '--at', '2026-03-04T09:30:00+08:00'], env);
    expect(JSON.parse(first.stdout)).toMatchObject({ status: 'ok', period: '2026-03-04' });
    const again = await cli(['job', 'run', 'approval-reminders', '--at', '2026-03-04T09:31:00+08:00'], env);
    expect(JSON.parse(again.stdout)).toMatchObject({ status: 'already-run' });
    const weekend = await cli(['job', 'run', 'approval-reminders', '--at', '2026-03-07T09:30:00+08:00'], env);
    expect(JSON.parse(weekend.stdout)).toMatchObject({ status: 'non-workday' });
    expect(await ds.manager.count(JobRun, { where: { job: 'approval-reminders', status: 'ok' } })).toBe(1);

    const out = join(dir, 'audit.xlsx');
    const exported = await cli(['export', '审计日志', '--out', out, '--from', '2020-01-01', '--to', '2030-12-31'], env);
    expect(exported.stdout).toMatch(/审计日志: \d+ rows/);
    // D228: --period takes the words chat 导出 takes; a bad one exits 2 with the chat's reason.
    const month = await cli(['export', '审计日志', '--out', join(dir, 'm.xlsx'), '--period', '2026-03'], env);
    expect(month.stdout).toMatch(/审计日志: \d+ rows/);
    const audits = await ds.manager.find(AuditLog, { where: { action: 'ledger.export' }, order: { id: 'ASC' } });
    expect(audits.at(-1)?.detail).toMatchObject({ from: '2026-03-01', to: '2026-03-31', via: 'cli' });
    const bad = (await cli(['export', '审计日志', '--out', join(dir, 'b.xlsx'), '--period', '十三月'], env).catch(
      (e: unknown) => e,
    )) as { code: number; stderr: string };
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('无法识别“十三月”');
    await ds.destroy();
  }, 120_000);

  it('an unknown command exits 2 with the usage', async () => {
    const env = { DATABASE_URL: await freshDatabaseUrl(), SANDBOX: '1' };
    const err = (await cli(['frobnicate'], env).catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(err.code).toBe(2);
    expect(err.stderr).toContain('usage');
  }, 60_000);
});
