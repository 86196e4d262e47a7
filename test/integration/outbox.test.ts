import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutboxRow } from '../../entities/outbox';
import { OutboxSender } from '../../src/outbox/sender';
import { enqueue } from '../../src/outbox/enqueue';
import { startTestBot, type TestBot } from '../helpers/bot';
import pino from 'pino';

// D8, D9, D12 against a fake WeCom on loopback: token refresh, retries with backoff, permanent
// failures, rate limits that hold messages instead of dropping them, and no double sends.

describe('outbox sender', () => {
  let t: TestBot;
  beforeEach(async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
  });
  afterEach(async () => t.close());

  const queue = (key: string, text: string, to = 'lisi') =>
    t.bot.deps.db.tx((m) => enqueue(m, t.clock.now(), key, { user: to }, { text }));
  const sentTexts = (to = 'lisi') => t.textsTo(to);
  const row = (key: string) => t.bot.deps.db.manager.findOneOrFail(OutboxRow, { where: { dedupeKey: key } });

  it('the same dedupe key queued twice is sent once', async () => {
    await queue('k1', '一次');
    await queue('k1', '一次');
    await t.settle();
    expect(sentTexts().filter((x) => x === '一次')).toHaveLength(1);
  });

  it('an expired token is refreshed once and the message delivered once', async () => {
    await queue('warm', '预热');
    await t.settle();
    t.fake.state.expireTokens();
    await queue('k2', '令牌过期后');
    await t.settle();
    expect(sentTexts().filter((x) => x === '令牌过期后')).toHaveLength(1);
    expect(t.fake.state.calls.filter((c) => c.path === '/cgi-bin/gettoken')).toHaveLength(2);
  });

  it('HTTP 500 then recovery: retried after backoff and delivered exactly once', async () => {
    t.fake.state.failNext('/cgi-bin/message/send', { httpStatus: 500 });
    await queue('k3', '五百之后');
    await t.settle();
    let r = await row('k3');
    expect(r.status).toBe('pending');
    expect(r.attempts).toBe(1);
    expect(r.nextAttemptAt.getTime()).toBeGreaterThan(t.clock.now().getTime());
    t.clock.advance(6_000);
    await t.settle();
    r = await row('k3');
    expect(r.status).toBe('sent');
    expect(sentTexts().filter((x) => x === '五百之后')).toHaveLength(1);
  });

  it('45009 (frequency limit) backs off at least 60 s', async () => {
    t.fake.state.failNext('/cgi-bin/message/send', { errcode: 45009 });
    await queue('k4', '频率');
    await t.settle();
    const r = await row('k4');
    expect(r.status).toBe('pending');
    expect(r.nextAttemptAt.getTime() - t.clock.now().getTime()).toBeGreaterThanOrEqual(60_000);
    t.clock.advance(30_000);
    await t.settle();
    expect((await row('k4')).status).toBe('pending');
    t.clock.advance(31_000);
    await t.settle();
    expect((await row('k4')).status).toBe('sent');
  });

  it('a permanent error fails the row, visible in /healthz', async () => {
    t.fake.state.failNext('/cgi-bin/message/send', { errcode: 40001 });
    await queue('k5', '永久失败');
    await t.settle();
    expect((await row('k5')).status).toBe('failed');
    const h = (await (await fetch(`${t.bot.url}/healthz`)).json()) as { outbox: { failed: number } };
    expect(h.outbox.failed).toBeGreaterThanOrEqual(1);
  });

  it('the rate limiter holds 50 messages to one person to 30 in the first minute, and WeCom drops none', async () => {
    for (let i = 0; i < 50; i++) await queue(`burst${i}`, `消息${i}`, 'zhangsan');
    await t.settle();
    expect(sentTexts('zhangsan')).toHaveLength(30);
    expect(await t.bot.deps.db.manager.count(OutboxRow, { where: { status: 'pending' } })).toBe(20);
    // D34: the window is 60 s plus 1 s of clock skew (rate-limit.ts SKEW_MS).
    t.clock.advance(60_000);
    await t.settle();
    expect(sentTexts('zhangsan')).toHaveLength(30);
    t.clock.advance(1_100);
    await t.settle();
    expect(sentTexts('zhangsan')).toHaveLength(50);
    expect(t.fake.state.feedLog.all().some((i) => i.dropped)).toBe(false);
  });

  it('two senders on one database never send a row twice', async () => {
    for (let i = 0; i < 20; i++) await queue(`dual${i}`, `双实例${i}`, 'wangwu');
    const other = new OutboxSender(t.bot.deps.db, t.clock, t.bot.wecom, 1000002, pino({ level: 'silent' }));
    await Promise.all([t.bot.sender.drain(), other.drain(), t.bot.sender.drain()]);
    // A row that lost a database race (e.g. an InnoDB deadlock on the shared counters) is retried later, never lost.
    t.clock.advance(120_000);
    await t.settle();
    const texts = sentTexts('wangwu');
    const rows = await t.bot.deps.db.manager.find(OutboxRow, { where: { target: 'wangwu' } });
    expect(rows.map((r) => `${r.status}:${r.lastError ?? ''}`).filter((x) => !x.startsWith('sent'))).toEqual([]);
    expect(texts).toHaveLength(20);
    expect(new Set(texts).size).toBe(20);
  });

  it('a group with an app chat gets the message in that chat (G-OFFICE)', async () => {
    await t.bot.deps.db.tx((m) => enqueue(m, t.clock.now(), 'grp1', { group: 'G-OFFICE' }, { text: '群消息' }));
    await t.settle();
    expect(await t.groupTexts('G-OFFICE')).toContain('群消息');
  });
});
