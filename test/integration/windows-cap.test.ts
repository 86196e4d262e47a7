import { afterEach, describe, expect, it } from 'vitest';
import { ApprovalStep } from '../../entities/approval-step';
import { Approval } from '../../entities/approval';
import { startTestBot, type TestBot } from '../helpers/bot';
import { MEASURES, addWindows, approvedClosure, closure, spOf, staffOnTrip, stateAt } from '../helpers/windows';

// rule WIN-04(4) (000 调整管理 二(二)1(4)): closed windows ≤ 1/5 of the department's windows, ≤ 1 with 4 or fewer;
// "原则上" override only by 中心领导 with a reason, only above 4 windows (OPEN #28). End to end per branch.
// The staff of the windows closed file their 出差 first: that QJ is the closure's WIN-03 ground (D212).

let t: TestBot;
afterEach(async () => t?.close());

const day = (w: string, extra = '') => `${w}号窗 从=3月5日 到=3月6日 事由=工作人员参加培训 ${extra}`;

describe('WIN-04 closure cap', () => {
  it('WIN-04 §19 #13: SB has 4 windows, one already closed — a second overlapping closure is refused, and 超限理由 does not apply', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    await staffOnTrip(t, ['5', '6'], '3月5日', '3月9日');
    await approvedClosure(t, 'huangyan', day('5'));
    await t.say('huangyan', `窗口 关闭 ${day('6', MEASURES)}`);
    expect(t.lastTextTo('huangyan')).toBe(
      '❌ 不符合规定（rule WIN-04；000 调整管理 二(二)1(4)）：本部门共4个窗口（5、6、7、8号窗），最多同时临时关闭1个，该期间已关闭或申请中：5号窗 3/5–3/6（GB2026-SB-001）。4个窗口以内临时关闭窗口不得超过1个。',
    );
    await t.say('huangyan', `窗口 关闭 ${day('6', MEASURES)} 超限理由=人员紧张`);
    expect(t.lastTextTo('huangyan')).toMatch(/rule WIN-04.*4个窗口以内临时关闭窗口不得超过1个。$/);
    // Another period does not count against the cap.
    await t.say('huangyan', `窗口 关闭 6号窗 从=3月9日 到=3月9日 事由=周平休年假 ${MEASURES}`);
    expect(t.lastTextTo('huangyan')).toMatch(
      /^✅ GB2026-SB-002 已提交，送大厅管理室审核（SB 共4个窗口，上限1，已用0）/,
    );
  });

  it('WIN-04 n = 5: cap 1; with 超限理由 the request goes on with an extra 中心领导 step (OPEN #28) and is granted there', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    await staffOnTrip(t, ['5', '6'], '3月5日', '3月6日');
    await addWindows(t, 'SB', ['25']);
    await approvedClosure(t, 'huangyan', day('5'));
    await t.say('huangyan', `窗口 关闭 ${day('6', MEASURES)}`);
    expect(t.lastTextTo('huangyan')).toMatch(
      /本部门共5个窗口（5、6、7、8、25号窗），最多同时临时关闭1个.*如确需超限，请补充 超限理由=…/,
    );
    await t.say('huangyan', `窗口 关闭 ${day('6', MEASURES)} 超限理由=社保系统升级期间两人外派`);
    expect(t.lastTextTo('huangyan')).toContain('⚠️ 超出1/5上限，已附理由送中心领导（OPEN #28）');
    const sp = await spOf(t, 'GB2026-SB-002');
    const a = await t.bot.deps.db.manager.findOneOrFail(Approval, { where: { no: sp } });
    const steps = await t.bot.deps.db.manager.find(ApprovalStep, {
      where: { approvalId: a.id },
      order: { idx: 'ASC' },
    });
    expect(steps.map((s) => s.label)).toEqual(['大厅管理室审核', '有关负责人签字', '中心领导批准超限']);
    await t.click('zhao', `approve:${sp}`);
    await t.click('chen', `approve:${sp}`);
    expect((await closure(t, 'GB2026-SB-002')).status).toBe('pending');
    await t.click('sun', `approve:${sp}`);
    expect((await closure(t, 'GB2026-SB-002')).status).toBe('approved');
    expect(await stateAt(t, '6', '2026-03-05')).toBe('临时关闭');
  });

  it('OPEN #28 setting window.capOverride=不允许: the 1/5 cap then admits no override at all', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    await staffOnTrip(t, ['5'], '3月5日', '3月6日');
    await addWindows(t, 'SB', ['25']);
    await t.say('zhao', '设置 修改 window.capOverride 不允许 说明=大厅管理室确认不允许超限');
    await approvedClosure(t, 'huangyan', day('5'));
    await t.say('huangyan', `窗口 关闭 ${day('6', MEASURES)} 超限理由=两人外派`);
    expect(t.lastTextTo('huangyan')).toBe(
      '❌ 不符合规定（rule WIN-04；000 调整管理 二(二)1(4)）：本部门共5个窗口（5、6、7、8、25号窗），最多同时临时关闭1个，该期间已关闭或申请中：5号窗 3/5–3/6（GB2026-SB-001）。',
    );
  });

  it('WIN-04 n = 9: ZH (24 is 备用, not counted) may close one window at a time', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    await staffOnTrip(t, ['15'], '3月5日', '3月6日');
    await approvedClosure(t, 'zhengli', day('15'));
    await t.say('zhengli', `窗口 关闭 ${day('16', MEASURES)}`);
    expect(t.lastTextTo('zhengli')).toMatch(
      /本部门共9个窗口（15、16、17、18、19、20、21、22、23号窗；备用不计：24号窗），最多同时临时关闭1个/,
    );
  });

  it('WIN-04 n = 10: with 24 back in use ZH may close two at once, not three', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    await staffOnTrip(t, ['15', '16'], '3月5日', '3月6日');
    await t.say('zhao', '窗口 状态 24 在用 原因=备用窗口启用');
    await approvedClosure(t, 'zhengli', day('15'));
    await approvedClosure(t, 'zhengli', day('16'));
    expect([await stateAt(t, '15', '2026-03-05'), await stateAt(t, '16', '2026-03-06')]).toEqual([
      '临时关闭',
      '临时关闭',
    ]);
    await t.say('zhengli', `窗口 关闭 ${day('17', MEASURES)}`);
    expect(t.lastTextTo('zhengli')).toMatch(
      /本部门共10个窗口（15、16、17、18、19、20、21、22、23、24号窗），最多同时临时关闭2个.*15号窗 3\/5–3\/6（GB2026-ZH-001）；16号窗 3\/5–3\/6（GB2026-ZH-002）/,
    );
    await t.say('lisi', '窗口 关闭 列表 部门=ZH');
    expect(t.lastTextTo('lisi')).toBe(
      '临时关闭 2 项\nGB2026-ZH-001 15号窗 3/5–3/6 已批准｜ZH 已用2/2\nGB2026-ZH-002 16号窗 3/5–3/6 已批准｜ZH 已用2/2',
    );
  });

  it('WIN-04 is re-checked at later clicks: when the count drops to 9 while two are pending, the second approval is refused', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    await staffOnTrip(t, ['15', '16'], '3月5日', '3月6日');
    await t.say('zhao', '窗口 状态 24 在用 原因=备用窗口启用');
    await t.say('zhengli', `窗口 关闭 ${day('15', MEASURES)}`);
    await t.say('zhengli', `窗口 关闭 ${day('16', MEASURES)}`);
    expect(t.lastTextTo('zhengli')).toMatch(/^✅ GB2026-ZH-002 已提交.*上限2，已用1/);
    await t.say('zhao', '窗口 状态 24 备用 原因=设备故障');
    const [sp1, sp2] = [await spOf(t, 'GB2026-ZH-001'), await spOf(t, 'GB2026-ZH-002')];
    await t.click('zhao', `approve:${sp1}`);
    await t.click('chen', `approve:${sp1}`);
    await t.click('zhao', `approve:${sp2}`);
    expect(t.lastTextTo('zhao')).toMatch(
      /^❌ 不符合规定（rule WIN-04.*本部门共9个窗口（.*；备用不计：24号窗），最多同时临时关闭1个/,
    );
    expect((await closure(t, 'GB2026-ZH-002')).status).toBe('pending');
  });
});
