import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AuditLog } from '../../entities/audit-log';
import { InboxRow } from '../../entities/inbox';
import { defineCommand } from '../../src/kernel/command';
import type { Ctx } from '../../src/kernel/ctx';
import { TABLES } from '../../src/tables';
import { startTestBot, type TestBot } from '../helpers/bot';

// the dispatcher runs each event in one transaction, retries a failing one and parks it
// after 3 attempts with “出错了，已记录（编号 …）”; unknown senders get 未登记; commands answer in Chinese.

describe('dispatcher and commands', () => {
  let t: TestBot;
  // A test-only command appended to this bot's table (tables are never mutated): its behaviour is set per test.
  let behaviour: (ctx: Ctx) => Promise<void> = async () => {};
  const probe = defineCommand({
    name: '测试 探针',
    group: '常用',
    summary: '测试用',
    roles: 'all',
    usage: '测试 探针',
    examples: [],
    args: () => z.object({}),
    handle: (ctx) => behaviour(ctx),
  });
  beforeAll(async () => {
    t = await startTestBot({
      now: '2026-03-03T10:00:00+08:00',
      tables: { ...TABLES, commands: [...TABLES.commands, probe] },
    });
  });
  afterAll(async () => t.close());
  afterEach(() => {
    behaviour = async () => {};
  });

  it('an unknown sender gets a polite 未登记 reply naming whom to ask', async () => {
    await t.say('stranger01', '帮助');
    const reply = t.lastTextTo('stranger01');
    expect(reply).toContain('尚未在政务大厅服务机器人中登记');
    expect(reply).toMatch(/大厅管理室（.+）/);
  });

  it('帮助 lists only the commands the sender may use, grouped', async () => {
    await t.say('lisi', '帮助');
    // The full command table no longer fits one 2000-byte message: the reply arrives as numbered parts.
    const staffHelp = t.textsTo('lisi').join('\n');
    expect(staffHelp).toContain('【常用】');
    expect(staffHelp).toContain('我是谁');
    expect(staffHelp).not.toContain('设置 修改'); // admin / hall_office only
    await t.say('zhao', '帮助');
    expect(t.textsTo('zhao').join('\n')).toContain('设置 修改');
  });

  it('帮助 <命令> shows usage and examples; not permitted says who may', async () => {
    await t.say('zhao', '帮助 设置 修改');
    expect(t.lastTextTo('zhao')).toMatch(/用法：设置 修改 <名称> <值>/);
    await t.say('lisi', '帮助 设置 修改');
    expect(t.lastTextTo('lisi')).toBe('你没有权限使用“设置 修改”（需要：系统管理员、大厅管理室）。');
  });

  it('帮助 投诉 lists the 投诉 family, one line each, only what the sender may run', async () => {
    await t.say('zhao', '帮助 投诉');
    const office = t.lastTextTo('zhao');
    expect(office).toMatch(/^【投诉】你可以使用的命令：/);
    expect(office).toContain('投诉 登记 — ');
    expect(office).toContain('投诉 归档 — ');
    expect(office.split('\n').filter((l) => l.startsWith('投诉 ')).length).toBeGreaterThanOrEqual(15);
    await t.say('lisi', '帮助 投诉');
    const staff = t.lastTextTo('lisi');
    expect(staff).toMatch(/^【投诉】/);
    expect(staff).not.toContain('投诉 归档');
    await t.say('zhao', '帮助 窗口');
    expect(t.lastTextTo('zhao')).toContain('窗口 状态 — ');
    await t.say('zhao', '帮助 导出');
    expect(t.lastTextTo('zhao')).toMatch(/用法：导出 <台账>/);
  });

  it('an unknown command suggests the nearest names', async () => {
    await t.say('lisi', '我是水');
    expect(t.lastTextTo('lisi')).toMatch(/没有“我是水”这个命令。你是不是要：.*我是谁/);
  });

  it('我是谁 shows name, department, window and roles (full-width input works)', async () => {
    await t.say('lisi', '我是谁');
    const r = t.lastTextTo('lisi');
    expect(r).toContain('李四');
    expect(r).toMatch(/部门：GA/);
    expect(r).toMatch(/窗口：12号窗/);
  });

  it('a handler that throws is retried, then parked as failed after 3 attempts, and the user told once', async () => {
    let calls = 0;
    behaviour = async () => {
      calls++;
      throw new Error('boom');
    };
    const before = t.textsTo('zhangsan').length;
    await t.say('zhangsan', '测试 探针');
    expect(calls).toBe(3);
    const row = await t.bot.deps.db.manager.findOneOrFail(InboxRow, {
      where: { userid: 'zhangsan' },
      order: { id: 'DESC' },
    });
    expect(row.status).toBe('failed');
    expect(row.error).toContain('boom');
    const texts = t.textsTo('zhangsan').slice(before);
    expect(texts).toEqual([`出错了，已记录（编号 ${row.errorRef}）`]);
    expect(texts[0]).not.toContain('boom'); // no stack to chat
  });

  it('a failure on the first attempt that succeeds on retry commits exactly once', async () => {
    let calls = 0;
    behaviour = async (ctx) => {
      calls++;
      await ctx.audit('test.write', 'test', 'retry', {});
      if (calls === 1) throw new Error('transient');
      await ctx.reply(`${ctx.actor.name}：完成`);
    };
    await t.say('zhangsan', '测试 探针');
    expect(calls).toBe(2);
    expect(await t.bot.deps.db.manager.count(AuditLog, { where: { action: 'test.write' } })).toBe(1);
    expect(t.lastTextTo('zhangsan')).toContain('张三');
  });

  it('a missing argument is named with an example, nothing written', async () => {
    await t.say('zhao', '设置 修改 calendar.endOfDay');
    expect(t.lastTextTo('zhao')).toMatch(/^缺少参数“值”/);
  });

  it('an unsupported message type gets the standard reply (D5)', async () => {
    await t.post({ type: 'event', from: 'lisi', event: 'LOCATION' } as never);
    const row = await t.bot.deps.db.manager.findOneOrFail(InboxRow, { where: { kind: 'event:LOCATION' } });
    expect(row.status).toBe('ignored');
  });

  it('a photo without an open attachment slot is not silently dropped (D6)', async () => {
    await t.post({ type: 'image', from: 'lisi', mediaId: 'MEDIA123' } as never);
    expect(t.lastTextTo('lisi')).toContain('未关联记录');
  });

  it('events are processed in order per user', async () => {
    const before = t.textsTo('lisi').length;
    for (const text of ['我是谁', '帮助 我是谁', '待办'])
      await t.deliver({ type: 'text', from: 'lisi', content: text } as never);
    await t.settle();
    const texts = t.textsTo('lisi').slice(before);
    expect(texts[0]).toContain('李四');
    expect(texts[1]).toContain('用法：我是谁');
    expect(texts[2]).toContain('待办');
  });

  it('D13 a request whose date check needs an unconfirmed year is refused and G-OFFICE alerted once', async () => {
    await t.say('wangwu', '窗口 关闭 13号窗 从=2027-03-05 到=2027-03-06 事由=业务培训');
    expect(t.lastTextTo('wangwu')).toContain('工作日历未配置（rule DIR-13）');
    await t.say('wangwu', '窗口 关闭 13号窗 从=2027-03-08 到=2027-03-09 事由=业务培训');
    const alerts = (await t.groupTexts('G-OFFICE')).filter((x) => x.includes('2027'));
    expect(alerts).toHaveLength(1);
  });
});
