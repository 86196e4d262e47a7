import { parseArgs } from 'node:util';
import { writeAudit } from './kernel/audit';
import type { Deps } from './kernel/deps';
import { findLedger } from './kernel/ledger';
import { writeWorkbook } from './reports/xlsx';
import { isLocalDate, localDate, systemClock } from './kernel/time';

/** `export <ledger> --out <file.xlsx> [--from YYYY-MM-DD --to YYYY-MM-DD] [--department CODE]` (unmasked: CLI = 大厅管理室 operator). */
export async function runExportCli(args: string[], deps: Deps): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      department: { type: 'string' },
    },
  });
  const ledger = positionals[0] ? findLedger(deps.tables.ledgers, positionals[0]) : undefined;
  if (!ledger || !values.out) {
    console.error(
      `usage: export <ledger> --out <file.xlsx> [--from --to]\nledgers: ${deps.tables.ledgers.map((l) => `${l.name} (${l.aliases.join(', ')})`).join('; ')}`,
    );
    return 2;
  }
  const today = localDate(systemClock.now());
  const from = values.from ?? `${today.slice(0, 4)}-01-01`;
  const to = values.to ?? today;
  if (!isLocalDate(from) || !isLocalDate(to)) {
    console.error('--from/--to must be YYYY-MM-DD');
    return 2;
  }
  const sheets = await ledger.build(deps.db, { from, to }, { unmasked: true, department: values.department });
  await writeWorkbook(values.out, ledger.name, sheets);
  const rows = sheets.reduce((n, s) => n + s.rows.length, 0);
  // REC-02: a CLI export is audited like a chat export (actor `cli`; the CLI operator gets unmasked data).
  await deps.db.tx((m) =>
    writeAudit(m, systemClock.now(), 'cli', 'ledger.export', 'ledger', ledger.name, {
      from,
      to,
      department: values.department ?? null,
      unmasked: true,
      rows,
      via: 'cli',
    }),
  );
  console.log(`${ledger.name}: ${rows} rows → ${values.out}`);
  return 0;
}
