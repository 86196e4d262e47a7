import JSZip from 'jszip';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Complaint } from '../../entities/complaint';
import { Notice } from '../../entities/notice';
import { OutboxRow } from '../../entities/outbox';
import { Rectification } from '../../entities/rectification';
import { Talk } from '../../entities/talk';
import { startTestBot, type TestBot } from '../helpers/bot';

// BRF-04…BRF-10 over February → March 2026: findings and a 属实 complaint in February, the monthly batch on the
// 1st WD of March (Mon 03-02) proposes the 约谈 candidates by the OPEN #19/#20 thresholds and drafts the 书面通报;
// 口头通报 are released every WD; a 约谈记录 and the 书面通报 approved on Thu 03-12 take the next numbers; the .docx
// is parsed back and holds every department's six sections.

const at = (day: string, hhmm: string) => `${day}T${hhmm}:00+08:00`;
const DEPTS = ['BDC', 'GA', 'SB', 'SL', 'SW', 'ZH'];
const DEPT_NAMES = ['不动产登记中心', '旗公安局', '旗社保局', '旗水利局', '旗税务局', '综合一窗'];

async function find(t: TestBot, who: string, text: string): Promise<string> {
  await t.say(who, text);
  const m = /✅ (WT\d{4}-\d{4})/.exec(t.lastTextTo(who));
  if (!m) throw new Error(`finding failed: ${t.lastTextTo(who)}`);
  return m[1];
}

async function oralDay(t: TestBot, day: string): Promise<void> {
  await t.runJob('oral-notice-draft', at(day, '07:45'));
  const n = await t.bot.deps.db.manager.findOneByOrFail(Notice, { periodKey: `口头:${day}` });
  t.setNow(at(day, '08:00'));
  await t.click('liu', `approve:${n.approvalNo}`);
  await t.runJob('oral-notice-publish', at(day, '08:20'));
}

describe('monthly 约谈 and numbered 书面通报 (BRF-04…BRF-10)', () => {
  let t: TestBot;
  let sbSerious = '';
  beforeAll(async () => {
    t = await startTestBot({ now: at('2026-02-02', '10:00') });
    await t.say('zhao', '巡查 开始 类型=日常 区域=前台,后台,公共');
    // GA: 3 findings (OPEN #19 threshold: ≥3 confirmed)
    t.setNow(at('2026-02-03', '10:00'));
    await find(t, 'zhao', '巡查 发现 窗口=12 项=3 说明=空岗');
    t.setNow(at('2026-02-04', '10:00'));
    await find(t, 'zhao', '巡查 发现 窗口=13 项=5 说明=玩手机');
    t.setNow(at('2026-02-05', '10:00'));
    await find(t, 'zhao', '巡查 发现 窗口=12 项=4 说明=台面杂乱');
    // SB: one 典型 finding whose order is overdue at month end (OPEN #19 and #20)
    sbSerious = await find(t, 'zhao', '巡查 发现 窗口=5 项=2 程度=典型 说明=拒绝群众评价');
    await t.say('zhao', `整改 下达 ${sbSerious} 责任人=@黄燕 期限=2月9日`);
    // BDC: one 一般 finding — below every threshold
    await find(t, 'zhao', '巡查 发现 窗口=9 项=9 说明=地面有水渍');
    // ZH: 3 findings, one still disputed at month end → 2 counted, not a candidate
    await find(t, 'zhao', '巡查 发现 窗口=15 项=3 说明=串岗');
    await find(t, 'zhao', '巡查 发现 窗口=16 项=3 说明=迟到');
    const zh = await find(t, 'zhao', '巡查 发现 窗口=17 项=6 说明=未佩戴工牌');
    await t.say('zhengli', `巡查 异议 ${zh} 理由=工牌在补办中`);
    // SL: praise only
    await t.say('zhao', '巡查 表扬 窗口=14 说明=主动延时服务');
    // SW: a 属实 complaint received in February (via the [complaints] commands)
    t.setNow(at('2026-02-10', '10:00'));
    await t.say(
      'zhao',
      '投诉 登记 对象=1号窗 事项=办税时态度生硬 方式=投诉登记本 姓名=钱某 电话=13912345670 类别=服务态度',
    );
    const ts = /✅ (TS\d{4}-\d{4})/.exec(t.lastTextTo('zhao'))![1];
    await t.say('zhao', `投诉 调查 ${ts} 对象=投诉人 记录=投诉人陈述经过`);
    await t.say('zhao', `投诉 调查 ${ts} 对象=被投诉人 记录=曹杰承认语气不当`);
    await t.say('zhao', `投诉 现场协调 ${ts} 结果=当场致歉`);
    await t.say('zhao', `投诉 答复 ${ts} 方式=电话 满意度=满意`);
    await t.say('zhao', `投诉 结果 ${ts} 属实`);
  }, 60_000);
  afterAll(async () => {
    // every queued message was accepted by (fake) WeCom: no unknown recipient such as a job's system actor
    const failed = await t.bot.deps.db.manager.find(OutboxRow, { where: { status: 'failed' } });
    await t.close();
    expect(failed.map((r) => `${r.target}: ${r.lastError}`)).toEqual([]);
  });

  it('the February data is in place (a 属实 complaint about SW; the SB order overdue)', async () => {
    const c = await t.bot.deps.db.manager.findOneByOrFail(Complaint, { departmentCode: 'SW' });
    expect(c.outcome).toBe('属实');
    expect((await t.bot.deps.db.manager.findOneByOrFail(Rectification, { source: sbSerious })).status).toBe('待报方案');
  });

  it('BRF-04/05 monthly-batch on the 1st WD proposes exactly the departments over the OPEN #19/#20 thresholds', async () => {
    const r = await t.runJob('monthly-batch', at('2026-03-02', '09:00'));
    expect(r).toMatchObject({ status: 'ok', period: '2026-03' });
    const office = (await t.groupTexts('G-OFFICE')).find((x) => x.startsWith('【月度汇总】2月'))!;
    expect(office).toContain(
      '一、约谈候选（BRF-04/05，须于3月10日前完成）：GA 约谈首席代表（问题3）；SB 约谈首席代表（典型问题1）；SW 约谈首席代表（属实投诉1）；SB 约谈分管领导（严重问题整改不到位1）',
    );
    expect(office).toContain('二、书面通报草稿（BRF-07，须于3月15日前印发）：6个部门');
    expect(office).toMatch(/三、扣分事件（PRF-14）：KF2026-\d{4} SW CMP-19/);
    const talks = await t.bot.deps.db.manager.find(Talk, { order: { departmentCode: 'ASC', target: 'ASC' } });
    expect(talks.map((x) => `${x.departmentCode}:${x.target}:${x.status}`)).toEqual([
      'GA:首席代表:候选',
      'SB:分管领导:候选',
      'SB:首席代表:候选',
      'SW:首席代表:候选',
    ]);
    expect(t.lastTextTo('gaofeng')).toContain('约谈候选：无'); // BDC: one 一般 finding
    expect(t.lastTextTo('zhengli')).toContain('约谈候选：无'); // ZH: the disputed finding does not count
    await t.say('zhao', '约谈 候选');
    expect(t.lastTextTo('zhao')).toMatch(
      /^2月约谈候选：GA（问题3）、SB（典型问题1）、SW（属实投诉1）、SB（分管领导）（严重问题整改不到位1）/,
    );
    // it runs once per month: not on the 2nd WD
    expect((await t.runJob('monthly-batch', at('2026-03-03', '09:00'))).status).toBe('not-due');
  });

  it('BRF-02/10 口头通报 are numbered on release, BRF-04 reminders on the 5th and (8th = Sunday →) Fri the 6th', async () => {
    for (const d of ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05']) await oralDay(t, d);
    t.setNow(at('2026-03-05', '10:00'));
    await t.say('zhao', '约谈 确认 GA 对象=首席代表');
    expect(t.lastTextTo('zhao')).toBe('✅ GA 约谈首席代表，须于3月10日前完成');
    expect(t.lastTextTo('wangwu')).toContain('GA 将被约谈（约谈首席代表');
    await t.say('zhao', '约谈 确认 SB 对象=分管领导');
    await t.runJob('talk-reminders', at('2026-03-05', '09:00'));
    const remind = (await t.groupTexts('G-OFFICE')).filter((x) => x.startsWith('⏰ 2026-02 约谈须于'));
    expect(remind).toHaveLength(1);
    expect((await t.runJob('talk-reminders', at('2026-03-06', '09:00'))).status).toBe('ok');
    expect((await t.groupTexts('G-OFFICE')).filter((x) => x.startsWith('⏰ 2026-02 约谈须于'))).toHaveLength(2);
    await oralDay(t, '2026-03-06');
    await oralDay(t, '2026-03-09');
  });

  it('BRF-06 约谈记录 → 中心领导 approves → 督通 number (约谈) and an ACC-04 order to the 首席代表', async () => {
    t.setNow(at('2026-03-09', '10:30'));
    await t.say(
      'zhao',
      '约谈 记录 GA 日期=3月9日 约谈人=@陈主任,@赵敏 意见=人员紧张，请求增派B岗 整改=落实AB岗，杜绝空岗 期限=3月20日',
    );
    const sp = /约谈记录 (SP\d{4}-\d{5}) 已送中心领导审定/.exec(t.lastTextTo('zhao'))![1];
    t.setNow(at('2026-03-09', '11:00'));
    await t.click('chen', `approve:${sp}`);
    const talk = await t.bot.deps.db.manager.findOneByOrFail(Talk, { departmentCode: 'GA', target: '首席代表' });
    expect(talk).toMatchObject({
      status: '已完成',
      noticeNo: '督通〔2026〕7号',
      late: false,
      talkers: '陈主任、赵敏',
      targetName: '王五',
    });
    const order = await t.bot.deps.db.manager.findOneByOrFail(Rectification, { no: talk.rectificationNo! });
    expect(order).toMatchObject({ source: '督通〔2026〕7号', responsible: 'wangwu', status: '待报方案' });
    expect(t.textsTo('wangwu').some((x) => x.includes(`责令整改 ${order.no}（来源 督通〔2026〕7号）`))).toBe(true);
  });

  it('BRF-04/05 after the 10th every unfinished talk, unconfirmed candidates included, is escalated to G-LEAD once', async () => {
    await oralDay(t, '2026-03-10');
    await oralDay(t, '2026-03-11');
    await t.runJob('talk-reminders', at('2026-03-11', '09:00'));
    await t.runJob('talk-reminders', at('2026-03-11', '09:00'), { force: true });
    const lead = (await t.groupTexts('G-LEAD')).filter((x) => x.startsWith('⚠️ 2026-02 约谈逾期'));
    expect(lead).toHaveLength(1);
    expect(lead[0]).toContain('SB 约谈分管领导（已确认）');
    // A candidate nobody confirmed does not lapse silently.
    expect(lead[0]).toContain('SB 约谈首席代表（候选，未确认）');
    expect(lead[0]).toContain('SW 约谈首席代表（候选，未确认）');
    expect(lead[0]).not.toContain('GA');
  });

  it('BRF-07/BRF-10 the 书面通报 approved on the 12th carries the next number; reminder to the leaders on the 12th', async () => {
    t.setNow(at('2026-03-11', '15:00'));
    await t.say('zhao', '书面通报 修改 GA 节=2 文字=无综窗人员');
    expect(t.lastTextTo('zhao')).toBe('✅ GA 第（2）项已更新');
    await t.say('zhao', '书面通报 送审');
    const sp = /✅ (SP\d{4}-\d{5}) 已送审，须3月15日前发布/.exec(t.lastTextTo('zhao'))![1];
    await oralDay(t, '2026-03-12');
    await t.runJob('written-notice-reminders', at('2026-03-12', '09:00'));
    expect(t.lastTextTo('sun')).toContain(`2026-02 书面通报待审定（${sp}），须于3月15日前印发`);
    t.setNow(at('2026-03-12', '10:00'));
    await t.click('sun', `approve:${sp}`);
    const n = await t.bot.deps.db.manager.findOneByOrFail(Notice, { periodKey: '书面:2026-02' });
    const released = await t.bot.deps.db.manager.find(Notice, { order: { seq: 'ASC' } });
    const numbered = released.filter((x) => x.no);
    expect(numbered.map((x) => x.seq)).toEqual(numbered.map((_, i) => i + 1));
    expect(n.no).toBe(`督通〔2026〕${numbered.length}号`);
    expect(n.no).toBe('督通〔2026〕11号'); // 9 口头 (03-02…03-12) + 1 约谈 before it
    expect(n.status).toBe('已发布');
    await t.say('lisi', '通报 列表');
    expect(t.lastTextTo('lisi')).toContain('督通〔2026〕11号 书面 3/12');
    expect(t.lastTextTo('lisi')).toContain('督通〔2026〕7号 约谈 3/9 GA'); // own department
    await t.say('hulei', '通报 列表');
    expect(t.lastTextTo('hulei')).not.toContain('约谈'); // SB staff do not see GA's 约谈
    await t.say('lisi', '通报 查看 督通11');
    const view = t.lastTextTo('lisi');
    expect(view).toContain('GA 旗公安局');
    expect(view).not.toContain('SB 旗社保局'); // own section only
    // escalation on the 14th (Sat → Fri 13th) stays silent: already issued
    await t.runJob('written-notice-reminders', at('2026-03-13', '09:00'));
    expect((await t.groupTexts('G-LEAD')).some((x) => x.includes('书面通报') && x.startsWith('⚠️'))).toBe(false);
  });

  it('BRF-07 the .docx opens and holds every department section; each department gets its own part', async () => {
    const rows = await t.bot.deps.db.manager.find(OutboxRow, { where: { msgType: 'file' } });
    expect(rows.map((r) => r.status)).toEqual(rows.map(() => 'sent')); // uploaded and delivered (app chats and the GA robot)
    const lead = rows.find((r) => r.target === 'G-LEAD')!;
    const file = lead.body.file as { path: string; filename: string };
    expect(file.filename).toBe('督通〔2026〕11号（书面）2026年2月督查情况书面通报.docx');
    const xml = await (await JSZip.loadAsync(await readFile(file.path))).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    for (const d of DEPT_NAMES) expect(text).toContain(d);
    expect(text.split('1.服务窗口（含前后台）日常管理情况')).toHaveLength(DEPTS.length + 1);
    expect(text.split('6.办事对象投诉、整改反馈情况等其他事项')).toHaveLength(DEPTS.length + 1);
    expect(text).toContain('督通〔2026〕11号');
    expect(text).toContain('无综窗人员'); // the edited GA section (2)
    expect(text).toMatch(/属实1/); // SW section (6) from the complaints module
    const depts = rows
      .filter((r) => r.target.startsWith('G-DEPT-'))
      .map((r) => r.target)
      .sort();
    expect(depts).toEqual(DEPTS.map((d) => `G-DEPT-${d}`));
    const ga = rows.find((r) => r.target === 'G-DEPT-GA')!.body.file as { path: string };
    const gaText = (
      await (await JSZip.loadAsync(await readFile(ga.path))).file('word/document.xml')!.async('string')
    ).replace(/<[^>]+>/g, '');
    expect(gaText).toContain('（一）旗公安局');
    expect(gaText).not.toContain('旗社保局');
    expect((await t.groupTexts('G-HALL')).some((x) => x.startsWith('## 2026年2月督查情况书面通报'))).toBe(true);
  });

  it('BRF-05 / D31 a talk held after the 10th is recorded with its real date and flagged late, never refused', async () => {
    t.setNow(at('2026-03-13', '10:00'));
    await t.say(
      'zhao',
      '约谈 记录 SB 对象=分管领导 日期=3月12日 约谈人=@孙主任 意见=人手不足 整改=月底前完成整改 期限=3月31日',
    );
    expect(t.lastTextTo('zhao')).toMatch(
      /^✅ 约谈记录 SP\d{4}-\d{5} 已送中心领导审定（约谈日期晚于3月10日，已标记逾期）/,
    );
    expect(
      await t.bot.deps.db.manager.findOneByOrFail(Talk, { departmentCode: 'SB', target: '分管领导' }),
    ).toMatchObject({ status: '待审定', late: true, talkDate: '2026-03-12', targetName: '钱七' });
  });
});
