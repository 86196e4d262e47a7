import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { ServiceCase } from '../entities/case';
import { ServiceItem } from '../entities/item';
import { Deadline } from '../entities/deadline';
import { createDataSource } from '../ormconfig';
import { createBot } from '../src/app';
import { loadConfig } from '../src/config';
import { insertRows } from '../src/db';
import { computeMarks, markRule, syncCaseClocks } from '../src/domain/cases/clock-marks';
import { remindCases } from '../src/domain/cases/clock-remind';
import { reminderCandidates } from '../src/domain/cases/clock-scan';
import { CASE_CLOCK_KIND, CASE_SUBJECT } from '../src/domain/cases/clock-subject';
import { loadDemoDirectory } from '../src/directory/demo';
import { platformCasesImport } from '../src/domain/cases/platform-import';
import { runImport } from '../src/importer/run';
import { systemActor } from '../src/kernel/ctx';
import { makeCtx } from '../src/kernel/make-ctx';
import { jobCtx } from '../src/kernel/job';
import { FixedClock, instantAt, localDate } from '../src/kernel/time';
import { BENCH_CRYPTO } from './crypto';

// `npm run bench` part 3 (CAS-18, D110): the 09:00 case-reminders scan over BENCH_CASES (100,000) open cases,
// against a baseline measured in the same run — every open case clock loaded and its level computed in memory
// (how a per-domain scan without stored marks works) — plus the full job (claims + outbox) and a re-run, and
// 办件 导入 of 10,000 platform rows through the shared importer (D94, D115).
// `url` = a MariaDB/MySQL server (a fresh schema is made on it); without it, a fresh SQLite file. One JSON line.

const N = Number(process.env.BENCH_CASES ?? 100_000);
const TODAY = '2026-03-18';
const LIMITS = [3, 5, 10, 15, 20, 20, 30, 30, 45, 60, 60, 90, 120];
const DEPTS = ['GA', 'SB', 'BDC', 'SL', 'SW', 'ZH'];
const HANDLERS = ['lisi', 'zhangsan', 'wujing', 'zhouping', 'linna', 'hejun', 'dengchao', 'caojie', 'hexin'];

async function freshSchema(base: string): Promise<string> {
  const name = `hall_cases_${process.pid}`;
  const admin = createDataSource(base);
  await admin.initialize();
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.destroy();
  return base.replace(/\/[^/?]*(\?|$)/, `/${name}$1`);
}

/**
 * A deterministic spread. Open cases pile up in proportion to their limit (Little's law: a 60-WD item stays
 * open 20× longer than a 3-WD one), so a limit is drawn with weight = its length; each case is somewhere inside
 * its limit, and 1 % are overdue by 1–5 WD.
 */
const WEIGHTED = LIMITS.flatMap((l) => Array<number>(l).fill(l));
function spec(i: number): { limit: number; elapsed: number } {
  const limit = WEIGHTED[(i * 7919) % WEIGHTED.length];
  const overdue = i % 100 === 0;
  return { limit, elapsed: overdue ? limit + 1 + (i % 5) : Math.floor((((i * 104729) % 10007) / 10007) * (limit + 1)) };
}

const server = process.argv[2];
const databaseUrl = server
  ? await freshSchema(server)
  : `sqlite:${join(mkdtempSync(join(tmpdir(), 'hall-cases-')), 'b.sqlite')}`;
const clock = new FixedClock(instantAt(TODAY, '09:00'));
const config = loadConfig({
  PORT: '0',
  DATABASE_URL: databaseUrl,
  WECOM_CORP_ID: BENCH_CRYPTO.corpId,
  WECOM_AGENT_ID: '1000002',
  WECOM_SECRET: 'bench-secret',
  WECOM_TOKEN: BENCH_CRYPTO.token,
  WECOM_ENCODING_AES_KEY: BENCH_CRYPTO.aesKey,
  WECOM_API_BASE: 'http://127.0.0.1:9',
  LOG_LEVEL: 'silent',
});
const bot = await createBot({ config, clock, log: pino({ level: 'silent' }), autoStart: false });
const { db, calendar: cal } = bot.deps;
await loadDemoDirectory(db, clock.now(), 'http://127.0.0.1:9');
await cal.refresh(db.manager);

// Seed: one deadline + one service_case per case, in multi-row inserts.
const seedStart = performance.now();
const starts = new Map<number, Date>();
const dues = new Map<string, ReturnType<typeof cal.dueAt>>();
const startOf = (e: number) => {
  let v = starts.get(e);
  if (!v) starts.set(e, (v = instantAt(e === 0 ? TODAY : cal.addWorkdays(TODAY, -e), '10:00')));
  return v;
};
const dueOf = (e: number, limit: number) => {
  let v = dues.get(`${e}/${limit}`);
  if (!v) dues.set(`${e}/${limit}`, (v = cal.dueAt(startOf(e), limit, 'WD')));
  return v;
};
for (let from = 0; from < N; from += 500) {
  await db.tx(async (m) => {
    const deadlines = [];
    const cases = [];
    for (let i = from; i < Math.min(N, from + 500); i++) {
      const { limit, elapsed } = spec(i);
      const start = startOf(elapsed);
      const due = dueOf(elapsed, limit);
      const no = `AJ2026-${String(i + 1).padStart(6, '0')}`;
      deadlines.push({
        subjectType: CASE_SUBJECT,
        subjectId: no,
        kind: CASE_CLOCK_KIND,
        startAt: start,
        amount: limit,
        unit: 'WD' as const,
        pausedAt: null,
        pauses: null,
        pausedWorkdays: 0,
        extendedWorkdays: 0,
        dueDate: due.date,
        dueAt: due.at,
        provisional: due.provisional,
        version: 1,
        status: 'open' as const,
        createdAt: start,
        updatedAt: start,
        closedAt: null,
      });
      cases.push({
        no,
        platformNo: null,
        itemId: 1,
        itemCode: `I${i % 400}`,
        itemName: `事项${i % 400}`,
        departmentCode: DEPTS[i % DEPTS.length],
        windowNumber: null,
        type: '承诺' as const,
        mode: '普通' as const,
        limitWd: limit,
        applicant: '申请人',
        applicantPhone: null,
        firstResponder: HANDLERS[i % HANDLERS.length],
        handler: HANDLERS[i % HANDLERS.length],
        status: '已受理' as const,
        receivedAt: start,
        supplements: [],
        acceptedAt: start,
        deadlineId: null,
        dueDate: due.date,
        extensions: 0,
        closedOverdue: false,
        source: '导入',
        version: 1,
        createdAt: start,
        updatedAt: start,
        updatedBy: 'bench',
      });
    }
    for (let j = 0; j < deadlines.length; j += 100) await insertRows(m, Deadline, deadlines.slice(j, j + 100));
    for (let j = 0; j < cases.length; j += 100) await insertRows(m, ServiceCase, cases.slice(j, j + 100));
  });
}
const seedMs = performance.now() - seedStart;
const rule = await markRule(db.manager);
const timed = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const out = await f();
  return [out, performance.now() - t0];
};

// First scan after a bulk load: every clock's marks are built once.
const [built, buildMs] = await timed(() => db.tx((m) => syncCaseClocks(m, cal, clock.now(), rule)));
// 1 % of the clocks move overnight (中止/恢复, 延期…): the next scan recomputes just those.
await db.tx(async (m) => {
  await m
    .createQueryBuilder()
    .update(Deadline)
    .set({ version: () => 'version + 1' })
    .where('id % 100 = 7')
    .execute();
});
// Baseline: load every open case clock, compute its level in memory.
const [naive, baselineMs] = await timed(async () => {
  const rows = await db.manager.find(Deadline, {
    where: { status: 'open', subjectType: CASE_SUBJECT, kind: CASE_CLOCK_KIND },
  });
  let due = 0;
  for (const d of rows) {
    const k = computeMarks(cal, d, null, rule);
    if (k.dueDate < TODAY || k.dueDate === TODAY || k.l1Date === TODAY || k.l2Date === TODAY) due++;
  }
  return due;
});
const ctx = { now: clock.now(), deps: bot.deps };
const [resynced, resyncMs] = await timed(() => db.tx((m) => syncCaseClocks(m, cal, clock.now(), rule)));
const [scan, scanMs] = await timed(() => db.tx((m) => reminderCandidates(m, ctx, rule)));
const [sent, jobMs] = await timed(() => db.tx((m) => remindCases(jobCtx(bot.deps, m, clock.now(), 'case-reminders'))));
const [again, rerunMs] = await timed(() =>
  db.tx((m) => remindCases(jobCtx(bot.deps, m, clock.now(), 'case-reminders'))),
);

// 办件 导入 of IMPORT_ROWS platform rows (all new, 2 % with a platform 到期日 one WD earlier), then the same file
// again (writes nothing).
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);
await db.tx(async (m) => {
  for (const [k, code] of DEPTS.entries())
    await insertRows(m, ServiceItem, {
      code: `${code}-BENCH`,
      name: `${code} 导入事项`,
      departmentCode: code,
      promisedLimitWd: LIMITS[k],
      legalLimitWd: 120,
      instant: false,
      inZongchuang: false,
      fullyOnline: false,
      status: '在用',
      createdAt: clock.now(),
      updatedAt: clock.now(),
      updatedBy: 'bench',
    });
});
const csv = ['平台号,事项编码,申请人,受理日期,到期日,办结日期'];
for (let i = 0; i < IMPORT_ROWS; i++) {
  const k = i % DEPTS.length;
  const e = (i * 31) % 40;
  const due = dueOf(e, LIMITS[k]).date;
  const platformDue = i % 50 === 0 ? cal.previousWorkday(due) : due;
  const closed = i % 3 === 0 && e > 2 ? cal.addWorkdays(localDate(startOf(e)), 1) : '';
  csv.push(
    `P${String(i).padStart(8, '0')},${DEPTS[k]}-BENCH,申请人${i},${localDate(startOf(e))},${platformDue},${closed}`,
  );
}
const file = { name: 'platform.csv', bytes: Buffer.from(csv.join('\n')) };
const importOnce = () =>
  db.tx(async (m) => {
    const out = await runImport(
      makeCtx(bot.deps, m, clock.now(), systemActor('bench'), 'bench'),
      platformCasesImport,
      file,
    );
    if (!out.ok) throw new Error(out.errors.slice(0, 3).join('; '));
    return out.result!;
  });
const [imported, importMs] = await timed(importOnce);
const [reimported, reimportMs] = await timed(importOnce);

console.log(
  JSON.stringify({
    cases: N,
    day: localDate(clock.now()),
    seedMs: Math.round(seedMs),
    marksBuilt: built,
    buildMs: Math.round(buildMs),
    baselineMs: Math.round(baselineMs),
    baselineDue: naive,
    resynced,
    resyncMs: Math.round(resyncMs),
    scanMs: Math.round(scanMs),
    candidates: scan.candidates.length,
    jobMs: Math.round(jobMs),
    sent: { l1: sent.l1, l2: sent.l2, l3: sent.l3 },
    rerunMs: Math.round(rerunMs),
    rerunSent: again.l1 + again.l2 + again.l3,
    importRows: IMPORT_ROWS,
    importMs: Math.round(importMs),
    imported: imported.written,
    mismatchLines: imported.lines?.length ?? 0,
    reimportMs: Math.round(reimportMs),
    reimportWritten: reimported.written,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
await bot.close();
