import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import pino from 'pino';
import { createBot } from '../src/app';
import { loadConfig } from '../src/config';
import { importDirectory } from '../src/directory/import';
import { startFakeWecom } from '../src/fake-wecom';
import { attendanceImport } from '../src/domain/attendance/import-kind';
import { runImport } from '../src/importer/run';
import { systemActor } from '../src/kernel/ctx';
import { makeCtx } from '../src/kernel/make-ctx';
import { readTableFile, cellText } from '../src/kernel/table-file';
import { addDays, FixedClock } from '../src/kernel/time';
import { hallDirectory } from '../src/simulation/hall';
import { Rng } from '../src/simulation/prng';
import { BENCH_CRYPTO as CFG } from './crypto';

// `npm run bench` part 3 (ATT-02, D94, D140), its own process: a month of 考勤 for the hall-scale directory
// (300 people × the month's WDs ≈ 6,600 rows) from the file's bytes to the commit on SQLite — read, parse, check
// against the directory, upsert, judge the import's summary — as CSV and as XLSX. The baseline, measured in
// the same run on the same database, reads the same file with the same reader and inserts the same cells into a
// bare table in one transaction: no checks, no upsert, no judging. Prints one JSON line.

const MONTH = '2026-03';

async function main(): Promise<void> {
  const clock = new FixedClock(new Date('2026-04-01T08:00:00+08:00'));
  const fake = await startFakeWecom({
    corpId: CFG.corpId,
    secret: 's',
    agentId: 1000002,
    now: () => clock.now().getTime(),
  });
  const config = loadConfig({
    PORT: '0',
    DATABASE_URL: `sqlite:${join(mkdtempSync(join(tmpdir(), 'att-bench-')), 'bench.sqlite')}`,
    WECOM_CORP_ID: CFG.corpId,
    WECOM_AGENT_ID: '1000002',
    WECOM_SECRET: 's',
    WECOM_TOKEN: CFG.token,
    WECOM_ENCODING_AES_KEY: CFG.aesKey,
    WECOM_API_BASE: fake.url,
    ATTACHMENT_DIR: join(tmpdir(), `att-bench-${process.pid}`),
    LOG_LEVEL: 'silent',
  });
  const bot = await createBot({ config, clock, log: pino({ level: 'silent' }), autoStart: false });
  const dir = await hallDirectory('hall', new Rng(7), fake.url);
  const imported = await importDirectory(bot.deps.db, clock.now(), 'bench', dir);
  if (!imported.ok) throw new Error(imported.errors.join('\n'));
  await bot.deps.calendar.refresh(bot.deps.db.manager);
  const people = dir.people.map((p) => String(p.userid));

  // A realistic month: most on time, some late, early or without a sign-out (seeded).
  const rng = new Rng(11);
  const table: string[][] = [['账号', '日期', '签到', '签退']];
  for (let d = `${MONTH}-01`; d.startsWith(MONTH); d = addDays(d, 1)) {
    if (!bot.deps.calendar.isWorkday(d)) continue;
    for (const u of people) {
      const late = rng.chance(0.03);
      const inAt = `08:${String(late ? 31 + rng.int(0, 28) : rng.int(0, 29)).padStart(2, '0')}`;
      const out = rng.chance(0.02)
        ? ''
        : `17:${String(rng.chance(0.02) ? rng.int(0, 29) : rng.int(30, 59)).padStart(2, '0')}`;
      table.push([u, d, inAt, out]);
    }
  }
  const csv = Buffer.from(`${table.map((r) => r.join(',')).join('\n')}\n`);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('考勤');
  table.forEach((r) => ws.addRow(r));
  const xlsx = Buffer.from(await wb.xlsx.writeBuffer());

  const m = bot.deps.db.manager;
  await m.query(
    'CREATE TABLE bench_baseline (userid varchar(64), date varchar(10), signIn varchar(5), signOut varchar(5))',
  );
  const timed = async (f: () => Promise<unknown>) => {
    const t0 = performance.now();
    await f();
    return performance.now() - t0;
  };
  const ours = (name: string, bytes: Buffer) =>
    timed(async () => {
      const outcome = await bot.deps.db.tx((tx) =>
        runImport(makeCtx(bot.deps, tx, clock.now(), systemActor('bench'), `bench:${name}`), attendanceImport, {
          name,
          bytes,
        }),
      );
      if (!outcome.ok) throw new Error(outcome.errors.slice(0, 3).join('\n'));
    });
  const baseline = (name: string, bytes: Buffer) =>
    timed(async () => {
      const [sheet] = await readTableFile(name, bytes);
      const rows = sheet.rows.slice(1).map((r) => r.cells.map(cellText));
      await bot.deps.db.tx(async (tx) => {
        for (let i = 0; i < rows.length; i += 400) {
          const chunk = rows.slice(i, i + 400);
          await tx.query(
            `INSERT INTO bench_baseline VALUES ${chunk.map(() => '(?,?,?,?)').join(',')}`,
            chunk.flatMap((r) => [r[0], r[1], r[2], r[3] ?? '']),
          );
        }
      });
    });
  const out: Record<string, number | boolean> = { rows: table.length - 1, people: people.length };
  for (const [kind, bytes] of [
    ['csv', csv],
    ['xlsx', xlsx],
  ] as const) {
    await m.query('DELETE FROM attendance_day');
    await m.query('DELETE FROM bench_baseline');
    const base = await baseline(`考勤.${kind}`, bytes);
    const ms = await ours(`考勤.${kind}`, bytes);
    const again = await ours(`考勤.${kind}`, bytes); // the same file again: every row unchanged
    out[`${kind}Ms`] = Math.round(ms);
    out[`${kind}AgainMs`] = Math.round(again);
    out[`${kind}BaselineMs`] = Math.round(base);
  }
  out.ok = (out.csvMs as number) < 3000 && (out.xlsxMs as number) < 3000;
  await bot.close();
  await fake.close();
  console.log(JSON.stringify(out));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
