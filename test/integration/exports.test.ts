import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../entities/audit-log';
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
});
