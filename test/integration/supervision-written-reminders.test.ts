import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Notice } from '../../entities/notice';
import { startTestBot, type TestBot } from '../helpers/bot';

// BRF-07, OPEN #21: the March 2026 书面通报, drafted on Wed 04-01, is not submitted: the 12th (Sunday → Fri 04-10)
// reminds 大厅管理室; submitted and then rejected by a leader it goes back; the 14th (Tue) escalates to G-LEAD once.

const at = (day: string, hhmm: string) => `${day}T${hhmm}:00+08:00`;

describe('书面通报 reminders and rejection (BRF-07)', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ now: at('2026-03-16', '10:00') });
    await t.say('zhao', '巡查 开始 类型=日常 区域=前台');
    await t.say('zhao', '巡查 发现 窗口=7 项=3 说明=早退');
    await t.runJob('monthly-batch', at('2026-04-01', '09:00'));
  });
  afterAll(async () => t.close());

  it('BRF-01 the draft has every department with sections (1)–(6); sections without source data say 无 (D21)', async () => {
    t.setNow(at('2026-04-01', '10:00'));
    await t.say('chen', '书面通报 查看');
    expect(t.lastTextTo('chen')).toMatch(/^3月书面通报草稿：6个部门，草稿\n/);
    await t.say('chen', '书面通报 查看 部门=SB');
    const sb = t.lastTextTo('chen');
    expect(sb).toContain(
      '（1）服务窗口（含前后台）日常管理情况：巡查发现问题1起：WT2026-0001 7号窗 在岗：早退（一般）',
    );
    expect(sb).toContain('（2）综窗人员晨会、夕会制度执行情况：无');
    expect(sb).toContain('（3）领导带班制度执行情况：无');
  });

  it('OPEN #21 the 12th (Sun → Fri 04-10) reminds 大厅管理室 that the draft is not submitted, once', async () => {
    await t.runJob('written-notice-reminders', at('2026-04-09', '09:00'));
    expect((await t.groupTexts('G-OFFICE')).some((x) => x.startsWith('⏰ 2026-03 书面通报'))).toBe(false);
    await t.runJob('written-notice-reminders', at('2026-04-10', '09:00'));
    await t.runJob('written-notice-reminders', at('2026-04-13', '09:00'));
    const office = (await t.groupTexts('G-OFFICE')).filter((x) => x.startsWith('⏰ 2026-03 书面通报'));
    expect(office).toEqual([
      '⏰ 2026-03 书面通报尚未送审，须于4月15日前印发：书面通报 查看 2026-03｜书面通报 送审 2026-03',
    ]);
  });

  it('BRF-07 a rejected notice goes back to 大厅管理室 unnumbered; the 14th escalates to G-LEAD once', async () => {
    t.setNow(at('2026-04-13', '10:00'));
    await t.say('zhao', '书面通报 送审 2026-03');
    const sp = /✅ (SP\d{4}-\d{5}) 已送审，须4月15日前发布/.exec(t.lastTextTo('zhao'))![1];
    await t.say('chen', `审批 ${sp} 驳回 原因=SB段落需补充整改情况`);
    const n = await t.bot.deps.db.manager.findOneByOrFail(Notice, { periodKey: '书面:2026-03' });
    expect([n.status, n.no]).toEqual(['已驳回', null]);
    expect((await t.groupTexts('G-OFFICE')).at(-1)).toContain(`${sp} 被驳回：SB段落需补充整改情况`);
    await t.runJob('written-notice-reminders', at('2026-04-14', '09:00'));
    await t.runJob('written-notice-reminders', at('2026-04-15', '09:00'));
    const lead = (await t.groupTexts('G-LEAD')).filter((x) => x.includes('书面通报'));
    expect(lead).toEqual(['⚠️ 2026-03 书面通报已驳回待重新送审，须于4月15日前印发（rule BRF-07）。']);
  });

  it('BRF-07 issued after the 15th it is numbered and marked 逾期印发 (recorded, not refused)', async () => {
    t.setNow(at('2026-04-16', '10:00'));
    await t.say('zhao', '书面通报 修改 SB 节=6 文字=7号窗早退已责令整改');
    await t.say('zhao', '书面通报 送审 2026-03');
    const sp = /✅ (SP\d{4}-\d{5})/.exec(t.lastTextTo('zhao'))![1];
    await t.click('sun', `approve:${sp}`);
    await t.say('zhao', '通报 查看 督通〔2026〕001');
    expect(t.lastTextTo('zhao')).toMatch(/^督通〔2026〕1号（书面）｜2026年3月督查情况书面通报（逾期印发）\n/);
    expect(t.lastTextTo('zhao')).toContain('SB：巡查发现问题1起（已修改）');
    await t.say('xuli', '通报 查看 督通〔2026〕001');
    expect(t.lastTextTo('xuli')).toContain('（6）办事对象投诉、整改反馈情况等其他事项：7号窗早退已责令整改');
    expect(t.lastTextTo('xuli')).not.toContain('GA');
  });
});
