import { afterEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { OutboxRow } from '../../entities/outbox';
import { Person } from '../../entities/person';
import { enqueue } from '../../src/outbox/enqueue';
import { OutboxSender } from '../../src/outbox/sender';
import { startTestBot, type TestBot } from '../helpers/bot';
import { clientFor, fakeWecom, type RunningFakeWecom } from '../helpers/fake-wecom';

// D9 / D34 (WeCom doc 90454): sliding windows in the database — no member gets more than 30 app messages in any
// 60 s, no app chat more than 20; over-limit messages wait and are never dropped. The fake WeCom drops (accepts
// with errcode 0, never shows) whatever crosses a limit, and records it, so zero drops proves the limiter.

const MINUTE = 60_000;

/** The most messages any one key received within any 60-second span. */
function maxIn60s(times: Map<string, number[]>): number {
  let max = 0;
  for (const list of times.values()) {
    const sorted = [...list].sort((a, b) => a - b);
    for (let i = 0, j = 0; j < sorted.length; j++) {
      while (sorted[j] - sorted[i] >= MINUTE) i++;
      max = Math.max(max, j - i + 1);
    }
  }
  return max;
}

describe('D34 sliding-window rate limits', () => {
  let t: TestBot | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('D34 300 commands from 30 people across a minute boundary: every reply delivered once, zero drops', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:50+08:00' });
    const bot = t;
    const people = (await bot.bot.deps.db.manager.find(Person, { order: { userid: 'ASC' } }))
      .filter((p) => !p.inactive)
      .slice(0, 30)
      .map((p) => p.userid);
    expect(people).toHaveLength(30);
    for (let round = 0; round < 10; round++)
      await Promise.all(people.map((u) => bot.deliver({ type: 'text', from: u, content: '帮助' } as never)));
    await bot.settle();
    const waiting = await bot.bot.deps.db.manager.count(OutboxRow, { where: { status: 'pending' } });
    expect(waiting, 'the burst must exceed the first window, or this test proves nothing').toBeGreaterThan(0);
    // Time passes in 5 s steps across 10:01:00, where fixed calendar-minute buckets used to let a second 30 through.
    for (let step = 0; step < 60; step++) {
      bot.clock.advance(5_000);
      await bot.settle();
      if ((await bot.bot.deps.db.manager.count(OutboxRow, { where: { status: 'pending' } })) === 0) break;
    }
    const rows = await bot.bot.deps.db.manager.find(OutboxRow);
    expect(rows.filter((r) => r.status !== 'sent').map((r) => `${r.dedupeKey}:${r.status}`)).toEqual([]);
    expect(bot.fake.state.feedLog.limits.violations).toEqual([]);
    const times = new Map<string, number[]>();
    for (const item of bot.fake.state.feedLog.all().filter((i) => i.channel === 'dm'))
      for (const u of item.to as string[]) times.set(u, [...(times.get(u) ?? []), Date.parse(item.at)]);
    expect(maxIn60s(times)).toBeLessThanOrEqual(30);
    // Every reply once: one delivered item per outbox row addressed to a person.
    const perUser = rows.filter((r) => r.targetKind === 'user').length;
    expect(bot.fake.state.feedLog.all().filter((i) => i.channel === 'dm')).toHaveLength(perUser);
    expect(perUser).toBeGreaterThan(30 * 10);
  }, 120_000);

  it('D34 two senders share the window through the database: 50 messages to one person, 30 in the first minute', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    const bot = t;
    for (let i = 0; i < 50; i++)
      await bot.bot.deps.db.tx((m) => enqueue(m, bot.clock.now(), `two${i}`, { user: 'zhangsan' }, { text: `${i}` }));
    const other = new OutboxSender(bot.bot.deps.db, bot.clock, bot.bot.wecom, 1000002, pino({ level: 'silent' }));
    await Promise.all([bot.bot.sender.drain(), other.drain()]);
    expect(bot.textsTo('zhangsan')).toHaveLength(30);
    bot.clock.advance(62_000);
    await Promise.all([bot.bot.sender.drain(), other.drain()]);
    expect(bot.textsTo('zhangsan')).toHaveLength(50);
    expect(bot.fake.state.feedLog.limits.violations).toEqual([]);
  });

  it('D33 a message queued "as of" a future instant is due at once on the sender clock', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    const bot = t;
    const nextMonday = new Date('2026-03-09T08:00:00+08:00');
    await bot.bot.deps.db.tx((m) => enqueue(m, nextMonday, 'future', { user: 'lisi' }, { text: '下周一的提醒' }));
    await bot.settle();
    expect(bot.textsTo('lisi')).toContain('下周一的提醒');
  });
});

describe('fake WeCom enforces the limits as WeCom does (accepted with errcode 0, marked dropped)', () => {
  let fake: RunningFakeWecom;
  let now = Date.parse('2026-03-03T02:00:00Z');
  afterEach(async () => fake.close());

  it('D34 the 21st app-chat message within 60 s is accepted and dropped; the 31st card update to one member too', async () => {
    fake = await fakeWecom({ now: () => now });
    const client = clientFor(fake);
    await client.createAppChat({ name: '测试群', userlist: ['a', 'b'], chatid: 'chat1' });
    for (let i = 0; i < 21; i++) {
      // Accepted every time (the client throws on any errcode other than 0).
      await client.sendAppChat({ chatid: 'chat1', msgtype: 'text', text: { content: `m${i}` } });
    }
    const inChat = fake.state.messagesInChat('chat1');
    expect(inChat.filter((i) => i.dropped).map((i) => i.text)).toEqual(['m20']);
    now += 60_001;
    await client.sendAppChat({ chatid: 'chat1', msgtype: 'text', text: { content: 'later' } });
    expect(fake.state.messagesInChat('chat1').at(-1)!.dropped).toBe(false);
    // 30 messages to one member, then a card update to that member in the same minute: dropped.
    for (let i = 0; i < 29; i++)
      await client.sendMessage({ touser: 'a', agentid: 1000002, msgtype: 'text', text: { content: `d${i}` } });
    const card = await client.sendMessage({
      touser: 'a',
      agentid: 1000002,
      msgtype: 'template_card',
      template_card: {
        card_type: 'button_interaction',
        task_id: 'task1',
        main_title: { title: '审批' },
        button_list: [{ text: '同意', key: 'approve:1' }],
      },
    });
    // The client throws on any errcode other than 0: the update is "accepted".
    await client.updateTemplateCard({
      userids: ['a'],
      response_code: String(card.response_code),
      button: { replace_name: '已处理' },
    });
    expect(fake.state.feedLog.find((i) => i.taskId === 'task1')!.cardState).toBeUndefined();
    expect(fake.state.feedLog.limits.violations.map((v) => `${v.channel}:${v.to}`)).toEqual([
      'chat:chat1',
      'update_card:a',
    ]);
  });
});
