import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../../entities/audit-log';
import { Complaint } from '../../entities/complaint';
import { ComplaintIntake } from '../../entities/complaint-intake';
import { Deadline } from '../../entities/deadline';
import { makeCtx } from '../../src/kernel/make-ctx';
import { systemActor } from '../../src/kernel/ctx';
import { intakeFromReview } from '../../src/domain/complaints/intake';
import { type TestBot, startTestBot } from '../helpers/bot';
import { investigateBoth, register, respondentFeed } from './complaints-helpers';

// 登记受理 and the off-ramps (000 投诉处理 一–三(1); CMP-01…07, CMP-14, CMP-20; §19 #4, #34).

let t: TestBot;
beforeEach(async () => {
  t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
});
afterEach(async () => {
  await t.close();
});

const db = () => t.bot.deps.db.manager;
const complaint = (no: string) => db().findOneOrFail(Complaint, { where: { no } });

describe('登记 (CMP-01, CMP-02, CMP-07)', () => {
  it('CMP-01 类别 is required and limited to the 4 named categories + 其他', async () => {
    await t.say('zhao', '投诉 登记 对象=GA 事项=排队太久 方式=窗口');
    expect(t.lastTextTo('zhao')).toContain('缺少参数“类别”');
    await t.say('zhao', '投诉 登记 对象=GA 事项=排队太久 方式=窗口 类别=环境卫生');
    expect(t.lastTextTo('zhao')).toMatch(/类别/);
    expect(await db().count(Complaint)).toBe(0);
    await t.say('zhao', '投诉 登记 对象=GA 事项=排队太久 方式=窗口 类别=其他');
    expect(t.lastTextTo('zhao')).toMatch(/^✅ TS2026-0001 已登记｜GA｜其他/);
  });

  it('CMP-02 方式 must be one of the channels (aliases accepted); unknown is refused naming the list', async () => {
    await t.say('zhao', '投诉 登记 对象=GA 事项=电话打不通 方式=微信 类别=服务效能');
    expect(t.lastTextTo('zhao')).toContain('“方式=微信”无效');
    await t.say('zhao', '投诉 登记 对象=GA 事项=电话打不通 方式=办不成事 类别=服务效能');
    expect((await complaint('TS2026-0001')).channel).toBe('导引台"办不成事"受理点');
    await t.say('zhao', '投诉 登记 对象=GA 事项=工单 方式=7218686 类别=服务效能');
    expect((await complaint('TS2026-0002')).channel).toBe('0477-7218686');
  });

  it('CMP-01 a guide (no department) or a 综窗 provider staff member may be the respondent (seed 000 投诉处理 一 "其他导服人员")', async () => {
    await t.say('zhao', '投诉 登记 对象=小高 事项=引导错误窗口 方式=现场 类别=服务质量');
    expect(t.lastTextTo('zhao')).toBe('✅ TS2026-0001 已登记｜导服 小高｜服务质量｜下一步：投诉 调查');
    expect(await complaint('TS2026-0001')).toMatchObject({ departmentCode: null, staffUserid: 'xiaogao' });
    await t.say('zhao', '投诉 登记 对象=何欣 事项=材料未一次告知 方式=窗口 类别=服务质量');
    expect(await complaint('TS2026-0002')).toMatchObject({
      departmentCode: 'ZH',
      windowNumber: '15',
      staffUserid: 'hexin',
    });
  });

  it('CMP-07 every registration is an audit row (REC-02) with no personal data', async () => {
    const no = await register(t, '地址=乌审旗嘎鲁图镇某街1号');
    const rows = await db().find(AuditLog, { where: { subjectType: 'complaint', subjectId: no } });
    expect(rows.map((r) => r.action)).toContain('complaint.register');
    const text = JSON.stringify(rows);
    for (const p of ['王某', '13912345678', '某街1号']) expect(text).not.toContain(p);
    await t.say('zhao', `投诉 历史 ${no}`);
    expect(t.lastTextTo('zhao')).toContain('登记');
  });

  it('REV-02 a 差评 enters the same triage list and registers with channel 好差评 and its CP number', async () => {
    const id = await t.bot.deps.db.tx((m) =>
      intakeFromReview(makeCtx(t.bot.deps, m, t.clock.now(), systemActor('job:test'), 'test'), {
        reviewNo: 'CP2026-0011',
        content: '非常不满意：等了一个小时',
        target: '12号窗',
      }),
    );
    await t.settle();
    await t.say('zhao', '投诉 待登记');
    expect(t.lastTextTo('zhao')).toContain(`#${id} 差评 CP2026-0011`);
    await t.say('zhao', `投诉 登记 来源=#${id} 对象=12号窗 事项=等候时间过长 类别=服务效能`);
    expect(await complaint('TS2026-0001')).toMatchObject({ channel: '好差评', platformRef: 'CP2026-0011' });
    expect((await db().findOneByOrFail(ComplaintIntake, { id })).status).toBe('已登记');
  });
});

describe('CMP-03 重大 requires written material', () => {
  it('CMP-03 a 重大 complaint waits in 待补材料; handling is refused until a file is attached, then proceeds', async () => {
    const no = await register(t, '性质=重大');
    expect(t.lastTextTo('zhao')).toContain('待补材料');
    expect((await complaint(no)).status).toBe('待补材料');
    t.setNow('2026-03-03T10:20:00+08:00'); // the 10-minute slot has lapsed
    await t.say('zhao', `投诉 调查 ${no} 对象=投诉人 记录=投诉人陈述经过`);
    expect(t.lastTextTo('zhao')).toMatch(/^❌ 不符合规定（rule CMP-03；000 投诉处理 二\(六\)）/);
    await t.say('zhao', `投诉 材料 ${no}`);
    await t.post({ type: 'image', from: 'zhao', mediaId: 'WRITTEN1' } as never);
    expect(t.lastTextTo('zhao')).toContain('✅ 已收到书面投诉材料');
    await t.say('zhao', `投诉 调查 ${no} 对象=投诉人 记录=投诉人陈述`);
    expect(t.lastTextTo('zhao')).toMatch(/^✅ .* 调查记录 1\/2/);
    expect((await complaint(no)).status).toBe('调查中');
  });
});

describe('CMP-04 无效投诉 (§19 #34, OPEN #10)', () => {
  it('CMP-04 §19 #34 no 被投诉对象 → refused as 无效投诉, nothing registered; 投诉 无效 keeps a note without number', async () => {
    await t.say('zhao', '投诉 登记 事项=态度不好 方式=电话 类别=服务态度');
    expect(t.lastTextTo('zhao')).toMatch(
      /^❌ 不符合规定（rule CMP-04；000 投诉处理 三\(1\)4）：无效投诉：缺少被投诉对象/,
    );
    await t.say('zhao', '投诉 登记 对象=GA 方式=电话 类别=服务态度');
    expect(t.lastTextTo('zhao')).toContain('缺少投诉事项');
    expect(await db().count(Complaint)).toBe(0);
    await t.say('zhao', '投诉 无效 说明=来电未说明被投诉对象，拒绝提供信息');
    expect(t.lastTextTo('zhao')).toMatch(/^已记录无效投诉（无编号）：来电未说明被投诉对象/);
    expect(await db().count(ComplaintIntake, { where: { kind: '无效' } })).toBe(1);
  });
});

describe('off-ramps', () => {
  it('CMP-05 不属受理范围 closes as 转介 with body and contact (both required)', async () => {
    const no = await register(t);
    await t.say('zhao', `投诉 转介 ${no} 机关=旗住建局`);
    expect(t.lastTextTo('zhao')).toContain('缺少参数“联系方式”');
    await t.say('zhao', `投诉 转介 ${no} 机关=旗住建局 联系方式=0477-7211234`);
    expect(t.lastTextTo('zhao')).toBe(`✅ ${no} 不属受理范围，已告知 旗住建局 0477-7211234`);
    expect(await complaint(no)).toMatchObject({ status: '已转介', outcome: '转介' });
    await t.say('zhao', `投诉 归档 ${no}`); // D47: 归档 without 满意度 for 转介
    expect(t.lastTextTo('zhao')).toMatch(/^✅ .* 已归档/);
  });

  it("CMP-06 撤销 needs the complainant's confirmation note and tells a department still holding the referral", async () => {
    const no = await register(t);
    await investigateBoth(t, no);
    await t.say('zhao', `投诉 转交 ${no} 意见=批评教育`);
    await t.say('zhao', `投诉 撤销 ${no}`);
    expect(t.lastTextTo('zhao')).toContain('缺少参数“确认”');
    await t.say('zhao', `投诉 撤销 ${no} 确认=投诉人电话确认了解办事程序后自愿撤销`);
    expect(t.lastTextTo('zhao')).toBe(`✅ ${no} 已撤销（投诉人确认）`);
    expect(t.lastTextTo('wangwu')).toContain('已撤销，无需继续落实');
    expect(await db().count(Deadline, { where: { subjectId: no, status: 'open' } })).toBe(0);
  });

  it('CMP-14 终结 takes one of the four seed reasons; 其他 needs 说明; the seed phrase is accepted', async () => {
    const a = await register(t);
    await t.say('zhao', `投诉 终结 ${a} 原因=不想说`);
    expect(t.lastTextTo('zhao')).toContain('可选：复议诉讼、自愿放弃、拒不到场、其他');
    await t.say('zhao', `投诉 终结 ${a} 原因=其他`);
    expect(t.lastTextTo('zhao')).toContain('须写明 说明');
    await t.say('zhao', `投诉 终结 ${a} 原因=申请行政复议`);
    expect(t.lastTextTo('zhao')).toBe(`✅ ${a} 已终结：复议诉讼`);
    const b = await register(t);
    await t.say('zhao', `投诉 终结 ${b} 原因=无故不出席协调会`);
    expect(await complaint(b)).toMatchObject({ status: '已终结', outcome: '终结', closeReason: '拒不到场' });
  });
});

describe('CMP-20 信访举报', () => {
  it('CMP-20 信访举报 is its own type with a 15 WD answer clock', async () => {
    await t.say('zhao', '投诉 登记 类型=信访举报 对象=BDC 事项=反映登记窗口违规收费 方式=大厅管理室');
    expect(t.lastTextTo('zhao')).toMatch(/^✅ TS2026-0001 信访举报｜BDC｜其他｜答复期限 3月24日/);
    const d = await db().findOneOrFail(Deadline, { where: { subjectId: 'TS2026-0001', kind: 'complaint:信访' } });
    expect(d).toMatchObject({ amount: 15, unit: 'WD', dueDate: '2026-03-24' });
    await t.say('zhao', '投诉 答复 TS1 方式=书面 满意度=满意');
    expect(t.lastTextTo('zhao')).toBe('✅ TS2026-0001 已答复（满意）');
  });

  it('CMP-20 §19 #4: 信访 received Mon 2025-03-03 → due Mon 2025-03-24', async () => {
    await t.say('zhao', '投诉 登记 类型=信访举报 对象=BDC 事项=反映问题 方式=大厅管理室 时间=2025-03-03');
    const d = await db().findOneOrFail(Deadline, { where: { kind: 'complaint:信访' } });
    expect(d.dueDate).toBe('2025-03-24');
  });
});

describe('REC-01 masking in intake', () => {
  it('REC-01 投诉 上报 by a guide never reaches the department; the area lead sees phone numbers masked', async () => {
    await t.say('xiaogao', '投诉 上报 对象=12号窗 内容=王某（13912345678）反映态度生硬');
    expect(t.lastTextTo('zhouqiang')).toContain('139****5678');
    expect(t.lastTextTo('zhouqiang')).not.toContain('13912345678');
    expect((await respondentFeed(t)).length).toBe(0);
  });
});
