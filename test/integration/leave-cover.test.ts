import { afterEach, describe, expect, it } from 'vitest';
import { Person } from '../../entities/person';
import { approvedLeaveOn, leaveInMonth } from '../../src/domain/staffing/leave-queries';
import { type TestBot, startTestBot } from '../helpers/bot';
import { MEASURES } from '../helpers/windows';
import { approved, ask, leave, spOf } from './leave-helpers';

// Cover while someone is away (ATT-07, OPEN #60, DIR-09, WIN-03; D153, D212) and 销假 (ATT-06; D152, D154).
// GA: 李四 12号窗 (窗口负责人) and 张三 13号窗 are each other's B-post; 王五 is the 首席代表.

let t: TestBot;
afterEach(async () => {
  await t.close();
});

const db = () => t.bot.deps.db.manager;
const office = async (needle: string) => (await t.groupTexts('G-OFFICE')).filter((x) => x.includes(needle));

describe('ATT-07 a window left without cover', () => {
  it('ATT-07 SOFT when the B-post is away too; on approval the 首席代表 is offered 顶岗 or a closure from the earliest closure date', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    await approved(t, 'lisi', '请假 事假 从=3月5日 到=3月6日', 'wangwu');
    await t.say('zhangsan', '请假 年休假 从=3月5日 到=3月6日');
    expect(t.lastTextTo('zhangsan')).toBe(
      '⚠️ 提醒（rule ATT-07）：13号窗将无人在岗（B岗 李四 同期请假，无顶岗、无临时关闭）。如确需继续，请补充 理由=…',
    );
    const no = await ask(t, 'zhangsan', '请假 年休假 从=3月5日 到=3月6日 理由=年初已报年休计划');
    const card = t.cardsTo('wangwu').at(-1)!.card as { horizontal_content_list: { keyname: string; value: string }[] };
    expect(card.horizontal_content_list).toContainEqual({
      keyname: '顶岗',
      value: 'B岗 李四（同期请假）；顶岗 无；临时关闭 无',
    });
    // Approved on Wed 3/4 after 17:30: a closure filed now counts from Thu 3/5, so it can start Fri 3/6 at the earliest.
    t.setNow('2026-03-04T18:00:00+08:00');
    await t.click('wangwu', `approve:${await spOf(t, no)}`);
    const prompt = `⚠️ 13号窗 3/5–3/6 无人在岗（rule ATT-07；张三 年休假 ${no}）：请发送 顶岗 登记 安排顶岗人员，或申请临时关闭：窗口 关闭 13号窗 从=2026-03-06 到=2026-03-06 事由=张三年休假（${no}）（最早可关闭日期 2026-03-06）。`;
    expect(t.textsTo('wangwu')).toContain(prompt);
    expect(await office(prompt)).toHaveLength(1);
    expect(t.textsTo('lisi').some((x) => x.includes('请在此期间顶岗'))).toBe(false);
  });

  it('ATT-07 a same-day 病假 needs no 理由= and gets 顶岗 only (no closure can start today)', async () => {
    t = await startTestBot({ now: '2026-03-02T10:00:00+08:00' });
    await approved(t, 'lisi', '请假 事假 从=3月5日', 'wangwu');
    t.setNow('2026-03-05T08:05:00+08:00');
    const no = await approved(t, 'zhangsan', '请假 病假 从=今天', 'lisi');
    expect(t.textsTo('wangwu')).toContain(
      `⚠️ 13号窗 3/5 无人在岗（rule ATT-07；张三 病假 ${no}）：请发送 顶岗 登记 安排顶岗人员，临时关闭须提前1个工作日申请（最早可关闭日期 2026-03-06），本次只能安排顶岗。`,
    );
  });

  it('ATT-07 an approved closure of the window is cover: no warning, no prompt', async () => {
    t = await startTestBot({ now: '2026-03-02T10:00:00+08:00' });
    await approved(t, 'lisi', '请假 事假 从=3月5日', 'wangwu');
    // Filed before 张三's 出差 exists, the closure has no QJ ground yet (WIN-03, D212): 王五 proceeds with 理由=.
    await t.say(
      'wangwu',
      `窗口 关闭 13号窗 从=3月5日 到=3月5日 事由=张三参加市局业务培训 ${MEASURES} 理由=张三出差申请随后提交`,
    );
    expect(t.lastTextTo('wangwu')).toMatch(/^✅ GB2026-GA-001 已提交/);
    const no = await ask(t, 'zhangsan', '出差 从=3月5日 事由=市局业务培训');
    expect((await leave(t, no)).cover).toMatchObject({ window: '13', closures: ['GB2026-GA-001'], partnerAway: true });
  });
});

describe('WIN-03 grounds and the B-post from the QJ records (D212)', () => {
  it('WIN-03 a B-post on approved leave is not offered as 顶岗; the same B-post in post is', async () => {
    t = await startTestBot({ now: '2026-03-02T10:00:00+08:00' });
    await db().update(Person, { userid: 'lisi' }, { windowNumber: null }); // 李四 is only 张三's B-post now
    await ask(t, 'zhangsan', '出差 从=3月5日 到=3月6日 事由=市局业务培训');
    const file = `窗口 关闭 13号窗 从=3月5日 到=3月6日 事由=张三参加市局业务培训 ${MEASURES}`;
    await t.say('wangwu', file);
    expect(t.lastTextTo('wangwu')).toBe(
      '⚠️ 提醒（rule WIN-03）：13号窗B岗 李四 在岗，可顶岗。如确需继续，请补充 理由=…',
    );
    await approved(t, 'lisi', '请假 事假 从=3月6日', 'wangwu');
    await t.say('wangwu', file);
    expect(t.lastTextTo('wangwu')).toMatch(/^✅ GB2026-GA-001 已提交/);
  });

  it('WIN-03 a 事由 naming no trip is accepted when the window staff has a QJ 出差 for those days', async () => {
    t = await startTestBot({ now: '2026-03-02T10:00:00+08:00' });
    const file = `窗口 关闭 13号窗 从=3月5日 到=3月5日 事由=张三外派 ${MEASURES}`;
    await t.say('wangwu', file);
    expect(t.lastTextTo('wangwu')).toContain('13号窗 张三 此期间没有请假或出差记录（QJ）');
    await ask(t, 'zhangsan', '出差 从=3月5日 事由=市局业务培训');
    await t.say('wangwu', file);
    expect(t.lastTextTo('wangwu')).toMatch(/^✅ GB2026-GA-001 已提交/);
  });
});

describe('ATT-06 销假 and leave-return-check (D152, D154)', () => {
  it('ATT-06 no 销假: reminder on the 1st WD after the leave, once; 脱岗 to G-OFFICE the next WD, once; 销假 closes it', async () => {
    t = await startTestBot({ now: '2026-03-02T10:00:00+08:00' });
    const no = await approved(t, 'zhangsan', '请假 事假 从=3月5日', 'lisi');
    await t.runJob('leave-return-check', '2026-03-05T09:00:00+08:00');
    expect(t.textsTo('zhangsan').filter((x) => x.includes('请返岗后发送'))).toHaveLength(0);
    await t.runJob('leave-return-check', '2026-03-06T09:00:00+08:00');
    await t.runJob('leave-return-check', '2026-03-06T09:00:00+08:00', { force: true });
    expect(t.textsTo('zhangsan').filter((x) => x.includes('请返岗后发送'))).toEqual([
      `⏰ ${no} 事假 3/5（1个工作日） 已于 3/5 结束，请返岗后发送“销假 QJ1”（rule ATT-06）。未销假将按脱岗报大厅管理室。`,
    ]);
    expect(await office('脱岗')).toHaveLength(0);
    expect((await t.runJob('leave-return-check', '2026-03-07T09:00:00+08:00')).status).toBe('non-workday');
    await t.runJob('leave-return-check', '2026-03-09T09:00:00+08:00');
    await t.runJob('leave-return-check', '2026-03-10T09:00:00+08:00');
    expect(await office('脱岗')).toEqual([
      `⚠️ 脱岗（rule ATT-06）：张三（GA 13号窗） ${no} 事假 3/5（1个工作日） 已结束，截至 3/9 仍未销假，3/6 已提醒。`,
    ]);
    expect((await leave(t, no)).absentFlaggedOn).toBe('2026-03-09');
    t.setNow('2026-03-10T09:20:00+08:00');
    await t.say('zhangsan', '销假');
    expect(t.lastTextTo('zhangsan')).toBe('✅ QJ1 已销假 3/10 09:20');
    expect(
      await office(`${no} 张三 事假 3/5（1个工作日） 已销假 3/10 09:20（2026-03-09 曾按未销假脱岗报告）`),
    ).toHaveLength(1);
    await t.say('zhangsan', '销假 QJ1');
    expect(t.lastTextTo('zhangsan')).toBe(`${no} 已于 3/10 09:20 销假。`);
  });

  it('ATT-06 销假 on time sends nothing later; a leave not begun is 撤销, not 销假; the cover ends on the 销假 day', async () => {
    t = await startTestBot({ now: '2026-03-02T10:00:00+08:00' });
    const no = await approved(t, 'zhangsan', '请假 年休假 从=3月4日 到=3月6日', 'wangwu');
    await t.say('zhangsan', '销假');
    expect(t.lastTextTo('zhangsan')).toBe(
      `${no} 年休假 3/4–3/6（3个工作日） 尚未开始，无需销假；如不再请假，请发送“请假 撤销 QJ1”。`,
    );
    const later = await approved(t, 'zhangsan', '请假 事假 从=3月9日', 'lisi');
    await t.say('zhangsan', `请假 撤销 ${later}`);
    expect(t.lastTextTo('zhangsan')).toBe(`✅ ${later} 张三 事假 3/9（1个工作日） 已撤销。`);
    expect(t.lastTextTo('lisi')).toBe(`${later} 张三 事假 3/9（1个工作日） 已撤销。`);
    expect((await leave(t, later)).status).toBe('cancelled');
    expect(await approvedLeaveOn(db(), 'zhangsan', '2026-03-09')).toBeNull();
    t.setNow('2026-03-05T08:20:00+08:00'); // back a day early
    await t.say('zhangsan', '销假');
    expect(t.lastTextTo('zhangsan')).toBe('✅ QJ1 已销假 3/5 08:20');
    expect((await approvedLeaveOn(db(), 'zhangsan', '2026-03-04'))?.no).toBe(no);
    expect(await approvedLeaveOn(db(), 'zhangsan', '2026-03-05')).toBeNull();
    expect((await leaveInMonth(db(), '2026-03', { departmentCode: 'GA', counted: true })).map((r) => r.no)).toEqual([
      no,
    ]);
    await t.runJob('leave-return-check', '2026-03-09T09:00:00+08:00');
    await t.runJob('leave-return-check', '2026-03-10T09:00:00+08:00');
    expect(t.textsTo('zhangsan').filter((x) => x.includes('销假') && x.includes('⏰'))).toHaveLength(0);
  });
});
