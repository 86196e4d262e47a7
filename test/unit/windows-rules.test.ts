import { describe, expect, it } from 'vitest';
import { HallCalendar } from '../../src/calendar/hall-calendar';
import { UserError } from '../../src/kernel/errors';
import { reminderDay } from '../../src/domain/windows/seasonal-reminder';
import {
  checkClosureNotice,
  checkConsultants,
  checkPeakNotice,
  checkSuspensionNotice,
  closureCap,
  isSeasonalWindow,
  publicityDue,
  seasonEnd,
  seasonalPlanOnTime,
} from '../../src/domain/windows/rules';
import { parseConsultants } from '../../commands/window-args';

const cal = new HallCalendar();
const at = (iso: string) => new Date(iso);
const refusal = (fn: () => void) => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as Error).message;
  }
  return '';
};

describe('WIN / SUS pure rules (rulebook §6, §7, §19; docs/rules.md)', () => {
  it('WIN-04 §19 #12: cap n = 2 / 4 / 5 / 9 / 10 / 14 / 15 → 1 / 1 / 1 / 1 / 2 / 2 / 3 (n = 1 is refused by WIN-04(1) before the cap)', () => {
    expect([2, 4, 5, 9, 10, 14, 15].map(closureCap)).toEqual([1, 1, 1, 1, 2, 2, 3]);
  });

  it('WIN-05 §19 #6: closure from Mon 2025-03-17 — Fri 03-14 17:30 ok; Fri 17:31 and Mon 03-17 refused, earliest named', () => {
    expect(refusal(() => checkClosureNotice(cal, at('2025-03-14T17:30:00+08:00'), '2025-03-17'))).toBe('');
    expect(refusal(() => checkClosureNotice(cal, at('2025-03-14T17:31:00+08:00'), '2025-03-17'))).toBe(
      '❌ 不符合规定（rule WIN-05；000 调整管理 二(二)2(1)）：窗口临时关闭须至少提前1个工作日申请，最早可关闭日期 2025-03-18。',
    );
    expect(refusal(() => checkClosureNotice(cal, at('2025-03-17T09:00:00+08:00'), '2025-03-17'))).toMatch(
      /最早可关闭日期 2025-03-18。$/,
    );
  });

  it('SUS-02 §19 #7: peak from Mon 2025-03-17 — plan by Thu 03-13', () => {
    expect(refusal(() => checkPeakNotice(cal, at('2025-03-13T16:00:00+08:00'), '2025-03-17'))).toBe('');
    expect(refusal(() => checkPeakNotice(cal, at('2025-03-14T09:00:00+08:00'), '2025-03-17'))).toMatch(
      /rule SUS-02.*最晚 2025-03-13/,
    );
  });

  it('SUS-06 §19 #8 / SUS-07 §19 #9: suspension from Mon 2025-03-17 — filed by Mon 03-10, notice by Tue 03-11', () => {
    expect(refusal(() => checkSuspensionNotice(cal, at('2025-03-10T17:00:00+08:00'), '2025-03-17'))).toBe('');
    expect(refusal(() => checkSuspensionNotice(cal, at('2025-03-11T09:00:00+08:00'), '2025-03-17'))).toBe(
      '❌ 不符合规定（rule SUS-06；000 高峰停办 二(二)1）：须至少提前5个工作日备案（最晚 2025-03-10），现在备案最早可停办日期 2025-03-18。',
    );
    expect(publicityDue(cal, '2025-03-17')).toBe('2025-03-11');
  });

  it('WIN-10 §19 #15: plan filed 2025-02-28 / 03-01 / 03-02 → on time / on time (inclusive, OPEN #2; strict: late) / late', () => {
    expect(['2025-02-28', '2025-03-01', '2025-03-02'].map((d) => seasonalPlanOnTime(d, 2025, true))).toEqual([
      true,
      true,
      false,
    ]);
    expect(seasonalPlanOnTime('2025-03-01', 2025, false)).toBe(false);
  });

  it('WIN-10 / OPEN #29: February reminder days shift to a WD inside February (2026: 02-01 Sun → 02-02; 02-20 in 春节 → 02-24)', () => {
    expect(reminderDay(cal, '2026-02-01')).toBe('2026-02-02');
    expect(reminderDay(cal, '2026-02-20')).toBe('2026-02-24');
    expect(reminderDay(cal, '2025-02-20')).toBe('2025-02-20');
  });

  it('SUS-08 §19 #32: 1 / 2 / 3 / 4 consultation staff → reject / ok / ok / reject; a person without phone is refused', () => {
    const people = (k: number) => Array.from({ length: k }, (_, i) => ({ name: `人${i}`, phone: `1390000000${i}` }));
    expect([1, 2, 3, 4].map((k) => refusal(() => checkConsultants(people(k))) === '')).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(
      refusal(() =>
        checkConsultants([
          { name: '甲', phone: '1' },
          { name: '乙', phone: '' },
        ]),
      ),
    ).toMatch(/乙 缺少咨询电话/);
    expect(parseConsultants('张三 13900000014,@李四/0477-1234567、王五')).toEqual([
      { name: '张三', phone: '13900000014' },
      { name: '李四', phone: '0477-1234567' },
      { name: '王五' },
    ]);
  });

  it('WIN-10 the season a reopening opens ends with the first range of the plan ending on or after it', () => {
    expect(seasonEnd('14号窗 4月1日-10月31日（灌溉季）', '2026-03-10')).toBe('2026-10-31');
    expect(seasonEnd('3月1日至3月31日、7月1日—8月15日', '2026-04-02')).toBe('2026-08-15');
    expect(seasonEnd('2026-04-01至2026-10-31', '2026-04-01')).toBe('2026-10-31');
    expect(seasonEnd('全年每周一', '2026-04-01')).toBeNull();
    // SUS-08: a shared 电话= fills only the people typed without their own phone.
    expect(parseConsultants('张三,李四 0477-1234567', '13900000014')).toEqual([
      { name: '张三', phone: '13900000014' },
      { name: '李四', phone: '0477-1234567' },
    ]);
  });

  it('WIN-08/WIN-10 seasonal windows', () => {
    expect(isSeasonalWindow({ status: '季节性', kind: '专项' })).toBe(true);
    expect(isSeasonalWindow({ status: '在用', kind: '固定时间' })).toBe(true);
    expect(isSeasonalWindow({ status: '在用', kind: '专项' }, new Set(['14']), '14')).toBe(true);
    expect(isSeasonalWindow({ status: '在用', kind: '专项' }, new Set(['14']), '13')).toBe(false);
  });
});
