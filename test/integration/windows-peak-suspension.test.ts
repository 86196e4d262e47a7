import { afterEach, describe, expect, it } from 'vitest';
import { AwardFlag } from '../../entities/award-flag';
import { DeductionEvent } from '../../entities/deduction-event';
import { PeakPlan } from '../../entities/peak-plan';
import { Suspension } from '../../entities/suspension';
import { peakOverlapping } from '../../src/domain/windows/peaks';
import { startTestBot, type TestBot } from '../helpers/bot';
import { MEASURES, closure, spOf, staffOnTrip } from '../helpers/windows';

// 业务高峰 (SUS-02…SUS-05, SUS-09, WIN-12) and 业务临时停办 (SUS-06…SUS-08), SUS-10 causes.

let t: TestBot;
afterEach(async () => t?.close());

const PEAK =
  '联系人=黄燕 联系电话=13900000020 人员安排=全员在岗并从局机关抽调2人 宣传引导=公众号发布办理指南 最大办理量=300 已报派驻部门=是';
const STOP =
  '窗口=5 事由=社保系统升级 文号=鄂社保发〔2025〕8号 联系人=黄燕 联系电话=13900000020 预案=停办期间引导网上办理';

async function approvedPeak(t: TestBot, from: string, to: string): Promise<string> {
  await t.say('huangyan', `高峰 预案 从=${from} 到=${to} 原因=政策 ${PEAK}`);
  const no = /✅ (GF\d{4}-SB-\d{3})/.exec(t.lastTextTo('huangyan'))![1];
  await t.click('zhao', `approve:${await spOf(t, no)}`);
  return no;
}

describe('业务高峰 (SUS-02, SUS-03, SUS-09, WIN-12)', () => {
  it('SUS-02 §19 #7: a peak from Mon 2025-03-17 needs the plan by Thu 03-13; an incomplete plan is a draft with the H5 link', async () => {
    t = await startTestBot({ now: '2025-03-14T09:00:00+08:00' });
    await t.say('huangyan', `高峰 预案 从=2025-03-17 到=2025-03-21 原因=政策 ${PEAK}`);
    expect(t.lastTextTo('huangyan')).toBe(
      '❌ 不符合规定（rule SUS-02；000 高峰停办 二(一)1）：业务高峰工作预案须至少提前2个工作日报送（最晚 2025-03-13），现在报送最早适用于 2025-03-18 开始的高峰。',
    );
    t.setNow('2025-03-13T16:00:00+08:00');
    await t.say('huangyan', '高峰 预案 从=2025-03-17 到=2025-03-21 原因=政策');
    expect(t.lastTextTo('huangyan')).toMatch(
      /^📝 GF2025-SB-001 已保存草稿，缺少：联系人、联系电话、人员安排、宣传引导、最大办理量、已报派驻部门/,
    );
    expect(decodeURIComponent(t.lastTextTo('huangyan'))).toContain('/h5/forms/peak-plan');
    await t.say('huangyan', `高峰 预案 编号=GF2025-SB-001 ${PEAK}`);
    expect(t.lastTextTo('huangyan')).toBe(
      '✅ GF2025-SB-001 已提交大厅管理室（3/17–3/21）\n高峰前请逐项完成准备：高峰 检查 GF2025-SB-001 宣传|设备|导服|技术',
    );
    await t.click('zhao', `approve:${await spOf(t, 'GF2025-SB-001')}`);
    expect((await t.bot.deps.db.manager.findOneByOrFail(PeakPlan, { no: 'GF2025-SB-001' })).status).toBe('approved');
    expect(t.textsTo('huangyan').join('\n')).toContain('业务高峰工作预案已备案：3/17–3/21');
  });

  it('WIN-12 §19 #16: a closure overlapping the approved peak is refused, naming the first allowed day; after it is fine; peakOverlapping serves SUS-04', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    await staffOnTrip(t, ['5'], '3月23日');
    const gf = await approvedPeak(t, '3月16日', '3月20日');
    await t.say('huangyan', `窗口 关闭 5号窗 从=3月18日 到=3月23日 事由=吴静休年假 ${MEASURES}`);
    expect(t.lastTextTo('huangyan')).toBe(
      `❌ 不符合规定（rule WIN-12；000 高峰停办 二(一)5）：2026-03-18–2026-03-23 与本部门已批准的业务高峰 ${gf}（2026-03-16至2026-03-20）重叠，高峰期间须开放全部窗口；可申请 2026-03-21 以后关闭。`,
    );
    await t.say('huangyan', `窗口 关闭 5号窗 从=3月23日 到=3月23日 事由=吴静休年假 ${MEASURES}`);
    expect(t.lastTextTo('huangyan')).toMatch(/^✅ GB2026-SB-001 已提交/);
    const m = t.bot.deps.db.manager;
    expect((await peakOverlapping(m, 'SB', '2026-03-20', '2026-03-25')).map((p) => p.no)).toEqual([gf]);
    expect(await peakOverlapping(m, 'SB', '2026-03-21', '2026-03-25')).toEqual([]);
    expect(await peakOverlapping(m, 'GA', '2026-03-16', '2026-03-20')).toEqual([]);
  });

  it('WIN-12 is re-checked at the click: a peak approved after the closure was filed blocks its approval', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    await staffOnTrip(t, ['5'], '3月18日');
    await t.say('huangyan', `窗口 关闭 5号窗 从=3月18日 到=3月18日 事由=吴静休年假 ${MEASURES}`);
    await approvedPeak(t, '3月16日', '3月20日');
    await t.click('zhao', `approve:${await spOf(t, 'GB2026-SB-001')}`);
    expect(t.lastTextTo('zhao')).toMatch(/^❌ 不符合规定（rule WIN-12/);
    expect((await closure(t, 'GB2026-SB-001')).status).toBe('pending');
  });

  it('SUS-03 checklist 1 WD before the peak, SUS-09 coordination, 高峰 列表', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    const gf = await approvedPeak(t, '3月16日', '3月20日');
    await t.say('huangyan', `高峰 检查 ${gf} 宣传,设备 说明=公众号已发布`);
    expect(t.lastTextTo('huangyan')).toBe(`✅ ${gf} 准备事项 2/4（缺：导服、技术）`);
    await t.say('zhao', `高峰 协调 ${gf} 物业 说明=空调、医药箱已备`);
    expect(t.lastTextTo('zhao')).toBe(`✅ ${gf} 已协调物业：空调、医药箱已备`);
    const before = t.textsTo('huangyan').length;
    await t.runJob('filing-watch', '2026-03-12T09:00:00+08:00');
    expect(t.textsTo('huangyan')).toHaveLength(before);
    await t.runJob('filing-watch', '2026-03-13T09:00:00+08:00');
    expect(t.lastTextTo('huangyan')).toBe(
      `⏰ ${gf} 业务高峰 3/16 开始，准备事项 2/4（缺：导服、技术）。请完成后发送：高峰 检查 ${gf} <事项>（rule SUS-03）`,
    );
    await t.say('xiaogao', '高峰 列表');
    expect(t.lastTextTo('xiaogao')).toBe(`业务高峰 1 项\n${gf} SB 3/16–3/20 已备案｜准备事项 2/4（缺：导服、技术）`);
  });
});

describe('业务临时停办 (SUS-06…SUS-08, SUS-10)', () => {
  it('SUS-06 §19 #8: from Mon 2025-03-17 — filed on the 5th WD before (03-10) is accepted, on the 4th (03-11) refused', async () => {
    t = await startTestBot({ now: '2025-03-11T09:00:00+08:00' });
    await t.say('huangyan', `停办 备案 ${STOP} 从=2025-03-17 到=2025-03-18 咨询=吴静 13900000021,周平 13900000022`);
    expect(t.lastTextTo('huangyan')).toBe(
      '❌ 不符合规定（rule SUS-06；000 高峰停办 二(二)1）：须至少提前5个工作日备案（最晚 2025-03-10），现在备案最早可停办日期 2025-03-18。',
    );
    t.setNow('2025-03-10T15:00:00+08:00');
    await t.say('huangyan', `停办 备案 ${STOP} 从=2025-03-17 到=2025-03-18 咨询=吴静 13900000021,周平 13900000022`);
    expect(t.lastTextTo('huangyan')).toBe(
      '✅ TB2025-SB-001 已提交大厅管理室备案（5号窗 3/17–3/18）\n请于 2025-03-11 前通过媒体/公众号发布停办公告并报大厅管理室：停办 公告 TB2025-SB-001 链接=…（rule SUS-07）',
    );
  });

  it('SUS-08 §19 #32: 1 / 4 consultation staff are refused, 2 and 3 accepted; phones come from the list, 电话= or the directory', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    const file = (c: string) => t.say('huangyan', `停办 备案 ${STOP} 从=3月16日 到=3月16日 咨询=${c}`);
    await file('吴静 13900000021');
    expect(t.lastTextTo('huangyan')).toBe(
      '❌ 不符合规定（rule SUS-08；000 高峰停办 二(二)3）：停办期间窗口须留有2-3名业务咨询和宣传解释人员，现填写 1 人。',
    );
    await file('吴静 1390000021,周平 1390000022,徐丽 1390000023,胡磊 1390000024');
    expect(t.lastTextTo('huangyan')).toMatch(/现填写 4 人。$/);
    await file('吴静,周平');
    expect(t.lastTextTo('huangyan')).toBe(
      '❌ 不符合规定（rule SUS-08；000 高峰停办 二(二)3）：咨询人员 吴静、周平 缺少咨询电话（例：咨询=张三 13900000014,李四 13900000013）。',
    );
    await t.say('huangyan', `停办 备案 ${STOP} 从=3月16日 到=3月16日 咨询=吴静,周平 电话=0477-7000001`);
    expect(t.lastTextTo('huangyan')).toMatch(/^✅ TB2026-SB-001 已提交/);
    await t.say(
      'huangyan',
      `停办 备案 ${STOP} 从=3月17日 到=3月17日 咨询=吴静 1390000021,周平 1390000022,徐丽 1390000023`,
    );
    expect(t.lastTextTo('huangyan')).toMatch(/^✅ TB2026-SB-002 已提交/);
    expect((await t.bot.deps.db.manager.findOneByOrFail(Suspension, { no: 'TB2026-SB-001' })).consultants).toEqual([
      { name: '吴静', phone: '0477-7000001', userid: 'wujing' },
      { name: '周平', phone: '0477-7000001', userid: 'zhouping' },
    ]);
  });

  it('SUS-07 §19 #9: notice due Tue 03-11 — reminded on 03-10 and 03-11, G-OFFICE alerted on 03-12; 停办 告知 informs the guides with the notice text', async () => {
    t = await startTestBot({ now: '2025-03-10T10:00:00+08:00' });
    await t.say('huangyan', `停办 备案 ${STOP} 从=2025-03-17 到=2025-03-18 咨询=吴静 13900000021,周平 13900000022`);
    await t.click('zhao', `approve:${await spOf(t, 'TB2025-SB-001')}`);
    expect((await t.groupTexts('G-OFFICE')).join('\n')).toContain(
      '【业务临时停办公告】\n因社保系统升级（鄂社保发〔2025〕8号），旗社保局在旗政务服务中心5号窗办理的相关业务于2025年3月17日至3月18日临时停办。',
    );
    await t.runJob('filing-watch', '2025-03-10T09:00:00+08:00');
    expect(t.lastTextTo('huangyan')).toBe(
      '⏰ TB2025-SB-001 停办公告须于 2025-03-11 前通过媒体/公众号发布并报大厅管理室：停办 公告 TB2025-SB-001 链接=…（rule SUS-07）',
    );
    await t.runJob('filing-watch', '2025-03-11T09:00:00+08:00');
    expect(t.lastTextTo('huangyan')).toBe(
      '⏰ 今日（2025-03-11）是 TB2025-SB-001 停办公告的最后期限，请发布后发送：停办 公告 TB2025-SB-001 链接=…（rule SUS-07）',
    );
    await t.runJob('filing-watch', '2025-03-12T09:00:00+08:00');
    expect((await t.groupTexts('G-OFFICE')).at(-1)).toBe(
      '⚠️ TB2025-SB-001 SB 未在 2025-03-11 前报送停办公告（rule SUS-07），停办 2025-03-17 开始。',
    );
    t.setNow('2025-03-12T10:00:00+08:00');
    await t.say('huangyan', '停办 公告 TB2025-SB-001 链接=https://mp.weixin.qq.com/s/abc');
    expect(t.lastTextTo('huangyan')).toBe(
      '✅ TB2025-SB-001 宣传告知已报（3/12，已逾期，应于 2025-03-11 前）\n可在10分钟内发送截图作为凭证。',
    );
    await t.say('zhao', '停办 告知 TB2025-SB-001');
    expect(t.textsTo('zhao').at(-2)).toBe('✅ 已推送导服群：3/17–3/18 旗社保局 5号窗 社保系统升级 临时停办');
    expect(t.lastTextTo('zhao')).toMatch(
      /^【业务临时停办公告】[\s\S]*停办期间业务咨询电话：13900000021（吴静）、13900000022（周平）。/,
    );
    expect((await t.groupTexts('G-GUIDE')).at(-1)).toBe(
      '📢 停办提醒（TB2025-SB-001）：3/17–3/18 旗社保局 5号窗 社保系统升级 临时停办。咨询：吴静 13900000021、周平 13900000022。请做好解释和引导。',
    );
    await t.say('xiaogao', '停办 列表');
    expect(t.lastTextTo('xiaogao')).toBe(
      '业务临时停办 1 项\nTB2025-SB-001 5号窗 3/17–3/18 已备案｜公告✅ 告知✅｜咨询 吴静139****0021、周平139****0022',
    );
  });

  it('SUS-07 on time: evidence before the deadline means no reminder and no alert', async () => {
    t = await startTestBot({ now: '2025-03-07T10:00:00+08:00' });
    await t.say('huangyan', `停办 备案 ${STOP} 从=2025-03-17 到=2025-03-18 咨询=吴静 13900000021,周平 13900000022`);
    await t.say('huangyan', '停办 公告 TB2025-SB-001 说明=公众号3月7日已发布');
    const before = t.textsTo('huangyan').length;
    for (const d of ['10', '11', '12']) await t.runJob('filing-watch', `2025-03-${d}T09:00:00+08:00`);
    expect(t.textsTo('huangyan')).toHaveLength(before);
    expect((await t.groupTexts('G-OFFICE')).join()).not.toContain('未在');
  });

  it('SUS-10 高峰 原因 records a deduction for the department (首席代表 named) and a 评优 card to 大厅管理室', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    const gf = await approvedPeak(t, '3月16日', '3月20日');
    await t.say('zhao', `高峰 原因 ${gf} 主观=预估不足 说明=放号过多，大厅拥堵，群众投诉3起`);
    expect(t.lastTextTo('zhao')).toBe('✅ 已认定 SB 主观原因（预估不足），生成扣分事件 KF2026-0001');
    const kf = await t.bot.deps.db.manager.findOneByOrFail(DeductionEvent, { no: 'KF2026-0001' });
    expect(kf).toMatchObject({ rule: 'SUS-10', source: gf, departmentCode: 'SB', personUserid: 'huangyan', points: 0 });
    expect(await t.bot.deps.db.manager.findOneByOrFail(AwardFlag, { source: gf })).toMatchObject({
      subjectType: 'department',
      subjectId: 'SB',
      decider: 'zhao',
      status: 'pending',
    });
    expect(t.cardsTo('zhao').at(-1)!.card!.button_list).toEqual(
      expect.arrayContaining([expect.objectContaining({ key: expect.stringMatching(/^cancel_award:/) as unknown })]),
    );
    await t.say('zhao', `高峰 原因 ${gf} 主观=措施不力 说明=再次`);
    expect(t.lastTextTo('zhao')).toBe(`${gf} 已认定为“预估不足”。`);
  });
});
