import { afterEach, describe, expect, it } from 'vitest';
import { type TestBot, startTestBot } from '../helpers/bot';
import { approved, ask, leave } from './leave-helpers';

// 请假 列表 / 请假 查看 and the QJ record (ATT-05/06, REC-02, REC-06): who sees which leave.

let t: TestBot;
afterEach(async () => {
  await t.close();
});

describe('ATT-05 请假 列表 / 查看', () => {
  it('ATT-05 staff see their own; the 首席代表 sees the department; another department is refused', async () => {
    t = await startTestBot({ now: '2026-03-02T10:00:00+08:00' });
    const a = await approved(t, 'zhangsan', '请假 申请 事假 从=3月4日 原因=家中有事', 'lisi');
    const b = await ask(t, 'lisi', '出差 申请 从=3月5日 到=3月6日 事由=市局业务培训');
    await t.say('zhangsan', '请假 列表');
    expect(t.lastTextTo('zhangsan')).toContain('2026-03 我的请假 1 条');
    expect(t.lastTextTo('zhangsan')).toContain('QJ1 张三 事假 3/4（1个工作日） 已批准');
    await t.say('wangwu', '请假 列表 3月');
    expect(t.lastTextTo('wangwu')).toContain('2026-03 GA 请假 2 条');
    expect(t.lastTextTo('wangwu')).toContain('QJ2 李四 出差 3/5–3/6（2个工作日） 审批中');
    await t.say('zhangsan', `请假 查看 ${b}`);
    expect(t.lastTextTo('zhangsan')).toContain(`无权查看 ${b}`);
    await t.say('huangyan', '请假 查看 QJ1');
    expect(t.lastTextTo('huangyan')).toContain(`无权查看 ${a}`);
    await t.say('zhao', '请假 查看 QJ1');
    const view = t.lastTextTo('zhao');
    expect(view).toContain(`${a} 张三（GA 13号窗）`);
    expect(view).toContain('事假 3/4（1个工作日）｜已批准');
    expect(view).toContain('审批：窗口负责人 李四（SP2026-00001）');
    expect(view).toContain('顶岗：B岗 李四（在岗）');
  });

  it('REC-02 记录 历史 QJ shows the request, the decision and the 销假; REC-06 a decided request is not corrected', async () => {
    t = await startTestBot({ now: '2026-03-02T10:00:00+08:00' });
    await t.say('zhangsan', '请假 事假 从=3月4日 原因=家中有事');
    await t.click('lisi', 'approve:SP2026-00001');
    t.setNow('2026-03-05T08:20:00+08:00');
    await t.say('zhangsan', '销假');
    await t.say('zhao', '记录 历史 QJ1');
    expect(t.lastTextTo('zhao')).toBe(
      [
        'QJ2026-0001 请假 全过程记录（只增不改）',
        '03-02 10:00 张三 申请',
        '03-02 10:00 SP2026-00001 张三 送审批',
        '03-02 10:00 SP2026-00001 李四 同意 窗口负责人审批',
        '03-02 10:00 李四 批准',
        '03-05 08:20 张三 销假',
      ].join('\n'),
    );
    await t.say('zhao', '记录 更正 QJ1 原因=个人事务 说明=笔误');
    expect(t.lastTextTo('zhao')).toContain('QJ2026-0001 请假已审批，是留存的证据，不能更正');
  });

  it('ATT-05 D151 a guide (no department) asks 大厅管理室; a pending request 撤销 withdraws its card', async () => {
    t = await startTestBot({ now: '2026-03-02T10:00:00+08:00' });
    const no = await ask(t, 'xiaogao', '请假 事假 从=3月4日');
    expect(t.lastTextTo('xiaogao')).toContain('待 大厅管理室 审批');
    expect(t.cardsTo('zhao')).toHaveLength(1);
    expect(t.cardsTo('qian')).toHaveLength(1);
    await t.say('xiaoma', `请假 撤销 ${no}`);
    expect(t.lastTextTo('xiaoma')).toContain('不是您的请假');
    await t.say('xiaogao', `请假 撤销 ${no}`);
    expect(t.textsTo('xiaogao').slice(-2)).toEqual([
      '✅ SP2026-00001 已撤回',
      `✅ ${no} 小高 事假 3/4（1个工作日） 已撤销。`,
    ]);
    expect((await leave(t, no)).status).toBe('cancelled');
    await t.say('xiaogao', `请假 撤销 ${no}`);
    expect(t.lastTextTo('xiaogao')).toBe(`${no} 已撤销。`);
  });
});
