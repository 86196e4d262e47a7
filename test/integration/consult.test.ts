import { afterEach, describe, expect, it } from 'vitest';
import { Consultation } from '../../entities/consultation';
import { ReminderLog } from '../../entities/reminder-log';
import { consultationLedger } from '../../src/domain/consult/ledger';
import { type TestBot, startTestBot } from '../helpers/bot';

// 咨询 登记/答复/请求专家 via chat (CAS-03, CAS-04, CAS-20, CAS-23; OPEN #43, #47). Mon 2026-03-02 is a WD.

let t: TestBot;
afterEach(async () => {
  await t.close();
});

const db = () => t.bot.deps.db.manager;
const zx = (no: string) => db().findOneOrFail(Consultation, { where: { no } });
const feed = (who: string, needle: string) => t.textsTo(who).filter((x) => x.includes(needle));

describe('CAS-23 routing outcomes', () => {
  it('CAS-23 中心外告知 without 地址 is refused (HARD), nothing stored', async () => {
    t = await startTestBot({ now: '2026-03-02T10:00:00+08:00' });
    await t.say('xiaogao', '咨询 登记 问题=营业执照年报 结果=中心外告知 单位=旗市场监管局');
    expect(t.lastTextTo('xiaogao')).toContain('❌ 不符合规定（rule CAS-23；000 首问负责 第五条(一)1(3)）');
    expect(t.lastTextTo('xiaogao')).toContain('缺少地址');
    await t.say('xiaogao', '咨询 登记 问题=营业执照年报 结果=中心外告知');
    expect(t.lastTextTo('xiaogao')).toContain('缺少单位、地址');
    expect(await db().count(Consultation)).toBe(0);
  });

  it('CAS-23 a guide logs 中心外告知 with unit and address; 本岗办理 closes at once; bad outcome refused', async () => {
    t = await startTestBot({ now: '2026-03-02T10:00:00+08:00' });
    await t.say('xiaogao', '咨询 登记 问题=营业执照年报 结果=中心外告知 单位=旗市场监管局 地址=嘎鲁图镇团结路8号');
    expect(t.lastTextTo('xiaogao')).toBe('✅ ZX2026-00001 中心外告知｜已告知 旗市场监管局（嘎鲁图镇团结路8号）');
    expect(await zx('ZX2026-00001')).toMatchObject({
      firstResponder: 'xiaogao',
      status: '已办结',
      outcome: '中心外告知',
    });
    await t.say('lisi', '咨询 登记 问题=户口迁入材料 结果=本岗办理');
    expect(t.lastTextTo('lisi')).toBe('✅ ZX2026-00002 本岗办理');
    await t.say('lisi', '咨询 登记 问题=户口迁入材料 结果=推给别人');
    expect(t.lastTextTo('lisi')).toContain('结果“推给别人”无效，可选：本岗办理、中心内指引、中心外告知');
    await t.say('wangwu', '咨询 登记 问题=户口迁入材料 结果=本岗办理');
    expect(await db().count(Consultation)).toBe(2);
  });
});

describe('CAS-04 answer within 1 WD (OPEN #43)', () => {
  it('CAS-04 open question due next WD, reminded once on the due day, overdue once per WD with a digest, then answered', async () => {
    t = await startTestBot({ now: '2026-03-06T15:00:00+08:00' }); // Friday
    await t.say('lisi', '咨询 登记 问题=社保补缴政策 结果=本岗办理 渠道=电话 联系=13912345678 待答复=是');
    expect(t.lastTextTo('lisi')).toContain('✅ ZX2026-00001 待答复，期限 3月9日');
    expect(await zx('ZX2026-00001')).toMatchObject({ status: '待答复', answerDue: '2026-03-09' });
    await t.runJob('consult-answer-reminders', '2026-03-06T09:00:00+08:00', { force: true });
    expect(feed('lisi', 'ZX1')).toHaveLength(0);
    await t.runJob('consult-answer-reminders', '2026-03-09T09:00:00+08:00');
    await t.runJob('consult-answer-reminders', '2026-03-09T09:00:00+08:00', { force: true });
    expect(feed('lisi', 'ZX1 咨询“社保补缴政策”今天（3月9日）到期')).toHaveLength(1);
    await t.runJob('consult-answer-reminders', '2026-03-10T09:00:00+08:00');
    await t.runJob('consult-answer-reminders', '2026-03-10T09:00:00+08:00', { force: true });
    expect(feed('lisi', '已超过答复期限 3月9日（rule CAS-04）')).toHaveLength(1);
    expect((await t.groupTexts('G-OFFICE')).filter((x) => x.includes('逾期未答复的咨询'))).toHaveLength(1);
    t.setNow('2026-03-10T10:00:00+08:00');
    await t.say('zhangsan', '咨询 答复 ZX1 内容=已电话告知 回电=是'); // same department stands in
    expect(t.lastTextTo('zhangsan')).toBe('✅ ZX1 已答复（已回电致歉）（超过约定期限 3月9日）');
    expect(await zx('ZX2026-00001')).toMatchObject({ status: '已答复', callback: true, answeredBy: 'zhangsan' });
    await t.runJob('consult-answer-reminders', '2026-03-11T09:00:00+08:00');
    expect(feed('lisi', '已超过答复期限')).toHaveLength(1);
    await t.say('lisi', '咨询 答复 ZX1');
    expect(t.lastTextTo('lisi')).toContain('ZX2026-00001 已答复（3月10日），无需再答复');
  });

  it('CAS-04 an agreed date replaces the 1 WD default; another department may not answer; mistyped number named', async () => {
    t = await startTestBot({ now: '2026-03-02T10:00:00+08:00' });
    await t.say('xiaogao', '咨询 登记 问题=公积金提取 结果=中心内指引 指引=5号窗 答复期限=3月5日');
    expect(t.lastTextTo('xiaogao')).toBe(
      '✅ ZX2026-00001 待答复，期限 3月5日｜指引至 5号窗\n答复后发送：咨询 答复 ZX2026-00001 内容=…',
    );
    await t.say('wujing', '咨询 答复 ZX1 内容=…');
    expect(t.lastTextTo('wujing')).toContain('首问责任人是他人（rule CAS-03）');
    await t.say('xiaogao', '咨询 答复 ZX9');
    expect(t.lastTextTo('xiaogao')).toBe('没有 ZX2026-00009。你是不是要：ZX2026-00001？');
    await t.say('lisi', '咨询 答复 ZX9');
    expect(t.lastTextTo('lisi')).toBe('没有 ZX2026-00009。发送“咨询 列表”查看待答复的咨询。');
    await t.say('xiaogao', '咨询 列表');
    expect(t.lastTextTo('xiaogao')).toContain('ZX1 期限 3/5｜小高｜公积金提取');
    await t.say('xiaogao', '咨询 答复 ZX1 内容=已答复');
    expect(t.lastTextTo('xiaogao')).toBe('✅ ZX1 已答复');
    await t.say('xiaogao', '咨询 列表');
    expect(t.lastTextTo('xiaogao')).toContain('（无待答复的咨询）');
  });
});

describe('CAS-20 请求专家 (OPEN #47 30 minutes)', () => {
  it('CAS-20 card to the 首席代表; 30-minute reminder sent once by presence-timers; ack stops it', async () => {
    t = await startTestBot({ now: '2026-03-02T09:20:00+08:00' });
    await t.say('hexin', '咨询 请求专家 事项=跨省户口迁移特殊情形 窗口=12');
    expect(t.lastTextTo('hexin')).toBe('✅ 已请求 GA 派员（ZX1），09:50 前回应');
    const card = t.cardsTo('wangwu').at(-1)!;
    expect(JSON.stringify(card.card)).toContain('ack:ZX2026-00001');
    await t.runJob('presence-timers', '2026-03-02T09:49:00+08:00');
    expect(feed('wangwu', '超过30分钟未回应')).toHaveLength(0);
    await t.runJob('presence-timers', '2026-03-02T09:50:00+08:00');
    await t.runJob('presence-timers', '2026-03-02T09:51:00+08:00');
    await t.runJob('presence-timers', '2026-03-02T09:52:00+08:00');
    expect(
      feed('wangwu', 'ZX1 综窗请求 GA 派员（09:20，“跨省户口迁移特殊情形”）已超过30分钟未回应（rule CAS-20）'),
    ).toHaveLength(1);
    expect(feed('hexin', 'GA 首席代表王五30分钟内未回应')).toHaveLength(1);
    expect(await db().count(ReminderLog, { where: { subject: 'ZX2026-00001', kind: 'expert-ack' } })).toBe(1);
    await t.click('lisi', 'ack:ZX2026-00001', { taskId: card.taskId! }); // not the asked department's 首席代表
    expect(t.lastTextTo('lisi')).toContain('相关部门首席代表');
    expect((await zx('ZX2026-00001')).ackAt).toBeNull();
    await t.click('wangwu', 'ack:ZX2026-00001');
    expect(t.lastTextTo('wangwu')).toContain('✅ ZX1 已回应，请尽快派员到12号窗');
    expect(feed('hexin', '✅ GA 首席代表王五已回应 ZX1')).toHaveLength(1);
    expect(await zx('ZX2026-00001')).toMatchObject({ status: '已响应', ackBy: 'wangwu' });
  });

  it('CAS-20 acknowledged in time: no reminder; request needs a department; staff may not request', async () => {
    t = await startTestBot({ now: '2026-03-02T14:00:00+08:00' });
    await t.say('hexin', '咨询 请求专家 事项=分户登记 部门=GA');
    await t.click('wangwu', 'ack:ZX2026-00001');
    expect(t.lastTextTo('wangwu')).toBe('✅ ZX1 已回应，请尽快派员到15号窗。');
    await t.runJob('presence-timers', '2026-03-02T14:31:00+08:00');
    expect(feed('wangwu', '未回应')).toHaveLength(0);
    await t.say('hexin', '咨询 请求专家 事项=分户登记');
    expect(t.lastTextTo('hexin')).toContain('请写明需要派员的部门或其窗口');
    await t.say('lisi', '咨询 请求专家 事项=分户登记 部门=GA');
    expect(await db().count(Consultation)).toBe(1);
  });
});

describe('咨询登记台账', () => {
  it('CAS-03 ledger lists first responder, outcome, address and answer; contact masked unless unmasked', async () => {
    t = await startTestBot({ now: '2026-03-02T10:00:00+08:00' });
    await t.say('lisi', '咨询 登记 问题=社保补缴 结果=本岗办理 联系=13912345678 待答复=是');
    await t.say('lisi', '咨询 登记 问题=营业执照 结果=中心外告知 单位=旗市场监管局 地址=团结路8号');
    const range = { from: '2026-03-01', to: '2026-03-31' };
    const [masked] = await consultationLedger.build(t.bot.deps.db, range, { unmasked: false });
    expect(masked.rows).toHaveLength(2);
    expect(masked.rows[0]).toMatchObject({
      no: 'ZX2026-00001',
      responder: '李四',
      contact: '139****5678',
      due: '2026-03-03',
    });
    expect(masked.rows[1]).toMatchObject({ outcome: '中心外告知', route: '旗市场监管局｜团结路8号' });
    const [full] = await consultationLedger.build(t.bot.deps.db, range, { unmasked: true });
    expect(full.rows[0].contact).toBe('13912345678');
    await t.say('zhao', '导出 咨询登记台账');
    expect(t.dms('zhao').some((m) => m.msgtype === 'file')).toBe(true);
    await t.say('lisi', '咨询 查看 ZX1');
    expect(t.lastTextTo('lisi')).toContain('联系：13912345678');
    await t.say('zhangsan', '咨询 查看 ZX1');
    expect(t.lastTextTo('zhangsan')).toContain('联系：139****5678');
    await t.say('wujing', '咨询 查看 ZX1');
    expect(t.lastTextTo('wujing')).toContain('无权查看');
    await t.say('lisi', '记录 历史 ZX1');
    expect(t.lastTextTo('lisi')).toContain('ZX2026-00001');
    await t.say('wujing', '记录 历史 ZX1');
    expect(t.lastTextTo('wujing')).toContain('你不能查看 ZX2026-00001');
  });
});
