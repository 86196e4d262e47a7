import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Finding } from '../../entities/finding';
import { Notice } from '../../entities/notice';
import { OutboxRow } from '../../entities/outbox';
import { startTestBot, type TestBot } from '../helpers/bot';

// docs/commands.md, rows 1–5 and 15: the 口头通报 draft at 07:45, a dispute
// that marks and then removes a finding from the 分管领导's card, approval before 08:20, release with the first
// 督通 number to G-HALL, and the 16:00 daily-inspection check that stays silent.

const at = (hhmm: string, day = '2026-03-03') => `${day}T${hhmm}:00+08:00`;
const titleOf = (c: { card?: Record<string, unknown> }) =>
  (c.card?.main_title as { title?: string } | undefined)?.title ?? '';

describe('supervision — a day in the hall (docs/commands.md)', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ now: at('10:00', '2026-03-02') });
    // Monday 3/2: 赵 records yesterday's findings (WT1 GA 12号窗 空岗, WT2 SB 5号窗 未提醒评价) and a praise.
    await t.say('zhao', '巡查 开始 类型=日常 区域=前台,公共 楼层=1');
    await t.say('zhao', '巡查 发现 窗口=12 人=@李四 项=3 程度=一般 说明=空岗');
    await t.say('zhao', '巡查 发现 窗口=5 人=@吴静 项=2 说明=未提醒群众评价');
    await t.say('zhao', '巡查 表扬 窗口=8 人=@胡磊 说明=延时服务至18:40');
    await t.say('zhao', '巡查 结束');
    await t.say('qian', '带班 排班 周二=@陈主任'); // DIR-12: 陈主任 on duty Tuesday 3/3
  });
  afterAll(async () => {
    // every queued message was accepted by (fake) WeCom: no unknown recipient such as a job's system actor
    const failed = await t.bot.deps.db.manager.find(OutboxRow, { where: { status: 'failed' } });
    await t.close();
    expect(failed.map((r) => `${r.target}: ${r.lastError}`)).toEqual([]);
  });

  it('INS-07 the findings reached the 首席代表 as cards and the round was counted', async () => {
    expect(t.textsTo('zhao').some((x) => x.startsWith('✅ WT2026-0001｜12号窗 项3 空岗｜已推送首席代表'))).toBe(true);
    expect(t.lastTextTo('zhao')).toBe('✅ XC1 结束：问题 2，表扬 1');
    const card = t.cardsTo('wangwu').find((c) => titleOf(c) === '巡查发现 WT2026-0001（一般）')!;
    expect((card.card!.button_list as { key: string }[]).map((b) => b.key)).toEqual([
      'ack:WT2026-0001',
      'dispute:WT2026-0001',
    ]);
    expect(t.cardsTo('huangyan').some((c) => titleOf(c) === '巡查发现 WT2026-0002（一般）')).toBe(true);
    // D32: the named staff member is told and may dispute too
    expect(t.lastTextTo('lisi')).toContain('巡查 异议 WT2026-0001');
    expect(await t.groupTexts('G-LEAD')).toEqual([]); // 一般 → 首席代表 only
  });

  it('row 1 (07:45) BRF-02 the draft goes to the 分管领导 as a card with 同意/驳回/修改', async () => {
    await t.runJob('oral-notice-draft', at('07:45'));
    const card = t.cardsTo('liu').at(-1)!;
    expect(titleOf(card)).toBe('口头通报审定｜3月3日（关于3月2日）');
    const fields = card.card!.horizontal_content_list as { keyname: string; value: string }[];
    expect(fields[0].value).toBe('2：12号窗项3、5号窗项2');
    expect(card.card!.sub_title_text).toBe('批评：WT1 GA 12号窗 空岗；WT2 SB 5号窗 未提醒群众评价｜表扬：WT3 SB 8号窗');
    expect(fields[1].value).toContain('8号窗');
    expect((card.card!.button_list as { key: string }[]).map((b) => b.key)).toEqual([
      'approve:SP2026-00001',
      'reject:SP2026-00001',
      'edit:SP2026-00001',
    ]);
    expect(t.cardsTo('chen').some((c) => titleOf(c).startsWith('口头通报审定'))).toBe(false); // 分管领导 only (BRF-03)
  });

  it('row 2 (07:52) INS-09 a dispute marks the finding （有异议） and refreshes the 分管领导 card', async () => {
    t.setNow(at('07:52'));
    await t.say('wangwu', '巡查 异议 WT1 理由=李四在后台取件，已放暂停服务牌');
    expect(t.lastTextTo('wangwu')).toBe('✅ WT1 已提出异议，等待大厅管理室裁定');
    const office = t.cardsTo('zhao').at(-1)!;
    expect((office.card!.button_list as { key: string }[]).map((b) => b.key)).toEqual([
      'uphold:WT2026-0001',
      'withdraw:WT2026-0001',
    ]);
    const fresh = t.cardsTo('liu').at(-1)!;
    expect((fresh.card!.horizontal_content_list as { value: string }[])[0].value).toBe(
      '2：12号窗项3（异议）、5号窗项2',
    );
    expect(fresh.card!.sub_title_text).toContain('WT1 GA 12号窗 空岗（有异议）');
  });

  it('row 3 (08:02) INS-09 撤销 drops the finding from the draft and tells the 首席代表', async () => {
    t.setNow(at('08:02'));
    await t.say('zhao', '巡查 裁定 WT1 撤销 说明=监控显示已放暂停服务牌，暂离9分钟');
    expect(t.lastTextTo('zhao')).toBe('✅ WT1 已撤销');
    expect(t.lastTextTo('wangwu')).toContain('WT2026-0001 异议裁定：撤销');
    const fresh = t.cardsTo('liu').at(-1)!;
    expect((fresh.card!.horizontal_content_list as { value: string }[])[0].value).toBe('1：5号窗项2');
    expect((await t.bot.deps.db.manager.findOneByOrFail(Finding, { no: 'WT2026-0001' })).status).toBe('已撤销');
  });

  it('row 4 (08:06) BRF-03 approval before 08:20 waits for the release; an old card decides nothing', async () => {
    t.setNow(at('08:06'));
    const first = t.cardsTo('liu').find((c) => titleOf(c).startsWith('口头通报审定'))!;
    await t.click('liu', 'approve:SP2026-00001', { taskId: first.taskId });
    expect(t.lastTextTo('liu')).toContain('已处理'); // the card replaced at 07:52 is stale
    expect((await t.bot.deps.db.manager.findOneByOrFail(Notice, { periodKey: '口头:2026-03-03' })).status).toBe(
      '待审定',
    );
    await t.click('liu', 'approve:SP2026-00001');
    expect(t.lastTextTo('liu')).toContain('SP2026-00001 已同意');
    const n = await t.bot.deps.db.manager.findOneByOrFail(Notice, { periodKey: '口头:2026-03-03' });
    expect(n.status).toBe('已批准');
    expect(n.no).toBeNull(); // BRF-10: the number is taken at release
    await t.runJob('oral-notice-nudge', at('08:15'));
    expect(t.textsTo('liu').some((x) => x.includes('尚未审定'))).toBe(false);
  });

  it('row 5 (08:20) BRF-02/BRF-10 release to G-HALL with 督通〔2026〕1号（口头）; the 带班领导 gets the text', async () => {
    await t.runJob('oral-notice-publish', at('08:20'));
    const hall = await t.groupTexts('G-HALL');
    expect(hall).toHaveLength(1);
    expect(hall[0]).toMatch(/^【口头通报 督通〔2026〕1号】3月3日（关于3月2日）/);
    expect(hall[0]).toContain('SB 5号窗：未提醒群众评价（服务态度），请整改。');
    expect(hall[0]).toContain('SB 8号窗：延时服务至18:40');
    expect(hall[0]).not.toContain('12号窗');
    expect(hall[0]).not.toContain('吴静'); // no staff names in the hall-wide notice
    expect(t.lastTextTo('chen')).toContain('督通〔2026〕1号（口头）'); // the day's 带班领导 (带班表) reads it out
    expect(t.textsTo('sun').filter((x) => x.includes('今日口头通报'))).toHaveLength(0);
    await t.say('liu', '通报 播报');
    expect(t.lastTextTo('liu')).toMatch(/^【口头通报 督通〔2026〕1号】/);
    await t.say('zhao', '通报 今日');
    expect(t.lastTextTo('zhao')).toMatch(/^口头通报（3月2日情况）已发布 督通〔2026〕1号｜批评 1 表扬 1 超期 0/);
  });

  it('row 15 (16:00) INS-01 nothing is sent when a 日常巡查 was logged today', async () => {
    t.setNow(at('09:10'));
    await t.say('zhao', '巡查 开始 类型=日常 区域=前台');
    expect(t.lastTextTo('zhao')).toMatch(/^✅ XC2026-0002 日常巡查 开始 09:10/);
    const before = (await t.groupTexts('G-OFFICE')).length;
    const r = await t.runJob('daily-inspection-check', at('16:00'));
    expect(r.status).toBe('ok');
    expect((await t.groupTexts('G-OFFICE')).length).toBe(before);
    // …and the next WD without a round gets the reminder.
    await t.runJob('daily-inspection-check', at('16:00', '2026-03-04'));
    expect((await t.groupTexts('G-OFFICE')).at(-1)).toContain('今日（3月4日）尚未登记日常巡查（rule INS-01）');
  });
});
