import { afterEach, describe, expect, it } from 'vitest';
import { Department } from '../../entities/department';
import { Person } from '../../entities/person';
import { insertRows } from '../../src/db';
import { type TestBot, startTestBot } from '../helpers/bot';
import { approvedPeak, ask, leave, spOf } from './leave-helpers';

// 请假/出差 through signed callbacks and card clicks (ATT-05, SUS-04; OPEN #36; D151). March 2026: 3/4 Wed,
// 3/5 Thu, 3/6 Fri, 3/9 Mon.

let t: TestBot;
afterEach(async () => {
  await t.close();
});

const office = async (needle: string) => (await t.groupTexts('G-OFFICE')).filter((x) => x.includes(needle));

describe('ATT-05 notice (OPEN #36: ≥1 WD ahead; 病假 by 08:30 on the day)', () => {
  it('ATT-05 a 事假 asked the day before by 17:30 goes to the 窗口负责人; after 17:30 it is refused with the earliest date', async () => {
    t = await startTestBot({ now: '2026-03-04T17:30:00+08:00' });
    const no = await ask(t, 'zhangsan', '请假 事假 从=3月5日 原因=家中有事');
    expect(t.lastTextTo('zhangsan')).toContain(`✅ ${no} 事假 3/5 1天，待 窗口负责人 审批`);
    expect(await leave(t, no)).toMatchObject({
      approverRole: 'window_lead',
      approverUserid: 'lisi',
      status: 'pending',
    });
    expect(t.cardsTo('lisi')).toHaveLength(1);
    expect(await office(`${no} 张三（GA 13号窗） 事假 3/5（1个工作日），待窗口负责人审批`)).toHaveLength(1);
    t.setNow('2026-03-04T17:31:00+08:00');
    await t.say('lisi', '请假 事假 从=3月5日');
    expect(t.lastTextTo('lisi')).toBe(
      '❌ 不符合规定（rule ATT-05；000 窗口工作 五(五)）：请假须至少提前1个工作日申请（2026-03-05 开始须在 2026-03-04 17:30 前提交），最早可请假日期 2026-03-06。',
    );
  });

  it('ATT-05 a 事假 for today is refused; a 病假 for today is accepted until 08:30 with 补办 1 WD after return, refused after', async () => {
    t = await startTestBot({ now: '2026-03-05T08:10:00+08:00' });
    await t.say('zhangsan', '请假 事假 从=今天');
    expect(t.lastTextTo('zhangsan')).toContain('rule ATT-05');
    expect(t.lastTextTo('zhangsan')).toContain('最早可请假日期 2026-03-06');
    t.setNow('2026-03-05T08:30:00+08:00');
    const no = await ask(t, 'zhangsan', '请假 病假 从=今天 原因=发烧');
    // Back on Fri 3/6; 补办 within 1 WD of that → Mon 3/9.
    expect(t.lastTextTo('zhangsan')).toContain('当日病假已报告，请于 2026-03-09 前在考勤系统补办请假手续。');
    expect((await leave(t, no)).makeUpDue).toBe('2026-03-09');
    await t.click('lisi', `approve:${await spOf(t, no)}`);
    const makeUp = () => t.textsTo('zhangsan').filter((x) => x.includes('补办请假手续（期限'));
    await t.runJob('leave-return-check', '2026-03-06T09:00:00+08:00');
    expect(makeUp()).toHaveLength(0);
    await t.runJob('leave-return-check', '2026-03-09T09:00:00+08:00');
    await t.runJob('leave-return-check', '2026-03-09T09:00:00+08:00', { force: true });
    expect(makeUp()).toEqual([
      `⏰ ${no} 病假 3/5（1个工作日） 为当日报告的病假，请在考勤系统补办请假手续（期限 3/9，rule ATT-05）。`,
    ]);
    t.setNow('2026-03-05T08:31:00+08:00');
    await t.say('lisi', '请假 病假 从=2026-03-05');
    expect(t.lastTextTo('lisi')).toBe(
      '❌ 不符合规定（rule ATT-05；000 窗口工作 五(五)）：病假须在当日08:30前报告（2026-03-05 的病假已过报告时间，现在 08:31），最早可请 2026-03-06 起的病假。如需立即离岗，请当面报告窗口负责人和大厅管理室。',
    );
  });

  it('ATT-05 bad requests: end before start, only rest days, overlap with one already asked, 出差 without 事由', async () => {
    t = await startTestBot({ now: '2026-03-02T10:00:00+08:00' });
    await t.say('zhangsan', '请假 事假 从=3月6日 到=3月5日');
    expect(t.lastTextTo('zhangsan')).toBe('结束日期 2026-03-05 早于开始日期 2026-03-06。');
    await t.say('zhangsan', '请假 事假 从=3月7日 到=3月8日');
    expect(t.lastTextTo('zhangsan')).toBe('2026-03-07至2026-03-08 没有工作日，无需请假。');
    const no = await ask(t, 'zhangsan', '请假 年休假 从=3月4日 到=3月6日');
    await t.say('zhangsan', '请假 事假 从=3月6日');
    expect(t.lastTextTo('zhangsan')).toContain(`${no} 年休假 3/4–3/6（3个工作日） 与本次日期重叠（审批中）`);
    await t.say('zhangsan', '出差 从=3月9日');
    expect(t.lastTextTo('zhangsan')).toContain('缺少参数“事由”');
    await t.say('zhangsan', '请假 调休 从=3月9日');
    expect(t.lastTextTo('zhangsan')).toContain('类型应为 年休假、探亲假');
  });
});

describe('ATT-05 approver routing (OPEN #36, D151)', () => {
  it('ATT-05 >1 WD goes to the 首席代表; a 窗口负责人 asking for 1 WD goes past themselves to the 首席代表', async () => {
    t = await startTestBot({ now: '2026-03-02T10:00:00+08:00' });
    const trip = await ask(t, 'zhangsan', '出差 从=3月4日 到=3月6日 事由=市局业务培训');
    expect(t.lastTextTo('zhangsan')).toContain(`✅ ${trip} 出差 3/4–3/6 3天，待 首席代表 审批`);
    expect(await leave(t, trip)).toMatchObject({ kind: '出差', workdays: 3, approverUserid: 'wangwu' });
    const own = await ask(t, 'lisi', '请假 事假 从=3月9日');
    expect(await leave(t, own)).toMatchObject({ approverRole: 'chief_rep', approverUserid: 'wangwu' });
    await t.click('wangwu', `approve:${await spOf(t, trip)}`);
    expect((await leave(t, trip)).status).toBe('approved');
    expect(t.lastTextTo('zhangsan')).toContain('已批准');
    expect((await t.groupTexts('G-OFFICE')).some((x) => x.includes('已批准') && x.includes('张三 出差'))).toBe(true);
    // The B-post 李四 is told to stand in.
    expect(t.textsTo('lisi').some((x) => x.includes('请在此期间顶岗 13号窗'))).toBe(true);
  });

  it('ATT-05 a 首席代表 with a 分管领导 on WeCom: the card goes to that leader; a reject records the reason', async () => {
    t = await startTestBot({ now: '2026-03-02T10:00:00+08:00' });
    const m = t.bot.deps.db.manager;
    await insertRows(m, Person, {
      userid: 'zhaoliu',
      name: '赵六',
      departmentCode: null,
      windowNumber: null,
      flags: [],
      abPartner: null,
      stationedSince: null,
      phone: null,
      status: '在岗',
      inactive: false,
    });
    await m.update(Department, { code: 'GA' }, { deptLeaderUserid: 'zhaoliu' });
    const no = await ask(t, 'wangwu', '请假 年休假 从=3月4日 到=3月5日');
    expect(await leave(t, no)).toMatchObject({ approverRole: 'dept_leader', approverUserid: 'zhaoliu' });
    expect(t.lastTextTo('wangwu')).toContain('待 部门分管领导 审批');
    await t.click('zhaoliu', `reject:${await spOf(t, no)}`);
    await t.say('zhaoliu', '3月4日局里有检查');
    expect((await leave(t, no)).status).toBe('rejected');
    expect(await office(`${no} 王五 年休假 3/4–3/5（2个工作日） 未获批准：3月4日局里有检查`)).toHaveLength(1);
  });

  it('ATT-05 D151 a 首席代表 whose department has no deptLeaderUserid: 大厅管理室 records the paper approval with a photo', async () => {
    t = await startTestBot({ now: '2026-03-02T10:00:00+08:00' });
    const no = await ask(t, 'wangwu', '请假 年休假 从=3月4日 到=3月5日');
    expect(t.lastTextTo('wangwu')).toContain(`✅ ${no} 年休假 3/4–3/5 2天，待部门分管领导纸质审批（大厅管理室登记）`);
    expect(await leave(t, no)).toMatchObject({ status: 'draft', approverRole: 'paper', approvalNo: null });
    expect(await office(`请收到分管领导签字的纸质审批后发送“请假 纸质审批 ${no}”并拍照上传`)).toHaveLength(1);
    await t.say('lisi', `请假 纸质审批 ${no}`);
    expect(t.lastTextTo('lisi')).toBe('你没有权限使用“请假 纸质审批”（需要：大厅管理室）。');
    await t.say('zhao', `请假 纸质审批 ${no}`);
    expect(t.lastTextTo('zhao')).toContain('请在10分钟内发送分管领导签字的纸质审批照片');
    expect((await leave(t, no)).status).toBe('draft');
    await t.post({ type: 'image', from: 'zhao', mediaId: 'PAPER' } as never);
    expect(t.lastTextTo('zhao')).toContain(`✅ ${no} 王五 年休假 3/4–3/5（2个工作日） 已按纸质审批批准（照片已存档）`);
    expect(await leave(t, no)).toMatchObject({ status: 'approved', paperApproval: true, paperRecordedBy: 'zhao' });
    expect(t.textsTo('wangwu')).toContain(
      `${no} 年休假 3/4–3/5（2个工作日）：分管领导纸质审批已由大厅管理室登记，已批准。`,
    );
    // DIR-02: the 首席代表 is reminded to name a 代理人 for the days away.
    expect(t.lastTextTo('wangwu')).toBe(
      `${no} 已批准。请假期间的审批可指定代理人：代理 设置 <代理人> 从=2026-03-04 到=2026-03-05（rule DIR-02）。`,
    );
    await t.say('zhao', `请假 纸质审批 ${no}`);
    expect(t.lastTextTo('zhao')).toBe(`${no} 当前状态不能登记纸质审批（已批准）。`);
    // A refusal on paper is recorded with its reason; nothing takes effect, so no photo is asked for.
    const second = await ask(t, 'wangwu', '请假 事假 从=3月9日');
    await t.say('zhao', `请假 纸质审批 ${second} 结果=驳回`);
    expect(t.lastTextTo('zhao')).toBe('请写明分管领导驳回的原因：请假 纸质审批 QJ… 结果=驳回 原因=…');
    await t.say('zhao', `请假 纸质审批 ${second} 结果=驳回 原因=当周局里有检查`);
    const text = `${second} 王五 事假 3/9（1个工作日） 未获分管领导批准（纸质）：当周局里有检查`;
    expect(t.lastTextTo('zhao')).toBe(`✅ 已登记：${text}`);
    expect(t.lastTextTo('wangwu')).toBe(text);
    expect(await leave(t, second)).toMatchObject({ status: 'rejected', paperApproval: false, paperRecordedBy: 'zhao' });
  });
});

describe('SUS-04 leave overlapping a peak', () => {
  it('SUS-04 SOFT: asks for 理由=, then the card shows the peak to the approver', async () => {
    t = await startTestBot({ now: '2026-03-02T10:00:00+08:00' });
    const peak = await approvedPeak(t, 'GA', '2026-03-05', '2026-03-06');
    await t.say('zhangsan', '请假 事假 从=3月6日');
    expect(t.lastTextTo('zhangsan')).toBe(
      `⚠️ 提醒（rule SUS-04）：与本部门业务高峰 ${peak}（3/5–3/6）重叠，高峰期间工作人员须全员在岗。如确需继续，请补充 理由=…`,
    );
    const no = await ask(t, 'zhangsan', '请假 事假 从=3月6日 理由=孩子住院需陪护');
    expect(await leave(t, no)).toMatchObject({
      peaks: [`${peak} 3/5–3/6`],
      softReasons: { 'SUS-04': '孩子住院需陪护' },
    });
    const card = t.cardsTo('lisi').at(-1)!.card as { horizontal_content_list: { keyname: string; value: string }[] };
    expect(card.horizontal_content_list).toContainEqual({ keyname: '业务高峰', value: `⚠️ ${peak} 3/5–3/6` });
    await t.say('zhangsan', '请假 事假 从=3月9日');
    expect(t.lastTextTo('zhangsan')).toMatch(/^✅ QJ2026-0002 事假 3\/9 1天/);
  });
});
