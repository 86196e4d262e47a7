import { describe, expect, it } from 'vitest';
import { pathOfHeader } from '../../src/directory/fields';
import { validateRows } from '../../src/directory/schema';

// D160: people carry a 区域 (the zone whose area_lead is a guide's 区域领导); the directory files name it 区域.
describe('DIR-08 D160 the people list has a 区域 column', () => {
  it('DIR-08 headers 区域 / 所在区域 / zone map to the zone field', () => {
    expect(pathOfHeader('people', '区域')).toBe('zone');
    expect(pathOfHeader('people', '所在区域')).toBe('zone');
    expect(pathOfHeader('people', 'zone')).toBe('zone');
  });

  it('DIR-08 a zone is kept; longer than 16 characters is refused naming the row', () => {
    const ok = validateRows('people', [
      { at: '人员.csv 第2行', data: { userid: 'xiaogao', name: '小高', zone: 'A区' } },
    ]);
    expect(ok.errors).toEqual([]);
    expect(ok.rows[0].row.zone).toBe('A区');
    const bad = validateRows('people', [
      { at: '人员.csv 第3行', data: { userid: 'xiaoma', name: '小马', zone: '一二三四五六七八九十一二三四五六七' } },
    ]);
    expect(bad.errors).toHaveLength(1);
    expect(bad.errors[0]).toMatch(/^人员\.csv 第3行：/);
  });
});
