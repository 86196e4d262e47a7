import type { EntityManager } from 'typeorm';
import { SequenceRow } from '../entities/sequence';
import { affected, insertRows } from './db';

/**
 * Next value of a named yearly counter (commands.md §1 record numbers). Inside the caller's transaction:
 * insert-if-absent, then a guarded increment, so concurrent callers never get the same number.
 */
export async function nextSequence(m: EntityManager, name: string): Promise<number> {
  await insertRows(m, SequenceRow, { name, value: 0 }, { orIgnore: true });
  for (;;) {
    const row = await m.findOneOrFail(SequenceRow, { where: { name } });
    const res = await m
      .createQueryBuilder()
      .update(SequenceRow)
      .set({ value: row.value + 1 })
      .where('name = :name AND value = :value', { name, value: row.value })
      .execute();
    if (affected(res) === 1) return row.value + 1;
  }
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
