import { basename, extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

// The spreadsheet readers every file import shares (the directory, and the chat-file importer of D94): a
// CSV or an XLSX becomes sheets of rows of cells, each row with the line it starts on, so every error can
// name its sheet and line. Nothing here knows what the columns mean.

export type Cell = string | number | boolean | Date | null | undefined;

export interface SheetRow {
  /** The 1-based line (CSV) or row number (XLSX) the record starts on. */
  line: number;
  cells: Cell[];
}

export interface TableSheet {
  /** The worksheet name, or the file name of a CSV. */
  name: string;
  rows: SheetRow[];
}

/** Excel on Chinese Windows saves CSV as GB18030; anything that is not valid UTF-8 is read that way. */
export function decodeText(buf: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return new TextDecoder('gb18030').decode(buf);
  }
}

/** RFC 4180 records with the line each starts on (quoted cells may span lines); blank records are skipped. */
export function parseCsv(text: string): { line: number; cells: string[] }[] {
  const records = parse(text, {
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    info: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  return records
    .filter((r) => r.record.some((c) => c.trim() !== ''))
    .map((r) => ({ line: r.info.lines - r.record.join('').split('\n').length + 1, cells: r.record }));
}

function cellValue(v: ExcelJS.CellValue): Cell {
  if (v == null || typeof v !== 'object' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : v.hyperlink;
  if ('result' in v) return cellValue(v.result ?? null);
  if ('error' in v) return String(v.error);
  return String(v);
}

/** Every worksheet of an XLSX workbook, row 1 included (the headers). */
export async function readXlsxSheets(data: Buffer | ArrayBuffer): Promise<TableSheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as ArrayBuffer);
  const sheets: TableSheet[] = [];
  wb.eachSheet((ws) => {
    const rows: SheetRow[] = [];
    for (let n = 1; n <= ws.rowCount; n++) {
      const cells: Cell[] = [];
      ws.getRow(n).eachCell({ includeEmpty: false }, (c, col) => (cells[col - 1] = cellValue(c.value)));
      if (cells.some((c) => c != null && String(c).trim() !== '')) rows.push({ line: n, cells });
    }
    sheets.push({ name: ws.name, rows });
  });
  return sheets;
}

/** A .csv or .xlsx file as sheets; anything else is refused with a one-line reason. */
export async function readTableFile(fileName: string, bytes: Buffer): Promise<TableSheet[]> {
  const ext = extname(fileName).toLowerCase();
  if (ext === '.csv') return [{ name: basename(fileName), rows: parseCsv(decodeText(bytes)) }];
  if (ext === '.xlsx') return readXlsxSheets(bytes);
  throw new TableFileError(`${basename(fileName)}：不支持的文件类型（请发送 .csv 或 .xlsx 表格）`);
}

export class TableFileError extends Error {}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A cell as the text a person typed. Excel keeps dates and times as serial numbers that exceljs returns as
 * UTC dates holding the wall-clock values: a time-only cell (day 1899-12-30) reads `HH:mm`, a date at
 * midnight `YYYY-MM-DD`, otherwise `YYYY-MM-DD HH:mm`.
 */
export function cellText(c: Cell): string {
  if (c == null) return '';
  if (c instanceof Date) {
    const date = `${c.getUTCFullYear()}-${pad(c.getUTCMonth() + 1)}-${pad(c.getUTCDate())}`;
    const secs = c.getUTCSeconds() ? `:${pad(c.getUTCSeconds())}` : '';
    const time = `${pad(c.getUTCHours())}:${pad(c.getUTCMinutes())}${secs}`;
    if (date === '1899-12-30') return time;
    return time === '00:00' ? date : `${date} ${time}`;
  }
  return String(c).trim();
}
