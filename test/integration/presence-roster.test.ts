import { afterEach, describe, expect, it } from 'vitest';
import { Notice } from '../../entities/notice';
import { buildWrittenContent } from '../../src/domain/briefings/written-content';
import { type TestBot, startTestBot } from '../helpers/bot';
import { lastLinkTo, openForm, submitForm } from '../helpers/h5';

// DIR-12 领导带班 (OPEN #7) and its use by the 口头通报 (BRF-02); 综窗 晨会/夕会 (ATT-08/DIR-16, OPEN #37) and the
// roster in 书面通报 sections (2)(3) (BRF-01); weekly-friday-checks (D39): next week's roster, 综窗 training
// (STF-11, OPEN #32). Week of 2026-03-02 (Mon) … 03-06 (Fri).

let t: TestBot;
afterEach(async () => {
  await t.close();
});

const at = (day: string, hhmm: string) => `${day}T${hhmm}:00+08:00`;
const office = async (needle: string) => (await t.groupTexts('G-OFFICE')).filter((x) => x.includes(needle));
const texts = (u: string, needle: string) => t.textsTo(u).filter((x) => x.includes(needle));

/** The day's 口头通报: drafted 07:45, approved by 分管领导 刘 at 08:00, released 08:20. */
async function releaseOral(day: string): Promise<void> {
  await t.runJob('oral-notice-draft', at(day, '07:45'));
  const n = await t.bot.deps.db.manager.findOneByOrFail(Notice, { periodKey: `口头:${day}` });
  t.setNow(at(day, '08:00'));
  await t.click('liu', `approve:${n.approvalNo}`);
  await t.runJob('oral-notice-publish', at(day, '08:20'));
}

describe('DIR-12 带班表', () => {
  it('DIR-12 BRF-02 on a roster day only that 带班领导 gets the 口头通报; a day without one → G-OFFICE', async () => {
    t = await startTestBot({ now: at('2026-03-02', '10:00') });
    await t.say('zhao', '带班 排班 周二=@陈主任 周四=@孙主任');
    expect(t.lastTextTo('zhao')).toBe(
      '✅ 本周带班表已更新：\n周二 3月3日 陈主任\n周四 3月5日 孙主任\n尚未排班：3月2日、3月4日、3月6日',
    );
    t.setNow(at('2026-03-03', '07:30'));
    await t.say('xiaogao', '带班 今天');
    expect(t.lastTextTo('xiaogao')).toBe('今日带班领导：陈主任');
    await releaseOral('2026-03-03');
    expect(texts('chen', '今日口头通报')).toHaveLength(1);
    expect(texts('sun', '今日口头通报')).toHaveLength(0); // also flagged 带班领导, but not on duty today
    expect(texts('liu', '今日口头通报')).toHaveLength(0);
    expect(await office('今日带班表无带班领导')).toHaveLength(0);
    await releaseOral('2026-03-04');
    expect(await office('今日带班表无带班领导，口头通报')).toHaveLength(1);
    expect(texts('chen', '今日口头通报')).toHaveLength(1);
    expect(texts('sun', '今日口头通报')).toHaveLength(0);
  });

  it('DIR-12 refusals: not a 中心领导, not a WD; without names the 带班表 and the H5 link', async () => {
    t = await startTestBot({ now: at('2026-03-02', '10:00') });
    await t.say('zhao', '带班 排班 下周 周一=@王五');
    expect(t.lastTextTo('zhao')).toBe('王五 不是中心领导，不能带班（rule DIR-05、DIR-12）。');
    await t.say('zhao', '带班 排班 下周 周六=@刘主任');
    expect(t.lastTextTo('zhao')).toBe('周六（3月14日）不是工作日，无需带班。');
    await t.say('zhao', '带班 排班 下周 周一=@刘主任');
    await t.say('zhao', '带班 排班 下周');
    expect(t.lastTextTo('zhao')).toMatch(/^下周带班表：\n周一 3月9日 刘主任\n周二 3月10日 未排\n[\s\S]*填写：http/);
    await t.say('lisi', '带班 排班 下周 周一=@陈主任');
    expect(t.lastTextTo('lisi')).toContain('你没有权限');
  });
});

describe('DIR-12 the H5 带班表', () => {
  it('DIR-12 带班 排班 下周 gives the form prefilled with 下周; submitting it sets the days', async () => {
    t = await startTestBot({ now: at('2026-03-06', '10:00') });
    await t.say('zhao', '带班 排班 下周');
    const form = await openForm(t, lastLinkTo(t, 'zhao'), 'zhao');
    expect(form.url).toContain('/h5/forms/duty-roster');
    expect(form.html).toContain('<option selected>下周</option>');
    const res = await submitForm(form, {
      周: '下周',
      周一: '刘主任',
      周二: '陈主任',
      周三: '',
      周四: '孙主任',
      周五: '',
    });
    expect(res.status).toBe(200);
    await t.say('xiaogao', '带班 今天 下周');
    expect(t.lastTextTo('xiaogao')).toBe(
      '下周带班表：\n周一 3月9日 刘主任\n周二 3月10日 陈主任\n周三 3月11日 未排\n周四 3月12日 孙主任\n周五 3月13日 未排',
    );
  });
});

describe('weekly-friday-checks (D39)', () => {
  it('DIR-12 STF-11 Friday 15:00: next week unfilled + no 综窗 training → G-OFFICE and provider, once', async () => {
    t = await startTestBot({ now: at('2026-03-05', '15:00') });
    expect((await t.runJob('weekly-friday-checks', at('2026-03-05', '15:00'))).status).toBe('not-due'); // Thursday
    await t.say('zhao', '带班 排班 下周 周一=@刘主任 周二=@陈主任');
    await t.runJob('weekly-friday-checks', at('2026-03-06', '15:00'));
    await t.runJob('weekly-friday-checks', at('2026-03-06', '15:00'), { force: true });
    expect(await office('⏰ 下周带班表未排齐')).toEqual([
      '⏰ 下周带班表未排齐（rule DIR-12）：3月11日、3月12日、3月13日 尚无带班领导。请发送：带班 排班 下周',
    ]);
    expect(await office('本周综合服务窗口业务培训 0 次，少于每周 1 次（rule STF-11）')).toHaveLength(1);
    expect(texts('zhengli', '本周综合服务窗口业务培训 0 次')).toHaveLength(1); // provider
  });

  it('DIR-12 STF-11 a full roster and one 综窗 business training: nothing to remind', async () => {
    t = await startTestBot({ now: at('2026-03-10', '16:00') });
    await t.say('zhengli', '培训 登记 日期=今天 主题=社保业务新政策 人数=12 类型=业务');
    expect(t.lastTextTo('zhengli')).toBe('✅ 3月10日 综窗业务培训“社保业务新政策” 12人 已登记；本周综窗培训 1 次');
    await t.say('zhao', '带班 排班 下周 周一=@刘主任 周二=@陈主任 周三=@孙主任 周四=@刘主任 周五=@陈主任');
    expect(t.lastTextTo('zhao')).toContain('本周工作日已全部排班。');
    await t.runJob('weekly-friday-checks', at('2026-03-13', '15:00'));
    expect(await office('⏰')).toHaveLength(0);
    expect(texts('zhengli', '⏰')).toHaveLength(0);
  });

  it('STF-11 standardisation training does not count as business training; bad input refused', async () => {
    t = await startTestBot({ now: at('2026-03-10', '16:00') });
    await t.say('zhengli', '培训 登记 日期=今天 主题=现场管理标准化 人数=10 类型=标准化');
    await t.say('zhengli', '培训 登记 日期=明天 主题=预告 人数=10');
    expect(t.lastTextTo('zhengli')).toBe('培训登记记录已举办的培训，日期不能晚于今天。');
    await t.say('zhengli', '培训 登记 日期=今天 主题=x1 人数=0');
    expect(t.lastTextTo('zhengli')).toContain('人数至少为1');
    await t.runJob('weekly-friday-checks', at('2026-03-13', '15:00'));
    expect(await office('本周综合服务窗口业务培训 0 次')).toHaveLength(1);
  });
});

describe('ATT-04 guides’ 晨会 (OPEN #35), ATT-09 带小孩', () => {
  it('ATT-04 晨会 到 by 08:25 is on time, later 迟到; the 08:20 roll call names who is missing', async () => {
    t = await startTestBot({ now: at('2026-03-02', '08:19') });
    await t.say('xiaogao', '晨会 到');
    expect(t.lastTextTo('xiaogao')).toBe('✅ 08:19 晨会签到');
    await t.runJob('guide-morning-rollcall', at('2026-03-02', '08:20'));
    expect(await t.groupTexts('G-GUIDE')).toEqual([
      '🔔 3月2日 08:20 晨会点名：已签到 1/2，未签到：小马。请到会人员回复：晨会 到',
    ]);
    t.setNow(at('2026-03-02', '08:27'));
    await t.say('xiaoma', '晨会 到');
    expect(t.lastTextTo('xiaoma')).toBe('⚠️ 08:27 晨会签到，晚于08:20晨会7分钟，记迟到（rule ATT-04）。');
    await t.say('xiaoma', '晨会 到');
    expect(t.lastTextTo('xiaoma')).toBe('今天已于 08:27 签到（迟到）。');
    expect((await t.runJob('guide-morning-rollcall', at('2026-03-07', '08:20'))).status).toBe('non-workday');
  });

  it('ATT-09 报备 带小孩 goes to the 首席代表 and G-OFFICE', async () => {
    t = await startTestBot({ now: at('2026-03-02', '17:00') });
    await t.say('zhangsan', '报备 带小孩 日期=明天 原因=幼儿园停课');
    expect(t.lastTextTo('zhangsan')).toBe('✅ 已报备首席代表和大厅管理室（3月3日）');
    expect(texts('wangwu', '张三 13号窗 3月3日 因特殊情况需带小孩到岗：幼儿园停课')).toHaveLength(1);
    expect(await office('带小孩')).toHaveLength(1);
    await t.say('zhangsan', '报备 带小孩 日期=昨天 原因=补报');
    expect(t.lastTextTo('zhangsan')).toContain('报备须在带小孩到岗之前');
  });
});

describe('BRF-01 书面通报 sections (2)(3) from data', () => {
  it('ATT-08 DIR-16 DIR-12 February: ZH 晨会/夕会 with absences; the roster line; others 无', async () => {
    t = await startTestBot({ now: at('2026-02-02', '08:10') });
    await t.say('zhengli', '晨会 记录 类型=晨会 出席=@何欣,@罗宇');
    expect(t.lastTextTo('zhengli')).toBe('综窗晨会在08:20举行，会后再记录。');
    t.setNow(at('2026-02-02', '08:40'));
    await t.say('zhengli', '晨会 记录 类型=晨会 出席=@何欣,@罗宇,@唐宁 缺席=@冯雪 内容=讲解本周业务调整');
    expect(t.lastTextTo('zhengli')).toBe('✅ 2月2日 综窗晨会 3/4 人');
    t.setNow(at('2026-02-03', '18:00'));
    await t.say('zhengli', '晨会 记录 类型=夕会 出席=@何欣,@罗宇 缺席=@冯雪,@唐宁');
    await t.say('zhengli', '晨会 记录 类型=晨会 日期=2月3日 出席=@何欣,@罗宇,@唐宁,@冯雪');
    await t.say('zhao', '带班 排班 周二=@陈主任 周三=@孙主任');
    const c = await buildWrittenContent(t.bot.deps.db.manager, t.bot.deps.calendar, '2026-02');
    const zh = c.departments.find((d) => d.code === 'ZH')!;
    const ga = c.departments.find((d) => d.code === 'GA')!;
    expect(zh.sections[1]).toEqual(['召开晨会2次、夕会1次；缺席：冯雪2次、唐宁1次']);
    expect(ga.sections[1]).toEqual(['无']);
    // February 2026: 春节 2-15…2-23 off, 2-14 and 2-28 worked (调休) — 16 WD.
    const roster = [
      '本月16个工作日，已排带班领导2天（陈主任1天、孙主任1天）；未排班：2月2日、2月5日、2月6日、2月9日、2月10日、2月11日、2月12日、2月13日、2月14日、2月24日、2月25日、2月26日、2月27日、2月28日',
    ];
    expect(zh.sections[2]).toEqual(roster);
    expect(ga.sections[2]).toEqual(roster);
  });
});
