import { afterEach, describe, expect, it } from 'vitest';
import { InboxRow } from '../../entities/inbox';
import { OutboxRow } from '../../entities/outbox';
import type { Fault } from '../../src/fake-wecom';
import { startTestBot, type TestBot } from '../helpers/bot';

// Fault matrix, WeCom side (D77, D78): WeCom answers 500, times out, or returns -1 (system busy), 42001
// (token expired) or 45009 (frequency limit) on the reply. After the retries every acknowledged message is
// processed once and its reply delivered once — a timed-out request that WeCom did deliver is not repeated (D8).

const FAULTS: [string, Fault][] = [
  ['HTTP 500', { httpStatus: 500 }],
  ['errcode -1', { errcode: -1, errmsg: 'system busy' }],
  ['errcode 42001', { errcode: 42001, errmsg: 'access_token expired' }],
  ['errcode 45009', { errcode: 45009, errmsg: 'api freq out of limit' }],
  ['a timeout (answered after the client gave up)', { delayMs: 11_000 }],
];

describe('WeCom faults on the reply path', () => {
  let t: TestBot;
  afterEach(async () => t.close());

  for (const [name, fault] of FAULTS)
    it(`${name}: the message is processed once and its reply delivered once`, async () => {
      t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
      await t.say('lisi', '预热'); // a token exists, so the fault hits message/send itself
      t.fake.state.failNext('/cgi-bin/message/send', fault);
      await t.say('lisi', '我是谁');
      if ('delayMs' in fault) await new Promise((r) => setTimeout(r, fault.delayMs - 9_000)); // the late delivery lands
      for (let i = 0; i < 20; i++) {
        const open = await t.bot.deps.db.manager.count(OutboxRow, {
          where: [{ status: 'pending' }, { status: 'sending' }],
        });
        if (open === 0) break;
        t.clock.advance(61_000);
        await t.settle();
      }
      const inbox = await t.bot.deps.db.manager.find(InboxRow, { where: { userid: 'lisi' } });
      expect(inbox.map((r) => `${r.status}:${r.attempts}`)).toEqual(['done:1', 'done:1']);
      const outbox = await t.bot.deps.db.manager.find(OutboxRow, { where: { target: 'lisi' } });
      expect(outbox.every((r) => r.status === 'sent')).toBe(true);
      const whoami = t.textsTo('lisi').filter((x) => x.includes('李四'));
      expect(whoami).toHaveLength(outbox.filter((r) => r.dedupeKey.includes(`in:${inbox[1].id}`)).length);
      expect(whoami.length).toBeGreaterThan(0);
      expect(t.fake.state.feedLog.limits.violations).toEqual([]);
    }, 40_000);
});
