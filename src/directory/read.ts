import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { FIELDS, IGNORED_HEADERS, KEY_PATH, LISTS, listCn, listNamed, pathOfHeader, type ListName } from './fields';
import { jsonAt, type RawRow } from './schema';
import { decodeText as decode, parseCsv, readXlsxSheets, type Cell } from '../kernel/table-file';

// `directory import <file…>` readers. Every reader yields the same flat rows with their
// location, so validation and error messages are format-independent.
//
// Conventions (also in the CLI usage):
//  - JSON: the docs/architecture.md shape {"departments":[…],"windows":[…],"people":[…],"groups":[…]}.
//  - XLSX: one sheet per list named 部门/窗口/人员/群 (or departments/windows/people/groups); row 1 = headers.
//  - CSV (UTF-8 or GB18030, as Excel saves it): one list per file. The list is told, in this order, by a
//    column `表` (or `list`) whose cells say 部门/窗口/人员/群 — so one CSV may hold all four lists —, by the
//    file name (`人员.csv`, `people.csv`), or by the first header (账号 → 人员, 群键 → 群, 窗口号 → 窗口,
//    代码 → 部门). Several files may be imported together.
//  - Headers in Chinese or English (fields.ts). A blank cell leaves the stored value as it is; `-` clears it.

export interface RawDirectory {
  source: string;
  rows: Record<ListName, RawRow[]>;
  /** File-level problems (unreadable file, unknown sheet or column). */
  errors: string[];
}

export const emptyRaw = (source: string): RawDirectory => ({
  source,
  rows: { departments: [], windows: [], people: [], groups: [] },
  errors: [],
});

/** Nested JSON objects (`deptLeader`, `contact`) become dotted paths; `null` clears each part. */
function flattenJson(list: ListName, obj: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    const subs = FIELDS[list].filter((s) => s.path.startsWith(`${k}.`)).map((s) => s.path);
    if (subs.length === 0) out[k] = v;
    else if (v === null || v === '') subs.forEach((p) => (out[p] = null));
    else if (typeof v === 'string') out[`${k}.name`] = v;
    else if (typeof v === 'object' && !Array.isArray(v))
      for (const [sk, sv] of Object.entries(v)) out[`${k}.${sk}`] = sv;
    else out[k] = v;
  }
  return out;
}

/** The JSON form (already parsed). */
export function fromJson(doc: unknown, source = 'JSON'): RawDirectory {
  const raw = emptyRaw(source);
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    raw.errors.push(`${source}：应为 {"departments":[…],"windows":[…],"people":[…],"groups":[…]}`);
    return raw;
  }
  for (const [k, v] of Object.entries(doc)) {
    const list = LISTS.find((l) => l === k);
    if (!list) {
      raw.errors.push(`${source}：未知列表“${k}”（应为 departments/windows/people/groups）`);
      continue;
    }
    if (!Array.isArray(v)) {
      raw.errors.push(`${source}：${k} 应为数组`);
      continue;
    }
    v.forEach((item, i) => {
      if (item && typeof item === 'object' && !Array.isArray(item)) {
        raw.rows[list].push({ at: jsonAt(list, i), data: flattenJson(list, item as Record<string, unknown>) });
      } else raw.errors.push(`${jsonAt(list, i)}：应为对象`);
    });
  }
  return raw;
}

/** Keep the data columns of a header row (by index); reports columns no list (or not this list) knows. */
function mapHeaders(
  list: ListName | undefined,
  headers: string[],
  where: string,
  errors: string[],
): Map<number, string> {
  const kept = new Map<number, string>();
  headers.forEach((h, i) => {
    const name = h.trim();
    if (!name || IGNORED_HEADERS.includes(name.toLowerCase()) || ['表', 'list'].includes(name.toLowerCase())) return;
    if (!(list ? [list] : LISTS).some((l) => pathOfHeader(l, name))) errors.push(`${where} 第1行：未知列“${name}”`);
    else kept.set(i, name);
  });
  return kept;
}

/** Turn one record of cells into a flat row: blank = absent, `-` = clear. */
function rowOf(list: ListName, headers: Map<number, string>, cells: Cell[]): Record<string, unknown> | undefined {
  const data: Record<string, unknown> = {};
  for (const [i, header] of headers) {
    const v = cells[i];
    if (v == null || (typeof v === 'string' && v.trim() === '')) continue;
    // In a combined CSV a column of another list filled on this row is reported by validation as unknown.
    data[pathOfHeader(list, header) ?? header] = typeof v === 'string' && /^[-—－]$/.test(v.trim()) ? null : v;
  }
  return Object.keys(data).length ? data : undefined;
}

/** Which list a CSV holds, from its file name or its first header (the list's key column). */
function csvList(file: string, headers: string[]): ListName | undefined {
  const byName = listNamed(basename(file, extname(file)));
  if (byName) return byName;
  const first = headers[0] ?? '';
  return (['people', 'groups', 'windows', 'departments'] as const).find((l) => pathOfHeader(l, first) === KEY_PATH[l]);
}

export function readCsvText(text: string, file: string, into = emptyRaw(file)): RawDirectory {
  const name = basename(file);
  const [head, ...records] = parseCsv(text);
  if (!head) return into;
  const listCol = head.cells.findIndex((h) => ['表', 'list'].includes(h.trim().toLowerCase()));
  const fixed = listCol >= 0 ? undefined : csvList(file, head.cells);
  if (listCol < 0 && !fixed) {
    into.errors.push(`${name}：无法判断是哪张表——文件名用 部门/窗口/人员/群.csv，或加一列“表”`);
    return into;
  }
  const headers = mapHeaders(fixed, head.cells, name, into.errors);
  for (const r of records) {
    const list = fixed ?? listNamed(r.cells[listCol] ?? '');
    if (!list) {
      into.errors.push(`${name} 第${r.line}行：表“${r.cells[listCol] ?? ''}”无效（应为 部门/窗口/人员/群）`);
      continue;
    }
    const data = rowOf(list, headers, r.cells);
    const at = fixed ? `${name} 第${r.line}行` : `${name} 第${r.line}行（${listCn(list)}）`;
    if (data) into.rows[list].push({ at, data });
  }
  return into;
}

export async function readXlsx(path: string, into = emptyRaw(path)): Promise<RawDirectory> {
  for (const ws of await readXlsxSheets(await readFile(path))) {
    const list = listNamed(ws.name);
    if (!list) {
      if (!IGNORED_HEADERS.includes(ws.name.trim().toLowerCase()) && ws.name.trim() !== '说明') {
        into.errors.push(`${basename(path)}：未知工作表“${ws.name}”（应为 部门/窗口/人员/群）`);
      }
      continue;
    }
    const [head, ...records] = ws.rows[0]?.line === 1 ? ws.rows : [undefined, ...ws.rows];
    const headerCells = Array.from(head?.cells ?? [], (c) => String(c ?? ''));
    const headers = mapHeaders(list, headerCells, ws.name, into.errors);
    for (const r of records) {
      if (!r) continue;
      const data = rowOf(list, headers, r.cells);
      if (data) into.rows[list].push({ at: `${ws.name} 第${r.line}行`, data });
    }
  }
  return into;
}

/** Read one .json, .csv or .xlsx file into raw rows (nothing validated yet). */
export async function readDirectoryFile(path: string, into = emptyRaw(basename(path))): Promise<RawDirectory> {
  const ext = extname(path).toLowerCase();
  try {
    if (ext === '.json') {
      const part = fromJson(JSON.parse(decode(await readFile(path))), basename(path));
      LISTS.forEach((l) => into.rows[l].push(...part.rows[l]));
      into.errors.push(...part.errors);
    } else if (ext === '.csv') readCsvText(decode(await readFile(path)), path, into);
    else if (ext === '.xlsx') await readXlsx(path, into);
    else into.errors.push(`${basename(path)}：不支持的文件类型（应为 .json、.csv 或 .xlsx）`);
  } catch (err) {
    into.errors.push(`${basename(path)}：无法读取（${err instanceof Error ? err.message : String(err)}）`);
  }
  return into;
}

/** Several files imported as one directory (e.g. 部门.csv 窗口.csv 人员.csv 群.csv). */
export async function readDirectoryFiles(paths: string[]): Promise<RawDirectory> {
  const raw = emptyRaw(paths.map((p) => basename(p)).join(', '));
  for (const p of paths) await readDirectoryFile(p, raw);
  return raw;
}
