import { afterEach, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../helpers/bot';
import { MEASURES, spOf, staffOnTrip } from '../helpers/windows';
import { register } from './complaints-helpers';

// 记录 历史 (REC-02, D18) through signed callbacks: every record prefix shares one append-only history.

let t: TestBot;
afterEach(async () => t?.close());

describe('记录 历史 (REC-02)', () => {
  it('REC-02 a closure signed by the 首席代表 through a delegate, then 大厅管理室 and 有关负责人: created, each approval step (代 for the delegate) in time order', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    await t.say('wangwu', '代理 设置 李四 从=今天 到=3月6日');
    await staffOnTrip(t, ['13'], '3月5日'); // the closure's WIN-03 ground (D212)
    await t.say('zhangsan', `窗口 关闭 13号窗 从=3月5日 到=3月5日 事由=张三参加市局业务培训 ${MEASURES}`);
    const sp = await spOf(t, 'GB2026-GA-001');
    t.setNow('2026-03-03T10:05:00+08:00');
    await t.click('lisi', `approve:${sp}`);
    t.setNow('2026-03-03T10:10:00+08:00');
    await t.click('zhao', `approve:${sp}`);
    t.setNow('2026-03-03T10:20:00+08:00');
    await t.click('chen', `approve:${sp}`);

    await t.say('zhao', '记录 历史 gb2026-ga-1');
    const text = t.lastTextTo('zhao');
    const lines = text.split('\n');
    expect(lines[0]).toBe('GB2026-GA-001 窗口临时关闭 全过程记录（只增不改）');
    const body = lines.slice(1).join('\n');
    expect(body).toMatch(/03-03 10:00 张三 提交/);
    expect(body).toContain(`03-03 10:05 ${sp} 李四（代 王五） 同意`);
    expect(body).toContain(`03-03 10:10 ${sp} 赵敏 同意`);
    expect(body).toContain(`03-03 10:20 ${sp} 陈主任 同意`);
    expect(body).toMatch(/03-03 10:20 .*批准/);
    const at = (s: string) => lines.findIndex((l) => l.includes(s));
    expect(at('张三 提交')).toBeLessThan(at('李四（代 王五）'));
    expect(at('李四（代 王五）')).toBeLessThan(at('赵敏 同意'));
    expect(at('赵敏 同意')).toBeLessThan(at('陈主任 同意'));

    // The approval is a record of its own (SP): its steps with their labels; the filer reads it too.
    await t.say('zhangsan', `记录 历史 ${sp.replace(/^SP2026-0*/, 'SP')}`);
    const spText = t.lastTextTo('zhangsan');
    expect(spText).toMatch(new RegExp(`^${sp} 审批 全过程记录`));
    expect(spText).toContain('03-03 10:10 赵敏 同意 大厅管理室审核');
  });

  it('REC-02 投诉 历史 is an alias of 记录 历史 (same lines, short or full number)', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    const no = await register(t);
    await t.say('zhao', `投诉 历史 ${no}`);
    const alias = t.lastTextTo('zhao');
    await t.say('zhao', `记录 历史 ${no.replace(/^TS2026-0*/, 'TS')}`);
    expect(t.lastTextTo('zhao')).toBe(alias);
    expect(alias).toMatch(/^TS2026-0001 投诉 全过程记录（只增不改）\n.*赵敏 登记/);
  });

  it('REC-02 a number that does not exist gets the nearest stored numbers; nothing is written', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    await register(t);
    await register(t);
    await t.say('zhao', '记录 历史 TS2026-0011');
    expect(t.lastTextTo('zhao')).toBe('没有 TS2026-0011。你是不是要：TS2026-0001 / TS2026-0002？');
    await t.say('zhao', '记录 历史 XYZ9');
    expect(t.lastTextTo('zhao')).toMatch(/^没有 XYZ9。编号形如 /);
  });

  it('REC-02 D18: free text in the history is masked for a 首席代表 and shown in full to 大厅管理室', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    await t.say('zhao', '巡查 开始 类型=日常 区域=前台 楼层=1');
    await t.say('zhao', '巡查 发现 窗口=12 人=@李四 项=3 说明=空岗');
    const wt = /WT\d{4}-\d{4}/.exec(t.lastTextTo('zhao'))![0];
    await t.say('zhao', `记录 更正 ${wt} 问题=空岗 群众来电13912345678反映 原因=补记来电`);
    await t.say('wangwu', `记录 历史 ${wt}`);
    expect(t.lastTextTo('wangwu')).toContain('新值 空岗 群众来电139****5678反映');
    expect(t.lastTextTo('wangwu')).not.toContain('13912345678');
    await t.say('zhao', `记录 历史 ${wt}`);
    expect(t.lastTextTo('zhao')).toContain('新值 空岗 群众来电13912345678反映');
    expect(t.lastTextTo('zhao')).toContain('期限开始 异议期限｜期限 2026-03-05');
    await t.say('gaofeng', `记录 历史 ${wt}`);
    expect(t.lastTextTo('gaofeng')).toBe(`你不能查看 ${wt}（只限本部门和大厅管理室）。`);
  });
});
