import { afterEach, describe, expect, it } from 'vitest';
import { Department } from '../../entities/department';
import { DeviceTask } from '../../entities/device-task';
import { Person } from '../../entities/person';
import { PersonRole } from '../../entities/person-role';
import { StaffRecord } from '../../entities/staff-record';
import { startTestBot, type TestBot } from '../helpers/bot';
import { spOf } from '../helpers/windows';

// 离岗 / 交接 (STF-01, STF-07, STF-08, STF-09; 000 调整管理 三(二), 附件4) and STF-01 调岗 / 首席代表 更换;
// rulebook §19 #11, #31, #36.

let t: TestBot;
afterEach(async () => t?.close());

const m = () => t.bot.deps.db.manager;
const rec = (no: string) => m().findOneByOrFail(StaffRecord, { no });
const person = (userid: string) => m().findOneByOrFail(Person, { userid });
const LG = 'LG2025-SW-001';

async function approvedLeave(): Promise<void> {
  await t.say('hanmei', '离岗 申请 曹杰 离岗=3月31日 原因=调回派驻单位');
  await t.click('caojie', `confirm:${LG}`);
  await t.click('zhao', `approve:${await spOf(t, LG)}`);
}

describe('离岗 (STF-07, STF-01)', () => {
  it('STF-07 §19 #11: 离岗 Mon 2025-03-31 is filed by Mon 2025-03-10; the leaver confirms first, then 大厅管理室', async () => {
    t = await startTestBot({ now: '2025-03-11T10:00:00+08:00' });
    await t.say('hanmei', '离岗 申请 曹杰 离岗=3月31日 原因=调回派驻单位');
    expect(t.lastTextTo('hanmei')).toMatch(
      /^❌ 不符合规定（rule STF-07；000 调整管理 三\(二\)1）：离岗须至少提前15个工作日申请（2025-03-31 开始须在 2025-03-10 17:30 前提交）/,
    );
    t.setNow('2025-03-10T10:00:00+08:00');
    await t.say('hanmei', '离岗 申请 曹杰 离岗=3月31日 原因=调回派驻单位');
    expect(t.lastTextTo('hanmei')).toBe(`✅ ${LG} 已登记（曹杰 离岗 3/31），已请本人确认离岗原因后送审。`);
    expect(t.cardsTo('caojie').at(-1)!.card!.main_title).toMatchObject({ title: `请确认离岗原因 ${LG}` });
    expect((await rec(LG)).status).toBe('confirming');
    await t.click('caojie', `confirm:${LG}`);
    expect(t.lastTextTo('caojie')).toBe(`✅ ${LG} 已确认离岗原因，送大厅管理室审批`);
    await t.click('zhao', `approve:${await spOf(t, LG)}`);
    expect((await rec(LG)).status).toBe('approved');
    expect((await person('caojie')).status).toBe('拟离岗');
  });

  it('STF-01 §19 #31: 入岗 2024-06-01, 离岗 2025-05-31 → SOFT warning; with a reason code a 中心领导 step is added', async () => {
    t = await startTestBot({ now: '2025-04-01T10:00:00+08:00' });
    await m().update(Person, { userid: 'caojie' }, { stationedSince: '2024-06-01' });
    await t.say('hanmei', '离岗 申请 曹杰 离岗=2025-05-31');
    expect(t.lastTextTo('hanmei')).toMatch(
      /^⚠️ 提醒（rule STF-01）：曹杰 2024-06-01 入岗，至 2025-05-31 在岗未满1年（11个月），原则上不得调整，须中心领导审批。如确需继续，请补充 原因码=1-5 原因=…/,
    );
    await t.say('hanmei', '离岗 申请 曹杰 离岗=2025-05-31 原因码=2 原因=健康原因');
    expect(t.lastTextTo('hanmei')).toBe(
      `✅ ${LG} 已登记（曹杰 离岗 5/31，在岗 11个月，需中心领导审批），已请本人确认离岗原因后送审。`,
    );
    await t.click('caojie', `confirm:${LG}`);
    const sp = await spOf(t, LG);
    await t.click('chen', `approve:${sp}`);
    expect((await rec(LG)).status).toBe('pending');
    await t.click('zhao', `approve:${sp}`);
    expect((await rec(LG)).status).toBe('approved');
  });
});

describe('离岗交接 (STF-08, STF-09)', () => {
  it('STF-08 §19 #36: e before a–d is refused naming what is open; e asks about the successor; f removes access', async () => {
    t = await startTestBot({ now: '2025-03-10T10:00:00+08:00' });
    await approvedLeave();
    await t.say('chen', `交接 ${LG} e 熟悉=是`);
    expect(t.lastTextTo('chen')).toBe(
      '❌ 不符合规定（rule STF-08；000 调整管理 三(二)2）：须先完成 a 工作移交和接交；b 收回工作牌、文件柜钥匙、档案柜钥匙交至大厅管理室；c 清点调出人员使用的办公设施设备；d 核对调出人员在窗口工作期间的日常考勤情况，才能签字准予退出。',
    );
    await t.say('zhao', `交接 ${LG} a`);
    expect(t.lastTextTo('zhao')).toBe('交接 a 由首席代表办理。');
    await t.say('hanmei', `交接 ${LG} a 说明=在办件已移交彭丽`);
    await t.say('hanmei', `交接 ${LG} b`);
    await t.say('qian', `交接 ${LG} d`);
    await t.say('chen', `交接 ${LG} e 熟悉=是`);
    expect(t.lastTextTo('chen')).toMatch(/须先完成 c 清点调出人员使用的办公设施设备，才能签字准予退出/);
    await t.say('qian', `交接 ${LG} c`);
    expect(t.lastTextTo('qian')).toBe(`✅ ${LG} 交接 4/6｜a✅ b✅ c✅ d✅ e⬜ f🔒`);
    expect(t.lastTextTo('chen')).toBe(
      `${LG} SW 曹杰 离岗交接 a–d 已完成，请签字准予退出（接替人员是否已熟悉工作？）：交接 ${LG} e 熟悉=是`,
    );
    await t.say('zhao', `交接 ${LG} f`);
    expect(t.lastTextTo('zhao')).toBe(
      '❌ 不符合规定（rule STF-08；000 调整管理 三(二)2）：须先由中心负责人签字准予退出（交接 e）。',
    );
    await t.say('chen', `交接 ${LG} e`);
    expect(t.lastTextTo('chen')).toBe(
      '⚠️ 提醒（rule STF-09）：接替人员是否已熟悉工作？未熟悉前原则上不得离岗。如确需继续，请补充 熟悉=是，或 理由=…',
    );
    await t.say('chen', `交接 ${LG} e 熟悉=是`);
    await t.say('zhao', `交接 ${LG} f`);
    expect(t.lastTextTo('zhao')).toBe(
      `✅ ${LG} 交接 6/6｜a✅ b✅ c✅ d✅ e✅ f✅\n曹杰 已离岗，角色与访问权限已撤销。请删除：\nRW2025-0001 考勤系统（1号窗 曹杰离岗 删除）\nRW2025-0002 评价器信息（1号窗 曹杰离岗 删除）`,
    );
    expect(await person('caojie')).toMatchObject({
      status: '已离岗',
      inactive: true,
      windowNumber: null,
      abPartner: null,
    });
    expect(await m().countBy(PersonRole, { userid: 'caojie' })).toBe(0);
    expect((await person('pengli')).abPartner).toBeNull(); // nobody keeps a B-post who has left
    expect(await m().countBy(DeviceTask, { subjectId: LG })).toBe(2);
    expect((await rec(LG)).status).toBe('done');
    await t.say('caojie', '帮助');
    expect(t.lastTextTo('caojie')).not.toContain('离岗 申请');
  });
});

describe('STF-01 调岗 and 首席代表 更换', () => {
  it('STF-01: 调岗 under one year stays unmoved until the 中心领导 approves', async () => {
    t = await startTestBot({ now: '2026-03-02T10:00:00+08:00' });
    await t.say('wangwu', '人员 调岗 张三 窗口=12');
    expect(t.lastTextTo('wangwu')).toMatch(/^⚠️ 提醒（rule STF-01）：张三 2025-09-01 入岗，在岗未满1年（6个月）/);
    await t.say('wangwu', '人员 调岗 张三 窗口=12 原因码=3 原因=业务骨干调整到户籍窗口');
    expect(t.lastTextTo('wangwu')).toMatch(
      /^⚠️ 张三在岗未满1年（6个月），已送中心领导审批（SP2026-\d+），批准后调岗（rule STF-01）$/,
    );
    expect((await person('zhangsan')).windowNumber).toBe('13');
    await t.click('chen', `approve:${await spOf(t, 'zhangsan')}`);
    expect((await person('zhangsan')).windowNumber).toBe('12');
    expect(t.textsTo('wangwu').join('\n')).toMatch(/✅ 人员调岗已批准（SP2026-\d+）：张三 13号窗 → 12号窗/);
  });

  it('STF-01: 调岗 under one year rejected → nothing moves', async () => {
    t = await startTestBot({ now: '2026-03-02T10:00:00+08:00' });
    await t.say('wangwu', '人员 调岗 张三 窗口=12 原因码=3 原因=业务骨干调整到户籍窗口');
    await t.click('chen', `reject:${await spOf(t, 'zhangsan')}`);
    await t.say('chen', '不符合稳定要求');
    expect((await person('zhangsan')).windowNumber).toBe('13');
  });

  it('STF-01: 首席代表 更换 when the 首席代表 has served under one year needs a reason code and a 中心领导', async () => {
    t = await startTestBot({ now: '2025-03-10T10:00:00+08:00' }); // 王五 首席代表 since 2024-06-01
    await t.say('zhao', '首席代表 更换 GA 李四 原因=王五调回派驻单位');
    expect(t.lastTextTo('zhao')).toMatch(
      /^⚠️ 提醒（rule STF-01）：王五 2024-06-01 入岗，在岗未满1年（9个月），原则上不得更换首席代表/,
    );
    await t.say('zhao', '首席代表 更换 GA 李四 原因=王五调回派驻单位 原因码=4');
    expect(t.lastTextTo('zhao')).toMatch(/^⚠️ GA 首席代表在岗未满1年（9个月），更换已送中心领导审批（SP2025-\d+）/);
    expect((await m().findOneByOrFail(Department, { code: 'GA' })).chiefRep).toBe('wangwu');
    await t.click('chen', `approve:${await spOf(t, 'GA')}`);
    expect((await m().findOneByOrFail(Department, { code: 'GA' })).chiefRep).toBe('lisi');
  });
});
