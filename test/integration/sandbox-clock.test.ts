import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../entities/audit-log';
import { InboxRow } from '../../entities/inbox';
import { JobRun } from '../../entities/job-run';
import { createBot, type Bot } from '../../src/app';
import { loadConfig } from '../../src/config';
import { FixedClock, OffsetClock, localDate } from '../../src/kernel/time';
import { SandboxClock } from '../../src/sandbox-clock';
import { testEnv } from '../helpers/bot';
import { freshDatabaseUrl } from '../helpers/db';
import { fakeWecom } from '../helpers/fake-wecom';

// D36, D68: a move fires each job fire time in between once, in time order,
// through the scheduler's own claims; never back; kept across a restart; 404 in real mode.

const log = pino({ level: 'silent' });
const START = '2026-03-02T10:00:00+08:00'; // Monday, a WD

async function sandboxBot(databaseUrl: string, base: FixedClock): Promise<Bot> {
  // SANDBOX=1: the test made this database for the sandbox (needed on MariaDB, D59).
  const config = loadConfig({ PORT: '0', DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', SANDBOX: '1' });
  expect(config.mode).toBe('sandbox');
  return createBot({ config, clock: base, log, autoStart: false });
}

async function api(bot: Bot, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${bot.url}/sandbox/api/clock`, {
    method: body ? 'POST' : 'GET',
    headers: { 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, json: res.status === 404 ? {} : ((await res.json()) as Record<string, unknown>) };
}

describe('sandbox clock (D36)', () => {
  const dbUrl = freshDatabaseUrl();
  const base = new FixedClock(new Date(START));
  const open: Bot[] = [];
  afterAll(async () => {
    for (const b of open) await b.close();
  });

  it('D36 a move fires each job fire time once, in time order, and commands then run at the moved time', async () => {
    const bot = await sandboxBot(await dbUrl, base);
    open.push(bot);
    const before = await api(bot);
    expect(before.json.offsetMs).toBe(0);
    expect(before.json.now).toBe(new Date(START).toISOString());

    const moved = await api(bot, { at: '2026-03-03T10:00:00+08:00' });
    expect(moved.status).toBe(200);
    expect(moved.json.now).toBe(new Date('2026-03-03T10:00:00+08:00').toISOString());
    const runs = moved.json.runs as { at: string; job: string; status: string }[];
    const ats = runs.map((r) => r.at);
    expect([...ats].sort()).toEqual(ats);
    // 16:00 on 3/2, then 06:30, 07:45, 08:15, 08:20, 09:00 ×n, 09:30 on 3/3: each job's fire once, all claimed.
    // D93: the minute job keeps no run rows and is looked at once, at its last fire time in the span.
    expect(runs.filter((r) => r.job === 'presence-timers').map((r) => r.at)).toEqual([
      new Date('2026-03-03T10:00:00+08:00').toISOString(),
    ]);
    const ok = runs.filter((r) => r.status === 'ok' && r.job !== 'presence-timers').map((r) => r.job);
    expect(new Set(ok).size).toBe(ok.length);
    for (const job of [
      'daily-inspection-check',
      'group-member-sync',
      'oral-notice-draft',
      'oral-notice-nudge',
      'oral-notice-publish',
      'complaint-deadlines',
      'approval-reminders',
    ]) {
      expect(ok, job).toContain(job);
    }
    expect(runs.find((r) => r.job === 'oral-notice-draft')?.at).toBe(
      new Date('2026-03-03T07:45:00+08:00').toISOString(),
    );
    const claimed = await bot.deps.db.manager.find(JobRun, { where: { status: 'ok' } });
    expect(claimed.map((r) => r.job).sort()).toEqual([...ok].sort());

    // A command typed now runs at the moved time.
    expect((await bot.sandbox!.post({ type: 'text', corpId: 'x', from: 'lisi', content: '我是谁' } as never)) >= 0);
    await bot.dispatcher.drain();
    const row = await bot.deps.db.manager.findOneByOrFail(InboxRow, { userid: 'lisi' });
    expect(row.processedAt?.toISOString()).toBe(new Date('2026-03-03T10:00:00+08:00').toISOString());
    const audit = await bot.deps.db.manager.findOneByOrFail(AuditLog, { action: 'sandbox.clock.move' });
    expect(audit.actor).toBe('sandbox');
  });

  it('D36 a second move over the same span fires nothing (the scheduler claims hold)', async () => {
    const bot = open[0];
    // A second clock over the same database, still at the start: it replays the same span.
    const again = new SandboxClock(bot.deps, new OffsetClock(new FixedClock(new Date(START))), bot.scheduler, () =>
      Promise.resolve(),
    );
    const move = await again.moveTo(new Date('2026-03-03T10:00:00+08:00'), 'test');
    expect(move.runs.length).toBeGreaterThan(0);
    // Claimed jobs fire nothing twice; the minute job (D93) looks again and finds nothing new to remind.
    const claimed = move.runs.filter((r) => r.job !== 'presence-timers');
    expect(claimed.filter((r) => r.status === 'ok' || r.status === 'failed')).toEqual([]);
    expect(move.counts).toEqual({ 'presence-timers': 1 });
  });

  it('D36 never moves back; bad bodies are refused with 400 and change nothing', async () => {
    const bot = open[0];
    const back = await api(bot, { at: '2026-03-02T12:00:00+08:00' });
    expect(back.status).toBe(400);
    expect(back.json.error).toContain('只能向前');
    expect((await api(bot, { advance: 'P0D' })).status).toBe(400);
    expect((await api(bot, { advance: '-P1D' })).status).toBe(400);
    expect((await api(bot, { to: 'yesterday' })).status).toBe(400);
    expect((await api(bot, { at: 'soon' })).status).toBe(400);
    expect((await api(bot)).json.now).toBe(new Date('2026-03-03T10:00:00+08:00').toISOString());
  });

  it('D36 shortcuts: advance P1D, next-workday 07:45 (skips the weekend), next-month-first-workday', async () => {
    const bot = open[0];
    const day = await api(bot, { advance: 'P1D' }); // Wed 3/4 10:00
    expect(day.json.now).toBe(new Date('2026-03-04T10:00:00+08:00').toISOString());
    await api(bot, { at: '2026-03-06T10:00:00+08:00' }); // Friday
    const wd = await api(bot, { to: 'next-workday 07:45' });
    expect(wd.json.now).toBe(new Date('2026-03-09T07:45:00+08:00').toISOString());
    const runs = wd.json.runs as { at: string; job: string; status: string }[];
    // Saturday and Sunday: the WD-only jobs fire but skip; only the every-day jobs run (03:30, 06:30).
    const weekend = runs.filter((r) => ['2026-03-07', '2026-03-08'].includes(localDate(new Date(r.at))));
    expect(weekend.filter((r) => r.status === 'ok').map((r) => r.job)).toEqual([
      'transport-retention',
      'group-member-sync',
      'transport-retention',
      'group-member-sync',
    ]);
    const next = await api(bot);
    expect(next.json.nextFire).toBe(new Date('2026-03-09T08:15:00+08:00').toISOString());
    const month = await api(bot, { to: 'next-month-first-workday 09:00' });
    expect(month.json.now).toBe(new Date('2026-04-01T09:00:00+08:00').toISOString());
    expect((month.json.counts as Record<string, number>)['monthly-batch']).toBe(1);
  }, 60_000);

  it('D36 the offset is stored: a restarted sandbox reads the moved time', async () => {
    const bot = open.shift()!;
    const movedTo = (await api(bot)).json;
    await bot.close();
    const restarted = await sandboxBot(await dbUrl, base);
    open.push(restarted);
    const now = await api(restarted);
    expect(now.json.offsetMs).toBe(movedTo.offsetMs);
    expect(now.json.now).toBe(movedTo.now);
  });

  it('D36 refused (404) in real mode', async () => {
    const fake = await fakeWecom({ secret: 'test-secret' });
    const bot = await createBot({
      config: loadConfig(testEnv(await freshDatabaseUrl(), fake.url)),
      clock: base,
      log,
      autoStart: false,
    });
    open.push(bot);
    expect((await api(bot)).status).toBe(404);
    expect((await api(bot, { advance: 'P1D' })).status).toBe(404);
    expect(bot.sandboxClock).toBeUndefined();
    await fake.close();
  });
});
