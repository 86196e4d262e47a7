import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { InboxRow } from '../../entities/inbox';
import { JobRun } from '../../entities/job-run';
import { OutboxRow } from '../../entities/outbox';
import { Person } from '../../entities/person';
import { JOBS } from '../../jobs/index';
import { createBot, type Bot } from '../../src/app';
import { loadConfig } from '../../src/config';
import { startTestBot, testEnv } from '../helpers/bot';
import { TEST_CRYPTO, signedCallback } from '../helpers/fake-wecom';

// Two instances on one database behind one callback URL (D77, D78): callbacks alternate between them,
// both dispatchers, senders and schedulers work the same tables. Every reply once, every job period once, zero
// rate-limit drops — also after one instance drops out half-way. (In one test process: each instance has its own
// connection pool, workers and scheduler; CI runs it on MariaDB.)

// SQLite is single-instance by design (D23: one connection, one process-wide write queue).
const onServer = /^(mysql|mariadb):\/\//.test(process.env.TEST_DATABASE_URL ?? '');

describe.skipIf(!onServer)('two instances on one database', () => {
  it('300 commands from 30 people and a week of jobs: every reply once, every period once, zero drops', async () => {
    const t = await startTestBot({ now: '2026-03-02T10:00:50+08:00' });
    const a = t.bot;
    const b: Bot = await createBot({
      config: loadConfig(testEnv(a.deps.config.databaseUrl, t.fake.url)),
      clock: t.clock,
      log: pino({ level: 'silent' }),
      autoStart: false,
    });
    let bAlive = true;
    try {
      const people = (await a.deps.db.manager.find(Person, { order: { userid: 'ASC' } }))
        .filter((p) => !p.inactive)
        .slice(0, 30)
        .map((p) => p.userid);
      const pass = async () => {
        const live = bAlive ? [a, b] : [a];
        await Promise.all(live.map((x) => x.dispatcher.drain()));
        await Promise.all(live.map((x) => x.sender.drain()));
      };
      let n = 0;
      for (let round = 0; round < 10; round++) {
        await Promise.all(
          people.map((u) => {
            const target = bAlive && n++ % 2 === 1 ? b : a;
            const { url, body } = signedCallback(TEST_CRYPTO, {
              type: 'text',
              corpId: TEST_CRYPTO.corpId,
              from: u,
              content: round % 2 ? '我是谁' : '帮助',
              msgId: String(8_000_000_000_000_000_000n + BigInt(round * 100 + people.indexOf(u))),
              createTime: Math.floor(t.clock.now().getTime() / 1000),
            } as never);
            return fetch(`${target.url}${url}`, { method: 'POST', body }).then((r) => expect(r.status).toBe(200));
          }),
        );
        await pass();
        if (round === 4) bAlive = false; // the second instance drops out half-way; the first carries on alone
      }
      // A week of jobs, each fire offered to both instances at once (while b lives) — each period claimed once.
      bAlive = true;
      const outcomes: string[] = [];
      for (let day = 2; day <= 8; day++) {
        for (const job of JOBS) {
          const at = new Date(`2026-03-0${day}T09:30:00+08:00`);
          const results = await Promise.all([a, b].map((x) => x.scheduler.runJob(job, at)));
          const claimed = results.filter((r) => r.status === 'ok' || r.status === 'failed');
          // D93: a minute job has no period to claim; both may look, and each of its reminders is claimed once.
          if (!job.unclaimed) expect(claimed.length, `${job.name} ${at.toISOString()}`).toBeLessThanOrEqual(1);
          outcomes.push(...results.map((r) => r.status));
        }
        await pass();
      }
      expect(outcomes).toContain('ok');
      for (let step = 0; step < 40; step++) {
        t.clock.advance(5_000);
        await pass();
        const open = await a.deps.db.manager.count(OutboxRow, {
          where: [{ status: 'pending' }, { status: 'sending' }],
        });
        if (open === 0) break;
      }
      const inbox = await a.deps.db.manager.find(InboxRow);
      expect(inbox).toHaveLength(300);
      expect(inbox.filter((r) => r.status !== 'done').map((r) => `${r.id}:${r.status}:${r.error ?? ''}`)).toEqual([]);
      const outbox = await a.deps.db.manager.find(OutboxRow);
      expect(outbox.filter((r) => r.status !== 'sent').map((r) => `${r.dedupeKey}:${r.status}`)).toEqual([]);
      const dmRows = outbox.filter((r) => r.targetKind === 'user').length;
      expect(t.fake.state.feedLog.all().filter((i) => i.channel === 'dm')).toHaveLength(dmRows);
      expect(t.fake.state.feedLog.limits.violations).toEqual([]);
      const runs = await a.deps.db.manager.find(JobRun, { where: [{ status: 'ok' }, { status: 'failed' }] });
      const periods = runs.map((r) => `${r.job}@${r.period}`);
      expect(new Set(periods).size).toBe(periods.length);
    } finally {
      await b.close();
      await t.close();
    }
  }, 180_000);
});
