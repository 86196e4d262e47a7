import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { Ctx } from './ctx';

/**
 * One kind of chat-file import (D94): 考勤 from the 考勤系统, 办件 from the platform export, the 事项 catalogue,
 * 好差评 ratings … A kind declares its columns, how one row parses, the checks that need the database and the
 * write step; the shared importer (src/importer) reads CSV (UTF-8/GB18030) and XLSX, names every problem by
 * sheet and line, and writes all rows or none. Listed in `IMPORT_KINDS` (src/tables.ts).
 */
export interface ImportKind<T = unknown> {
  /** CLI name: `npm run cli -- import <name> <file> [--dry-run]`. */
  name: string;
  /** Chinese label used in replies, e.g. `考勤`. */
  label: string;
  columns: readonly ImportColumn[];
  /** One row keyed by column key; cells arrive as trimmed text, '' when blank. */
  row: z.ZodType<T>;
  /** Checks that need the database (unknown person, duplicate key …), before anything is written. */
  check?(m: EntityManager, rows: readonly ImportRow<T>[], now: Date): Promise<string[]>;
  /** Writes every row in one transaction: all or nothing. */
  write(ctx: Ctx, rows: readonly ImportRow<T>[]): Promise<ImportResult>;
}

export interface ImportColumn {
  key: string;
  /** Header names accepted for this column (Chinese first), compared without spaces, case-insensitive. */
  headers: readonly string[];
  required?: boolean;
}

export interface ImportRow<T> {
  /** Where the row is, for messages: `考勤.xlsx 第3行`, `Sheet1 第3行`. */
  at: string;
  data: T;
}

export interface ImportResult {
  written: number;
  unchanged: number;
  /** Extra lines for the reply (e.g. mismatches found). */
  lines?: string[];
}
