import { afterEach, describe, expect, it } from 'vitest';
import { DeviceTask } from '../../entities/device-task';
import { HallWindow } from '../../entities/window';
import { WindowStateRecords1790000000032 } from '../../src/migrations/0032-window-state-records';
import { startTestBot, type TestBot } from '../helpers/bot';
import { MEASURES, addWindows, approvedClosure, spOf, staffOnTrip, win } from '../helpers/windows';

// D38 (000_c8ed09c118362bcb.txt 调整管理 二(二)1, 2): a window's state on a date follows the approved closure
// periods and the reopen records, never a status stored at approval; the WIN-04 cap counts the department's own
// windows (在用, 临时关闭, 季节性 — not 备用); a seasonal window goes back to 季节性 after its plan's season.
// The staff of a closed window file their 出差 first: that QJ is the closure's WIN-03 ground (D212).

let t: TestBot;
afterEach(async () => t?.close());

const LATER = '13号窗 从=3月20日 到=3月23日 事由=张三参加市局业务培训';

describe('window state on a date (D38)', () => {
  it('WIN-04(2) an earlier closure of the second same-type window is accepted while the first is approved for a later period', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    await staffOnTrip(t, ['13'], '3月20日', '3月23日');
    await staffOnTrip(t, ['12'], '3月10日', '3月11日');
    await approvedClosure(t, 'wangwu', LATER);
    await t.say('wangwu', `窗口 关闭 12号窗 从=3月10日 到=3月11日 事由=李四休年假 ${MEASURES}`);
    expect(t.lastTextTo('wangwu')).toMatch(/^✅ GB2026-GA-002 已提交，送大厅管理室审核/);
    // …but not for days the first one is closed.
    await t.say('wangwu', `窗口 关闭 12号窗 从=3月23日 到=3月24日 事由=李四休年假 ${MEASURES}`);
    expect(t.lastTextTo('wangwu')).toMatch(/rule WIN-04/);
  });

  it('WIN-05 the status text before, during and after a closure is the same in 窗口 状态, 窗口 查看 and 窗口 列表', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    await staffOnTrip(t, ['13'], '3月20日', '3月23日');
    const gb = await approvedClosure(t, 'wangwu', LATER);
    const texts = async (state: string) => {
      await t.say('lisi', '窗口 状态 13');
      expect(t.lastTextTo('lisi')).toBe(`13号窗 GA ${state}${state === '在用' ? '' : `｜${gb}`}`);
      await t.say('lisi', '窗口 查看 13');
      expect(t.lastTextTo('lisi')).toContain(`\n状态：${state}\n`);
      await t.say('lisi', '窗口 列表 部门=GA');
      expect(t.lastTextTo('lisi')).toContain(`13号窗 出入境·车驾管｜GA｜${state}`);
    };
    await texts('在用（3/20–3/23 临时关闭）');
    expect((await win(t, '13')).status).toBe('在用'); // nothing stored at approval
    // The RW 电子信息 task is due on the closure's first day, not at approval.
    const task = await t.bot.deps.db.manager.findOneByOrFail(DeviceTask, { subjectId: gb });
    expect(task.dueOn).toBe('2026-03-20');
    expect((await t.groupTexts('G-OFFICE')).join()).toContain(
      '设备任务 RW2026-0001 调屏/评价器/叫号机（13号窗 临时关闭，3/20 办理）',
    );
    t.setNow('2026-03-20T08:00:00+08:00');
    await texts('临时关闭 至3/23');
    t.setNow('2026-03-24T08:00:00+08:00');
    await texts('在用');
  });

  it('WIN-04(4) the cap counts a seasonal window: ZH with 9 在用 + 1 季节性 (24 备用 not counted) may close two at once', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    await addWindows(t, 'ZH', ['25']);
    await t.bot.deps.db.manager.update('window', { number: '25' }, { status: '季节性' });
    const day = (w: string) => `${w}号窗 从=3月5日 到=3月6日 事由=工作人员参加培训`;
    await staffOnTrip(t, ['15', '16'], '3月5日', '3月6日');
    await approvedClosure(t, 'zhengli', day('15'));
    await t.say('zhengli', `窗口 关闭 ${day('16')} ${MEASURES}`);
    expect(t.lastTextTo('zhengli')).toMatch(/^✅ GB2026-ZH-002 已提交.*（ZH 共10个窗口，上限2，已用1）/);
    const sp = await spOf(t, 'GB2026-ZH-002');
    await t.click('zhao', `approve:${sp}`);
    await t.click('chen', `approve:${sp}`);
    await t.say('zhengli', `窗口 关闭 ${day('17')} ${MEASURES}`);
    expect(t.lastTextTo('zhengli')).toMatch(
      /本部门共10个窗口（15、16、17、18、19、20、21、22、23、25号窗；备用不计：24号窗），最多同时临时关闭2个/,
    );
  });

  it('WIN-10 a seasonal window is back to 季节性 after its plan’s season, and 大厅管理室 is told once', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    await t.say('liangbo', '季节窗口 计划 2026 窗口=14 时段=14号窗 3月10日-4月30日 理由=灌溉季提前');
    await t.say('liangbo', '窗口 重启 14 日期=3月10日');
    const gb = 'GB2026-SL-001';
    const sp = await spOf(t, gb);
    await t.click('zhao', `approve:${sp}`);
    await t.click('chen', `approve:${sp}`);
    await t.say('lisi', '窗口 状态 14');
    expect(t.lastTextTo('lisi')).toBe(`14号窗 SL 季节性（3/10–4/30 在用）｜${gb}`);
    expect((await win(t, '14')).status).toBe('季节性');
    await t.say('liangbo', '窗口 重启 14 日期=3月12日');
    expect(t.lastTextTo('liangbo')).toBe(`14号窗 已批准自 2026-03-10 起重启（${gb}），无需再次申请。`);
    await t.runJob('filing-watch', '2026-03-10T09:00:00+08:00');
    expect((await win(t, '14')).status).toBe('在用');
    t.setNow('2026-03-10T10:00:00+08:00');
    await t.say('lisi', '窗口 状态 14');
    expect(t.lastTextTo('lisi')).toBe(`14号窗 SL 在用（至4/30，季节性）｜${gb}`);
    // 5/1–5/5 is the 劳动节 holiday: on 5/2 the state is already 季节性, before any job has run.
    t.setNow('2026-05-02T10:00:00+08:00');
    await t.say('lisi', '窗口 状态 14');
    expect(t.lastTextTo('lisi')).toBe('14号窗 SL 季节性');
    await t.runJob('filing-watch', '2026-05-06T09:00:00+08:00');
    expect((await win(t, '14')).status).toBe('季节性');
    const told = `14号窗 季节性使用期已于 4/30 结束，恢复为季节性窗口（${gb}，rule WIN-10）。`;
    expect(await t.groupTexts('G-OFFICE')).toContain(told);
    await t.runJob('filing-watch', '2026-05-07T09:00:00+08:00');
    expect((await t.groupTexts('G-OFFICE')).filter((x) => x === told)).toHaveLength(1);
  });

  it('WIN-06 a 临时关闭 an earlier version stored at approval is cleared by migration 0032; the period decides', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    await staffOnTrip(t, ['13'], '3月20日', '3月23日');
    const gb = await approvedClosure(t, 'wangwu', LATER);
    const m = t.bot.deps.db.manager;
    await m.update(HallWindow, { number: '13' }, { status: '临时关闭', statusUntil: '2026-03-23' }); // as wave 1 did
    await m.update(HallWindow, { number: '5' }, { status: '临时关闭', statusUntil: '2026-03-06' }); // typed, no record
    const qr = t.bot.deps.db.ds.createQueryRunner();
    await new WindowStateRecords1790000000032().up(qr);
    await qr.release();
    expect((await win(t, '13')).status).toBe('在用');
    expect((await win(t, '5')).status).toBe('临时关闭');
    await t.say('lisi', '窗口 状态 13');
    expect(t.lastTextTo('lisi')).toBe(`13号窗 GA 在用（3/20–3/23 临时关闭）｜${gb}`);
  });
});
