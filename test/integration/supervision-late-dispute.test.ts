import { afterEach, describe, expect, it } from 'vitest';
import { Notice } from '../../entities/notice';
import { startTestBot, type TestBot } from '../helpers/bot';

// BRF-02 / INS-09 (000_c8ed09c118362bcb.txt 全过程监督 第十二条): a finding disputed after the 分管领导 approved
// the 口头通报 but before the 08:20 release is published marked （有异议）, and the approver is told in the DM
// that announces the release. A finding withdrawn in that gap (the dispute decided 撤销) is left out of the release.

const at = (hhmm: string, day = '2026-03-03') => `${day}T${hhmm}:00+08:00`;

let t: TestBot;
afterEach(async () => t?.close());

/** Two findings on 3/2, the 3/3 draft at 07:45, approved by the 分管领导 at 08:05 — before the 08:20 release. */
async function approvedAt0805(): Promise<void> {
  t = await startTestBot({ now: at('10:00', '2026-03-02') });
  await t.say('zhao', '巡查 开始 类型=日常 区域=前台,公共 楼层=1');
  await t.say('zhao', '巡查 发现 窗口=12 人=@李四 项=3 程度=一般 说明=空岗');
  await t.say('zhao', '巡查 发现 窗口=5 人=@吴静 项=2 说明=未提醒群众评价');
  await t.say('zhao', '巡查 结束');
  await t.runJob('oral-notice-draft', at('07:45'));
  t.setNow(at('08:05'));
  await t.click('liu', 'approve:SP2026-00001');
}

describe('口头通报 late dispute (BRF-02)', () => {
  it('BRF-02 a dispute at 08:10, after approval, is marked （有异议） at the 08:20 release and the approver is told', async () => {
    await approvedAt0805();
    expect(t.lastTextTo('liu')).toContain('SP2026-00001 已同意');
    t.setNow(at('08:10'));
    await t.say('wangwu', '巡查 异议 WT1 理由=李四在后台取件，已放暂停服务牌');
    expect(t.lastTextTo('wangwu')).toBe('✅ WT1 已提出异议，等待大厅管理室裁定');

    await t.runJob('oral-notice-publish', at('08:20'));
    const hall = await t.groupTexts('G-HALL');
    expect(hall).toHaveLength(1);
    expect(hall[0]).toContain('1. GA 12号窗：空岗（在岗）（有异议），请整改。');
    expect(hall[0]).toContain('2. SB 5号窗：未提醒群众评价（服务态度），请整改。');
    const n = await t.bot.deps.db.manager.findOneByOrFail(Notice, { periodKey: '口头:2026-03-03' });
    expect(n.text).toBe(hall[0]);
    expect(t.lastTextTo('liu')).toBe(
      '📢 口头通报 督通〔2026〕1号（口头）已发布。审定后有1项提出异议，已标注（有异议）：WT2026-0001 GA 12号窗 空岗。',
    );
  });

  it('BRF-02 INS-09 a finding withdrawn at 08:15, after approval, is left out of the 08:20 release and the approver is told', async () => {
    await approvedAt0805();
    t.setNow(at('08:10'));
    await t.say('wangwu', '巡查 异议 WT1 理由=李四在后台取件，已放暂停服务牌');
    t.setNow(at('08:15'));
    await t.say('zhao', '巡查 裁定 WT1 撤销 说明=监控显示已放暂停服务牌');

    await t.runJob('oral-notice-publish', at('08:20'));
    const hall = await t.groupTexts('G-HALL');
    expect(hall).toHaveLength(1);
    expect(hall[0]).not.toContain('12号窗');
    expect(hall[0]).toContain('1. SB 5号窗：未提醒群众评价（服务态度），请整改。');
    expect(t.lastTextTo('liu')).toBe(
      '📢 口头通报 督通〔2026〕1号（口头）已发布。审定后有1项已撤销，未发布：WT2026-0001 GA 12号窗 空岗。',
    );
  });
});
