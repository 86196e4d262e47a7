import { Like, type EntityTarget, type ObjectLiteral } from 'typeorm';
import type { Ctx } from '../../kernel/ctx';
import { normaliseRecordRef } from '../../kernel/numbers';
import type { RecordKind, RecordRow } from '../../kernel/record-kind';
import { localDate, yearOf } from '../../kernel/time';
import { normaliseDeptRef, type DeptPrefix } from '../windows/refs';

// Building blocks for the RECORD_KINDS rows: most records are one entity with a `no` column (docs/commands.md).

type Row = ObjectLiteral & { no: string; departmentCode?: string | null; status: string };

export function rowOf(r: Row, aliases?: string[]): RecordRow {
  return { no: r.no, departmentCode: r.departmentCode ?? null, status: r.status, row: r, aliases };
}

/**
 * load / numbers / correct for an entity keyed by `no`. A correction overwrites the column and its audit row keeps
 * who, when, why and the old value (REC-02: the history shows both; nothing is deleted).
 */
export function byNo<T extends Row>(
  entity: EntityTarget<T>,
  prefix: string,
  subjectType: string,
): Pick<RecordKind, 'load' | 'numbers' | 'correct'> {
  return {
    async correct(ctx, rec, field, value, reason) {
      await ctx.m.update(entity, { no: rec.no }, { [field.column]: value } as never);
      const previous = rec.row[field.column] ?? null;
      await ctx.audit(`${subjectType}.correct`, subjectType, rec.no, { field: field.name, previous, value, reason });
    },
    async load(ctx: Ctx, no: string) {
      const r = await ctx.m.findOne(entity, { where: { no } as never });
      return r ? rowOf(r) : null;
    },
    async numbers(ctx: Ctx) {
      const rows = await ctx.m.find(entity, {
        select: { no: true } as never,
        where: { no: Like(`${prefix}%`) } as never,
      });
      return rows.map((r) => r.no);
    },
  };
}

/** `TS12` / `ts2026-12` / `TS2026-0012` (yearly `<prefix><年>-<n位>` numbers). */
export function yearlyRef(prefix: string, width = 4): RecordKind['normalise'] {
  return (ctx, ref) => Promise.resolve(normaliseRecordRef(ref, prefix, yearOf(localDate(ctx.now)), width));
}

/** `GB2026-GA-003` / `GB-GA-3` / `GB3` (own department) for department filings. */
export function deptRef(prefix: DeptPrefix): RecordKind['normalise'] {
  return (ctx, ref) => {
    if (!ref.trim().toUpperCase().startsWith(prefix)) return Promise.resolve(undefined);
    try {
      return Promise.resolve(normaliseDeptRef(ctx, ref, [prefix]));
    } catch {
      return Promise.resolve(undefined);
    }
  };
}
