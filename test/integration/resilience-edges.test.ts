import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InboxRow } from '../../entities/inbox';
import { JobRun } from '../../entities/job-run';
import { OutboxRow } from '../../entities/outbox';
import { DbBusyError } from '../../src/db';
import { INBOX_PENDING_CAP, InboxWriter, type InboxInsert } from '../../src/http/inbox-writer';
import type { JobDef } from '../../src/kernel/job';
import { enqueue } from '../../src/outbox/enqueue';
import { Scheduler } from '../../src/scheduler';
import { startTestBot, type TestBot } from '../helpers/bot';
import { TEST_CRYPTO, signedCallback } from '../helpers/fake-wecom';

// Issue [resilience]: interrupted job runs, dispatcher, outbox and inbox edges — each on a real database.

describe('resilience edges', () => {
  let t: TestBot;
  afterEach(async () => t.close());
  const start = async () => (t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' }));
  const inbox = (userid?: string) =>
    t.bot.deps.db.manager.find(InboxRow, { where: userid ? { userid } : {}, order: { id: 'ASC' } });

  // ── job runs

  it('an interrupted job run (stale running row) counts as failed, shows in /healthz and is retried once', async () => {
    await start();
    const first = await t.runJob('approval-reminders', '2026-03-03T09:30:00+08:00');
    expect(first.status).toBe('ok');
    const period = (first as { period: string }).period;
    // As a crash leaves it: still `running`, its lease run out.
    await t.bot.deps.db.tx((m) =>
      m.update(
        JobRun,
        { job: 'approval-reminders', period },
        { status: 'running', finishedAt: null, leaseUntil: new Date(t.clock.now().getTime() - 1) },
      ),
    );
    const health = (await (await fetch(`${t.bot.url}/healthz`)).json()) as { jobs: { interrupted: string[] } };
    expect(health.jobs.interrupted).toEqual([`approval-reminders@${period}#1`]);
    expect(await t.bot.scheduler.retryInterrupted()).toEqual([`approval-reminders@${period}`]);
    const runs = await t.bot.deps.db.manager.find(JobRun, {
      where: { job: 'approval-reminders', period },
      order: { attempt: 'ASC' },
    });
    expect(runs.map((r) => `${r.attempt}:${r.status}`)).toEqual(['1:failed', '2:ok']);
    expect(runs[0].error).toMatch(/interrupted/);
    expect(await t.bot.scheduler.retryInterrupted()).toEqual([]);
  });

  it('a running job with a live lease is neither retried nor reported interrupted', async () => {
    await start();
    const first = await t.runJob('approval-reminders', '2026-03-03T09:30:00+08:00');
    const period = (first as { period: string }).period;
    await t.bot.deps.db.tx((m) =>
      m.update(
        JobRun,
        { job: 'approval-reminders', period },
        { status: 'running', leaseUntil: new Date(t.clock.now().getTime() + 60_000) },
      ),
    );
    expect(await t.bot.scheduler.retryInterrupted()).toEqual([]);
    const health = (await (await fetch(`${t.bot.url}/healthz`)).json()) as { jobs: { running: string[] } };
    expect(health.jobs.running).toEqual([`approval-reminders@${period}#1`]);
  });

  it('scheduler stop() waits for an in-flight run before returning (the database closes after it)', async () => {
    await start();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    let finished = false;
    const slow: JobDef = {
      name: 'slow-test-job',
      cron: '0 3 * * *',
      workingDaysOnly: false,
      rules: [],
      summary: 'test',
      recipients: 'test',
      periodKey: () => 'p1',
      run: async () => {
        await gate;
        finished = true;
        return { n: 1 };
      },
    };
    const scheduler = new Scheduler(t.bot.deps, t.clock, [slow]);
    const run = scheduler.runJob(slow, t.clock.now());
    await new Promise((r) => setTimeout(r, 50));
    let stopped = false;
    const stopping = scheduler.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(finished).toBe(true);
    expect((await run).status).toBe('ok');
  });

  // ── dispatcher

  it('a row whose every attempt was cut off by a crash is parked failed at claim, and its user told once', async () => {
    await start();
    await t.deliver({ type: 'text', from: 'lisi', content: '帮助' } as never);
    await t.bot.deps.db.tx((m) =>
      m.update(
        InboxRow,
        { userid: 'lisi' },
        { status: 'processing', attempts: 3, leaseUntil: new Date(t.clock.now().getTime() - 1) },
      ),
    );
    await t.settle();
    const [row] = await inbox('lisi');
    expect(row.status).toBe('failed');
    expect(t.textsTo('lisi').filter((x) => x.startsWith('出错了'))).toHaveLength(1);
  });

  it("one user's long backlog behind a leased row does not stall another user", async () => {
    await start();
    for (let i = 0; i < 60; i++) await t.deliver({ type: 'text', from: 'lisi', content: `我是谁 ${i}` } as never);
    await t.deliver({ type: 'text', from: 'wangwu', content: '我是谁' } as never);
    const [oldest] = await inbox('lisi');
    await t.bot.deps.db.tx((m) =>
      m.update(
        InboxRow,
        { id: oldest.id },
        { status: 'processing', attempts: 1, leaseUntil: new Date(t.clock.now().getTime() + 60_000) },
      ),
    );
    const claimed = await t.bot.dispatcher.claimNext();
    expect(claimed?.userid).toBe('wangwu');
  });

  it('a database outage during processing is not counted as an attempt', async () => {
    await start();
    await t.deliver({ type: 'text', from: 'lisi', content: '我是谁' } as never);
    const db = t.bot.deps.db;
    const tx = db.tx.bind(db);
    let calls = 0;
    // The second transaction of the pass (the command's own) finds the database gone.
    db.tx = <T>(fn: Parameters<typeof tx<T>>[0]): Promise<T> =>
      ++calls === 2
        ? Promise.reject(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), { code: 'ECONNREFUSED' }))
        : tx(fn);
    await expect(t.bot.dispatcher.drain()).rejects.toThrow(/ECONNREFUSED/);
    db.tx = tx;
    await t.settle();
    const [row] = await inbox('lisi');
    expect([row.status, row.attempts]).toEqual(['done', 1]);
  });

  it('D77 a claim committed whose answer was lost to an outage is given back: no attempt spent, no minute leased', async () => {
    await start();
    await t.deliver({ type: 'text', from: 'lisi', content: '我是谁' } as never);
    const db = t.bot.deps.db;
    const tx = db.tx.bind(db);
    let calls = 0;
    // The first transaction of the pass (the claim) commits, then the connection drops before the answer arrives.
    db.tx = async <T>(fn: Parameters<typeof tx<T>>[0]): Promise<T> => {
      const result = await tx(fn);
      if (++calls === 1) throw Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
      return result;
    };
    await expect(t.bot.dispatcher.drain()).rejects.toThrow(/ECONNRESET/);
    db.tx = tx;
    await t.settle();
    const [row] = await inbox('lisi');
    expect([row.status, row.attempts]).toEqual(['done', 1]);
  });

  // ── outbox

  it('a file whose send failed is retried without uploading it again (media_id kept on the row)', async () => {
    await start();
    const dir = mkdtempSync(join(tmpdir(), 'hall-file-'));
    const path = join(dir, 'a.xlsx');
    writeFileSync(path, 'x'.repeat(100));
    await t.bot.deps.db.tx((m) =>
      enqueue(m, t.clock.now(), 'file1', { user: 'lisi' }, { file: { path, filename: 'a.xlsx' } }),
    );
    t.fake.state.failNext('/cgi-bin/message/send', { httpStatus: 500 });
    await t.settle();
    const row = await t.bot.deps.db.manager.findOneByOrFail(OutboxRow, { dedupeKey: 'file1' });
    expect([row.status, row.mediaId !== null]).toEqual(['pending', true]);
    t.clock.advance(6_000);
    await t.settle();
    expect((await t.bot.deps.db.manager.findOneByOrFail(OutboxRow, { dedupeKey: 'file1' })).status).toBe('sent');
    expect(t.fake.state.callsTo('/cgi-bin/media/upload')).toHaveLength(1);
  });

  it('a row left sending by a crash keeps its attempt; after the last attempt it is parked, not sent again', async () => {
    await start();
    const queue = (key: string) =>
      t.bot.deps.db.tx((m) => enqueue(m, t.clock.now(), key, { user: 'lisi' }, { text: key }));
    await queue('crashed-once');
    await queue('crashed-last');
    const past = new Date(t.clock.now().getTime() - 1);
    const db = t.bot.deps.db;
    await db.tx((m) =>
      m.update(OutboxRow, { dedupeKey: 'crashed-once' }, { status: 'sending', attempts: 1, leaseUntil: past }),
    );
    await db.tx((m) =>
      m.update(OutboxRow, { dedupeKey: 'crashed-last' }, { status: 'sending', attempts: 8, leaseUntil: past }),
    );
    await t.settle();
    const once = await db.manager.findOneByOrFail(OutboxRow, { dedupeKey: 'crashed-once' });
    const last = await db.manager.findOneByOrFail(OutboxRow, { dedupeKey: 'crashed-last' });
    expect([once.status, once.attempts]).toEqual(['sent', 2]);
    expect([last.status, last.attempts]).toEqual(['failed', 9]);
    expect(t.textsTo('lisi')).toEqual(['crashed-once']);
  });

  // ── inbox

  it('a group-commit batch with one bad row stores the others (retried row by row)', async () => {
    await start();
    const writer = new InboxWriter(t.bot.deps.db);
    // A payload that cannot be serialised (a BigInt) fails the statement on every driver.
    const row = (i: number, bad = false) =>
      ({
        dedupeKey: `batch:${i}`,
        userid: 'lisi',
        kind: 'text',
        payload: bad ? { i: BigInt(i) } : { i },
        status: 'pending',
        attempts: 0,
        receivedAt: t.clock.now(),
      }) as InboxInsert;
    const results = await Promise.allSettled([row(1), row(2), row(3, true), row(4)].map((r) => writer.store(r)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((await inbox('lisi')).map((r) => r.dedupeKey)).toEqual(['batch:1', 'batch:2', 'batch:4']);
  });

  it(`more than ${INBOX_PENDING_CAP} callbacks waiting for the database: the next is refused with 503`, async () => {
    await start();
    const writer = new InboxWriter(t.bot.deps.db);
    const all = Array.from({ length: INBOX_PENDING_CAP + 1 }, (_, i) =>
      writer.store({
        dedupeKey: `cap:${i}`,
        userid: 'lisi',
        kind: 'text',
        payload: {},
        status: 'ignored',
        attempts: 0,
        receivedAt: t.clock.now(),
      }),
    );
    const results = await Promise.allSettled(all);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused).toHaveLength(1);
    expect(refused[0].reason).toBeInstanceOf(DbBusyError);
    expect((refused[0].reason as DbBusyError).status).toBe(503);
  });

  it('D5 a validly signed message of unexpected shape is stored as unknown and acknowledged, once', async () => {
    await start();
    const xml = `<xml><ToUserName><![CDATA[${TEST_CRYPTO.corpId}]]></ToUserName><FromUserName><![CDATA[lisi]]></FromUserName><CreateTime>1772503200</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[你好]]></Content><MsgId>not-a-number</MsgId><AgentID>1000002</AgentID></xml>`;
    for (let i = 0; i < 2; i++) {
      const { url, body } = signedCallback(TEST_CRYPTO, xml);
      const res = await fetch(`${t.bot.url}${url}`, { method: 'POST', body });
      expect([res.status, await res.text()]).toEqual([200, '']);
    }
    const rows = await inbox('lisi');
    expect(rows.map((r) => r.kind)).toEqual(['unknown']);
    expect((rows[0].payload as { msgType: string }).msgType).toBe('malformed:text');
  });
});
