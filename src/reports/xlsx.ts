import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ColumnType, LedgerCell, LedgerColumn, Sheet } from '../kernel/ledger';
import { localStamp } from '../kernel/time';

// The one xlsx writer of every 台账 (`导出`, `cli export`, the yearly archive D205). Cells are typed from the
// column's declared type (D226), every sheet keeps its header row frozen and its columns sized to what they hold.

const FORMATS: Record<ColumnType, string> = {
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
  number: 'General',
  text: '@',
};

const WALL = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?$/;

/**
 * A Beijing wall time as the Date exceljs should store. exceljs writes a Date's UTC fields as the serial date, and
 * Excel shows a serial as it is (no zone), so the Date must carry the wall time in its UTC fields (D226).
 */
function wallDate(v: string | Date): Date | undefined {
  const m = WALL.exec(v instanceof Date ? localStamp(v) : v.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi] = m;
  return new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0)));
}

/** The cell value for a column type; anything that does not fit the type stays text, as written. */
export function typedCell(type: ColumnType, v: LedgerCell): ExcelJS.CellValue {
  if (v === null || v === '') return null;
  if (type === 'date' || type === 'datetime') return (typeof v === 'number' ? undefined : wallDate(v)) ?? String(v);
  if (type === 'number') {
    if (typeof v === 'number') return v;
    const s = String(v).trim();
    return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s;
  }
  return v instanceof Date ? localStamp(v) : String(v);
}

/** Display width of a text: CJK characters take two columns. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1;
  return w;
}

const MIN_WIDTH = 6;
const MAX_WIDTH = 60;
const TYPE_WIDTH: Partial<Record<ColumnType, number>> = { date: 12, datetime: 17 };

/** A declared width wins; else the widest of the header and the cells (first line), within 6–60. */
function columnWidth(c: LedgerColumn, rows: Sheet['rows']): number {
  if (c.width) return c.width;
  let w = Math.max(textWidth(c.header), TYPE_WIDTH[c.type ?? 'text'] ?? 0);
  if (!TYPE_WIDTH[c.type ?? 'text'])
    for (const r of rows) {
      const v = r[c.key];
      if (v !== null && v !== undefined) w = Math.max(w, textWidth(String(v).split('\n')[0]));
    }
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, w + 2));
}

/** One sheet's header, column formats and typed rows; each row is committed as it is written (streaming). */
function fillSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, s: Sheet): void {
  const ws = wb.addWorksheet(s.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = s.columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: columnWidth(c, s.rows),
    style: { numFmt: FORMATS[c.type ?? 'text'] },
  }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.commit();
  for (const r of s.rows) {
    const row: Record<string, ExcelJS.CellValue> = {};
    for (const c of s.columns) row[c.key] = typedCell(c.type ?? 'text', r[c.key] ?? null);
    const added = ws.addRow(row);
    // A datetime column's value with no time (a 拾获时间 recorded without the hour) is shown as a date only.
    for (const c of s.columns)
      if (c.type === 'datetime' && typeof r[c.key] === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(String(r[c.key])))
        added.getCell(c.key).numFmt = FORMATS.date;
    added.commit();
  }
  ws.commit();
}

/**
 * Every 台账 workbook is streamed (exceljs's WorkbookWriter): rows go out as they are written instead of an
 * in-memory model of every cell, which took ~60 MB for a hall month's 审计日志 (D242).
 */
async function streamWorkbook(
  options: Partial<ExcelJS.stream.xlsx.WorkbookStreamWriterOptions>,
  title: string,
  sheets: Sheet[],
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ ...options, useStyles: true, useSharedStrings: false });
  wb.creator = '政务大厅服务机器人';
  wb.title = title;
  for (const s of sheets) fillSheet(wb, s);
  await wb.commit();
}

export async function writeWorkbook(path: string, title: string, sheets: Sheet[]): Promise<void> {
  await streamWorkbook({ filename: path }, title, sheets);
}

/** The same workbook as bytes (the yearly archive packs it into its zip, D205). */
export async function workbookBuffer(title: string, sheets: Sheet[]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  await streamWorkbook({ stream: sink }, title, sheets);
  return Buffer.concat(chunks);
}
