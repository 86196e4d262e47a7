import { describe, expect, it } from 'vitest';
import { HallCalendar } from '../../src/calendar/hall-calendar';
import { dayOfNextMonth } from '../../src/calendar/conventions';
import {
  displayNo,
  formatNoticeNo,
  legacyNoticeNo,
  parseNoticeRef,
  showNoticeNo,
} from '../../src/domain/briefings/numbering';
import { oralRange } from '../../src/domain/briefings/oral-content';
import { dailyCronTime } from '../../src/domain/briefings/oral-times';
import { fireDay, firstWorkday, nthLastWorkday } from '../../src/domain/briefings/schedule';
import { autoSeverity, parseAreas, parseFloor, parseItem } from '../../src/domain/inspections/rules';

// Pure rules of [supervision] against the official calendar (the rulebook's test vectors header).
const cal = new HallCalendar();

describe('BRF-02 口头通报 scope (§19 #29, #40)', () => {
  it('§19 #29 run Mon 2025-03-17 covers Fri 03-14; run Mon 2025-04-07 (04-04 holiday) covers Thu 04-03', () => {
    expect(oralRange(cal, '2025-03-17')).toEqual({ from: '2025-03-14', to: '2025-03-16' });
    expect(oralRange(cal, '2025-04-07').from).toBe('2025-04-03');
  });
  it('§19 #40 run Thu 2025-10-09 covers Tue 09-30; run Mon 2025-10-13 covers the working Sat 10-11', () => {
    expect(oralRange(cal, '2025-10-09')).toEqual({ from: '2025-09-30', to: '2025-10-08' });
    expect(oralRange(cal, '2025-10-13')).toEqual({ from: '2025-10-11', to: '2025-10-12' });
  });
  it('a normal Tuesday covers Monday only', () => {
    expect(oralRange(cal, '2026-03-03')).toEqual({ from: '2026-03-02', to: '2026-03-02' });
  });
});

describe('§19 #30 monthly deadlines (BRF-04, BRF-07; inclusive, OPEN #2)', () => {
  it('March 2025: 约谈 by 2025-04-10, 书面通报 by 2025-04-15', () => {
    expect(dayOfNextMonth('2025-03', 10)).toBe('2025-04-10');
    expect(dayOfNextMonth('2025-03', 15)).toBe('2025-04-15');
  });
  it('reminder days move to the WD before; never into the previous month (国庆 2026)', () => {
    expect(fireDay(cal, '2026-03', 8)).toBe('2026-03-06'); // Sun → Fri
    expect(fireDay(cal, '2026-04', 12)).toBe('2026-04-10'); // Sun → Fri
    expect(fireDay(cal, '2026-10', 5)).toBe('2026-10-08'); // 国庆 10-01…07: the WD before is in September → next WD
    expect(firstWorkday(cal, '2026-03')).toBe('2026-03-02');
    expect(firstWorkday(cal, '2026-10')).toBe('2026-10-08');
    expect(nthLastWorkday(cal, '2026-03', 3)).toBe('2026-03-27');
  });
});

describe('INS-04 / INS-05 / INS-07 parsing and the OPEN #16 repeat rule', () => {
  it('INS-05 items 1–11 only (HARD)', () => {
    expect(parseItem('3')).toBe(3);
    expect(parseItem('INS-05.11')).toBe(11);
    expect(parseItem('十一')).toBe(11);
    expect(() => parseItem('12')).toThrow(/rule INS-05/);
    expect(() => parseItem(undefined)).toThrow(/rule INS-05/);
  });
  it('INS-04 areas and floors 1–3', () => {
    expect(parseAreas('前台,公共区域')).toBe('前台,公共');
    expect(() => parseAreas('地下室')).toThrow(/rule INS-04/);
    expect(parseFloor('1-3')).toBe('1-3');
    expect(parseFloor('2楼')).toBe('2');
    expect(() => parseFloor('4')).toThrow(/rule INS-04/);
  });
  it('OPEN #16: the 2nd occurrence tags 一般 as 重复; a higher severity is kept', () => {
    expect(autoSeverity('一般', 0, 2)).toEqual({ severity: '一般', tagged: false });
    expect(autoSeverity('一般', 1, 2)).toEqual({ severity: '重复', tagged: true });
    expect(autoSeverity('重大', 3, 2)).toEqual({ severity: '重大', tagged: false });
  });
});

describe('BRF-10 notice numbers (OPEN #22, D41)', () => {
  it('D41 formats the national 发文字号: no leading zeros, with 号; the type after it', () => {
    expect(formatNoticeNo('督通', 2026, 11)).toBe('督通〔2026〕11号');
    expect(formatNoticeNo('督通', 2026, 1)).toBe('督通〔2026〕1号');
    expect(formatNoticeNo('督通', 2026, 120)).toBe('督通〔2026〕120号');
    expect(displayNo({ no: '督通〔2026〕12号', type: '口头' })).toBe('督通〔2026〕12号（口头）');
    expect(displayNo({ no: null, type: '书面' })).toBe('（未编号）');
  });
  it('D41 shows a number stored in the old form in the new form, also inside a text', () => {
    expect(showNoticeNo('督通〔2026〕011')).toBe('督通〔2026〕11号');
    expect(showNoticeNo('督通〔2026〕100')).toBe('督通〔2026〕100号');
    expect(showNoticeNo('督通〔2026〕11号')).toBe('督通〔2026〕11号');
    expect(displayNo({ no: '督通〔2026〕007', type: '约谈' })).toBe('督通〔2026〕7号（约谈）');
    expect(showNoticeNo('来源 督通〔2026〕007、督通〔2026〕12号')).toBe('来源 督通〔2026〕7号、督通〔2026〕12号');
  });
  it('parses the new, the old and the short form (with or without the type) to the new form', () => {
    for (const typed of [
      '督通〔2026〕12号',
      '督通〔2026〕12号（口头）',
      '督通〔2026〕012',
      '督通〔2026〕012（书面）',
      '督通2026-012',
      '督通[2026]012',
      '督通(2026)12',
      '督通12',
      '督通12号',
      '督通012',
    ]) {
      expect(parseNoticeRef(typed, '督通', 2026), typed).toBe('督通〔2026〕12号');
    }
    expect(parseNoticeRef('督通〔2025〕3号', '督通', 2026)).toBe('督通〔2025〕3号');
    expect(legacyNoticeNo('督通', 2026, 12)).toBe('督通〔2026〕012');
    for (const bad of ['WT12', '督通', '督通0', '督通〔2026〕0号', '督通abc'])
      expect(parseNoticeRef(bad, '督通', 2026), bad).toBeUndefined();
  });
  it('D15: the release time follows the publish job cron', () => {
    expect(dailyCronTime('20 8 * * *')).toBe('08:20');
    expect(dailyCronTime('5 9 * * *')).toBe('09:05');
    expect(dailyCronTime('0 9 1-10 * *')).toBeUndefined();
  });
});
