import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Finding } from '../../entities/finding';
import { Notice } from '../../entities/notice';
import type { OralContent } from '../../src/domain/briefings/oral-content';
import { addDays } from '../../src/kernel/time';
import { OutboxRow } from '../../entities/outbox';
import { startTestBot, type TestBot } from '../helpers/bot';

// BRF-02 / BRF-03 / BRF-10, OPEN #18 / #22, §19 #29/#40: a simulated March 2026 and April's first week (清明
// 2026-04-04…06, official calendar) — the three 口头通报 jobs run at 07:45, 08:15 and 08:20 every calendar day;
// 赵 records a finding every day at 10:00, weekends and the holiday included. Exactly one briefing per WD, none on
// weekends/holidays, Monday covers Friday (and the weekend), numbers only on release, late approval publishes at once.

const FIRST = '2026-03-01';
const LAST = '2026-04-08';
const NEVER = ['2026-03-18', '2026-04-01']; // 分管领导 never approves: no release, no number
const LATE = ['2026-03-11', '2026-04-07']; // approved at 09:30, after the 08:20 run: published at once
const WINDOWS = ['1', '5', '9', '12', '15', '2', '6'];
const at = (day: string, hhmm: string) => `${day}T${hhmm}:00+08:00`;

describe('口头通报 over a simulated month (BRF-02/03/10)', () => {
  let t: TestBot;
  const outcomes = new Map<string, string[]>();
  const workdays: string[] = [];
  beforeAll(async () => {
    t = await startTestBot({ now: at(FIRST, '07:00') });
    const cal = t.bot.deps.calendar;
    for (let day = FIRST, i = 0; day <= LAST; day = addDays(day, 1), i++) {
      const runs = [];
      runs.push((await t.runJob('oral-notice-draft', at(day, '07:45'))).status);
      const n = await t.bot.deps.db.manager.findOneBy(Notice, { periodKey: `口头:${day}` });
      if (n && !NEVER.includes(day) && !LATE.includes(day)) {
        t.setNow(at(day, '08:00'));
        await t.click('liu', `approve:${n.approvalNo}`);
      }
      runs.push((await t.runJob('oral-notice-nudge', at(day, '08:15'))).status);
      runs.push((await t.runJob('oral-notice-publish', at(day, '08:20'))).status);
      if (n && LATE.includes(day)) {
        t.setNow(at(day, '09:30'));
        await t.click('liu', `approve:${n.approvalNo}`);
      }
      outcomes.set(day, runs);
      t.setNow(at(day, '10:00'));
      await t.say('zhao', `巡查 发现 窗口=${WINDOWS[i % WINDOWS.length]} 项=${(i % 11) + 1} 说明=第${i + 1}天问题`);
      if (cal.isWorkday(day)) workdays.push(day);
    }
  }, 180_000);
  afterAll(async () => {
    // every queued message was accepted by (fake) WeCom: no unknown recipient such as a job's system actor
    const failed = await t.bot.deps.db.manager.find(OutboxRow, { where: { status: 'failed' } });
    await t.close();
    expect(failed.map((r) => `${r.target}: ${r.lastError}`)).toEqual([]);
  });

  const orals = async () =>
    await t.bot.deps.db.manager.find(Notice, { where: { type: '口头' }, order: { forDate: 'ASC' } });

  it('BRF-02 exactly one briefing per WD and none on weekends or 清明 (04-04…06)', async () => {
    expect(workdays).toHaveLength(22 + 5); // March 2026: 22 WD; April 1–3, 7, 8
    expect(workdays).not.toContain('2026-04-06');
    expect((await orals()).map((n) => n.forDate)).toEqual(workdays);
    for (const [day, runs] of outcomes) {
      if (workdays.includes(day)) expect(runs, day).toEqual(['ok', 'ok', 'ok']);
      else expect(runs, day).toEqual(['non-workday', 'non-workday', 'non-workday']);
    }
  });

  it('§19 #29 the Monday briefing covers Friday (and findings of the weekend); after 清明 it covers Fri 04-03', async () => {
    const byDay = new Map((await orals()).map((n) => [n.forDate!, n]));
    const mon = byDay.get('2026-03-09')!;
    expect([mon.coversFrom, mon.coversTo]).toEqual(['2026-03-06', '2026-03-08']);
    expect(mon.title).toBe('口头通报审定｜3月9日（关于3月6日至3月8日）');
    const saturday = await t.bot.deps.db.manager.findOneByOrFail(Finding, { date: '2026-03-07' });
    expect((mon.content as unknown as OralContent).criticism.map((c) => c.no)).toContain(saturday.no);
    const afterHoliday = byDay.get('2026-04-07')!;
    expect([afterHoliday.coversFrom, afterHoliday.coversTo]).toEqual(['2026-04-03', '2026-04-06']);
    expect(byDay.get('2026-03-03')!.title).toBe('口头通报审定｜3月3日（关于3月2日）');
    // every finding up to 04-06 is in exactly one briefing (D48: non-WD findings go into the next one)
    const all = await t.bot.deps.db.manager.find(Finding);
    const listed = (await orals()).flatMap((n) => (n.content as unknown as OralContent).criticism.map((c) => c.no));
    for (const f of all.filter((f) => f.date <= '2026-04-06' && f.date >= '2026-03-02'))
      expect(
        listed.filter((x) => x === f.no),
        f.no,
      ).toHaveLength(1);
  });

  it('BRF-10 numbers are taken only on release: consecutive in release order, none for unapproved days', async () => {
    const released = (await orals())
      .filter((n) => n.no)
      .sort((a, b) => a.publishedAt!.getTime() - b.publishedAt!.getTime());
    expect(released).toHaveLength(workdays.length - NEVER.length);
    released.forEach((n, i) => expect(n.no).toBe(`督通〔2026〕${i + 1}号`));
    for (const d of NEVER) {
      const n = (await orals()).find((x) => x.forDate === d)!;
      expect([n.status, n.no]).toEqual(['待审定', null]);
    }
    const hall = await t.groupTexts('G-HALL');
    expect(hall).toHaveLength(released.length);
    released.forEach((n, i) => expect(hall[i]).toMatch(new RegExp(`^【口头通报 ${n.no}】`)));
  });

  it('BRF-03 an approval after 08:20 publishes at once; 08:15 nudges only the unapproved days', async () => {
    for (const d of LATE) {
      const n = (await orals()).find((x) => x.forDate === d)!;
      expect(n.status).toBe('已发布');
      expect(n.publishedAt!.toISOString()).toBe(new Date(at(d, '09:30')).toISOString());
    }
    const nudges = t.textsTo('liu').filter((x) => x.startsWith('⏰ 今日口头通报'));
    expect(nudges).toHaveLength(NEVER.length + LATE.length);
    expect(nudges[0]).toContain('3月11日');
  });
});
