import { parseArgs } from 'node:util';
import { writeAudit } from './kernel/audit';
import type { Deps } from './kernel/deps';
import { UserError } from './kernel/errors';
import { findLedger, ledgerPeriod } from './kernel/ledger';
import { writeWorkbook } from './reports/xlsx';
import { isLocalDate, localDate, systemClock } from './kernel/time';

/**
 * `export <ledger> --out <file.xlsx> [--period 2026-03|2026 | --from YYYY-MM-DD --to YYYY-MM-DD] [--department CODE]`
 * (unmasked: CLI = 大厅管理室 operator). `--period` takes the words chat `导出` takes (D228).
 */
export async function runExportCli(args: string[], deps: Deps): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      period: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      department: { type: 'string' },
    },
  });
  const ledger = positionals[0] ? findLedger(deps.tables.ledgers, positionals[0]) : undefined;
  if (!ledger || !values.out) {
    console.error(
      `usage: export <ledger> --out <file.xlsx> [--period 2026-03|2026 | --from --to] [--department CODE]\nledgers: ${deps.tables.ledgers.map((l) => `${l.name} (${l.aliases.join(', ')})`).join('; ')}`,
    );
    return 2;
  }
  if (values.period && (values.from || values.to)) {
    console.error('--period and --from/--to cannot be combined');
    return 2;
  }
  const today = localDate(systemClock.now());
  let from = values.from ?? `${today.slice(0, 4)}-01-01`;
  let to = values.to ?? today;
  if (values.period) {
    try {
      ({ from, to } = ledgerPeriod(values.period, systemClock.now()));
    } catch (err) {
      console.error(err instanceof UserError ? err.message : String(err));
      return 2;
    }
  }
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
