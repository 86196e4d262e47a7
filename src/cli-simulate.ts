import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { runSimulation } from './simulation/run';

// `npm run cli -- simulate [--month 2026-03] [--scale small|hall] [--seed N] [--db <url>] [--report <file>]`
// (D69): prints the report, writes it with --report, exits 1 when an invariant fails.

const USAGE = 'usage: simulate [--month 2026-03] [--scale small|hall] [--seed N] [--db <url>] [--report <file.md>]';

export async function runSimulateCli(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        month: { type: 'string', default: '2026-03' },
        scale: { type: 'string', default: 'small' },
        seed: { type: 'string', default: '1' },
        db: { type: 'string' },
        report: { type: 'string' },
      },
    }));
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  const seed = Number(values.seed);
  if (
    !/^\d{4}-(0[1-9]|1[0-2])$/.test(values.month) ||
    !['small', 'hall'].includes(values.scale) ||
    !Number.isInteger(seed)
  ) {
    console.error(USAGE);
    return 2;
  }
  const report = await runSimulation({
    month: values.month,
    scale: values.scale as 'small' | 'hall',
    seed,
    databaseUrl: values.db ?? process.env.DATABASE_URL,
  });
  console.log(report.markdown);
  if (values.report) await writeFile(values.report, report.markdown);
  return report.ok ? 0 : 1;
}
