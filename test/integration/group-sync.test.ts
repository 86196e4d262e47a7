import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueue } from '../../src/outbox/enqueue';
import { startTestBot, type TestBot } from '../helpers/bot';

// conventions (docs/architecture.md) groups / D11: app chats exist on WeCom with the directory's members, and follow changes.
describe('group chats follow the directory', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
  });
  afterAll(async () => t.close());

  it('a chat is created on first use, and group-member-sync adds and removes members', async () => {
    await t.bot.deps.db.tx((m) =>
      enqueue(m, t.clock.now(), 'hello-office', { group: 'G-OFFICE' }, { text: '大厅管理室群' }),
    );
    await t.settle();
    expect(t.fake.state.chats.get('office01')?.userlist.sort()).toEqual(['qian', 'zhao']);
    await t.say('magong', '角色 授予 小马 大厅管理室');
    expect(t.lastTextTo('magong')).toMatch(/^✅/);
    await t.say('magong', '角色 撤销 钱进 大厅管理室');
    const out = await t.runJob('group-member-sync', '2026-03-04T06:30:00+08:00');
    expect(out).toMatchObject({ status: 'ok', counts: { updated: 1 } });
    const members = t.fake.state.chats
      .get('office01')!
      .userlist.map((u) => u.toLowerCase())
      .sort();
    expect(members).toContain('xiaoma');
    // the owner stays even when the directory no longer lists them (WeCom needs an owner)
    expect(members.includes('qian')).toBe(t.fake.state.chats.get('office01')!.owner.toLowerCase() === 'qian');
    await t.bot.deps.db.tx((m) =>
      enqueue(m, t.clock.now(), 'hello-office-2', { group: 'G-OFFICE' }, { text: '第二条' }),
    );
    await t.settle();
    expect(await t.groupTexts('G-OFFICE')).toEqual(['大厅管理室群', '第二条']);
  });
});
