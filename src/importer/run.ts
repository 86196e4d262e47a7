import type { Ctx } from '../kernel/ctx';
import type { ImportKind, ImportResult } from '../kernel/import-kind';
import { readTableFile, TableFileError } from '../kernel/table-file';
import { parseSheets } from './parse';

// D94: one import, chat or CLI. Read and check every row first; write only when nothing is wrong, in the
// caller's transaction, so a bad file writes nothing. `dryRun` stops after the checks.

export type ImportOutcome = { ok: true; rows: number; result: ImportResult | null } | { ok: false; errors: string[] };

export const SHOWN_ERRORS = 10;

export async function runImport<T>(
  ctx: Ctx,
  kind: ImportKind<T>,
  file: { name: string; bytes: Buffer },
  opts: { dryRun?: boolean } = {},
): Promise<ImportOutcome> {
  let sheets;
  try {
    sheets = await readTableFile(file.name, file.bytes);
  } catch (err) {
    if (err instanceof TableFileError) return { ok: false, errors: [err.message] };
    return { ok: false, errors: [`${file.name}：无法读取（${err instanceof Error ? err.message : String(err)}）`] };
  }
  const parsed = parseSheets(kind, sheets);
  if (parsed.errors.length) return { ok: false, errors: parsed.errors };
  const problems = kind.check ? await kind.check(ctx.m, parsed.rows, ctx.now) : [];
  if (problems.length) return { ok: false, errors: problems };
  if (opts.dryRun) return { ok: true, rows: parsed.rows.length, result: null };
  const result = await kind.write(ctx, parsed.rows);
  await ctx.audit('import.run', 'import', kind.name, {
    file: file.name,
    rows: parsed.rows.length,
    written: result.written,
    unchanged: result.unchanged,
  });
  return { ok: true, rows: parsed.rows.length, result };
}

/** The reply: counts, or the first 10 problems and how many there are; nothing written on a problem. */
export function formatImport(kind: ImportKind<unknown>, outcome: ImportOutcome, dryRun = false): string {
  if (!outcome.ok) {
    const shown = outcome.errors.slice(0, SHOWN_ERRORS);
    const more = outcome.errors.length > shown.length ? `\n…共${outcome.errors.length}处问题` : '';
    return `❌ ${kind.label}导入未写入任何数据（${outcome.errors.length}处问题）：\n${shown.join('\n')}${more}`;
  }
  if (dryRun || !outcome.result) return `✅ ${kind.label}文件检查通过：${outcome.rows}行（试运行，未写入）`;
  const r = outcome.result;
  return [
    `✅ ${kind.label}导入完成：${outcome.rows}行，新增或更新${r.written}行，未变${r.unchanged}行`,
    ...(r.lines ?? []),
  ].join('\n');
}
