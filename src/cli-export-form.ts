import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { systemActor } from './kernel/ctx';
import type { Deps } from './kernel/deps';
import { UserError } from './kernel/errors';
import { makeCtx } from './kernel/make-ctx';
import { systemClock } from './kernel/time';
import { findRecord } from './domain/records/find';
import { printableForm } from './domain/records/print';
import { formDocx } from './reports/form-docx';

/**
 * `export-form <号> --out <file.docx>` (REC-08): the record's seed form with its approval trail, 一式两份. The CLI
 * operator is 大厅管理室 (like `export`), so every record is readable and personal data unmasked.
 */
export async function runExportFormCli(args: string[], deps: Deps): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' } } });
  if (!positionals[0] || !values.out) {
    console.error('usage: export-form <记录号> --out <file.docx>');
    return 2;
  }
  const actor = { ...systemActor('cli'), name: '大厅管理室', roles: ['hall_office' as const] };
  try {
    const form = await deps.db.tx(async (m) => {
      const ctx = makeCtx(deps, m, systemClock.now(), actor, 'cli:export-form');
      return printableForm(ctx, await findRecord(ctx, positionals[0]));
    });
    await writeFile(values.out, await formDocx(form));
    console.log(`${form.no} ${form.title} → ${values.out}`);
    return 0;
  } catch (err) {
    if (err instanceof UserError) {
      console.error(err.message);
      return 2;
    }
    throw err;
  }
}
