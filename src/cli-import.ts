import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { systemActor } from './kernel/ctx';
import type { Deps } from './kernel/deps';
import { makeCtx } from './kernel/make-ctx';
import { systemClock } from './kernel/time';
import { formatImport, runImport } from './importer/run';

/** `import <kind> <file> [--dry-run]` (D94): the same checks and all-or-nothing write as the chat import. */
export async function runImportCli(args: string[], deps: Deps): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean' } },
  });
  const [name, file] = positionals;
  const kind = deps.tables.imports.find((k) => k.name === name);
  if (!kind || !file) {
    console.error(
      `usage: import <kind> <file.csv|xlsx> [--dry-run]\nkinds: ${deps.tables.imports.map((k) => `${k.name} (${k.label})`).join('; ')}`,
    );
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    console.error(`${file}: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  const dryRun = values['dry-run'] === true;
  const outcome = await deps.db.tx((m) =>
    runImport(
      makeCtx(deps, m, systemClock.now(), systemActor('cli'), 'cli:import'),
      kind,
      { name: basename(file), bytes },
      { dryRun },
    ),
  );
  const text = formatImport(kind, outcome, dryRun);
  if (outcome.ok) console.log(text);
  else console.error(text);
  return outcome.ok ? 0 : 1;
}
