import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { GroupChat } from '../../entities/group-chat';
import { InstanceMeta } from '../../entities/instance-meta';
import { Person } from '../../entities/person';
import { createBot } from '../../src/app';
import { ConfigError, loadConfig } from '../../src/config';
import { insertRows } from '../../src/db';
import { openInstance } from '../../src/instance';
import { freshDatabaseUrl } from '../helpers/db';
import { testEnv } from '../helpers/bot';

// D35, D59: sandbox only on a SQLite database it created (or
// SANDBOX=1), a real-marked database refuses sandbox, a sandbox database refuses real mode, loopback only,
// random keys per sandbox database, no webhook key from any endpoint, `cli sandbox seed` refuses on real data.

const sqliteUrl = () => `sqlite:${join(mkdtempSync(join(tmpdir(), 'hall-mode-')), 'hall.sqlite')}`;
const sandboxEnv = (url: string, extra: Record<string, string> = {}) => ({
  PORT: '0',
  DATABASE_URL: url,
  LOG_LEVEL: 'silent',
  ...extra,
});
const realEnv = (url: string) => testEnv(url, 'http://127.0.0.1:9');

async function open(env: Record<string, string>) {
  const { db, config } = await openInstance(loadConfig(env));
  const mark = (await db.manager.findOneBy(InstanceMeta, { name: 'mode' }))?.value;
  await db.close();
  return { config, mark };
}

describe('D35 mode selection', () => {
  it('D35 a fresh embedded SQLite database starts in sandbox mode, is marked sandbox, keys random per database', async () => {
    const a = await open(sandboxEnv(sqliteUrl()));
    const b = await open(sandboxEnv(sqliteUrl()));
    expect(a.mark).toBe('sandbox');
    expect(a.config.wecom.aesKey).toMatch(/^[A-Za-z0-9]{43}$/);
    expect(a.config.wecom.token).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(a.config.wecom.aesKey).not.toBe(b.config.wecom.aesKey);
    expect(a.config.wecom.token).not.toBe(b.config.wecom.token);
    expect(a.config.sessionSecret).not.toBe(b.config.sessionSecret);
    expect(a.config.sessionSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('D35 the keys are stored: a restart of the same sandbox database keeps them', async () => {
    const url = sqliteUrl();
    const first = await open(sandboxEnv(url));
    const second = await open(sandboxEnv(url));
    expect(second.config.wecom).toEqual(first.config.wecom);
    expect(second.config.sessionSecret).toBe(first.config.sessionSecret);
  });

  it('D35 a database marked real refuses sandbox mode with one line saying why', async () => {
    const url = await freshDatabaseUrl();
    expect((await open(realEnv(url))).mark).toBe('real');
    const err = await openInstance(loadConfig(sandboxEnv(url, { SANDBOX: '1' }))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toMatch(/^sandbox mode refused: this database is marked real[^\n]*$/);
  });

  it('D35 a sandbox database refuses a real-mode start', async () => {
    const url = sqliteUrl();
    await open(sandboxEnv(url));
    await expect(openInstance(loadConfig(realEnv(url)))).rejects.toThrow(
      /^real mode refused: this database is a sandbox/,
    );
  });

  it('D35 an existing SQLite database the sandbox did not create and that holds people: refused unless SANDBOX=1', async () => {
    const url = sqliteUrl();
    const { db } = await openInstance(loadConfig(realEnv(url)));
    await db.manager.delete(InstanceMeta, { name: 'mode' }); // an older database, from before marks existed
    await insertRows(db.manager, Person, { userid: 'lisi', name: '李四', status: '在岗', inactive: false });
    await db.close();
    await expect(openInstance(loadConfig(sandboxEnv(url)))).rejects.toThrow(/not created by the sandbox/);
    expect((await open(sandboxEnv(url, { SANDBOX: '1' }))).mark).toBe('sandbox');
  });

  it('D35 sandbox refuses a non-loopback HOST and a MySQL/MariaDB URL without SANDBOX=1', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(/sandbox mode refuses HOST=0.0.0.0/);
    expect(() => loadConfig({ HOST: '192.168.1.10' })).toThrow(ConfigError);
    expect(loadConfig({ HOST: '127.0.0.1' }).mode).toBe('sandbox');
    expect(loadConfig({ HOST: '::1' }).mode).toBe('sandbox');
    expect(() => loadConfig({ DATABASE_URL: 'mysql://hall:pw@db.example:3306/hall' })).toThrow(/treated as real/);
    expect(() => loadConfig({ ...realEnv('sqlite::memory:'), SANDBOX: '1' })).toThrow(/exclude each other/);
  });

  it('D35 real mode requires https for WECOM_API_BASE (loopback excepted)', () => {
    expect(() => loadConfig({ ...realEnv('sqlite::memory:'), WECOM_API_BASE: 'http://qyapi.weixin.qq.com' })).toThrow(
      /must use https/,
    );
    expect(loadConfig({ ...realEnv('sqlite::memory:'), WECOM_API_BASE: 'https://qyapi.weixin.qq.com' }).mode).toBe(
      'real',
    );
  });

  it('D35 no sandbox endpoint returns a webhook key', async () => {
    const bot = await createBot({ config: loadConfig(sandboxEnv(sqliteUrl())), log: pino({ level: 'silent' }) });
    try {
      const robots = (await bot.deps.db.manager.find(GroupChat)).filter((g) => g.webhook);
      expect(robots.length).toBeGreaterThan(0);
      const key = /key=([^&]+)/.exec(robots[0].webhook!)![1];
      await fetch(`${bot.url}/sandbox/api/send`, {
        method: 'POST',
        body: JSON.stringify({ userid: 'wangwu', text: '帮助' }),
      });
      await bot.dispatcher.drain();
      await bot.sender.drain();
      for (const path of ['/sandbox/api/people', '/sandbox/api/messages', '/healthz', '/metrics']) {
        const text = await (await fetch(`${bot.url}${path}`)).text();
        expect(text, path).not.toContain(key);
      }
    } finally {
      await bot.close();
    }
  });

  it('D35 `cli sandbox seed` refuses on a real database and loads nothing', async () => {
    const url = await freshDatabaseUrl();
    await open(realEnv(url));
    const run = promisify(execFile);
    const err = (await run(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'sandbox', 'seed'], {
      env: { ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: url, SANDBOX: '1' },
      cwd: join(import.meta.dirname, '../..'),
    }).catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(err.code).toBe(1);
    expect(err.stderr).toMatch(/sandbox mode refused: this database is marked real/);
    const { db } = await openInstance(loadConfig(realEnv(url)));
    expect(await db.manager.count(Person)).toBe(0);
    await db.close();
  }, 60_000);
});
