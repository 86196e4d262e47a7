import type { ImportColumn, ImportKind, ImportRow } from '../kernel/import-kind';
import { cellText, type TableSheet } from '../kernel/table-file';

// D94: the rows of a chat or CLI import, read and checked before anything is written. A file is the kind's
// table: the first non-blank row of a sheet is its header row; sheets whose headers fit no column of the kind
// (a 说明 sheet) are skipped. Every problem names its sheet and line.

const norm = (h: string) => h.replace(/\s+/g, '').toLowerCase();

function columnOf(columns: readonly ImportColumn[], header: string): ImportColumn | undefined {
  const h = norm(header);
  return columns.find((c) => c.headers.some((x) => norm(x) === h) || norm(c.key) === h);
}

export interface Parsed<T> {
  rows: ImportRow<T>[];
  errors: string[];
}

/** The rows of every sheet that carries the kind's columns. */
export function parseSheets<T>(kind: ImportKind<T>, sheets: readonly TableSheet[]): Parsed<T> {
  const out: Parsed<T> = { rows: [], errors: [] };
  let used = 0;
  for (const sheet of sheets) {
    const [head, ...records] = sheet.rows;
    if (!head) continue;
    const map = new Map<number, ImportColumn>();
    const unknown: string[] = [];
    head.cells.forEach((c, i) => {
      const text = cellText(c);
      if (!text) return;
      const col = columnOf(kind.columns, text);
      if (col) map.set(i, col);
      else unknown.push(text);
    });
    if (map.size === 0) continue; // not a table of this kind (e.g. a 说明 sheet)
    used++;
    const where = `${sheet.name} 第${head.line}行`;
    for (const u of unknown) out.errors.push(`${where}：未知列“${u}”`);
    const missing = kind.columns.filter((c) => c.required && ![...map.values()].includes(c));
    if (missing.length)
      out.errors.push(`${where}：缺少列 ${missing.map((c) => `“${c.headers[0] ?? c.key}”`).join('、')}`);
    if (unknown.length || missing.length) continue;
    for (const r of records) {
      const data: Record<string, string> = Object.fromEntries(kind.columns.map((c) => [c.key, '']));
      for (const [i, col] of map) data[col.key] = cellText(r.cells[i]);
      const at = `${sheet.name} 第${r.line}行`;
      const parsed = kind.row.safeParse(data);
      if (parsed.success) out.rows.push({ at, data: parsed.data });
      else
        out.errors.push(
          `${at}：${parsed.error.issues.map((i) => `${labelOf(kind.columns, i.path[0])}${i.message}`).join('；')}`,
        );
    }
  }
  if (used === 0)
    out.errors.push(
      `没有找到${kind.label}表：第一行应为列名（${kind.columns.map((c) => c.headers[0] ?? c.key).join('、')}）`,
    );
  else if (out.rows.length === 0 && out.errors.length === 0) out.errors.push(`${kind.label}表没有数据行`);
  return out;
}

function labelOf(columns: readonly ImportColumn[], key: PropertyKey | undefined): string {
  const col = columns.find((c) => c.key === key);
  return col ? `${col.headers[0] ?? col.key}：` : '';
}
