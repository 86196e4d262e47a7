import type { EntityManager } from 'typeorm';
import { SequenceRow } from '../../entities/sequence';
import { insertRows } from '../db';

/**
 * Next value of a named yearly counter (docs/commands.md record numbers), inside the caller's transaction:
 * insert-if-absent, then an atomic `value = value + 1` that locks the row until commit, then read it back.
 * (An optimistic read-then-compare loop would spin forever on MySQL/MariaDB: under REPEATABLE READ the re-read
 * keeps returning the snapshot value.) Concurrent callers get distinct numbers; a rolled-back one frees none.
 */
export async function nextSequence(m: EntityManager, name: string): Promise<number> {
  await insertRows(m, SequenceRow, { name, value: 0 }, { orIgnore: true });
  await m
    .createQueryBuilder()
    .update(SequenceRow)
    .set({ value: () => 'value + 1' })
    .where('name = :name', { name })
    .execute();
  const row = await m.findOneOrFail(SequenceRow, { where: { name } });
  return row.value;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** `TS2026-0012` style: prefix + year + '-' + zero-padded sequence. */
export async function nextRecordNo(m: EntityManager, prefix: string, year: number, width = 4): Promise<string> {
  return `${prefix}${year}-${pad(await nextSequence(m, `${prefix}-${year}`), width)}`;
}

/** `GB2026-GA-003` style for department filings (DIR-01). */
export async function nextDeptRecordNo(
  m: EntityManager,
  prefix: string,
  year: number,
  dept: string,
  width = 3,
): Promise<string> {
  return `${prefix}${year}-${dept}-${pad(await nextSequence(m, `${prefix}-${year}-${dept}`), width)}`;
}

/**
 * Record references typed in chat: full (`TS2026-0012`), short within the current year (`TS12`), any case.
 * Returns the full number, or undefined if the text is not of that prefix.
 */
export function normaliseRecordRef(ref: string, prefix: string, year: number, width = 4): string | undefined {
  const s = ref.trim().toUpperCase();
  const p = prefix.toUpperCase();
  if (!s.startsWith(p)) return undefined;
  const rest = s.slice(p.length);
  const full = /^(\d{4})-(\d+)$/.exec(rest);
  if (full) return `${prefix}${full[1]}-${pad(Number(full[2]), width)}`;
  const short = /^(\d+)$/.exec(rest);
  if (short) return `${prefix}${year}-${pad(Number(short[1]), width)}`;
  return undefined;
}
