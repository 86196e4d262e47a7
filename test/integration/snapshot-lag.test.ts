import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { Person } from '../../entities/person';
import { createBot } from '../../src/app';
import { loadConfig } from '../../src/config';
import { loadActor } from '../../src/kernel/directory';
import { startTestBot, testEnv } from '../helpers/bot';

// D233: what one instance changes, another sees within a minute. The calendar is an in-memory snapshot per
// process, reloaded by the dispatcher's loop at most 60 s after its last load; the directory has no snapshot (every
// look-up reads the database), so a directory change is seen at once.

// SQLite is single-instance by design (D23).
const onServer = /^(mysql|mariadb):\/\//.test(process.env.TEST_DATABASE_URL ?? '');

describe.skipIf(!onServer)('two instances: snapshot lag', () => {
  it('D233 a 闭馆 day set on one instance is a non-WD on the other within one minute; a directory change at once', async () => {
    const t = await startTestBot({ now: '2026-03-02T10:00:00+08:00' });
    const b = await createBot({
      config: loadConfig(testEnv(t.bot.deps.config.databaseUrl, t.fake.url)),
      clock: t.clock,
      log: pino({ level: 'silent' }),
      autoStart: false,
    });
    try {
      await b.dispatcher.drain();
      expect(b.deps.calendar.isWorkday('2026-03-09')).toBe(true);
      await t.say('zhao', '日历 设置 2026-03-09 闭馆 说明=停电检修');
      expect(t.bot.deps.calendar.isWorkday('2026-03-09')).toBe(false); // the instance that made the change: at once
      t.clock.advance(30_000);
      await b.dispatcher.drain();
      expect(b.deps.calendar.isWorkday('2026-03-09'), 'still its snapshot 30 s later').toBe(true);
      t.clock.advance(31_000);
      await b.dispatcher.drain();
      expect(b.deps.calendar.isWorkday('2026-03-09'), 'reloaded within the minute').toBe(false);

      await t.bot.deps.db.manager.update(Person, { userid: 'lisi' }, { inactive: true });
      expect(await loadActor(b.deps.db.manager, 'lisi'), 'the directory is read, not kept').toBeUndefined();
    } finally {
      await b.close();
      await t.close();
    }
  });
});
