import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { argTools, bindArgs, defineCommand } from '../../src/kernel/command';
import { parseCnDate, parseCnDateRange, parseCnMonth } from '../../src/kernel/dates';
import { editDistance, matchCommand, nearestNames } from '../../src/kernel/match';
import { normalise } from '../../src/kernel/normalise';
import { parseArgs, parseLine, tokenize } from '../../src/kernel/parser';

const NOW = new Date('2026-03-03T11:05:00+08:00'); // Tuesday

describe('normalise (docs/commands.md Normalising, D240)', () => {
  it('turns the full-width forms the parser reads, digits and letters into half-width', () => {
    expect(normalise('窗口　关闭　１２号窗　从＝３月５日 到：３月６日 人＝＠李四 ＡＢ')).toBe(
      '窗口 关闭 12号窗 从=3月5日 到:3月6日 人=@李四 AB',
    );
  });
  it('D240 keeps Chinese prose punctuation as typed', () => {
    expect(normalise('事由＝张三参加培训，３月２０日返岗（已报备）；李四顶岗')).toBe(
      '事由=张三参加培训，3月20日返岗（已报备）；李四顶岗',
    );
  });
  it('collapses whitespace', () => {
    expect(normalise('  帮助   窗口  ')).toBe('帮助 窗口');
  });
});

describe('tokenize and named arguments', () => {
  it('keeps quoted values together (straight and curly quotes)', () => {
    expect(tokenize(normalise('投诉 登记 事项="态度 生硬" 方式=“投诉 登记本”'))).toEqual([
      '投诉',
      '登记',
      '事项=态度 生硬',
      '方式=投诉 登记本',
    ]);
  });
  it('accepts 键=值 and 键：值 in any order after positional arguments', () => {
    const line = parseLine('窗口 关闭 13号窗 到：3月6日 从=3月5日 事由=培训');
    expect(line.positional).toEqual(['窗口', '关闭', '13号窗']);
    expect(line.named).toEqual({ 到: '3月6日', 从: '3月5日', 事由: '培训' });
  });
  it('lets the last free-text value run to the end of the line', () => {
    expect(parseArgs(tokenize('事由=张三 参加 市局 业务培训')).named).toEqual({ 事由: '张三 参加 市局 业务培训' });
  });
  it('does not mistake a time for a named argument', () => {
    expect(parseArgs(['14:30']).positional).toEqual(['14:30']);
  });
});

describe('Chinese dates against ctx.now in Asia/Shanghai (D3)', () => {
  it.each([
    ['2026-03-02', '2026-03-02'],
    ['2026/3/2', '2026-03-02'],
    ['3月2日', '2026-03-02'],
    ['3/5', '2026-03-05'],
    ['今天', '2026-03-03'],
    ['明天', '2026-03-04'],
    ['后天', '2026-03-05'],
    ['下周一', '2026-03-09'],
    ['下周日', '2026-03-15'],
    ['周三', '2026-03-04'],
    ['周一', '2026-03-02'],
  ])('%s → %s', (text, expected) => {
    expect(parseCnDate(text, NOW)).toBe(expected);
  });
  it('rejects impossible dates', () => {
    expect(parseCnDate('3月32日', NOW)).toBeUndefined();
    expect(parseCnDate('2026-02-29', NOW)).toBeUndefined();
    expect(parseCnDate('随便', NOW)).toBeUndefined();
  });
  it('a bare month/day already past by more than 6 months means next year', () => {
    const lateInYear = new Date('2026-11-25T10:00:00+08:00');
    expect(parseCnDate('3月2日', lateInYear)).toBe('2027-03-02');
    expect(parseCnDate('10月2日', lateInYear)).toBe('2026-10-02');
  });
  it('uses the Beijing date even when UTC is still the day before', () => {
    expect(parseCnDate('今天', new Date('2026-03-02T23:30:00Z'))).toBe('2026-03-03');
  });
  it('parses ranges and months', () => {
    expect(parseCnDateRange('3/2-3/6', NOW)).toEqual({ from: '2026-03-02', to: '2026-03-06' });
    expect(parseCnMonth('上月', NOW)).toBe('2026-02');
    expect(parseCnMonth('2026年1月', NOW)).toBe('2026-01');
    expect(parseCnMonth('13月', NOW)).toBeUndefined();
  });
});

const cmds = [
  defineCommand({
    name: '投诉 登记',
    group: '投诉',
    summary: '',
    roles: 'all',
    usage: '投诉 登记 对象=… 事项=…',
    examples: ['投诉 登记 对象=12号窗 事项=态度生硬'],
    args: () => z.object({}),
    handle: async () => undefined,
  }),
  defineCommand({
    name: '投诉 列表',
    group: '投诉',
    summary: '',
    roles: 'all',
    usage: '',
    examples: [],
    args: () => z.object({}),
    handle: async () => undefined,
  }),
  defineCommand({
    name: '投诉',
    group: '投诉',
    summary: '',
    roles: 'all',
    usage: '',
    examples: [],
    args: () => z.object({}),
    handle: async () => undefined,
  }),
  defineCommand({
    name: '窗口 关闭',
    group: '窗口',
    summary: '',
    roles: 'all',
    usage: '',
    examples: [],
    args: () => z.object({}),
    handle: async () => undefined,
  }),
];

describe('command matching', () => {
  it('takes the longest matching name', () => {
    expect(matchCommand(['投诉', '登记', '对象=12'], cmds)?.cmd.name).toBe('投诉 登记');
    expect(matchCommand(['投诉', 'TS12'], cmds)?.cmd.name).toBe('投诉');
  });
  it('accepts a name typed without its space', () => {
    expect(matchCommand(['投诉登记', '对象=12'], cmds)?.cmd.name).toBe('投诉 登记');
  });
  it('suggests the nearest names for a typo', () => {
    expect(nearestNames('投诉 登陆', cmds)).toContain('投诉 登记');
    expect(editDistance('登陆', '登记')).toBe(1);
  });
});

describe('argument binding (docs/commands.md Help and errors)', () => {
  const close = defineCommand({
    name: '窗口 关闭',
    group: '窗口',
    summary: '',
    roles: 'all',
    usage: '窗口 关闭 <窗口号> 从=<日期> 到=<日期> 事由=<原因>',
    examples: ['窗口 关闭 13号窗 从=3月5日 到=3月6日 事由=业务培训'],
    positional: ['窗口'],
    args: (t) =>
      z.object({ 窗口: z.string(), 从: t.date('开始日期'), 到: t.date('结束日期'), 事由: z.string().min(2) }),
    handle: async () => undefined,
  });
  it('names a missing argument with its label and an example', () => {
    const r = bindArgs(close, ['13号窗'], { 到: '3月6日', 事由: '培训' }, NOW);
    expect(r).toEqual({
      ok: false,
      message: '缺少参数“从”（开始日期）。例：窗口 关闭 13号窗 从=3月5日 到=3月6日 事由=业务培训',
      field: '从', // D221: an H5 page shows it beside that field
    });
  });
  it('says which value could not be read and how dates look', () => {
    const r = bindArgs(close, ['13号窗'], { 从: '3月32日', 到: '3月6日', 事由: '培训' }, NOW);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain('“从=3月32日”无法识别。例：3月2日、2026-03-02、明天');
  });
  it('refuses unknown argument names instead of ignoring them', () => {
    const r = bindArgs(close, ['13号窗'], { 从: '明天', 到: '后天', 事由: '培训', 原由: 'x' }, NOW);
    expect(!r.ok && r.message).toMatch(/未知参数“原由”/);
  });
  it('resolves dates and binds positional arguments', () => {
    const r = bindArgs(close, ['13号窗'], { 从: '明天', 到: '后天', 事由: '业务培训' }, NOW);
    expect(r).toEqual({ ok: true, value: { 窗口: '13号窗', 从: '2026-03-04', 到: '2026-03-05', 事由: '业务培训' } });
  });
  it('argTools month parses relative months', () => {
    expect(argTools(NOW).month('月份').parse('上月')).toBe('2026-02');
  });
});
