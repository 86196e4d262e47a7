import { afterEach, describe, expect, it } from 'vitest';
import { Approval } from '../../entities/approval';
import { Complaint } from '../../entities/complaint';
import { ComplaintParty } from '../../entities/complaint-party';
import { Deadline } from '../../entities/deadline';
import { Department } from '../../entities/department';
import { type TestBot, startTestBot } from '../helpers/bot';
import { cardFields, investigateBoth, lastCardWith, register, respondentFeed } from './complaints-helpers';

// CMP-12 (000 投诉处理 三(三)2): 情节较重 → 分管领导 (刘主任, supervisor) → 主要领导 (孙主任) before it goes out;
// 10 WD from sending; the department's 分管领导 gets it too; the report needs a signed & stamped attachment.
// CMP-13 协同: one clock per department.

let t: TestBot;
afterEach(async () => {
  await t.close();
});
const db = () => t.bot.deps.db.manager;

async function seriousReferral(now: string): Promise<{ no: string; sp: string }> {
  t = await startTestBot({ now });
  await db().update(Department, { code: 'GA' }, { deptLeaderUserid: 'zhaoliu' });
  const no = await register(t, '保密=是 性质=较重');
  await investigateBoth(t, no);
  await t.say('zhao', `投诉 转交 ${no} 部门=GA 意见=对当事人通报批评并当面致歉`);
  const a = await db().findOneOrFail(Approval, { where: { subjectId: no } });
  expect(t.lastTextTo('zhao')).toBe(
    `✅ ${no} 处理意见已送分管领导、主要领导审批（${a.no}）\n批准后转交，落实期限自转交起10个工作日（rule CMP-12）`,
  );
  return { no, sp: a.no };
}

describe('CMP-12 serious referral', () => {
  it('CMP-12 the 10 WD chain: liu (分管领导) then sun (主要领导) approve; then card to 王五 + DM to GA 分管领导; §19 #39 across 春节 2026: Wed 02-11 → Tue 03-03', async () => {
    const { no, sp } = await seriousReferral('2026-02-11T10:00:00+08:00');
    const card1 = lastCardWith(t, 'liu', 'approve:');
    expect(card1).toBeDefined();
    expect(cardFields(card1!.card)['投诉人']).toBe('保密');
    expect(lastCardWith(t, 'wangwu', 'ack:')).toBeUndefined(); // nothing goes out before approval
    await t.click('liu', `approve:${sp}`);
    expect(lastCardWith(t, 'sun', 'approve:')).toBeDefined();
    expect(lastCardWith(t, 'wangwu', 'ack:')).toBeUndefined();
    await t.click('sun', `approve:${sp}`);
    const card = lastCardWith(t, 'wangwu', 'ack:');
    expect(card).toBeDefined();
    expect(cardFields(card!.card)['落实期限']).toBe('3月3日（10个工作日）');
    const d = await db().findOneOrFail(Deadline, { where: { subjectId: no, kind: 'complaint:落实:GA' } });
    expect(d.dueDate).toBe('2026-03-03');
    expect(t.lastTextTo('zhaoliu')).toContain('分管领导签字并盖章');
    expect(t.textsTo('zhao').some((x) => x.includes('已转交 GA 期限3月3日'))).toBe(true);
    expect((await t.groupTexts('G-OFFICE')).some((s) => s.includes(sp) && s.includes('已批准'))).toBe(true);

    // HARD on 投诉 落实: the signed & stamped attachment first.
    t.setNow('2026-02-27T10:00:00+08:00');
    await t.say('wangwu', `投诉 落实 ${no} 情况=已通报批评，当事人已当面致歉`);
    expect(t.lastTextTo('wangwu')).toMatch(/^❌ 不符合规定（rule CMP-12；000 投诉处理 三\(三\)2）/);
    expect((await db().findOneByOrFail(ComplaintParty, { complaintNo: no })).status).toBe('已转交');
    await t.post({ type: 'image', from: 'wangwu', mediaId: 'SIGNED1' } as never);
    expect(t.lastTextTo('wangwu')).toContain('✅ 已收到落实情况GA第1轮');
    await t.say('wangwu', `投诉 落实 ${no} 情况=已通报批评，当事人已当面致歉`);
    expect(t.lastTextTo('wangwu')).toBe(`✅ ${no} GA 已报送落实情况`);
    expect((await db().findOneByOrFail(Complaint, { no })).status).toBe('待答复');
    // REC-01: the serious path never showed GA or its 分管领导 the complainant.
    for (const item of await respondentFeed(t, ['wangwu', 'lisi', 'zhangsan', 'zhaoliu']))
      expect(item).not.toMatch(/王某|13912345678/);
  });

  it('CMP-12 §19 #2: serious referral sent Mon 2025-03-10 → due Mon 2025-03-24', async () => {
    const { no, sp } = await seriousReferral('2025-03-10T09:00:00+08:00');
    await t.click('liu', `approve:${sp}`);
    await t.click('sun', `approve:${sp}`);
    expect((await db().findOneOrFail(Deadline, { where: { subjectId: no, kind: 'complaint:落实:GA' } })).dueDate).toBe(
      '2025-03-24',
    );
  });

  it('CMP-12 a rejection goes back to the handler with the reason; nothing is sent to the department', async () => {
    const { no, sp } = await seriousReferral('2026-03-03T10:00:00+08:00');
    await t.click('liu', `reject:${sp}`);
    await t.say('liu', '处理意见过重，请补充调查后再报');
    expect(t.lastTextTo('zhao')).toContain('已驳回');
    expect(t.lastTextTo('zhao')).toContain('处理意见过重');
    expect(lastCardWith(t, 'sun', 'approve:')).toBeUndefined();
    expect(lastCardWith(t, 'wangwu', 'ack:')).toBeUndefined();
    const c = await db().findOneByOrFail(Complaint, { no });
    expect(c.status).toBe('调查中');
    expect(await db().count(Deadline, { where: { subjectId: no, kind: 'complaint:落实:GA' } })).toBe(0);
    // the handler may send a revised opinion
    await t.say('zhao', `投诉 转交 ${no} 部门=GA 意见=批评教育 性质=较重`);
    expect(t.lastTextTo('zhao')).toContain('已送分管领导、主要领导审批');
  });
});

describe('CMP-13 协同办理', () => {
  it('CMP-13 two departments, each with its own card and due date; processing completes when both report', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    const no = await register(t);
    await investigateBoth(t, no);
    await t.say('zhao', `投诉 协同 ${no} 部门=GA`);
    expect(t.lastTextTo('zhao')).toContain('缺少参数“意见”');
    await t.say('zhao', `投诉 协同 ${no} 部门=GA 意见=共同核实`);
    expect(t.lastTextTo('zhao')).toContain('两个以上部门');
    await t.say('zhao', `投诉 协同 ${no} 部门=GA,SB 意见=两部门共同核实材料清单并答复`);
    expect(t.lastTextTo('zhao')).toBe(`✅ ${no} 协同：GA 3/10、SB 3/10`);
    expect(lastCardWith(t, 'wangwu', 'ack:')).toBeDefined();
    expect(lastCardWith(t, 'huangyan', 'ack:')).toBeDefined();
    const clocks = await db().find(Deadline, { where: { subjectId: no }, order: { kind: 'ASC' } });
    expect(clocks.map((d) => d.kind)).toEqual(['complaint:落实:GA', 'complaint:落实:SB']);
    await t.say('wangwu', `投诉 落实 ${no} 情况=已补充清单`);
    expect((await db().findOneByOrFail(Complaint, { no })).status).toBe('转交中');
    await t.say('huangyan', `投诉 落实 ${no} 情况=已核对社保材料`);
    expect((await db().findOneByOrFail(Complaint, { no })).status).toBe('待答复');
    await t.say('hanmei', `投诉 落实 ${no} 情况=…无关部门`);
    expect(t.lastTextTo('hanmei')).toContain('没有转交给SW待落实的处理意见');
  });
});
