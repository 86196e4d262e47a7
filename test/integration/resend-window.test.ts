import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { OutboxRow } from '../../entities/outbox';
import type { Db } from '../../src/db';
import { enqueue } from '../../src/outbox/enqueue';
import { OutboxSender } from '../../src/outbox/sender';
import type { WecomPort } from '../../src/wecom/port';
import { startTestBot } from '../helpers/bot';

// D230: the window in which a crash re-sends a robot or app-chat message once. It opens when WeCom's 200 for the
// send reaches the sender (OutboxSender.deliver: `sendRow` returns) and closes when the transaction holding the
// `sent` mark (rate counters settled + status `sent`) has committed. Measured here on the real sender, the real
// database and the fake WeCom over loopback: the WeCom port and the database are only timed, not replaced.

const ROWS_PER_KIND = 15; // under the 20 per minute window of one chat / one robot (D34): no rate-limit wait
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const quantile = (xs: number[], q: number) => sorted(xs)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

describe('D230 the robot / app-chat resend window', () => {
  it('D230 from the 200 reaching the sender to the committed sent mark: a few milliseconds, measured', async () => {
    const t = await startTestBot({ now: '2026-03-02T10:00:00+08:00' });
    try {
      const db = t.bot.deps.db;
      await db.tx(async (m) => {
        for (let i = 0; i < ROWS_PER_KIND; i++) {
          await enqueue(m, t.clock.now(), `window:robot:${i}`, { group: 'G-DEPT-GA' }, { text: `窗口 robot ${i}` });
          await enqueue(m, t.clock.now(), `window:chat:${i}`, { group: 'G-HALL' }, { text: `窗口 chat ${i}` });
        }
      });
      const answered: number[] = [];
      const committed: number[] = [];
      const timedSend =
        <A extends unknown[]>(send: (...args: A) => Promise<Record<string, unknown>>) =>
        async (...args: A) => {
          const res = await send(...args);
          answered.push(performance.now());
          return res;
        };
      const wecom = t.bot.wecom;
      const port = new Proxy(wecom, {
        get: (target, prop, receiver) =>
          prop === 'robotSend'
            ? timedSend(wecom.robotSend.bind(wecom))
            : prop === 'sendAppChat'
              ? timedSend(wecom.sendAppChat.bind(wecom))
              : (Reflect.get(target, prop, receiver) as unknown),
      }) as WecomPort;
      const timedDb = new Proxy(db, {
        get: (target, prop, receiver) =>
          prop === 'tx'
            ? async (fn: Parameters<Db['tx']>[0]) => {
                const res = await db.tx(fn);
                committed.push(performance.now());
                return res;
              }
            : (Reflect.get(target, prop, receiver) as unknown),
      });
      const sender = new OutboxSender(timedDb, t.clock, port, 1000002, pino({ level: 'silent' }));
      await sender.drain();

      const rows = await db.manager.find(OutboxRow, { where: { targetKind: 'group' } });
      expect(rows.filter((r) => r.dedupeKey.startsWith('window:')).map((r) => r.status)).toEqual(
        Array(2 * ROWS_PER_KIND).fill('sent'),
      );
      expect(answered).toHaveLength(2 * ROWS_PER_KIND);
      // Each send's window closes at the first commit after its answer: the sender is sequential, so that commit is
      // the row's sent mark.
      const windows = answered.map((at) => committed.find((c) => c > at)! - at);
      const p50 = quantile(windows, 0.5);
      const max = Math.max(...windows);
      console.info(
        `D230 resend window on ${db.isSqlite ? 'SQLite' : 'MariaDB'}: p50 ${p50.toFixed(2)} ms, ` +
          `p90 ${quantile(windows, 0.9).toFixed(2)} ms, max ${max.toFixed(2)} ms over ${windows.length} sends`,
      );
      expect(windows.every((w) => w > 0)).toBe(true);
      // Milliseconds, not seconds: nothing between the 200 and the mark waits on the network or a timer.
      expect(p50).toBeLessThan(50);
      const feed = t.fake.state.feedLog.all().filter((m) => m.text?.startsWith('窗口 '));
      expect(feed.map((m) => m.channel).sort()).toEqual([
        ...Array<string>(ROWS_PER_KIND).fill('chat'),
        ...Array<string>(ROWS_PER_KIND).fill('robot'),
      ]);
    } finally {
      await t.close();
    }
  });
});
