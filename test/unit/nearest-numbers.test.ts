import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/kernel/errors';
import { nearestNumbers, notFoundError } from '../../src/kernel/match';

// Bad input: a record number that does not exist gets the nearest matches (every record prefix shares this).
describe('nearest record numbers', () => {
  const stored = ['AJ2026-01234', 'AJ2026-01235', 'AJ2026-09999', 'TS2026-0001', null, 'AJ2026-01234'];

  it('a swapped pair or a typo finds the number; a different number does not', () => {
    expect(nearestNumbers('AJ2026-01243', stored)).toEqual(['AJ2026-01234', 'AJ2026-01235']);
    expect(nearestNumbers('aj2026-01235', stored)).toEqual(['AJ2026-01235', 'AJ2026-01234']);
    expect(nearestNumbers('AJ2026-55555', stored)).toEqual([]);
  });

  it('at most n, nearest first, ties in text order, no duplicates or blanks', () => {
    const many = ['ZX2026-00003', 'ZX2026-00002', 'ZX2026-00001', 'ZX2026-00004'];
    expect(nearestNumbers('ZX2026-00009', many)).toEqual(['ZX2026-00001', 'ZX2026-00002', 'ZX2026-00003']);
    expect(nearestNumbers('ZX2026-00009', many, 1)).toEqual(['ZX2026-00001']);
  });

  it('one wording: the nearest numbers, else what a number looks like', () => {
    const e = notFoundError('AJ2026-01243', ['AJ2026-01234', 'AJ2026-01235'], '发送“办件 列表”查看你的办件。');
    expect(e).toBeInstanceOf(UserError);
    expect(e.message).toBe('没有 AJ2026-01243。你是不是要：AJ2026-01234 / AJ2026-01235？');
    expect(notFoundError('XYZ9', [], '编号形如 TS2026-0012。').message).toBe('没有 XYZ9。编号形如 TS2026-0012。');
  });
});
