import { afterEach, describe, expect, it } from 'vitest';
import { ProviderEvent } from '../../entities/provider-event';
import { ProviderScore } from '../../entities/provider-score';
import { providerLedger } from '../../src/domain/provider/ledger';
import { SETTINGS } from '../../src/settings/table';
import { startTestBot, type TestBot } from '../helpers/bot';

// 综合一窗服务商 考核 (PRF-01…09, §19 #25–#27; D96): bands and fee deduction in integer arithmetic, the yearly
// mean, disputes by card, termination grounds, and the 考核小组's reminders.

let t: TestBot;
afterEach(async () => t.close());

const enter = async (text: string) => {
  await t.say('zhao', text);
  return t.lastTextTo('zhao');
};
const db = () => t.bot.deps.db.manager;
const cardKeysTo = (userid: string) =>
  t.cardsTo(userid).flatMap((c) => JSON.stringify(c).match(/"key":"[^"]+"/g) ?? []);

describe('PRF-03 / PRF-04 / PRF-08 / PRF-09 考核 录入', () => {
  it('PRF-03 PRF-04 §19 #25 79.9 / 80 / 90 / 90.5 → 不达标 10% / 基本达标 5% / 基本达标 5% / 优秀 0%; fee 未设置 until set, then in fen', async () => {
    t = await startTestBot({ now: '2026-06-10T10:00:00+08:00' });
    expect(await enter('考核 录入 2026-01 分数=79.9')).toBe('✅ 1月 79.9分 不达标，扣费 10%（应付金额 未设置）');
    expect(await enter('考核 录入 2026-02 分数=80')).toBe('✅ 2月 80分 基本达标，扣费 5%（应付金额 未设置）');
    await t.say('magong', '设置 修改 provider.monthlyFeeFen 1234567');
    expect(await enter('考核 录入 2026-03 分数=90')).toBe('✅ 3月 90分 基本达标，扣费 5%（应付 ¥11,728.38）');
    expect(await enter('考核 录入 2026-04 分数=90.5')).toBe('✅ 4月 90.5分 优秀，扣费 0%（应付 ¥12,345.67）');
    await t.say('magong', '设置 修改 provider.score80 不达标');
    expect(await enter('考核 录入 2026-05 分数=80')).toBe('✅ 5月 80分 不达标，扣费 10%（应付 ¥11,111.10）');
    expect(t.textsTo('zhengli').join('\n')).toContain('【综窗考核】2026-04 4月 90.5分 优秀');
  });

  it('PRF-03 PRF-08 HARD: 100.5, a month before 2022-10 and a future month are refused; nothing is stored', async () => {
    t = await startTestBot({ now: '2026-03-02T10:00:00+08:00' });
    expect(await enter('考核 录入 2026-02 分数=100.5')).toContain('应为0–100的分数');
    expect(await enter('考核 录入 2022-09 分数=85')).toContain('rule PRF-08');
    expect(await enter('考核 录入 2026-04 分数=85')).toContain('尚未到来');
    expect(await db().count(ProviderScore)).toBe(0);
  });

  it('PRF-09 细则 items must be the configured ones, within their maximum; the score is their sum', async () => {
    t = await startTestBot({ now: '2026-03-02T10:00:00+08:00' });
    expect(await enter('考核 录入 2026-02 细则=服务规范:18,受理质量:22')).toContain(
      '缺：办理时效、群众满意度、制度执行',
    );
    expect(
      await enter('考核 录入 2026-02 细则=服务规范:21,受理质量:22,办理时效:17,群众满意度:19,制度执行:12'),
    ).toContain('rule PRF-09');
    expect(await enter('考核 录入 2026-02 细则=服务规范:18,受理质量:22.5,办理时效:17,群众满意度:19,制度执行:12')).toBe(
      '✅ 2月 88.5分 基本达标，扣费 5%（应付金额 未设置）',
    );
    expect((await db().findOneOrFail(ProviderScore, { where: { month: '2026-02' } })).items).toMatchObject({
      受理质量: 225,
    });
    const checklist = SETTINGS['provider.checklist'].schema;
    const short = checklist.safeParse([
      { item: '甲项', max: 60 },
      { item: '乙项', max: 30 },
    ]);
    expect(short.success ? '' : short.error.issues[0].message).toBe('各项满分之和须为100');
    expect(
      checklist.safeParse([
        { item: '甲项', max: 60 },
        { item: '乙项', max: 40 },
      ]).success,
    ).toBe(true);
  });
});

describe('PRF-05 / PRF-06 / PRF-07', () => {
  it('PRF-05 §19 #26 2022: Oct 85, Nov 92, Dec 78 → 85.0', async () => {
    t = await startTestBot({ now: '2023-01-05T10:00:00+08:00' });
    for (const [m, s] of [
      ['2022-10', 85],
      ['2022-11', 92],
      ['2022-12', 78],
    ])
      await enter(`考核 录入 ${m} 分数=${s}`);
    await t.say('zhengli', '考核 查看 2022');
    expect(t.lastTextTo('zhengli')).toContain('2022年：3个月均分 85.0');
  });

  it('PRF-07 §19 #27 Nov 78, Dec 79 → flag (one card to the 中心领导, ack:ZZ); Nov 78, Dec 85, Jan 79 → no flag', async () => {
    t = await startTestBot({ now: '2026-03-02T10:00:00+08:00' });
    await enter('考核 录入 2025-11 分数=78');
    expect(await enter('考核 录入 2025-12 分数=79')).toContain('已记录合同终止事由(3) ZZ2026-0001');
    await enter('考核 录入 2025-12 分数=79'); // the same pair again raises nothing new
    expect(await db().count(ProviderEvent, { where: { kind: '终止' } })).toBe(1);
    expect(cardKeysTo('chen')).toContain('"key":"ack:ZZ2026-0001"');
    await t.click('chen', 'ack:ZZ2026-0001');
    expect((await db().findOneOrFail(ProviderEvent, { where: { period: 'ZZ2026-0001' } })).status).toBe('已确认');
    await enter('考核 录入 2025-09 分数=78');
    await enter('考核 录入 2025-10 分数=85');
    await enter('考核 录入 2026-01 分数=85');
    await enter('考核 录入 2026-02 分数=79');
    expect(await db().count(ProviderEvent, { where: { kind: '终止' } })).toBe(1);
  });

  it('PRF-07 ground (3) is the bot’s own; (4) is recorded with an evidence slot and a card', async () => {
    t = await startTestBot({ now: '2026-03-02T10:00:00+08:00' });
    expect(await enter('考核 终止事由 3 说明=连续两月')).toContain('rule PRF-07');
    expect(await enter('考核 终止事由 4 说明=3月5日材料未当日流转至GA')).toContain('已记录终止事由(4) ZZ2026-0001');
    expect(cardKeysTo('sun')).toContain('"key":"ack:ZZ2026-0001"');
  });

  it('PRF-06 the provider disputes → card to the 考核小组; 维持 by card, or a new entry makes it 已改分', async () => {
    t = await startTestBot({ now: '2026-03-02T10:00:00+08:00' });
    await enter('考核 录入 2026-01 分数=82');
    await enter('考核 录入 2026-02 分数=79');
    await t.say('zhengli', '考核 异议 2026-02 理由=第3周检查的2件已按时补正');
    expect(t.lastTextTo('zhengli')).toBe('✅ 2月成绩异议已提交考核小组');
    expect(cardKeysTo('zhao')).toContain('"key":"score_uphold:2026-02"');
    await t.click('zhao', 'score_uphold:2026-02');
    expect((await db().findOneOrFail(ProviderScore, { where: { month: '2026-02' } })).status).toBe('已维持');
    expect(t.textsTo('zhengli').at(-1)).toContain('维持原分');
    await t.say('zhengli', '考核 异议 2026-01 理由=…… 需复核');
    await enter('考核 录入 2026-01 分数=84');
    expect((await db().findOneOrFail(ProviderScore, { where: { month: '2026-01' } })).status).toBe('已改分');
    const [sheet] = await providerLedger.build(
      t.bot.deps.db,
      { from: '2026-01-01', to: '2026-02-28' },
      { unmasked: true },
    );
    expect(sheet.rows.map((r) => [r.month, r.score, r.band, r.dispute])).toEqual([
      ['2026-01', '84', '基本达标', '已改分：…… 需复核'],
      ['2026-02', '79', '不达标', '已维持：第3周检查的2件已按时补正'],
    ]);
  });
});

describe('PRF-02 cadence', () => {
  it('PRF-02 provider-monthly-score reminds the 考核小组 on the 5th WD only while the score is missing', async () => {
    t = await startTestBot({ now: '2026-03-02T10:00:00+08:00' });
    expect((await t.runJob('provider-monthly-score', '2026-03-05T09:00:00+08:00')).status).toBe('not-due');
    await t.runJob('provider-monthly-score', '2026-03-06T09:00:00+08:00'); // 5th WD of March 2026
    expect(t.textsTo('zhao').filter((x) => x.includes('2026-02 的月度考核分数尚未录入'))).toHaveLength(1);
    await enter('考核 录入 2026-03 分数=90'); // irrelevant month
    t.setNow('2026-04-08T10:00:00+08:00');
    await enter('考核 录入 2026-03 分数=88');
    const outcome = await t.runJob('provider-monthly-score', '2026-04-08T09:00:00+08:00'); // 5th WD of April (清明 04-06)
    expect(outcome).toMatchObject({ status: 'ok', counts: { reminded: 0 } });
  });

  it('PRF-02 季反馈 goes to the provider; the quarterly reminder is silent once it is given', async () => {
    t = await startTestBot({ now: '2026-04-01T10:00:00+08:00' });
    await t.runJob('provider-quarterly-feedback', '2026-04-01T09:00:00+08:00');
    expect(t.textsTo('zhao').filter((x) => x.includes('2026-Q1'))).toHaveLength(1);
    expect(await enter('考核 季反馈 一季度 内容=一季度均分86.3，受理质量需加强')).toContain(
      '2026年一季度反馈已发送服务商',
    );
    expect(t.textsTo('hexin').at(-1)).toContain('受理质量需加强');
    expect(await enter('考核 周检 说明=抽查10件')).toBe('✅ 第14周检查已记录');
    expect(await enter('考核 周检 说明=抽查12件')).toBe('✅ 第14周检查已更新');
  });
});
