import { afterEach, describe, expect, it } from 'vitest';
import { DeductionEvent } from '../../entities/deduction-event';
import { DeviceTask } from '../../entities/device-task';
import { HallWindow } from '../../entities/window';
import { SeasonalPlan } from '../../entities/seasonal-plan';
import { WindowChange } from '../../entities/window-change';
import { findLedger } from '../../src/kernel/ledger';
import { LEDGERS } from '../../src/tables';
import { startTestBot, type TestBot } from '../helpers/bot';
import { approvedClosure, spOf, staffOnTrip, win, stateAt } from '../helpers/windows';

// 窗口变更 (WIN-01, WIN-02 with device tasks), 季节窗口 (WIN-10 plan, reminders, reopening), ledgers (docs/commands.md).

let t: TestBot;
afterEach(async () => t?.close());

describe('窗口变更 (WIN-01, WIN-02)', () => {
  it('WIN-02 staff draft → 首席代表 → 大厅管理室 → 有关负责人; four device tasks; the registry changes only when the last is ticked', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    await t.say('linna', '窗口 变更 新增 窗口=25 起始=4月1日 业务=不动产抵押登记 设备=电子屏,评价器,叫号机');
    expect(t.lastTextTo('linna')).toBe('✅ BG2026-BDC-001 已提交，待首席代表 高峰 签字（新增 25号窗，2026-04-01起）');
    const sp = await spOf(t, 'BG2026-BDC-001');
    await t.click('gaofeng', `approve:${sp}`);
    await t.click('zhao', `approve:${sp}`);
    await t.click('chen', `approve:${sp}`);
    const m = t.bot.deps.db.manager;
    const tasks = await m.find(DeviceTask, { where: { subjectId: 'BG2026-BDC-001' }, order: { id: 'ASC' } });
    expect(tasks.map((x) => x.item)).toEqual(['窗口信息', '调屏', '评价器', '叫号机']);
    expect((await t.groupTexts('G-OFFICE')).at(-1)).toContain('RW2026-0004 叫号机信息（25号窗 新增）');
    for (const x of tasks.slice(0, 3)) await t.say('qian', `任务 完成 ${x.no}`);
    expect(t.lastTextTo('qian')).toBe('✅ RW2026-0003 完成；BG2026-BDC-001 还剩 1 项：RW2026-0004');
    expect(await m.findOneBy(HallWindow, { number: '25' })).toBeNull();
    await t.say('qian', '任务 列表');
    expect(t.lastTextTo('qian')).toBe('待完成设备任务 1 项\nRW2026-0004 叫号机信息（25号窗 新增）');
    await t.say('qian', '任务 完成 rw4');
    expect(t.lastTextTo('qian')).toBe('✅ RW2026-0004 完成；BG2026-BDC-001 设备任务全部完成，窗口信息已更新');
    expect(await win(t, '25')).toMatchObject({ departmentCode: 'BDC', status: '在用', name: '不动产抵押登记' });
    expect((await m.findOneByOrFail(WindowChange, { no: 'BG2026-BDC-001' })).status).toBe('done');
    await t.say('qian', '任务 完成 RW4');
    expect(t.lastTextTo('qian')).toMatch(/^RW2026-0004 已于 2026-03-03 完成/);
  });

  it('WIN-01 / OPEN #57: a change shorter than the year and than one year gets the SOFT hint; 调减 makes the window 备用', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    await t.say('gaofeng', '窗口 变更 调减 窗口=11 起始=4月1日 到=6月30日 业务=证书发放并入9号窗');
    expect(t.lastTextTo('gaofeng')).toBe(
      '⚠️ 提醒（rule WIN-01）：窗口变更指本年度或一年以上持续性需要变更的窗口，2026-04-01至2026-06-30 较短，建议按临时关闭办理（OPEN #57）。如确需继续，请补充 理由=…',
    );
    await t.say('gaofeng', '窗口 变更 调减 窗口=11 起始=4月1日 业务=证书发放并入9号窗');
    const sp = await spOf(t, 'BG2026-BDC-001');
    await t.click('zhao', `approve:${sp}`);
    await t.click('chen', `approve:${sp}`);
    for (const x of await t.bot.deps.db.manager.find(DeviceTask)) await t.say('zhao', `任务 完成 ${x.no}`);
    expect(await win(t, '11')).toMatchObject({ departmentCode: null, status: '备用' });
    await t.say('gaofeng', '窗口 变更 新增 窗口=12 起始=4月1日 业务=户籍');
    expect(t.lastTextTo('gaofeng')).toBe('12号窗正由 GA 使用（在用），不能新增为本部门窗口。');
  });
});

describe('季节窗口 (WIN-10)', () => {
  it('WIN-10 §19 #15 (000 调整管理 四 for lateness): 02-28 and 03-01 on time; 03-02 is a SOFT warning, accepted with 理由 and a WIN-13 deduction + 评优 card', async () => {
    t = await startTestBot({ now: '2025-02-28T10:00:00+08:00' });
    await t.say('liangbo', '季节窗口 计划 2025 窗口=14 时段=14号窗 4月1日-10月31日');
    expect(t.lastTextTo('liangbo')).toBe(
      '✅ SL 2025年季节窗口计划已备案\n计划文件可在10分钟内直接发送（照片或文件）。',
    );
    await t.bot.deps.db.manager.delete(SeasonalPlan, { departmentCode: 'SL' }); // the same plan, filed again on another day
    t.setNow('2025-03-01T20:00:00+08:00');
    await t.say('liangbo', '季节窗口 计划 2025 窗口=14 时段=14号窗 4月1日-10月31日');
    expect(t.lastTextTo('liangbo')).toMatch(/^✅ SL 2025年季节窗口计划已备案\n/);
    await t.bot.deps.db.manager.delete(SeasonalPlan, { departmentCode: 'SL' }); // the same plan, filed again on another day
    t.setNow('2025-03-02T10:00:00+08:00');
    await t.say('liangbo', '季节窗口 计划 2025 窗口=14 时段=14号窗 4月1日-10月31日');
    expect(t.lastTextTo('liangbo')).toBe(
      '⚠️ 提醒（rule WIN-10）：2025年季节窗口使用计划应于3月1日前备案，现已逾期，将记录扣分事件（rule WIN-13）。如确需继续，请补充 理由=…',
    );
    await t.say('liangbo', '季节窗口 计划 2025 窗口=14 时段=14号窗 4月1日-10月31日 理由=灌溉季安排刚确定');
    expect(t.lastTextTo('liangbo')).toMatch(/^✅ SL 2025年季节窗口计划已备案（逾期，已记录扣分事件 KF2025-0001）/);
    const kf = await t.bot.deps.db.manager.findOneByOrFail(DeductionEvent, { no: 'KF2025-0001' });
    expect(kf).toMatchObject({
      rule: 'WIN-13',
      departmentCode: 'SL',
      personUserid: 'liangbo',
      source: '季节计划SL-2025',
    });
    expect(t.cardsTo('zhao').at(-1)!.card!.main_title).toMatchObject({ title: '季节计划SL-2025：是否取消评优资格' });
  });

  it('WIN-10 reopening a seasonal window: needs the plan, ≥ 5 WD ahead; a late plan does not block it', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    await t.say('liangbo', '窗口 重启 14 日期=4月1日 类型=季节');
    expect(t.lastTextTo('liangbo')).toMatch(/^请先备案 2026 年季节窗口使用计划（rule WIN-10）/);
    await t.say('liangbo', '季节窗口 计划 2026 窗口=14 时段=4月1日-10月31日 理由=春节后才确定');
    await t.say('liangbo', '窗口 重启 14 日期=3月9日 类型=季节');
    expect(t.lastTextTo('liangbo')).toBe(
      '❌ 不符合规定（rule WIN-10；000 调整管理 二(三)）：重启须至少提前5个工作日申请，最早重启日期 2026-03-10。',
    );
    await t.say('liangbo', '窗口 重启 14 日期=3月10日');
    expect(t.lastTextTo('liangbo')).toBe('✅ GB2026-SL-001 已提交，送大厅管理室审核（14号窗 2026-03-10 季节重启）');
    const sp = await spOf(t, 'GB2026-SL-001');
    await t.click('zhao', `approve:${sp}`);
    await t.click('chen', `approve:${sp}`);
    expect((await win(t, '14')).status).toBe('季节性'); // D38: in use from 3/10, not at approval
    expect(await stateAt(t, '14', '2026-03-10')).toBe('在用');
  });

  it('WIN-10 / OPEN #29 reminders: 2026-02-02 (for 02-01) and 02-24 (for 02-20, 春节) to SL only; nothing twice; none once filed', async () => {
    t = await startTestBot({ now: '2026-02-02T09:00:00+08:00' });
    expect((await t.runJob('seasonal-plan-reminder', '2026-02-02T09:00:00+08:00')).status).toBe('ok');
    const reminder =
      '⏰ 请于3月1日前向大厅管理室备案 2026 年固定时间、季节性窗口使用计划（14号窗）：季节窗口 计划 2026 窗口=14 时段=…（rule WIN-10）';
    expect(t.lastTextTo('liangbo')).toBe(reminder);
    expect(await t.groupTexts('G-DEPT-SL')).toEqual([reminder]);
    expect(t.textsTo('wangwu')).toHaveLength(0);
    await t.runJob('seasonal-plan-reminder', '2026-02-03T09:00:00+08:00');
    expect(t.textsTo('liangbo')).toHaveLength(1);
    expect((await t.runJob('seasonal-plan-reminder', '2026-02-20T09:00:00+08:00')).status).toBe('non-workday');
    await t.runJob('seasonal-plan-reminder', '2026-02-24T09:00:00+08:00');
    expect(t.textsTo('liangbo')).toHaveLength(2);
    await t.say('liangbo', '季节窗口 计划 2026 窗口=14 时段=4月1日-10月31日');
    await t.runJob('seasonal-plan-reminder', '2026-02-25T09:00:00+08:00');
    expect(t.textsTo('liangbo').filter((x) => x.startsWith('⏰'))).toHaveLength(2);
  });
});

describe('台账 (docs/commands.md)', () => {
  it('窗口变更及临时关闭台账 and 业务高峰及停办备案台账 list the records with reviewers and device tasks; phones masked unless unmasked', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    await staffOnTrip(t, ['13'], '3月5日', '3月6日'); // the closure's WIN-03 ground (D212)
    await approvedClosure(t, 'wangwu', '13号窗 从=3月5日 到=3月6日 事由=张三参加市局业务培训');
    await t.say(
      'huangyan',
      '停办 备案 窗口=5 从=3月16日 到=3月16日 事由=社保系统升级 文号=鄂社保发〔2026〕8号 咨询=吴静 13900000021,周平 13900000022 联系人=黄燕 联系电话=13900000020 预案=引导网上办理',
    );
    const range = { from: '2026-01-01', to: '2026-12-31' };
    const [w] = await findLedger(LEDGERS, '窗口变更及临时关闭台账')!.build(t.bot.deps.db, range, { unmasked: true });
    expect(w.rows).toEqual([
      expect.objectContaining({
        no: 'GB2026-GA-001',
        type: '关闭',
        from: '2026-03-05',
        to: '2026-03-06',
        reviewers: '大厅管理室审核:赵敏；有关负责人签字:陈主任',
        tasks: 'RW2026-0001 电子信息',
      }),
    ]);
    const [s] = await findLedger(LEDGERS, '停办台账')!.build(t.bot.deps.db, range, { unmasked: false });
    expect(s.rows[0]).toMatchObject({
      no: 'TB2026-SB-001',
      consultants: '吴静 139****0021；周平 139****0022',
      reason: '社保系统升级（鄂社保发〔2026〕8号）',
    });
  });
});
