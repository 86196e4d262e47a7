import type { Role } from '../../entities/person-role';
import type { Db } from '../db';
import { parseCnMonth } from './dates';
import { UserError } from './errors';
import { localDate, monthBounds, type LocalDate } from './time';

// A 台账 (docs/commands.md in docs/ledgers.md): one row of the LEDGERS table, assembled in the composition root.

/**
 * How the xlsx writer stores a column's cells (D226): `date`/`datetime` as real Excel dates showing the Beijing
 * wall time, `number` as numbers, `text` (the default) as text, so ID and phone numbers never turn into numbers.
 */
export type ColumnType = 'text' | 'date' | 'datetime' | 'number';

export interface LedgerColumn {
  header: string;
  key: string;
  width?: number;
  type?: ColumnType;
}

/**
 * A cell as a ledger builds it. Dates are the Beijing wall time as text (`YYYY-MM-DD`, `YYYY-MM-DD HH:MM`, what
 * localDate/localStamp give) or an instant; the writer turns them into typed cells from the column's type.
 */
export type LedgerCell = string | number | Date | null;

/** One sheet of a 台账: a header row and data rows (REC-04/REC-08 exports). */
export interface Sheet {
  name: string;
  columns: LedgerColumn[];
  rows: Record<string, LedgerCell>[];
}

export interface Ledger {
  name: string;
  aliases: string[];
  /** ● in the ledger list: a 首席代表 may export its own department's rows. */
  perDepartment?: boolean;
  build(
    db: Db,
    range: { from: LocalDate; to: LocalDate },
    opts: { unmasked: boolean; department?: string },
  ): Promise<Sheet[]>;
}

export function findLedger(ledgers: readonly Ledger[], name: string): Ledger | undefined {
  return ledgers.find((l) => l.name === name || l.aliases.includes(name));
}

/** The roles that export every ledger of the centre (REC-04); only 大厅管理室 sees personal data in full (REC-07). */
export const CENTRE_EXPORT_ROLES: readonly Role[] = ['hall_office', 'leader', 'supervisor'];
export const UNMASKED_EXPORT_ROLES: readonly Role[] = ['hall_office'];
/** Everyone who may export at least one kind of ledger (the roles of `导出` and `导出 列表`). */
export const ANY_EXPORT_ROLES: readonly Role[] = [...CENTRE_EXPORT_ROLES, 'chief_rep'];

/**
 * Who may export a ledger, from its declaration (D227): the centre's roles always, and a 首席代表 (its own
 * department's rows, DIR-10) when the ledger is kept per department (●). `导出` and `导出 列表` both read this.
 */
export function exportRoles(ledger: Ledger): readonly Role[] {
  return ledger.perDepartment ? ANY_EXPORT_ROLES : CENTRE_EXPORT_ROLES;
}

/** A sheet column (header, row key, optional width and cell type). */
export const ledgerColumn = (header: string, key: string, width?: number, type?: ColumnType): LedgerColumn => ({
  header,
  key,
  width,
  type,
});

/** Is `d` (an instant) on a local date inside the export's range? */
export const inRange = (d: Date | null, r: { from: string; to: string }): boolean =>
  !!d && localDate(d) >= r.from && localDate(d) <= r.to;

/** `2026`/`2026年` → that year; `2026-03`/`3月`/`上月` → that month (D228): chat `导出` and `cli export --period`. */
export function ledgerPeriod(text: string, now: Date): { from: LocalDate; to: LocalDate } {
  const y = /^(\d{4})年?$/.exec(text.trim());
  if (y) return { from: `${y[1]}-01-01`, to: `${y[1]}-12-31` };
  const month = parseCnMonth(text, now);
  if (!month) throw new UserError(`无法识别“${text}”：请写月份（2026-03、3月、上月）或年份（2026）。`);
  const b = monthBounds(`${month}-01`);
  return { from: b.first, to: b.last };
}
