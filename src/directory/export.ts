import ExcelJS from 'exceljs';
import { ROLE_NAMES, type Role } from '../../entities/person-role';
import type { Db } from '../db';
import { FIELDS, KEY_PATH, LISTS, listCn, type ListName } from './fields';
import { STATE_PATHS, loadState, type Flat } from './state';

// `directory export <file.json|xlsx>`: the stored directory in the import's own shape, so export → import is
// a no-op. Derived fields (group members, created) are not exported.

export type DirectoryJson = Record<ListName, Record<string, unknown>[]>;

const byKey = (list: ListName) => (a: Flat, b: Flat) =>
  String(a[KEY_PATH[list]]).localeCompare(String(b[KEY_PATH[list]]), 'zh', { numeric: true });

function toJson(list: ListName, row: Flat): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const path of STATE_PATHS[list]) {
    if (path === 'members' || path === 'created') continue;
    const v = row[path];
    if (v == null || (Array.isArray(v) && v.length === 0 && path !== 'roles')) continue;
    const [head, sub] = path.split('.');
    if (sub) out[head] = { ...(out[head] ?? {}), [sub]: v };
    else out[head] = v;
  }
  return out;
}

/** The whole directory as the docs/architecture.md JSON (departments, windows, people, groups). */
export async function exportDirectory(db: Db): Promise<DirectoryJson> {
  const { state } = await loadState(db.manager);
  const out = {} as DirectoryJson;
  for (const list of LISTS) out[list] = [...state[list].values()].sort(byKey(list)).map((r) => toJson(list, r));
  return out;
}

function cellOf(path: string, v: unknown): string | number {
  if (v == null) return '';
  if (path === 'roles') return (v as Role[]).map((r) => ROLE_NAMES[r]).join('、');
  if (Array.isArray(v)) return v.join('、');
  return typeof v === 'number' ? v : String(v);
}

/** One sheet per list (部门, 窗口, 人员, 群) with the Chinese headers the import reads. */
export async function writeDirectoryXlsx(data: DirectoryJson, path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const list of LISTS) {
    const ws = wb.addWorksheet(listCn(list));
    ws.addRow(FIELDS[list].map((f) => f.label));
    ws.getRow(1).font = { bold: true };
    for (const row of data[list] ?? []) {
      ws.addRow(
        FIELDS[list].map((f) => {
          const [head, sub] = f.path.split('.');
          const v = sub ? (row[head] as Record<string, unknown> | undefined)?.[sub] : row[head];
          return cellOf(f.path, v);
        }),
      );
    }
    ws.columns.forEach((c) => (c.width = 16));
  }
  await wb.xlsx.writeFile(path);
}
