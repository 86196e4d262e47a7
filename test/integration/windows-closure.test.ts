import { afterEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../../entities/audit-log';
import { DeductionEvent } from '../../entities/deduction-event';
import { DeviceTask } from '../../entities/device-task';
import { Person } from '../../entities/person';
import { WindowClosure } from '../../entities/window-closure';
import { startTestBot, type TestBot } from '../helpers/bot';
import { MEASURES, closure, onTrip, spOf, win, stateAt } from '../helpers/windows';
import { openForm, submitForm } from '../helpers/h5';

// 窗口临时关闭 (the rulebook's §6 (docs/rules.md) WIN-03…WIN-06, WIN-12; docs/commands.md; D28) through signed callbacks and card clicks.
// The ground of a closure is a QJ of the window's staff (WIN-03, D212): tests about other rules file 张三's 出差 first.

let t: TestBot;
afterEach(async () => t?.close());

const FILE = '窗口 关闭 13号窗 从=3月5日 到=3月6日 事由=张三参加市局业务培训';

describe('窗口 关闭 — notice (WIN-05)', () => {
  it('WIN-05 refuses a closure from today and names the earliest allowed date (docs/commands.md #10)', async () => {
    t = await startTestBot({ now: '2026-03-03T11:05:00+08:00' });
    await t.say('wangwu', '窗口 关闭 13号窗 从=今天 到=3月6日 事由=张三参加市局业务培训');
    expect(t.lastTextTo('wangwu')).toBe(
      '❌ 不符合规定（rule WIN-05；000 调整管理 二(二)2(1)）：窗口临时关闭须至少提前1个工作日申请，最早可关闭日期 2026-03-04。',
    );
    expect(await t.bot.deps.db.manager.count(WindowClosure)).toBe(0);
  });

  it('WIN-05 across a weekend: Friday 16:00 for Monday is filed; Saturday for Monday is refused (earliest Tuesday)', async () => {
    t = await startTestBot({ now: '2026-03-06T16:00:00+08:00' });
    await onTrip(t, 'zhangsan', '3月9日', '3月10日');
    await t.say('wangwu', `窗口 关闭 13号窗 从=3月9日 到=3月9日 事由=张三出差 ${MEASURES}`);
    expect(t.lastTextTo('wangwu')).toMatch(/^✅ GB2026-GA-001 已提交，送大厅管理室审核/);
    t.setNow('2026-03-07T10:00:00+08:00');
    await t.say('wangwu', `窗口 关闭 13号窗 从=3月9日 到=3月10日 事由=张三出差 ${MEASURES}`);
    expect(t.lastTextTo('wangwu')).toMatch(/rule WIN-05.*最早可关闭日期 2026-03-10。/);
  });

  it('WIN-05 across 国庆 2025: 9-30 10:00 for 10-09 is filed; 9-30 17:45 is refused (earliest 10-10); the 调休 Saturday 10-11 counts as a WD', async () => {
    t = await startTestBot({ now: '2025-09-30T10:00:00+08:00' });
    await onTrip(t, 'zhangsan', '2025-10-09');
    await t.say('wangwu', `窗口 关闭 13号窗 从=2025-10-09 到=2025-10-09 事由=张三休年假 ${MEASURES}`);
    expect(t.lastTextTo('wangwu')).toMatch(/^✅ GB2025-GA-001 已提交/);
    t.setNow('2025-09-30T17:45:00+08:00');
    await t.say('wangwu', `窗口 关闭 12号窗 从=2025-10-09 到=2025-10-09 事由=李四休年假 ${MEASURES}`);
    expect(t.lastTextTo('wangwu')).toMatch(/rule WIN-05.*最早可关闭日期 2025-10-10。/);
    t.setNow('2025-10-11T10:00:00+08:00');
    await onTrip(t, 'lisi', '2025-10-13');
    await t.say('wangwu', `窗口 关闭 12号窗 从=2025-10-13 到=2025-10-13 事由=李四休年假 ${MEASURES}`);
    expect(t.lastTextTo('wangwu')).toMatch(/^✅ GB2025-GA-002 已提交/);
  });
});

describe('窗口 关闭 — D28 draft, chain and approval (WIN-05, WIN-06, D20)', () => {
  it('D28 incomplete 保障措施 → draft naming the missing ones with the H5 link; 编号= completes it; 大厅管理室 → 有关负责人 → 临时关闭 with end date', async () => {
    t = await startTestBot({ now: '2026-03-03T11:08:00+08:00' });
    await onTrip(t, 'zhangsan', '3月5日', '3月6日');
    await t.say('wangwu', FILE);
    const draft = t.lastTextTo('wangwu');
    expect(draft).toMatch(
      /^📝 GB2026-GA-001 已保存草稿，缺少：联络人、联络电话、咨询人员、咨询电话、宣传告知、高峰应对、不限号/,
    );
    expect(decodeURIComponent(draft)).toContain('/h5/forms/window-closure');
    expect((await closure(t, 'GB2026-GA-001')).status).toBe('draft');
    expect(t.cardsTo('zhao')).toHaveLength(0); // nobody signs a draft

    await t.say('wangwu', `窗口 关闭 编号=GB2026-GA-001 ${MEASURES}`);
    expect(t.lastTextTo('wangwu')).toMatch(/^✅ GB2026-GA-001 已提交，送大厅管理室审核（GA 共2个窗口，上限1，已用0）/);
    const sp = await spOf(t, 'GB2026-GA-001');
    const card = t.cardsTo('zhao').at(-1)!.card as { horizontal_content_list: { keyname: string; value: string }[] };
    expect(card.horizontal_content_list).toContainEqual({ keyname: '上限', value: 'GA 2个窗口，上限1，已用0' });
    expect(t.cardsTo('zhao').at(-1)?.taskId).toBeTruthy();
    expect(t.cardsTo('qian').at(-1)?.taskId).toBe(t.cardsTo('zhao').at(-1)?.taskId); // any 大厅管理室 member, one card

    await t.click('zhao', `approve:${sp}`);
    expect(t.lastTextTo('zhao')).toBe(`✅ ${sp} 已同意，送有关负责人签字（陈主任）`);
    expect(t.cardsTo('sun')).toHaveLength(0); // D20: the leader flagged 有关负责人
    await t.click('chen', `approve:${sp}`);
    expect((await win(t, '13')).status).toBe('在用'); // D38: nothing stored at approval
    expect([await stateAt(t, '13', '2026-03-04'), await stateAt(t, '13', '2026-03-06')]).toEqual(['在用', '临时关闭']);
    expect((await closure(t, 'GB2026-GA-001')).status).toBe('approved');
    const approved = '✅ GB2026-GA-001 已批准：13号窗 3/5–3/6 临时关闭，业务由12号窗办理';
    expect(t.textsTo('wangwu')).toContain(approved);
    expect(await t.groupTexts('G-DEPT-GA')).toContain(approved);
    expect((await t.groupTexts('G-GUIDE')).join()).toContain(approved);
    expect((await t.groupTexts('G-OFFICE')).join()).toContain(
      '设备任务 RW2026-0001 调屏/评价器/叫号机（13号窗 临时关闭，3/5 办理）',
    );
    await t.say('zhao', '任务 完成 RW1');
    expect(t.lastTextTo('zhao')).toBe('✅ RW2026-0001 完成；13号窗 状态=在用（3/5–3/6 临时关闭）');
    await t.say('lisi', '窗口 状态 13');
    expect(t.lastTextTo('lisi')).toBe('13号窗 GA 在用（3/5–3/6 临时关闭）｜GB2026-GA-001');
  });

  it('WIN-05 (000 调整管理 二(二)2(1) 经首席代表签字): a staff draft needs the 首席代表 signature; the 1-WD notice is checked when the signed form reaches 大厅管理室, not at later clicks', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    await onTrip(t, 'zhangsan', '3月4日', '3月5日');
    await t.say('zhangsan', `窗口 关闭 13号窗 从=3月4日 到=3月4日 事由=张三参加市局业务培训 ${MEASURES}`);
    expect(t.lastTextTo('zhangsan')).toBe(
      '✅ GB2026-GA-001 已提交，待首席代表 王五 签字（GA 共2个窗口，上限1，已用0）\n证明材料：请在10分钟内直接发送照片或文件。',
    );
    const sp = await spOf(t, 'GB2026-GA-001');
    expect(t.cardsTo('zhao')).toHaveLength(0);
    // 王五 signs only the next morning: the form reaches 大厅管理室 too late for 3/4.
    t.setNow('2026-03-04T08:40:00+08:00');
    await t.click('wangwu', `approve:${sp}`);
    expect(t.lastTextTo('wangwu')).toMatch(/rule WIN-05.*最早可关闭日期 2026-03-05。/);
    expect((await closure(t, 'GB2026-GA-001')).filedAt).toBeNull();

    // A second request, signed the same day for the next day, counts as filed then; later clicks do not re-check the date.
    await t.say('zhangsan', `窗口 关闭 13号窗 从=3月5日 到=3月5日 事由=张三参加市局业务培训 ${MEASURES}`);
    const sp2 = await spOf(t, 'GB2026-GA-002');
    t.setNow('2026-03-04T08:45:00+08:00');
    await t.click('wangwu', `approve:${sp2}`);
    expect(t.lastTextTo('wangwu')).toBe(`✅ ${sp2} 已同意，送大厅管理室审核（钱进、赵敏）`);
    expect((await closure(t, 'GB2026-GA-002')).filedAt?.toISOString()).toBe('2026-03-04T00:45:00.000Z');
    t.setNow('2026-03-05T09:00:00+08:00');
    await t.click('qian', `approve:${sp2}`);
    await t.click('chen', `approve:${sp2}`);
    expect((await closure(t, 'GB2026-GA-002')).status).toBe('approved');
  });
});

describe('窗口 关闭 — conditions (WIN-03, WIN-04(1)(2)) and outcomes', () => {
  it('WIN-04(1) a department left with one counted window may not close it (备用 windows do not count)', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    await t.say('zhao', '窗口 状态 10 备用 原因=调整为备用窗口');
    await t.say('zhao', '窗口 状态 11 备用 原因=调整为备用窗口');
    expect(t.lastTextTo('zhao')).toBe('✅ 11号窗 在用 → 备用（原因：调整为备用窗口，已留痕）');
    await t.say('gaofeng', `窗口 关闭 9号窗 从=3月5日 到=3月5日 事由=林娜参加培训 ${MEASURES}`);
    expect(t.lastTextTo('gaofeng')).toBe(
      '❌ 不符合规定（rule WIN-04；000 调整管理 二(二)1(1)）：临时关闭须本部门设置2个或2个以上窗口，BDC 现有 1 个在用窗口。',
    );
  });

  it('WIN-04(2) the business must stay with an open same-type window, and all windows stay without 限号', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    await t.say('zhengli', `窗口 关闭 20号窗 从=3月5日 到=3月5日 事由=工作人员休年假 ${MEASURES}`);
    expect(t.lastTextTo('zhengli')).toMatch(
      /^❌ 不符合规定（rule WIN-04；000 调整管理 二\(二\)1\(2\)）：20号窗（蒙速办·一次办）关闭期间本部门没有开放的同类窗口/,
    );
    await t.say('wangwu', `${FILE} ${MEASURES.replace('不限号=是', '不限号=否')}`);
    expect(t.lastTextTo('wangwu')).toMatch(/rule WIN-04.*所有窗口不得限号/);
  });

  it('WIN-03 SOFT: without a QJ of the window staff even a 事由 naming a 培训 asks for 理由=…, which is then logged with the request', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    const noGround =
      '⚠️ 提醒（rule WIN-03）：13号窗 张三 此期间没有请假或出差记录（QJ），未体现公务外出或请（休）假且无顶岗人员。如确需继续，请补充 理由=…';
    await t.say('wangwu', `窗口 关闭 13号窗 从=3月5日 到=3月5日 事由=张三参加市局业务培训 ${MEASURES}`);
    expect(t.lastTextTo('wangwu')).toBe(noGround); // D212: the 事由 is no evidence, whatever it names
    await t.say('wangwu', `窗口 关闭 13号窗 从=3月5日 到=3月5日 事由=窗口装修 ${MEASURES}`);
    expect(t.lastTextTo('wangwu')).toBe(noGround);
    expect(await t.bot.deps.db.manager.count(WindowClosure)).toBe(0);
    await t.say(
      'wangwu',
      `窗口 关闭 13号窗 从=3月5日 到=3月5日 事由=窗口装修 ${MEASURES} 理由=柜台改造期间张三调往后台`,
    );
    expect(t.lastTextTo('wangwu')).toMatch(/^✅ GB2026-GA-001 已提交/);
    expect((await closure(t, 'GB2026-GA-001')).softReasons).toEqual({ 'WIN-03': '柜台改造期间张三调往后台' });
    expect(
      await t.bot.deps.db.manager.count(AuditLog, {
        where: { action: 'window_closure.soft', subjectId: 'GB2026-GA-001' },
      }),
    ).toBe(1);
  });

  it('WIN-03 a QJ covering some WDs of the closure only names the WDs left without one; covering every WD it passes, with no 理由= logged', async () => {
    t = await startTestBot({ now: '2026-03-02T10:00:00+08:00' });
    await onTrip(t, 'zhangsan', '3月5日');
    const file = (to: string) => `窗口 关闭 13号窗 从=3月5日 到=${to} 事由=张三参加市局业务培训 ${MEASURES}`;
    // Thu 3/5 – Mon 3/9: the weekend needs no QJ, Fri 3/6 and Mon 3/9 do.
    await t.say('wangwu', file('3月9日'));
    expect(t.lastTextTo('wangwu')).toBe(
      '⚠️ 提醒（rule WIN-03）：13号窗 张三 3/6、3/9 没有请假或出差记录（QJ），未体现公务外出或请（休）假且无顶岗人员。如确需继续，请补充 理由=…',
    );
    await t.say('wangwu', file('3月5日'));
    expect(t.lastTextTo('wangwu')).toMatch(/^✅ GB2026-GA-001 已提交/);
    expect((await closure(t, 'GB2026-GA-001')).softReasons).toBeNull();
  });

  it('WIN-03 after 销假 the days from the return are no ground any more', async () => {
    t = await startTestBot({ now: '2026-03-02T10:00:00+08:00' });
    const qj = await onTrip(t, 'zhangsan', '3月3日', '3月6日');
    t.setNow('2026-03-03T09:00:00+08:00');
    await t.click('wangwu', `approve:${await spOf(t, qj)}`);
    t.setNow('2026-03-04T09:00:00+08:00');
    await t.say('zhangsan', '销假');
    expect(t.lastTextTo('zhangsan')).toMatch(/已销假/);
    await t.say('wangwu', `窗口 关闭 13号窗 从=3月5日 到=3月6日 事由=张三参加市局业务培训 ${MEASURES}`);
    expect(t.lastTextTo('wangwu')).toMatch(/^⚠️ 提醒（rule WIN-03）：13号窗 张三 此期间没有请假或出差记录（QJ）/);
  });

  it('WIN-05 proof: the photo sent after the command is the 证明材料 shown on the card; a rejection tells the 首席代表 and changes nothing', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    await onTrip(t, 'zhangsan', '3月5日', '3月6日');
    await t.say('wangwu', FILE);
    await t.post({ type: 'image', from: 'wangwu', mediaId: 'PROOF1' } as never);
    expect(t.lastTextTo('wangwu')).toBe('✅ 已收到证明材料（GB2026-GA-001，共1份）');
    await t.say('wangwu', `窗口 关闭 编号=GB2026-GA-001 ${MEASURES}`);
    expect(t.lastTextTo('wangwu')).not.toContain('证明材料：请');
    const card = t.cardsTo('zhao').at(-1)!.card as { horizontal_content_list: { keyname: string; value: string }[] };
    expect(card.horizontal_content_list).toContainEqual({ keyname: '证明材料', value: '1份' });
    const sp = await spOf(t, 'GB2026-GA-001');
    await t.click('zhao', `reject:${sp}`);
    await t.say('zhao', '培训通知未盖章');
    expect((await closure(t, 'GB2026-GA-001')).status).toBe('rejected');
    expect(t.lastTextTo('wangwu')).toMatch(/已驳回（原因：培训通知未盖章）/);
    expect((await win(t, '13')).status).toBe('在用');
    expect(await t.bot.deps.db.manager.count(DeviceTask)).toBe(0);
  });

  it('DIR-06 窗口 状态: everyone sees the list; only 大厅管理室 may edit, with a reason, audited', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    await t.say('lisi', '窗口 状态 24 在用 原因=启用');
    expect(t.lastTextTo('lisi')).toBe('你没有权限修改窗口状态（需要：大厅管理室）。查看请发送“窗口 状态”。');
    await t.say('zhao', '窗口 状态 24 在用');
    expect(t.lastTextTo('zhao')).toContain('须注明 原因=');
    await t.say('zhao', '窗口 状态 24 在用 原因=备用窗口启用为综合受理');
    expect((await win(t, '24')).status).toBe('在用');
    expect(
      await t.bot.deps.db.manager.findOne(AuditLog, { where: { action: 'window.status', subjectId: '24' } }),
    ).toMatchObject({ actor: 'zhao' });
    await t.say('lisi', '窗口 状态 部门=SL');
    expect(t.lastTextTo('lisi')).toBe('窗口状态 1个\n14号窗 SL 季节性');
    await t.say('lisi', '窗口 查看 12'); // commands/directory.ts keeps its row
    expect(t.lastTextTo('lisi')).toMatch(/^12号窗 户籍办理/);
  });
});

describe('H5 forms (docs/commands.md)', () => {
  it('D28 the draft is completed through the 窗口临时关闭（重启）申请表 H5 form, which runs 窗口 关闭 with the same checks', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    await onTrip(t, 'zhangsan', '3月5日', '3月6日');
    await t.say('wangwu', FILE);
    const link = /https:\/\/\S+/.exec(t.lastTextTo('wangwu'))![0];
    const form = await openForm(t, link, 'wangwu');
    expect(form.values['编号']).toBe('GB2026-GA-001'); // prefilled from the server-side draft, not the URL
    expect(link).not.toContain('GB2026');
    const post = (fields: Record<string, string>) => submitForm(form, fields);
    const base = {
      编号: 'GB2026-GA-001',
      窗口: '13',
      从: '2026-03-05',
      到: '2026-03-06',
      事由: '张三参加市局业务培训',
    };
    const measures = {
      联络人: '王五',
      联络电话: '13900000012',
      咨询人员: '李四',
      咨询电话: '0477-1234567',
      宣传告知: '公众号',
      高峰应对: '12号窗延时',
      不限号: '是',
    };
    const late = await post({ ...base, 从: '2026-03-03', ...measures });
    expect(late.status).toBe(422);
    expect(await late.text()).toContain('rule WIN-05');
    const ok = await post({ ...base, ...measures });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('GB2026-GA-001 已提交，送大厅管理室审核');
    expect((await closure(t, 'GB2026-GA-001')).status).toBe('pending');
  });

  it('every [windows] form field is an argument of the command it submits to; 表单 lists them for a 首席代表', async () => {
    const { WINDOW_FORMS } = await import('../../src/domain/windows/forms');
    const { COMMANDS } = await import('../../commands/index');
    const { argTools } = await import('../../src/kernel/command');
    for (const f of WINDOW_FORMS) {
      const cmd = COMMANDS.find((c) => c.name === f.command)!;
      const shape = (cmd.args(argTools(new Date())) as unknown as { shape: Record<string, unknown> }).shape;
      expect(
        f.fields.map((x) => x.key).filter((k) => !(k in shape)),
        f.kind,
      ).toEqual([]);
    }
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    await t.say('wangwu', '表单');
    expect(t.lastTextTo('wangwu')).toContain('· 窗口临时关闭（重启）申请表');
    await t.say('wangwu', '表单 业务临时停办登记备案表');
    expect(t.lastTextTo('wangwu')).toMatch(/^业务临时停办登记备案表：https:\/\//);
  });
});

describe('窗口 关闭 — more edges', () => {
  it('DIR-09 / WIN-03 SOFT: a B-post without a window of their own could stand in → warning until 理由= is given', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    await t.bot.deps.db.manager.update(Person, { userid: 'lisi' }, { windowNumber: null }); // 李四 is only 张三's B-post now
    await onTrip(t, 'zhangsan', '3月5日', '3月6日');
    await t.say('wangwu', `${FILE} ${MEASURES}`);
    expect(t.lastTextTo('wangwu')).toBe(
      '⚠️ 提醒（rule WIN-03）：13号窗B岗 李四 在岗，可顶岗。如确需继续，请补充 理由=…',
    );
    await t.say('wangwu', `${FILE} ${MEASURES} 理由=李四同期参加培训`);
    expect(t.lastTextTo('wangwu')).toMatch(/^✅ GB2026-GA-001 已提交/);
  });

  it('D13: a closure in a year without a confirmed calendar is refused with 工作日历未配置, never guessed', async () => {
    t = await startTestBot({ now: '2026-12-30T10:00:00+08:00' });
    await t.say('wangwu', `窗口 关闭 13号窗 从=2027-01-05 到=2027-01-05 事由=张三休年假 ${MEASURES}`);
    expect(t.lastTextTo('wangwu')).toMatch(/^工作日历未配置（rule DIR-13）：2027-/);
  });

  it('WIN-13 窗口 违规: procedure not followed → deduction on the department and its 首席代表 + 评优 card; 窗口 状态 shows 停办', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    await t.say('zhao', '窗口 违规 GA 说明=未经批准擅自关闭13号窗');
    expect(t.lastTextTo('zhao')).toContain('请注明 来源=');
    await t.say('zhao', '窗口 违规 GA 来源=13号窗 说明=未经批准擅自关闭13号窗');
    expect(t.lastTextTo('zhao')).toBe('✅ 已记录 GA 违反窗口调整程序（rule WIN-13，13号窗），扣分事件 KF2026-0001');
    expect(await t.bot.deps.db.manager.findOneByOrFail(DeductionEvent, { no: 'KF2026-0001' })).toMatchObject({
      rule: 'WIN-13',
      departmentCode: 'GA',
      personUserid: 'wangwu',
    });
    expect(t.cardsTo('zhao').at(-1)!.card!.main_title).toMatchObject({ title: '13号窗：是否取消评优资格' });
    expect(t.textsTo('wangwu').at(-1)).toMatch(/^扣分事件 KF2026-0001：GA 王五（rule WIN-13/);
    await t.say(
      'huangyan',
      '停办 备案 窗口=5 从=3月16日 到=3月16日 事由=社保系统升级 文号=8号 咨询=吴静 13900000021,周平 13900000022 联系人=黄燕 联系电话=13900000020 预案=引导网上办理',
    );
    await t.click('zhao', `approve:${await spOf(t, 'TB2026-SB-001')}`);
    await t.say('xiaogao', '窗口 状态 5');
    expect(t.lastTextTo('xiaogao')).toBe('5号窗 SB 在用｜3/16起停办（TB2026-SB-001）');
  });
});
