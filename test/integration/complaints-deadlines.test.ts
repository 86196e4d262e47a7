import { afterEach, describe, expect, it } from 'vitest';
import { complaintDeadlines } from '../../jobs/complaint-deadlines';
import { Complaint } from '../../entities/complaint';
import { ComplaintParty } from '../../entities/complaint-party';
import { Deadline } from '../../entities/deadline';
import { overdueComplaints } from '../../src/domain/complaints/sources';
import { type TestBot, startTestBot } from '../helpers/bot';
import { investigateBoth, register } from './complaints-helpers';

// Job `complaint-deadlines` (docs/commands.md) and the §19 WD vectors (#1, #3, #5, #37, #38, #39): due − 1 WD to
// the handler and the 首席代表 once; overdue → G-OFFICE once per WD; never twice across re-runs, a restart or a
// second instance; nothing on weekends and holidays.

let t: TestBot;
afterEach(async () => {
  await t.close();
});
const db = () => t.bot.deps.db.manager;
const reminders = (user: string) => t.textsTo(user).filter((s) => s.startsWith('⏰'));
const officeOverdue = async () => (await t.groupTexts('G-OFFICE')).filter((s) => s.startsWith('⏰ 投诉超期'));

async function referred(now: string, extra = ''): Promise<string> {
  t = await startTestBot({ now });
  const no = await register(t, extra);
  await investigateBoth(t, no);
  await t.say('zhao', `投诉 转交 ${no} 部门=GA 意见=批评教育并补充告知`);
  return no;
}

describe('complaint-deadlines job', () => {
  it('CMP-11 reminded at due − 1 WD once (handler + 首席代表), then G-OFFICE once per WD while overdue — across re-runs, a restart and a second instance; nothing on the weekend', async () => {
    const no = await referred('2026-03-03T10:40:00+08:00'); // due Tue 03-10
    expect((await t.runJob('complaint-deadlines', '2026-03-06T09:00:00+08:00')).status).toBe('ok'); // Fri: too early
    expect(reminders('zhao')).toEqual([]);

    await t.runJob('complaint-deadlines', '2026-03-09T09:00:00+08:00'); // Mon = due − 1 WD
    expect(reminders('zhao')).toEqual([`⏰ ${no} 落实处理意见（GA）将于 3月10日 17:30 到期｜GA 12号窗`]);
    expect(reminders('wangwu')).toEqual([
      `⏰ 投诉 ${no} 处理意见的落实期限为 3月10日 17:30，请按时落实并发送：投诉 落实 ${no} 情况=…`,
    ]);
    expect((await t.runJob('complaint-deadlines', '2026-03-09T09:00:00+08:00')).status).toBe('already-run');
    await t.runJob('complaint-deadlines', '2026-03-09T11:00:00+08:00', { force: true }); // re-run of the same day
    await t.runJob('complaint-deadlines', '2026-03-10T09:00:00+08:00'); // due day: already reminded
    expect(reminders('zhao')).toHaveLength(1);
    expect(reminders('wangwu')).toHaveLength(1);
    expect(await officeOverdue()).toEqual([]);

    await t.runJob('complaint-deadlines', '2026-03-11T09:00:00+08:00'); // Wed: 1 WD overdue
    expect(await officeOverdue()).toEqual([
      `⏰ 投诉超期：${no} 落实处理意见（GA），期限 3/10，已超期1个工作日｜GA 12号窗`,
    ]);
    // restart: the same period again, and a second instance running the job body without the job_runs claim
    await t.runJob('complaint-deadlines', '2026-03-11T09:05:00+08:00', { force: true });
    await Promise.all([
      complaintDeadlines.run(t.bot.deps, new Date('2026-03-11T09:06:00+08:00')),
      complaintDeadlines.run(t.bot.deps, new Date('2026-03-11T09:06:00+08:00')),
    ]);
    await t.settle();
    expect(await officeOverdue()).toHaveLength(1);
    const late = await overdueComplaints(db(), t.bot.deps.calendar, new Date('2026-03-11T09:00:00+08:00'));
    expect(late).toEqual([
      {
        no,
        departmentCode: 'GA',
        what: '落实处理意见（GA）',
        dueAt: new Date('2026-03-10T17:30:00+08:00'),
        overdueWorkdays: 1,
      },
    ]);

    expect((await t.runJob('complaint-deadlines', '2026-03-14T09:00:00+08:00')).status).toBe('non-workday'); // Sat
    expect(await complaintDeadlines.run(t.bot.deps, new Date('2026-03-15T09:00:00+08:00'))).toMatchObject({
      overdue: 0,
      dueSoon: 0,
    }); // Sun, even unguarded
    await t.settle();
    expect(await officeOverdue()).toHaveLength(1);

    await t.runJob('complaint-deadlines', '2026-03-12T09:00:00+08:00');
    await t.runJob('complaint-deadlines', '2026-03-16T09:00:00+08:00');
    const overdue = await officeOverdue();
    expect(overdue).toHaveLength(3);
    expect(overdue[2]).toContain('已超期4个工作日'); // 3/11, 3/12, 3/13, 3/16
    expect((await db().findOneByOrFail(Complaint, { no })).overdue).toBe(true);

    // a late report is recorded with its overdue flag, not refused (D31)
    t.setNow('2026-03-16T10:00:00+08:00');
    await t.say('wangwu', `投诉 落实 ${no} 情况=已整改`);
    expect(t.lastTextTo('wangwu')).toBe(`✅ ${no} GA 已报送落实情况（已超期，已记录）`);
    expect((await db().findOneByOrFail(ComplaintParty, { complaintNo: no })).reportOverdue).toBe(true);
    await t.runJob('complaint-deadlines', '2026-03-17T09:00:00+08:00');
    expect(await officeOverdue()).toHaveLength(3); // closed clocks never remind
  });

  it('CMP-12 across 春节 2026: due Tue 03-03 is reminded on Mon 03-02, nothing during the holiday', async () => {
    const no = await referred('2026-02-11T10:00:00+08:00', '性质=较重');
    const sp = /（(SP\d{4}-\d{5})）/.exec(t.lastTextTo('zhao'))![1];
    await t.click('liu', `approve:${sp}`);
    await t.click('sun', `approve:${sp}`);
    expect((await t.runJob('complaint-deadlines', '2026-02-16T09:00:00+08:00')).status).toBe('non-workday');
    await t.runJob('complaint-deadlines', '2026-02-27T09:00:00+08:00');
    await t.runJob('complaint-deadlines', '2026-02-28T09:00:00+08:00'); // 调休 Saturday is a WD, still 2 WD before
    expect(reminders('wangwu')).toEqual([]);
    await t.runJob('complaint-deadlines', '2026-03-02T09:00:00+08:00');
    expect(reminders('wangwu')).toEqual([
      `⏰ 投诉 ${no} 处理意见的落实期限为 3月3日 17:30，请按时落实并发送：投诉 落实 ${no} 情况=…`,
    ]);
  });

  it('CMP-16 a re-referral round re-arms the reminders (new deadline version)', async () => {
    const no = await referred('2026-03-03T10:40:00+08:00');
    await t.runJob('complaint-deadlines', '2026-03-09T09:00:00+08:00');
    t.setNow('2026-03-09T10:00:00+08:00');
    await t.say('wangwu', `投诉 落实 ${no} 情况=已批评教育`);
    await t.say('zhao', `投诉 答复 ${no} 方式=电话 满意度=不满意 原因=仍未拿到材料清单`);
    await t.say('zhao', `投诉 退回整改 ${no}`);
    expect(t.lastTextTo('zhao')).toBe(`✅ ${no} 第2轮整改，期限 3月16日`);
    await t.runJob('complaint-deadlines', '2026-03-13T09:00:00+08:00');
    expect(reminders('wangwu')).toHaveLength(2);
  });
});

describe('§19 WD vectors through the commands', () => {
  it('CMP-11 §19 #1: referral Mon 2025-03-10 → due Mon 2025-03-17', async () => {
    const no = await referred('2025-03-10T10:00:00+08:00');
    expect(t.lastTextTo('zhao')).toBe(`✅ ${no} 已转交 GA，落实期限 3月17日`);
  });

  it('CMP-11 §19 #38: referral Tue 2025-09-30 across 国庆 → due Tue 2025-10-14', async () => {
    const no = await referred('2025-09-30T10:00:00+08:00');
    expect((await db().findOneByOrFail(Deadline, { subjectId: no, kind: 'complaint:落实:GA' })).dueDate).toBe(
      '2025-10-14',
    );
  });

  it('CMP-15 §19 #3: processing done Fri 2025-03-14 → reply due Tue 2025-03-18', async () => {
    const no = await referred('2025-03-12T10:00:00+08:00');
    t.setNow('2025-03-14T15:00:00+08:00');
    await t.say('wangwu', `投诉 落实 ${no} 情况=已整改`);
    expect((await db().findOneByOrFail(Deadline, { subjectId: no, kind: 'complaint:答复' })).dueDate).toBe(
      '2025-03-18',
    );
  });

  it('CMP-15 §19 #5: 现场协调 Thu 2025-04-03 (04-04 holiday) → reply due Tue 2025-04-08', async () => {
    t = await startTestBot({ now: '2025-04-03T10:00:00+08:00' });
    const no = await register(t);
    await investigateBoth(t, no);
    await t.say('zhao', `投诉 现场协调 ${no} 结果=当场补充告知材料`);
    expect(t.lastTextTo('zhao')).toBe(`✅ ${no} 现场办结，请于4月8日前答复回访`);
  });

  it('CMP-15 §19 #37: processing done Fri 2025-09-26 (Sun 09-28 working) → reply due Mon 2025-09-29; a late reply is recorded as overdue', async () => {
    t = await startTestBot({ now: '2025-09-26T10:00:00+08:00' });
    const no = await register(t);
    await investigateBoth(t, no);
    await t.say('zhao', `投诉 现场协调 ${no} 结果=当场解决`);
    expect(t.lastTextTo('zhao')).toBe(`✅ ${no} 现场办结，请于9月29日前答复回访`);
    t.setNow('2025-09-30T10:00:00+08:00');
    await t.say('zhao', `投诉 答复 ${no} 方式=电话 满意度=满意`);
    expect(t.lastTextTo('zhao')).toBe(`✅ ${no} 已答复（满意）\n⚠️ 答复已超期1个工作日，已记录（rule CMP-15）`);
    expect(await db().findOneByOrFail(Complaint, { no })).toMatchObject({
      replyOverdue: true,
      overdue: true,
      status: '已答复',
    });
  });
});

describe('CMP-08 意见建议类', () => {
  it('CMP-08 reply due 5 WD from registration; forwarded as reference; reminded at due − 1 WD; platform date wins when given', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    const no = await register(t, '性质=意见建议类');
    expect(t.lastTextTo('zhao')).toBe(`✅ ${no} 已登记｜GA 12号窗｜服务态度｜答复期限 3月10日｜下一步：投诉 建议`);
    await t.say('zhao', `投诉 建议 ${no} 去向=被投诉对象`);
    expect(t.lastTextTo('zhao')).toBe(`✅ ${no} 已转 GA 参考，答复期限 3月10日`);
    expect(t.lastTextTo('wangwu')).toContain('供服务整改参考');
    await t.runJob('complaint-deadlines', '2026-03-09T09:00:00+08:00');
    expect(reminders('zhao')).toEqual([`⏰ ${no} 意见建议答复将于 3月10日 17:30 到期｜GA 12号窗`]);
    expect(reminders('wangwu')).toEqual([]); // the reply is the office's, not the department's
    t.setNow('2026-03-09T10:00:00+08:00');
    await t.say('zhao', `投诉 答复 ${no} 方式=电话 满意度=基本满意`);
    await t.say('zhao', `投诉 归档 ${no}`);
    expect(t.lastTextTo('zhao')).toMatch(/^✅ .* 已归档/);

    const p = await register(t, '性质=意见建议类 方式=12345 平台期限=3月12日 工单号=GD20260309001');
    expect(t.lastTextTo('zhao')).toContain('答复期限 3月12日');
    const q = await register(t, '方式=蒙速办 平台期限=3月11日'); // D45: any platform complaint
    expect((await db().findOneByOrFail(Deadline, { subjectId: q, kind: 'complaint:平台' })).dueDate).toBe('2026-03-11');
    expect(p).not.toBe(q);
  });
});
