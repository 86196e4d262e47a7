import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../entities/audit-log';
import { exportRoles } from '../../src/kernel/ledger';
import { rolesLabel } from '../../src/kernel/permissions';
import { LEDGERS } from '../../src/tables';
import { startTestBot, type TestBot } from '../helpers/bot';

// docs/commands.md / REC-02 / REC-04: a ledger export comes back in chat as an xlsx file, and is audited.
describe('导出 台账', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
  });
  afterAll(async () => t.close());

  it('REC-02 hall_office exports the audit ledger: a real xlsx file arrives in chat and the export is audited', async () => {
    await t.say('zhao', '设置 修改 calendar.endOfDay 17:30 说明=确认');
    await t.say('zhao', '导出 审计日志 从=2026-03-01 到=今天');
    expect(t.lastTextTo('zhao')).toMatch(/^✅ 审计日志 2026-03-01至2026-03-03：\d+ 行，文件已发送$/);
    const file = t.dms('zhao').find((i) => i.msgtype === 'file')!;
    expect(file).toBeDefined();
    const media = t.fake.state.media.get(file.file!.media_id)!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(media.buffer as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('审计日志')!;
    expect(ws.getRow(1).values).toEqual(expect.arrayContaining(['时间', '操作人', '操作']));
    expect(ws.rowCount).toBeGreaterThan(1);
    expect(await t.bot.deps.db.manager.count(AuditLog, { where: { action: 'ledger.export', actor: 'zhao' } })).toBe(1);
  });

  it('DIR-10 a 首席代表 cannot export a centre-only ledger', async () => {
    await t.say('wangwu', '导出 审计日志');
    expect(t.lastTextTo('wangwu')).toContain('只能由大厅管理室、中心领导、中心分管领导导出');
  });

  it('staff may not export at all', async () => {
    await t.say('lisi', '导出 审计日志');
    expect(t.lastTextTo('lisi')).toMatch(/你没有权限使用“导出”/);
  });

  it('REC-04 `导出 <台账> <月份>` exports that month; a year exports 1 January to 31 December', async () => {
    await t.say('zhao', '导出 审计日志 2026-02');
    expect(t.lastTextTo('zhao')).toMatch(/^✅ 审计日志 2026-02-01至2026-02-28：\d+ 行，文件已发送$/);
    await t.say('zhao', '导出 审计日志 2025');
    expect(t.lastTextTo('zhao')).toMatch(/^✅ 审计日志 2025-01-01至2025-12-31：0 行，文件已发送$/);
    await t.say('zhao', '导出 审计日志 3月 从=2026-03-01');
    expect(t.lastTextTo('zhao')).toContain('月份/年份与 从=/到= 只能二选一');
    await t.say('zhao', '导出 审计日志 春天');
    expect(t.lastTextTo('zhao')).toContain('无法识别“春天”');
  });

  it('REC-04 a 首席代表 exports its own department of a ● ledger for a month (DIR-10), masked (REC-07)', async () => {
    await t.say('wangwu', '导出 巡查台账 3月');
    expect(t.lastTextTo('wangwu')).toMatch(
      /^✅ 巡查台账 2026-03-01至2026-03-31 GA：\d+ 行，文件已发送（个人信息已脱敏）$/,
    );
  });

  it('REC-07 a record at 00:30 Beijing time (16:30 UTC the day before) is exported as a date of that Beijing day', async () => {
    t.setNow('2026-03-04T00:30:00+08:00');
    await t.say('zhao', '设置 修改 calendar.endOfDay 17:30 说明=夜间确认');
    await t.say('zhao', '导出 审计日志 从=2026-03-04 到=2026-03-04');
    const file = t
      .dms('zhao')
      .filter((i) => i.msgtype === 'file')
      .at(-1)!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(t.fake.state.media.get(file.file!.media_id)!.buffer as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('审计日志')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const at = ws.getRow(2).getCell(1);
    expect(at.value).toEqual(new Date(Date.UTC(2026, 2, 4, 0, 30))); // shows 2026-03-04 00:30
    expect(at.numFmt).toBe('yyyy-mm-dd hh:mm');
    t.setNow('2026-03-03T10:00:00+08:00');
  });
});

// D227: `导出 列表` lists every ledger of the table with the roles its declaration lets export it.
describe('导出 列表', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
  });
  afterAll(async () => t.close());

  /** Everything the reply said (the outbox splits a long reply into several messages). */
  const listTo = async (userid: string) => {
    const before = t.textsTo(userid).length;
    await t.say(userid, '导出 列表');
    return t.textsTo(userid).slice(before).join('\n');
  };

  it('REC-04 hall_office sees every ledger of LEDGERS with the roles that may export it, and how to export', async () => {
    const text = await listTo('zhao');
    expect(text).toContain(`【台账】共 ${LEDGERS.length} 本，你可导出 ${LEDGERS.length} 本`);
    for (const l of LEDGERS)
      expect(text).toContain(`. ${l.name}${l.perDepartment ? ' ●' : ''} — ${rolesLabel(exportRoles(l))}\n`);
    expect(text).toContain('巡查台账 ● — 大厅管理室、中心领导、中心分管领导、首席代表');
    expect(text).toContain('审计日志 — 大厅管理室、中心领导、中心分管领导\n');
    expect(text).toContain('导出方法：导出 <名称> [月份|年]');
    expect(text).not.toContain('你不可导出');
  });

  it('REC-07 a 首席代表 sees which ledgers it may export (its own department, ●) and which it may not', async () => {
    const text = await listTo('wangwu');
    const own = LEDGERS.filter((l) => l.perDepartment);
    expect(own.length).toBeGreaterThan(5);
    expect(text).toContain(`你可导出 ${own.length} 本（仅本部门的数据）`);
    for (const l of LEDGERS)
      expect(text).toContain(
        `. ${l.name}${l.perDepartment ? ' ●' : ''} — ${rolesLabel(exportRoles(l))}${l.perDepartment ? '' : '（你不可导出）'}\n`,
      );
  });

  it('staff without an export role may not list them (the dispatcher names who may)', async () => {
    await t.say('lisi', '导出 列表');
    expect(t.lastTextTo('lisi')).toMatch(/你没有权限使用“导出 列表”/);
  });

  it('帮助 lists `导出 列表` for those who may run it', async () => {
    const before = t.textsTo('wangwu').length;
    await t.say('wangwu', '帮助');
    expect(t.textsTo('wangwu').slice(before).join('\n')).toContain('导出 列表 — 列出全部台账、可导出的角色和导出方法');
    await t.say('wangwu', '帮助 导出 列表');
    expect(t.lastTextTo('wangwu')).toMatch(/^导出 列表 — .*\n用法：导出 列表/);
  });
});
