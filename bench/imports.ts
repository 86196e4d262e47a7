import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { pino } from 'pino';
import { openDb, makeDeps } from '../src/compose';
import { loadConfig } from '../src/config';
import { loadDemoDirectory } from '../src/directory/demo';
import { runImport } from '../src/importer/run';
import { systemActor } from '../src/kernel/ctx';
import { makeCtx } from '../src/kernel/make-ctx';
import { TABLES } from '../src/tables';

// `npm run bench` part 3 (D94): each import kind's file, read → checked → written in one transaction on a fresh
// SQLite database with the demo directory, against a baseline measured in the same run: the same file parsed by
// csv-parse and its rows inserted with one prepared statement (no checks, no lookups). Prints one JSON line per
// kind; its own process, so the peak RSS is the imports'.

interface ImportBench {
  kind: string;
  rows: number;
  /** Target from file to commit, in ms. */
  targetMs: number;
  csv(n: number): string;
}

const LEVELS = ['非常满意', '满意', '满意', '满意', '基本满意', '非常满意', '满意', '满意', '满意', '满意'];
/** One rating in 100 is a 差评 (each becomes a CP record, an intake and a G-OFFICE message). */
const level = (i: number) => (i % 100 === 99 ? '不满意' : LEVELS[i % LEVELS.length]);
const STAFF: [string, string, string][] = [
  ['GA', '12', '李四'],
  ['GA', '13', '张三'],
  ['SB', '5', '吴静'],
  ['SB', '6', '周平'],
  ['BDC', '9', '林娜'],
];

export const IMPORT_BENCHES: ImportBench[] = [
  {
    kind: 'ratings', // 好差评 (REV-01): 20,000 ratings, one in a hundred a 差评
    rows: 20_000,
    targetMs: 5000,
    csv: (n) =>
      [
        '评价编号,办件编号,部门,窗口号,工作人员,评价等级,评价时间,评价渠道,评价内容',
        ...Array.from({ length: n }, (_, i) => {
          const [d, w, s] = STAFF[i % STAFF.length];
          const day = String(1 + (i % 28)).padStart(2, '0');
          return `PJ${i},1506200${i},${d},${w},${s},${level(i)},2026-02-${day} 09:${String(i % 60).padStart(2, '0')},评价器,`;
        }),
      ].join('\n'),
  },
];

async function freshDeps() {
  const dir = mkdtempSync(join(tmpdir(), 'hall-import-bench-'));
  const config = loadConfig({
    DATABASE_URL: `sqlite:${join(dir, 'bench.sqlite')}`,
    ATTACHMENT_DIR: dir,
    LOG_LEVEL: 'silent',
  });
  const { db } = await openDb(config);
  const deps = await makeDeps({
    db,
    config,
    log: pino({ level: 'silent' }),
    apiBase: 'http://127.0.0.1:9/_fake-wecom',
    publicBaseUrl: 'http://localhost',
  });
  await loadDemoDirectory(db, new Date('2026-03-02T02:00:00Z'), 'http://127.0.0.1:9/_fake-wecom');
  return deps;
}

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);

for (const b of IMPORT_BENCHES) {
  const kind = TABLES.imports.find((k) => k.name === b.kind)!;
  const bytes = Buffer.from(b.csv(b.rows));
  // Baseline: parse and insert every row into a scratch table in one transaction.
  const base = await freshDeps();
  await base.db.manager.query(
    'CREATE TABLE scratch (a TEXT, b TEXT, c TEXT, d TEXT, e TEXT, f TEXT, g TEXT, h TEXT, i TEXT)',
  );
  const t0 = performance.now();
  await base.db.tx(async (m) => {
    const records: string[][] = parse(bytes, { from_line: 2, relax_column_count: true });
    for (const r of records) await m.query('INSERT INTO scratch VALUES (?,?,?,?,?,?,?,?,?)', r.slice(0, 9));
  });
  const baselineMs = performance.now() - t0;
  await base.db.close();

  const deps = await freshDeps();
  const t1 = performance.now();
  const outcome = await deps.db.tx((m) =>
    runImport(makeCtx(deps, m, new Date('2026-03-02T02:00:00Z'), systemActor('bench'), 'bench'), kind, {
      name: `${b.kind}.csv`,
      bytes,
    }),
  );
  const ms = performance.now() - t1;
  await deps.db.close();
  console.log(
    JSON.stringify({
      kind: b.kind,
      rows: b.rows,
      ok: outcome.ok,
      ms: Math.round(ms),
      targetMs: b.targetMs,
      baselineMs: Math.round(baselineMs),
      peakRssMb: Math.round(peak / 1048576),
    }),
  );
}
clearInterval(sampler);
