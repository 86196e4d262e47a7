import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AttendanceDay } from '../../entities/attendance-day';
import { runImportCli } from '../../src/cli-import';
import { attendanceLedger } from '../../src/domain/attendance/ledger';
import { type TestBot, startTestBot } from '../helpers/bot';
import { exportCsv, leave, sendImport, STAFF } from './attendance-helpers';

// ATT-02 (000 窗口工作 五(五)): the 考勤系统 export is imported in chat or by the CLI, all or nothing (D94, D140);
// the 08:45 job (ATT-01) tells each person and G-OFFICE once per day; ATT-10 汇总 and the 考勤与请假台账.

let t: TestBot;
beforeEach(async () => {
  t = await startTestBot({ now: '2026-03-03T08:00:00+08:00' });
});
afterEach(async () => t.close());

const rows = () => t.bot.deps.db.manager.count(AttendanceDay);
const say = async (who: string, text: string) => {
  await t.say(who, text);
  return t.lastTextTo(who);
};

describe('ATT-02 import (chat and CLI)', () => {
  it('ATT-02 chat CSV import: counts and the day line; a re-import upserts by person and date', async () => {
    const csv = exportCsv('2026-03-02', { lisi: ['08:31', '17:40'], zhangsan: ['08:20', '17:10'], hejun: null });
    expect(await sendImport(t, csv)).toBe(
      '✅ 考勤导入完成：23行，新增或更新23行，未变0行\n3/2 考勤：迟到 1，早退 1，未签到 1，未签退 1',
    );
    expect(await rows()).toBe(23);
    const again = exportCsv('2026-03-02', { lisi: ['08:25', '17:40'], zhangsan: ['08:20', '17:10'], hejun: null });
    expect(await sendImport(t, again)).toContain('✅ 考勤导入完成：23行，新增或更新1行，未变22行');
    expect(await rows()).toBe(23);
    expect(await t.bot.deps.db.manager.findOneByOrFail(AttendanceDay, { userid: 'lisi' })).toMatchObject({
      signIn: '08:25',
      importedBy: 'zhao',
    });
  });

  it('ATT-02 chat XLSX import: Excel date and time cells, names instead of 账号', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('考勤');
    ws.addRow(['序号', '姓名', '日期', '签到时间', '签退时间']);
    ws.addRow([1, '李四', new Date(Date.UTC(2026, 2, 2)), new Date(Date.UTC(1899, 11, 30, 8, 26, 13)), '17:41']);
    ws.addRow([2, '张三', '2026/3/2', '8:45', '17:35']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const reply = await sendImport(t, bytes, '考勤.xlsx', 'application/octet-stream');
    expect(reply).toContain('✅ 考勤导入完成：2行，新增或更新2行，未变0行');
    expect(reply).toContain('3/2 考勤：迟到 1，早退 0，未签到 22'); // the 22 others have no row
    expect(await say('lisi', '考勤 查询 3月2日')).toBe('李四 3/2 签到 08:26 签退 17:41 ✅');
  });

  it('ATT-02 a bad file (bad column, 25:61, unknown person) names sheet and line, first 10 + count, writes nothing', async () => {
    expect(await sendImport(t, '账号,日期,签到,打卡机\nlisi,2026-03-02,08:20,1\n', 'a.csv')).toContain(
      'a.csv 第1行：未知列“打卡机”',
    );
    const lines = ['账号,日期,签到,签退', 'lisi,2026-03-02,25:61,17:40', 'nobody,2026-03-02,08:00,17:40'];
    for (let i = 0; i < 10; i++) lines.push(`zhangsan,2026-03-${String(10 + i)},08:00,17:40`);
    const reply = await sendImport(t, lines.join('\n'), 'b.csv');
    expect(reply).toContain('❌ 考勤导入未写入任何数据（1处问题）');
    expect(reply).toContain('b.csv 第2行：签到：“25:61”不是有效时刻');
    // Well-formed rows are checked against the directory and the date next.
    const reply2 = await sendImport(t, lines.filter((_, i) => i !== 1).join('\n'), 'c.csv');
    expect(reply2).toContain('❌ 考勤导入未写入任何数据（11处问题）');
    expect(reply2).toContain('c.csv 第2行：没有账号为“nobody”的人员');
    expect(reply2).toContain('c.csv 第3行：日期 2026-03-10 晚于今天');
    expect(reply2).toContain('…共11处问题');
    expect(reply2.split('\n')).toHaveLength(12);
    expect(await rows()).toBe(0);
  });

  it('ATT-02 a .doc gets a one-line reason and nothing is written', async () => {
    const doc = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(await sendImport(t, doc, '考勤.doc', 'application/msword')).toBe(
      '不支持的文件（考勤.doc）：请发送 .xlsx 或 .csv 表格（Word、PDF、图片不能导入）。',
    );
    expect(await rows()).toBe(0);
  });

  it('ATT-02 CLI import attendance: --dry-run writes nothing, a good file exits 0, a bad one exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'att-cli-'));
    const good = join(dir, 'good.csv');
    const bad = join(dir, 'bad.csv');
    writeFileSync(good, exportCsv('2026-03-02'));
    writeFileSync(bad, '账号,日期,签到,签退\nlisi,2026-03-02,08:20,17:40\nghost,2026-03-02,08:20,17:40\n');
    const deps = t.bot.deps;
    expect(await runImportCli(['attendance', good, '--dry-run'], deps)).toBe(0);
    expect(await rows()).toBe(0);
    expect(await runImportCli(['attendance', bad], deps)).toBe(1);
    expect(await rows()).toBe(0);
    expect(await runImportCli(['attendance', good], deps)).toBe(0);
    expect(await rows()).toBe(STAFF.length);
  });
});

describe('ATT-01 attendance-anomalies (08:45 WD)', () => {
  it('ATT-01 the previous WD: a DM to each person with an anomaly and one G-OFFICE digest, once per day', async () => {
    await sendImport(t, exportCsv('2026-03-02', { lisi: ['08:31', '17:40'], dengchao: null }));
    const r = await t.runJob('attendance-anomalies', '2026-03-03T08:45:00+08:00');
    expect(r).toMatchObject({ status: 'ok', counts: { people: 2, notImported: 0 } });
    expect(t.lastTextTo('lisi')).toContain('【考勤提醒】3/2 迟到1分钟（签到 08:31，签退 17:40；rule ATT-01）');
    expect(t.lastTextTo('dengchao')).toContain('【考勤提醒】3/2 未签到，未签退');
    const office = await t.groupTexts('G-OFFICE');
    expect(office.at(-1)).toBe(
      '【考勤异常】3/2：迟到 1，早退 0，未签到 1，未签退 1\nGA 李四：迟到1分钟\nSL 邓超：未签到，未签退',
    );
    const before = t.fake.state.feedLog.all().length;
    expect((await t.runJob('attendance-anomalies', '2026-03-03T09:30:00+08:00')).status).toBe('already-run');
    expect(t.fake.state.feedLog.all().length).toBe(before);
  });

  it('ATT-02 a WD whose file was not imported says 考勤未导入; a non-WD sends nothing', async () => {
    await t.runJob('attendance-anomalies', '2026-03-03T08:45:00+08:00');
    expect((await t.groupTexts('G-OFFICE')).at(-1)).toContain('【考勤】3/2 考勤未导入');
    expect((await t.runJob('attendance-anomalies', '2026-03-07T08:45:00+08:00')).status).toBe('non-workday');
  });
});

describe('ATT-10 汇总, monthly line and 考勤与请假台账', () => {
  it('ATT-10 考勤 汇总: hall_office per department, a 首席代表 only its own', async () => {
    await sendImport(t, exportCsv('2026-03-02', { lisi: ['08:40', '17:40'], wujing: ['08:20', '17:00'] }));
    const all = await say('zhao', '考勤 汇总 3月');
    expect(all).toContain('3月 全厅：迟到 1，早退 1，未签到 0');
    expect(all).toContain('3月 GA：迟到 1，早退 0，未签到 0');
    expect(all).toContain('3月 SB：迟到 0，早退 1，未签到 0');
    expect(await say('wangwu', '考勤 汇总')).toBe(
      '3月 GA：迟到 1，早退 0，未签到 0\n  李四 迟到1\n暂离 0 次，超时离岗 0 次',
    );
    expect(await say('wangwu', '考勤 汇总 部门=SB')).toContain('首席代表只能查看本部门');
    expect(await say('zhangsan', '考勤 查询 @李四')).toContain('只能查看本人');
  });

  it('ATT-10 monthly-batch 六 carries the 考勤汇总 line; each 首席代表 gets its own', async () => {
    await sendImport(t, exportCsv('2026-03-02', { lisi: ['08:40', '17:40'] }));
    await t.runJob('monthly-batch', '2026-04-01T09:00:00+08:00');
    const office = (await t.groupTexts('G-OFFICE')).find((s) => s.startsWith('【月度汇总】3月'));
    expect(office).toContain(
      '（ATT-10/OPEN #38）考勤汇总：迟到 1，早退 0，未签到 0（有异常：GA 1人）；考勤未导入 21 个工作日',
    );
    expect(t.textsTo('wangwu').find((s) => s.includes('本部门情况'))).toContain(
      '考勤汇总：迟到 1，早退 0，未签到 0（李四 迟到1）',
    );
  });

  it('ATT-01 ATT-05 the ledger lists judged days and the leave sheet', async () => {
    await leave(t, 'zhangsan', '2026-03-02', '2026-03-02');
    await sendImport(t, exportCsv('2026-03-02', { zhangsan: null, lisi: ['08:40', '17:40'] }));
    const [days, leaves] = await attendanceLedger.build(
      t.bot.deps.db,
      { from: '2026-03-01', to: '2026-03-31' },
      { unmasked: true, department: 'GA' },
    );
    expect(days.rows).toHaveLength(3);
    expect(days.rows.find((r) => r.person === '李四')).toMatchObject({ late: 10, status: '异常', in: '08:40' });
    expect(days.rows.find((r) => r.person === '张三')).toMatchObject({ leave: 'QJ2026-0140 事假', status: '请假' });
    expect(leaves.rows).toEqual([expect.objectContaining({ no: 'QJ2026-0140', person: '张三', status: '已批准' })]);
  });
});
