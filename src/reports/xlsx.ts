import ExcelJS from 'exceljs';
import type { Sheet } from '../kernel/ledger';

function workbook(title: string, sheets: Sheet[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '政务大厅服务机器人';
  wb.title = title;
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name.slice(0, 31));
    ws.columns = s.columns.map((c) => ({
      header: c.header,
      key: c.key,
      width: c.width ?? Math.max(10, c.header.length * 2 + 2),
    }));
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    for (const r of s.rows) ws.addRow(r);
  }
  return wb;
}

export async function writeWorkbook(path: string, title: string, sheets: Sheet[]): Promise<void> {
  await workbook(title, sheets).xlsx.writeFile(path);
}

/** The same workbook as bytes (the yearly archive packs it into its zip, D205). */
export async function workbookBuffer(title: string, sheets: Sheet[]): Promise<Buffer> {
  return Buffer.from(await workbook(title, sheets).xlsx.writeBuffer());
}
