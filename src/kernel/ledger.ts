import type { Db } from '../db';
import { localDate, type LocalDate } from './time';

// A 台账 (docs/commands.md in docs/ledgers.md): one row of the LEDGERS table, assembled in the composition root.

/** One sheet of a 台账: a header row and data rows (REC-04/REC-08 exports). */
export interface Sheet {
  name: string;
  columns: { header: string; key: string; width?: number }[];
  rows: Record<string, string | number | null>[];
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

/** A sheet column (header, row key, optional width). */
export const ledgerColumn = (header: string, key: string, width?: number) => ({ header, key, width });

/** Is `d` (an instant) on a local date inside the export's range? */
export const inRange = (d: Date | null, r: { from: string; to: string }): boolean =>
  !!d && localDate(d) >= r.from && localDate(d) <= r.to;
