import { describe, expect, it } from 'vitest';
import { transferDueOf } from '../../src/domain/lost-found/announce';
import { idCardProblem } from '../../src/domain/lost-found/id-number';
import { maskFreeText } from '../../src/domain/lost-found/privacy';
import { parseFoundTime } from '../../src/domain/lost-found/register';
import { matchScore } from '../../src/domain/lost-found/reports';

// Pure rules of the 遗失物品 desk (LST-01, LST-02, LST-07, LST-08, REC-07).

const now = new Date('2025-03-10T10:00:00+08:00');

describe('LST-08 身份证 check digit (GB 11643-1999, ISO 7064 MOD 11-2)', () => {
  it('LST-08 accepts valid numbers, including a check character X', () => {
    expect(idCardProblem('152701199001011239')).toBeUndefined();
    expect(idCardProblem('11010519491231002X')).toBeUndefined();
    expect(idCardProblem('11010519491231002x')).toBeUndefined();
  });
  it('LST-08 names a wrong check digit, a wrong length and an impossible birth date', () => {
    expect(idCardProblem('152701199001011234')).toContain('校验位不符');
    expect(idCardProblem('15270119900101123')).toContain('18位');
    expect(idCardProblem('152701199002301230')).toMatch(/校验位不符|出生日期/);
  });
});

describe('LST-02 拾获时间', () => {
  it('LST-02 reads a date with an optional time of day', () => {
    expect(parseFoundTime('今天 9:30', now)).toEqual({ date: '2025-03-10', time: '09:30' });
    expect(parseFoundTime('3月9日14:05', now)).toEqual({ date: '2025-03-09', time: '14:05' });
    expect(parseFoundTime('2025-03-08', now)).toEqual({ date: '2025-03-08', time: null });
    expect(parseFoundTime('8:15', now)).toEqual({ date: '2025-03-10', time: '08:15' });
    expect(parseFoundTime('上个月', now)).toBeUndefined();
  });
});

describe('LST-07 半年 = 6 calendar months clamped to month end (§0.3)', () => {
  it('LST-07 §19 #28 and the month-end clamp', () => {
    expect(transferDueOf('2025-03-10')).toBe('2025-09-10');
    expect(transferDueOf('2025-08-31')).toBe('2026-02-28');
    expect(transferDueOf('2023-08-31')).toBe('2024-02-29');
  });
});

describe('LST-01 报失 matching', () => {
  const wallet = { name: '钱包', features: '黑色皮质', foundPlace: '一楼大厅' };
  it('LST-01 a description sharing the name or two words matches; an unrelated one does not', () => {
    expect(matchScore('黑色钱包', wallet)).toBeGreaterThan(0);
    expect(matchScore('在一楼大厅丢了东西，黑色的', wallet)).toBeGreaterThan(0);
    expect(matchScore('红色雨伞', wallet)).toBe(0);
  });
});

describe('REC-07 free-text masking', () => {
  it('REC-07 phones and ID numbers inside free text are masked', () => {
    expect(maskFreeText('王某 13912345678，身份证152701199001011239')).toBe(
      '王某 139****5678，身份证1527**********1239',
    );
  });
});
