import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../../entities/audit-log';
import { Complaint } from '../../entities/complaint';
import { ComplaintIntake } from '../../entities/complaint-intake';
import { DeductionEvent } from '../../entities/deduction-event';
import { type TestBot, startTestBot } from '../helpers/bot';
import { cardFields, lastCardWith, respondentFeed } from './complaints-helpers';

// docs/commands.md rows 6–17 (Tuesday 2026-03-03): the whole 转交 path through signed callbacks and clicks.

let t: TestBot;
beforeEach(async () => {
  t = await startTestBot({ now: '2026-03-03T09:40:00+08:00' });
});
afterEach(async () => {
  await t.close();
});

const at = (hhmm: string, day = '2026-03-03') => t.setNow(`${day}T${hhmm}:00+08:00`);

describe('投诉 转交 path (§7 rows 6–17)', () => {
  it('CMP-11 转交 → 已收到 click → 落实 → CMP-15 答复 within 2 WD → CMP-19 属实 → 归档; respondent never sees the 保密 complainant', async () => {
    await t.say('xiaogao', '投诉 上报 对象=12号窗 内容=群众反映办理户籍迁入时态度生硬，材料没有一次说清');
    const intake = await t.bot.deps.db.manager.findOneOrFail(ComplaintIntake, { where: { kind: '上报' } });
    expect(t.lastTextTo('xiaogao')).toBe(`✅ 已转大厅管理室（待登记 #${intake.id}）`);
    expect((await t.groupTexts('G-OFFICE')).some((s) => s.includes(`待登记 #${intake.id}`))).toBe(true);
    expect(t.lastTextTo('zhouqiang')).toContain(`待登记 #${intake.id}`); // seed L193: the guide's area lead

    at('09:55');
    await t.say(
      'zhao',
      `投诉 登记 对象=12号窗 事项=态度生硬，未一次性告知材料 方式=导服转交 姓名=王某 电话=13912345678 保密=是 类别=服务态度 来源=#${intake.id}`,
    );
    expect(t.lastTextTo('zhao')).toBe('✅ TS2026-0001 已登记｜GA 12号窗｜服务态度｜下一步：投诉 调查');

    at('10:10');
    await t.say('zhao', '投诉 调查 TS1 对象=投诉人 记录=王某称窗口人员态度生硬，要求道歉并一次性告知');
    at('10:30');
    await t.say('zhao', '投诉 调查 TS1 对象=被投诉人 记录=李四称系统卡顿，承认未出示告知单');
    expect(t.lastTextTo('zhao')).toMatch(/^✅ TS2026-0001 调查记录 2\/2 已齐/);

    at('10:40');
    await t.say('zhao', '投诉 转交 TS1 部门=GA 意见=对当事人批评教育，向投诉人补充一次性告知');
    expect(t.lastTextTo('zhao')).toBe('✅ TS2026-0001 已转交 GA，落实期限 3月10日');
    const card = lastCardWith(t, 'wangwu', 'ack:');
    expect(card).toBeDefined();
    expect(cardFields(card!.card)['投诉人']).toBe('保密');

    await t.click('wangwu', 'ack:TS2026-0001');
    expect(t.lastTextTo('wangwu')).toContain('已确认收到处理意见，请于3月10日前落实');
    expect(t.lastTextTo('zhao')).toContain('王五 已确认收到');

    at('15:20');
    await t.say('wangwu', '投诉 落实 TS1 情况=已批评教育李四，李四已电话致歉并补充告知材料清单');
    expect(t.lastTextTo('wangwu')).toBe('✅ TS2026-0001 GA 已报送落实情况');
    expect(t.lastTextTo('zhao')).toContain('GA 已报送落实情况');

    at('16:40');
    await t.say('zhao', '投诉 查看 TS1');
    expect(t.lastTextTo('zhao')).toContain('答复回访 3/5'); // processed Tue → reply due Thu (CMP-15, 2 WD)
    await t.say('zhao', '投诉 答复 TS1 方式=电话 满意度=满意');
    expect(t.lastTextTo('zhao')).toBe('✅ TS2026-0001 已答复（满意）');

    at('16:45');
    await t.say('zhao', '投诉 结果 TS1 属实');
    const kf = await t.bot.deps.db.manager.findOneOrFail(DeductionEvent, { where: { source: 'TS2026-0001' } });
    expect(t.lastTextTo('zhao')).toContain(`✅ TS2026-0001 属实：已生成扣分事件 ${kf.no}`);
    expect(kf).toMatchObject({ rule: 'CMP-19', departmentCode: 'GA', points: 0 });
    expect(lastCardWith(t, 'zhao', 'cancel_award:')).toBeDefined();

    await t.say('zhao', '投诉 归档 TS1');
    expect(t.lastTextTo('zhao')).toMatch(/^✅ TS2026-0001 已归档（\d+份材料）/);
    const c = await t.bot.deps.db.manager.findOneOrFail(Complaint, { where: { no: 'TS2026-0001' } });
    expect(c).toMatchObject({
      status: '已归档',
      outcome: '属实',
      satisfaction: '满意',
      handlingMode: '转交办理',
      replyOverdue: false,
    });

    // REC-01 / D18: nothing delivered to GA's people or G-DEPT-GA carries the complainant's name or phone.
    const feed = await respondentFeed(t);
    expect(feed.length).toBeGreaterThan(3);
    for (const item of feed) {
      expect(item).not.toContain('王某');
      expect(item).not.toContain('13912345678');
      expect(item).not.toContain('5678');
    }
    // REC-02: the audit trail holds no personal data either.
    const audit = JSON.stringify(await t.bot.deps.db.manager.find(AuditLog));
    expect(audit).not.toContain('王某');
    expect(audit).not.toContain('13912345678');
  });
});
