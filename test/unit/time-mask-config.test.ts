import { describe, expect, it } from 'vitest';
import { loadConfig, describeConfig, ConfigError } from '../../src/config';
import { maskAddress, maskIdNumber, maskName, maskPhone } from '../../src/kernel/mask';
import { addMonths, instantAt, isoWeekKey, localDate, localTime, monthBounds } from '../../src/kernel/time';
import { normaliseRecordRef } from '../../src/kernel/numbers';
import { splitText } from '../../src/outbox/enqueue';

describe('time in Asia/Shanghai', () => {
  it('maps instants to Beijing dates and times regardless of host TZ', () => {
    const t = new Date('2026-03-02T16:30:00Z');
    expect(localDate(t)).toBe('2026-03-03');
    expect(localTime(t)).toBe('00:30');
    expect(instantAt('2026-03-03', '17:30').toISOString()).toBe('2026-03-03T09:30:00.000Z');
  });
  it('§0.3 calendar months clamp to month end', () => {
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2025-03-10', 6)).toBe('2025-09-10');
    expect(monthBounds('2028-02-10')).toEqual({ first: '2028-02-01', last: '2028-02-29' });
  });
  it('ISO week keys', () => {
    expect(isoWeekKey('2026-01-01')).toBe('2026-W01');
    expect(isoWeekKey('2027-01-01')).toBe('2026-W53');
  });
});

describe('REC-07 masking (D18)', () => {
  it('masks names, phones, ID numbers and addresses', () => {
    expect(maskName('王某某')).toBe('王*');
    expect(maskPhone('13912345678')).toBe('139****5678');
    expect(maskIdNumber('152701199001011234')).toBe('1527**********1234');
    expect(maskAddress('乌审旗嘎鲁图镇某街某号')).toBe('乌审旗嘎鲁图镇***');
  });
});

describe('record numbers (docs/commands.md)', () => {
  it('accepts full and short references, any case', () => {
    expect(normaliseRecordRef('ts12', 'TS', 2026)).toBe('TS2026-0012');
    expect(normaliseRecordRef('TS2025-0007', 'TS', 2026)).toBe('TS2025-0007');
    expect(normaliseRecordRef('SP42', 'SP', 2026, 5)).toBe('SP2026-00042');
    expect(normaliseRecordRef('GB12', 'TS', 2026)).toBeUndefined();
  });
});

describe('outbox text splitting (WeCom doc 90236: ≤2048 bytes)', () => {
  it('keeps short text whole and splits long text on line boundaries under the limit', () => {
    expect(splitText('你好')).toEqual(['你好']);
    const long = Array.from({ length: 200 }, (_, i) => `第${i}行：窗口巡查发现问题说明`).join('\n');
    const parts = splitText(long);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(2000);
    expect(parts.join('\n')).toBe(long);
  });
});

describe('config', () => {
  const full = {
    WECOM_CORP_ID: 'ww1436e0e65a779aee',
    WECOM_AGENT_ID: '1000002',
    WECOM_SECRET: 'super-secret-value',
    WECOM_TOKEN: 'hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo',
    WECOM_ENCODING_AES_KEY: '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt',
  };
  it('no WeCom variables → sandbox mode on the embedded SQLite database', () => {
    const c = loadConfig({});
    expect(c.mode).toBe('sandbox');
    expect(c.databaseUrl).toBe('sqlite:./data/hall.sqlite');
    expect(c.port).toBe(3000);
  });
  it('all five → real mode with the official API base', () => {
    const c = loadConfig(full);
    expect(c.mode).toBe('real');
    expect(c.apiBase).toBe('https://qyapi.weixin.qq.com');
  });
  it('a partial set refuses to start and names the missing variables', () => {
    expect(() => loadConfig({ WECOM_CORP_ID: 'ww1', WECOM_SECRET: 's' })).toThrow(ConfigError);
    expect(() => loadConfig({ WECOM_CORP_ID: 'ww1', WECOM_SECRET: 's' })).toThrow(
      /missing WECOM_AGENT_ID, WECOM_TOKEN, WECOM_ENCODING_AES_KEY/,
    );
  });
  it('the AES key must be 43 characters', () => {
    expect(() => loadConfig({ ...full, WECOM_ENCODING_AES_KEY: 'short' })).toThrow(/43 characters/);
  });
  it('never reveals secrets when describing the configuration', () => {
    const text = JSON.stringify(
      describeConfig(loadConfig({ ...full, DATABASE_URL: 'mysql://hall:pw123@127.0.0.1:3306/hall' })),
    );
    expect(text).not.toContain('super-secret-value');
    expect(text).not.toContain(full.WECOM_ENCODING_AES_KEY);
    expect(text).not.toContain(full.WECOM_TOKEN);
    expect(text).not.toContain('pw123');
  });
  it('refuses an unknown database scheme with a clear message', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://x' })).toThrow(/DATABASE_URL/);
  });
});
