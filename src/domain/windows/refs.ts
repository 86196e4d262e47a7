import { UserError } from '../../kernel/errors';
import type { Ctx } from '../../kernel/ctx';
import { localDate, yearOf } from '../../kernel/time';

// Record references for department filings (docs/commands.md): `GB2026-GA-003` in full, any case and padding;
// `GB-GA-3` or `GA-3`-less short forms within the current year; `GB3` for the sender's own department.

export type DeptPrefix = 'GB' | 'BG' | 'TB' | 'GF' | 'RG' | 'LG' | 'DG';

export function normaliseDeptRef(ctx: Ctx, ref: string, prefixes: readonly DeptPrefix[]): string {
  const s = ref.trim().toUpperCase();
  const year = yearOf(localDate(ctx.now));
  for (const p of prefixes) {
    if (!s.startsWith(p)) continue;
    const rest = s.slice(p.length);
    let m = /^(\d{4})-([A-Z][A-Z0-9]*)-(\d{1,4})$/.exec(rest);
    if (m) return `${p}${m[1]}-${m[2]}-${m[3].padStart(3, '0')}`;
    m = /^-?([A-Z][A-Z0-9]*)-(\d{1,4})$/.exec(rest);
    if (m) return `${p}${year}-${m[1]}-${m[2].padStart(3, '0')}`;
    m = /^(\d{1,4})$/.exec(rest);
    if (m && ctx.actor.departmentCode) return `${p}${year}-${ctx.actor.departmentCode}-${m[1].padStart(3, '0')}`;
  }
  throw new UserError(`“${ref}”不是有效的编号，例：${prefixes[0]}${year}-GA-003。`);
}

/** `RW2026-0019` or `RW19` (this year). */
export function normaliseTaskRef(ctx: Ctx, ref: string): string {
  const s = ref.trim().toUpperCase();
  const year = yearOf(localDate(ctx.now));
  let m = /^RW(\d{4})-(\d{1,5})$/.exec(s);
  if (m) return `RW${m[1]}-${m[2].padStart(4, '0')}`;
  m = /^RW(\d{1,4})$/.exec(s);
  if (m) return `RW${year}-${m[1].padStart(4, '0')}`;
  throw new UserError(`“${ref}”不是有效的任务编号，例：RW${year}-0019 或 RW19。`);
}
