import { LISTS, labelOf, listCn, type ListName } from './fields';
import type { Value } from './state';

// What an import changes (or, with --dry-run, would change), field by field.

export interface Change {
  field: string;
  from: Value;
  to: Value;
}

export interface RowDiff {
  key: string;
  /** `GA 旗公安局`, `12号窗 户籍办理`, `李四（lisi）`, `G-HALL 全体进驻人员`. */
  title: string;
  changes: Change[];
}

export interface ListDiff {
  created: RowDiff[];
  updated: RowDiff[];
  unchanged: number;
}

export type DirectoryDiff = Record<ListName, ListDiff>;

export const emptyDiff = (): DirectoryDiff => ({
  departments: { created: [], updated: [], unchanged: 0 },
  windows: { created: [], updated: [], unchanged: 0 },
  people: { created: [], updated: [], unchanged: 0 },
  groups: { created: [], updated: [], unchanged: 0 },
});

/** Rows created or updated across all lists (0 = the import is a no-op). */
export function changedRows(diff: DirectoryDiff): number {
  return LISTS.reduce((n, l) => n + diff[l].created.length + diff[l].updated.length, 0);
}

const EXTRA_LABELS: Record<string, string> = { members: '成员', created: '已建群' };

function show(v: Value): string {
  if (v === null || (Array.isArray(v) && v.length === 0)) return '（空）';
  if (Array.isArray(v)) return v.length > 6 ? `${v.slice(0, 6).join('、')}…（${v.length}人）` : v.join('、');
  if (typeof v === 'boolean') return v ? '是' : '否';
  return String(v);
}

export function describeChange(list: ListName, c: Change): string {
  return `${EXTRA_LABELS[c.field] ?? labelOf(list, c.field)}：${show(c.from)} → ${show(c.to)}`;
}

/** Printable lines: a count per list, then `+` created and `~` updated rows with their field changes. */
export function formatDiff(diff: DirectoryDiff, opts: { detail?: boolean } = {}): string[] {
  const lines: string[] = [];
  for (const list of LISTS) {
    const d = diff[list];
    lines.push(`${listCn(list)}：新增 ${d.created.length}，更新 ${d.updated.length}，未变 ${d.unchanged}`);
    if (opts.detail === false) continue;
    for (const r of d.created) lines.push(`  + ${r.title}`);
    for (const r of d.updated) {
      lines.push(`  ~ ${r.title}`);
      for (const c of r.changes) lines.push(`      ${describeChange(list, c)}`);
    }
  }
  return lines;
}
