import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Notice } from '../../entities/notice';
import { startTestBot, type TestBot } from '../helpers/bot';

// BRF-02 / BRF-03: 驳回 → 通报 修改 (re-sent with a new SP), edits of a pending draft refresh the card, approval
// after 08:20 publishes at once, a "无问题" day still has its line, and overdue complaints from the [complaints]
// module (overdueComplaints) appear in the draft.

const at = (day: string, hhmm: string) => `${day}T${hhmm}:00+08:00`;
const sub = (t: TestBot) => String(t.cardsTo('liu').at(-1)!.card!.sub_title_text);

describe('口头通报 edit, reject and re-send (BRF-02/03)', () => {
  let t: TestBot;
  const notice = (day: string) => t.bot.deps.db.manager.findOneByOrFail(Notice, { periodKey: `口头:${day}` });
  beforeAll(async () => {
    t = await startTestBot({ now: at('2026-03-03', '10:00') });
    await t.say(
      'zhao',
      '投诉 登记 对象=12号窗 事项=办理户籍迁入时态度生硬 方式=投诉登记本 姓名=王某 电话=13912345678 类别=服务态度',
    );
    await t.say('zhao', '投诉 调查 TS1 对象=投诉人 记录=投诉人陈述经过');
    await t.say('zhao', '投诉 调查 TS1 对象=被投诉人 记录=李四作出解释');
    await t.say('zhao', '投诉 转交 TS1 部门=GA 意见=批评教育并补充告知');
    await t.say('zhao', '巡查 发现 窗口=5 项=2 说明=未提醒群众评价');
    await t.say('zhao', '巡查 发现 窗口=9 项=4 说明=台面杂乱');
    await t.runJob('oral-notice-draft', at('2026-03-04', '07:45'));
  });
  afterAll(async () => t.close());

  it('BRF-03 驳回 with a reason: not published at 08:20; the office is told how to edit and re-send', async () => {
    t.setNow(at('2026-03-04', '08:00'));
    await t.click('liu', 'reject:SP2026-00001');
    await t.say('liu', '不动产那条已当场整改，删去');
    expect((await notice('2026-03-04')).status).toBe('已驳回');
    expect((await t.groupTexts('G-OFFICE')).at(-1)).toMatch(
      /^口头通报（3月4日）SP2026-00001 被驳回：不动产那条已当场整改，删去\n修改后重新送审：通报 修改 SP2026-00001/,
    );
    await t.runJob('oral-notice-publish', at('2026-03-04', '08:20'));
    expect(await t.groupTexts('G-HALL')).toEqual([]);
  });

  it('BRF-02 通报 修改 re-sends a rejected draft (new SP); edits of a pending draft refresh its card', async () => {
    t.setNow(at('2026-03-04', '08:30'));
    await t.say('zhao', '通报 修改 SP2026-00001 删除=WT2 文字=请各窗口规范提醒群众评价');
    expect(t.lastTextTo('zhao')).toBe('✅ SP2026-00002 已更新，重新送审');
    expect(sub(t)).toBe('批评：WT1 SB 5号窗 未提醒群众评价');
    await t.say('zhao', '通报 修改 SP2026-00002 增加=WT2');
    expect(t.lastTextTo('zhao')).toBe('✅ SP2026-00002 已更新，重新送审');
    expect(sub(t)).toContain('WT2 BDC 9号窗 台面杂乱');
    await t.say('liu', '通报 修改 SP2026-00002 删除=WT2');
    expect(sub(t)).toBe('批评：WT1 SB 5号窗 未提醒群众评价');
    await t.click('liu', 'edit:SP2026-00002');
    expect(t.lastTextTo('liu')).toMatch(/^修改口头通报（SP2026-00002）：.*notice-edit/);
    expect(t.lastTextTo('liu')).toContain('补充：请各窗口规范提醒群众评价');
  });

  it('BRF-03 approval after 08:20 publishes at once with the next number; an approved notice can no longer be edited', async () => {
    t.setNow(at('2026-03-04', '08:40'));
    await t.click('liu', 'approve:SP2026-00002');
    const hall = await t.groupTexts('G-HALL');
    expect(hall).toHaveLength(1);
    expect(hall[0]).toMatch(/^【口头通报 督通〔2026〕1号】3月4日（关于3月3日）/);
    expect(hall[0]).toContain('补充：请各窗口规范提醒群众评价');
    expect(hall[0]).not.toContain('9号窗');
    await t.say('zhao', '通报 修改 SP2026-00002 删除=WT1');
    expect(t.lastTextTo('zhao')).toBe('该口头通报已审定（督通〔2026〕1号），不能再修改（rule BRF-03）。');
    await t.say('lisi', '通报 查看 督通2026-001');
    expect(t.lastTextTo('lisi')).toMatch(
      /^督通〔2026〕1号（口头）｜口头通报审定｜3月4日（关于3月3日）\n【口头通报 督通〔2026〕1号】/,
    );
  });

  it('BRF-02 a day without findings still has its line', async () => {
    await t.runJob('oral-notice-draft', at('2026-03-05', '07:45'));
    expect((await notice('2026-03-05')).text).toContain('一、批评：3月4日巡查未发现问题。');
    expect(sub(t)).toBe('批评：无问题');
  });

  it('BRF-02 / CMP-11 an overdue complaint (due 03-10) is listed from the 11th; CAS L3 says 无 when no case is overdue', async () => {
    await t.runJob('oral-notice-draft', at('2026-03-10', '07:45'));
    expect((await notice('2026-03-10')).text).toContain('四、投诉超期：无');
    await t.runJob('oral-notice-draft', at('2026-03-11', '07:45'));
    const text = (await notice('2026-03-11')).text;
    expect(text).toMatch(/四、投诉超期（1）：TS2026-0001 GA .*超期1个工作日/);
    expect(text).toContain('三、超期办件：无');
    const fields = t.cardsTo('liu').at(-1)!.card!.horizontal_content_list as { keyname: string; value: string }[];
    expect(fields.find((f) => f.keyname === '投诉超期')!.value).toBe('1');
  });
});
