import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createDataSource } from '../../ormconfig';
import { ENTITIES } from '../../entities/index';
import { SequenceRow } from '../../entities/sequence';
import { nextRecordNo } from '../../src/kernel/numbers';
import { startTestBot, testEnv, type TestBot } from '../helpers/bot';
import { freshDatabaseUrl } from '../helpers/db';

// `npm run cli -- backup <file>` while the bot runs, then `restore <file>` into an empty database: the same records
// and the same next record numbers (D83). SQLite uses the online backup API,
// MariaDB mariadb-dump (CI installs the client with the server).

const run = promisify(execFile);
const cli = (args: string[], env: Record<string, string>) =>
  run(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    cwd: join(import.meta.dirname, '../..'),
  });

async function snapshot(url: string): Promise<{ counts: Record<string, number>; sequences: string[] }> {
  const ds = createDataSource(url);
  await ds.initialize();
  try {
    const counts: Record<string, number> = {};
    for (const e of ENTITIES) counts[ds.getMetadata(e).tableName] = await ds.manager.count(e);
    const sequences = (await ds.manager.find(SequenceRow, { order: { name: 'ASC' } })).map(
      (s) => `${s.name}=${s.value}`,
    );
    return { counts, sequences };
  } finally {
    await ds.destroy();
  }
}

describe('backup and restore', () => {
  let t: TestBot;
  afterAll(async () => t.close());

  it('backs up a running bot, restores into an empty database (same counts, same next numbers), refuses a non-empty one', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    const url = t.bot.deps.config.databaseUrl;
    await t.say('lisi', '帮助');
    await t.say('wangwu', '我是谁');
    await t.bot.deps.db.tx(async (m) => {
      for (let i = 0; i < 3; i++) await nextRecordNo(m, 'TS', 2026);
    });
    const dir = mkdtempSync(join(tmpdir(), 'hall-backup-'));
    const file = join(dir, url.startsWith('sqlite:') ? 'hall.sqlite' : 'hall.sql');
    const before = await snapshot(url);
    const backup = await cli(['backup', file], testEnv(url, t.fake.url));
    expect(backup.stdout).toMatch(/backup written/);
    // The bot keeps working; the backup holds the state at the time it was taken.
    await t.say('lisi', '我是谁');

    const target = await freshDatabaseUrl();
    const restored = await cli(['restore', file], testEnv(target, t.fake.url));
    expect(restored.stdout).toMatch(/restored/);
    const after = await snapshot(target);
    expect(after).toEqual(before);
    expect(after.sequences.some((s) => s.startsWith('TS') && s.endsWith('=3'))).toBe(true);
    expect(before.counts.inbox).toBeGreaterThan(0);

    const again = (await cli(['restore', file], testEnv(target, t.fake.url)).catch((e: unknown) => e)) as {
      code: number;
      stderr: string;
    };
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/not empty/);
  }, 90_000);
});
