import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createDataSource } from '../../ormconfig';
import { InboxRow } from '../../entities/inbox';
import { OutboxRow } from '../../entities/outbox';
import { Person } from '../../entities/person';
import { createBot } from '../../src/app';
import { loadConfig } from '../../src/config';
import { Db } from '../../src/db';
import { loadDemoDirectory } from '../../src/directory/demo';
import { testEnv } from '../helpers/bot';
import { freshDatabaseUrl } from '../helpers/db';
import { TEST_CRYPTO, fakeWecom, signedCallback } from '../helpers/fake-wecom';
import { tcpProxy } from '../helpers/tcp-proxy';

// Fault matrix, database side (D77): the running bot (real clock, workers started) loses MariaDB for 30 s while
// commands arrive. The shared server is not stopped: the bot reaches it through a loopback proxy that the test
// cuts (open connections reset, new ones refused) and restores. A callback refused during the outage is sent again
// as WeCom would; every acknowledged message is then processed once and answered once, and the outage uses up no
// attempt of any inbox or outbox row. The cut lands on an outbox claim: the server commits it and its answer is
// lost, so the sender must give that claim back when the database returns rather than wait out its lease (D232).

// SQLite is embedded: there is no server to lose (D23).
const onServer = /^(mysql|mariadb):\/\//.test(process.env.TEST_DATABASE_URL ?? '');
const OUTAGE_MS = 30_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!onServer)('MariaDB unavailable for 30 s while commands arrive', () => {
  it('D77 every acknowledged callback processed once, every reply once, no row failed, no attempt counted', async () => {
    const fake = await fakeWecom({ secret: 'test-secret' });
    const dbUrl = await freshDatabaseUrl();
    const ds = createDataSource(dbUrl);
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    await loadDemoDirectory(new Db(ds), new Date(), fake.url);
    const people = (await ds.manager.find(Person, { order: { userid: 'ASC' } }))
      .filter((p) => !p.inactive)
      .slice(0, 30);
    const target = new URL(dbUrl);
    const proxy = await tcpProxy(target.hostname, Number(target.port || 3306));
    const bot = await createBot({
      config: loadConfig(testEnv(proxy.via(dbUrl), fake.url)),
      log: pino({ level: process.env.TEST_LOG ?? 'silent' }),
      autoStart: true,
    });
    // One '我是谁' per person (distinct replies, so WeCom's duplicate check cannot hide a repeat).
    const callbacks = people.map((p, i) =>
      signedCallback(TEST_CRYPTO, {
        type: 'text',
        corpId: TEST_CRYPTO.corpId,
        from: p.userid,
        content: '我是谁',
        msgId: String(7_200_000_000_000_000_000n + BigInt(i)),
        createTime: Math.floor(Date.now() / 1000),
      } as never),
    );
    const post = async (i: number) =>
      (await fetch(`${bot.url}${callbacks[i].url}`, { method: 'POST', body: callbacks[i].body })).status;
    const refused: number[] = [];
    try {
      // A burst just before the cut, so the outage lands on claims, command transactions and sends in flight; the
      // cut itself comes the moment the first reply's claim has committed, before the bot hears so.
      const claimCut = proxy.cutAtCommitOf(/UPDATE `outbox` SET `status` = 'sending'[^]*?WHERE `id` = \d+/);
      const before = await Promise.all(callbacks.slice(0, 10).map((_, i) => post(i)));
      expect(before).toEqual(Array(10).fill(200));
      const claimedId = Number(/WHERE `id` = (\d+)/.exec(await claimCut)![1]);
      const cutAt = Date.now();
      // (read directly, not through the proxy) the claim committed, and the outage finds acknowledged work not yet done
      const lostClaim = await ds.manager.findOneByOrFail(OutboxRow, { id: claimedId });
      expect([lostClaim.status, lostClaim.attempts]).toEqual(['sending', 1]);
      const unfinished =
        (await ds.manager.count(InboxRow, { where: [{ status: 'pending' }, { status: 'processing' }] })) +
        (await ds.manager.count(OutboxRow, { where: [{ status: 'pending' }, { status: 'sending' }] }));
      expect(unfinished).toBeGreaterThan(0);
      for (let i = 10; i < callbacks.length; i++) {
        if ((await post(i)) !== 200) refused.push(i);
        await sleep((OUTAGE_MS - 2_000) / (callbacks.length - 10));
      }
      await sleep(Math.max(0, OUTAGE_MS - (Date.now() - cutAt)));
      proxy.restore();
      const backAt = Date.now();
      // WeCom retries a callback that was not answered 200 (3 times, 5 s apart) with the same message.
      for (const i of refused) {
        let status = 0;
        for (let tries = 0; tries < 3 && status !== 200; tries++) {
          if (tries) await sleep(5_000);
          status = await post(i);
        }
        expect(status, `retry of callback ${i}`).toBe(200);
      }
      const restoredAt = Date.now();
      let inbox: InboxRow[] = [];
      let outbox: OutboxRow[] = [];
      for (let i = 0; i < 60; i++) {
        inbox = await ds.manager.find(InboxRow, { order: { id: 'ASC' } });
        outbox = await ds.manager.find(OutboxRow, { order: { id: 'ASC' } });
        const open =
          inbox.some((r) => r.status === 'pending' || r.status === 'processing') ||
          outbox.some((r) => r.status === 'pending' || r.status === 'sending');
        if (!open) break;
        await sleep(500);
      }
      expect(Date.now() - restoredAt, 'caught up within seconds, not after a lease ran out').toBeLessThan(20_000);
      // The claim whose answer was lost: sent within seconds of the database's return, on its one attempt (D232).
      const resent = outbox.find((r) => r.id === claimedId)!;
      expect([resent.status, resent.attempts]).toEqual(['sent', 1]);
      expect(resent.sentAt!.getTime() - backAt, 'sent soon after the outage, not after the lease').toBeLessThan(10_000);
      expect(refused.length, 'callbacks during the outage are refused, not acknowledged').toBe(20);
      // Every message once (one row per person), processed, on its first attempt.
      expect(inbox.map((r) => `${r.userid}:${r.status}:${r.attempts}`).sort()).toEqual(
        people.map((p) => `${p.userid}:done:1`).sort(),
      );
      expect(
        outbox
          .filter((r) => r.status !== 'sent' || r.attempts !== 1)
          .map((r) => `${r.dedupeKey}:${r.status}:${r.attempts}`),
      ).toEqual([]);
      for (const p of people) {
        const replies = fake.state.messagesTo(p.userid).filter((m) => m.text?.includes(p.name));
        expect(replies, p.userid).toHaveLength(1);
      }
      const dmRows = outbox.filter((r) => r.targetKind === 'user').length;
      expect(fake.state.feedLog.all().filter((m) => m.channel === 'dm')).toHaveLength(dmRows);
      expect(fake.state.feedLog.limits.violations).toEqual([]);
    } finally {
      await bot.close();
      await proxy.close();
      await ds.destroy();
      await fake.close();
    }
  }, 90_000);
});
