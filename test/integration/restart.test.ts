import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { InboxRow } from '../../entities/inbox';
import { createBot } from '../../src/app';
import { loadConfig } from '../../src/config';
import { loadDemoDirectory } from '../../src/directory/demo';
import { FixedClock } from '../../src/kernel/time';
import { testEnv } from '../helpers/bot';
import { freshDatabaseUrl } from '../helpers/db';
import { TEST_CRYPTO, fakeWecom, signedCallback } from '../helpers/fake-wecom';

// stop after 20 acknowledged callbacks before processing; start again → the 20
// are processed exactly once.
describe('restart', () => {
  it('20 acknowledged but unprocessed callbacks are processed exactly once after a restart', async () => {
    const clock = new FixedClock(new Date('2026-03-03T10:00:00+08:00'));
    const fake = await fakeWecom({ secret: 'test-secret', now: () => clock.now().getTime() });
    const env = testEnv(await freshDatabaseUrl(), fake.url);
    const log = pino({ level: 'silent' });
    const first = await createBot({ config: loadConfig(env), clock, log });
    await loadDemoDirectory(first.deps.db, clock.now(), fake.url);
    for (let i = 0; i < 20; i++) {
      const { url, body } = signedCallback(TEST_CRYPTO, {
        type: 'text',
        corpId: TEST_CRYPTO.corpId,
        from: 'lisi',
        content: '我是谁',
        msgId: String(9_000_000_000_000_000_000n + BigInt(i)),
      });
      const res = await fetch(`${first.url}${url}`, { method: 'POST', body });
      expect(res.status).toBe(200);
    }
    expect(await first.deps.db.manager.count(InboxRow)).toBe(20);
    await first.close(); // “crash” before any processing
    expect(fake.state.feedLog.all()).toHaveLength(0);

    const second = await createBot({ config: loadConfig(env), clock, log });
    await second.dispatcher.drain();
    await second.sender.drain();
    await second.dispatcher.drain();
    await second.sender.drain();
    const statuses = (await second.deps.db.manager.find(InboxRow)).map((r) =>
      `${r.status}:${r.error ?? ''}`.slice(0, 200),
    );
    expect(statuses.filter((s) => s.startsWith('done'))).toHaveLength(20);
    expect(fake.state.feedLog.all().filter((i) => i.text?.includes('李四'))).toHaveLength(20);
    await second.close();
    await fake.close();
  });
});
