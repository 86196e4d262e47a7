import { createDataSource } from '../ormconfig';
import { runSimulation } from '../src/simulation/run';

// `npm run bench` part 2 (D26, D69), each in its own process so the peak RSS is its own:
//   month [url]  the hall-scale month (8 departments, 50 windows, 300 people): wall time, RSS, events/s;
//   year [url]   twelve hall-scale months (2025-04 … 2026-03), then the time of the last 1st-WD monthly batch
//                (BRF-04/05/07, PRF-14) over that year of data.
// `url` is a MariaDB/MySQL server (a fresh schema is made on it); without it, a fresh SQLite file. BENCH_SCALE=small
// runs the demo hall instead. Prints one JSON line.

async function freshSchema(base: string): Promise<string> {
  const name = `hall_sim_${process.pid}`;
  const admin = createDataSource(base);
  await admin.initialize();
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.destroy();
  return base.replace(/\/[^/?]*(\?|$)/, `/${name}$1`);
}

const [mode = 'month', server] = process.argv.slice(2);
const databaseUrl = server ? await freshSchema(server) : undefined;
const year = mode === 'year';
const report = await runSimulation({
  month: year ? '2025-04' : '2026-03',
  months: year ? 12 : 1,
  scale: process.env.BENCH_SCALE === 'small' ? 'small' : 'hall',
  seed: 7,
  databaseUrl,
});
const batch = report.jobRuns.filter((r) => r.job === 'monthly-batch').at(-1);
console.log(
  JSON.stringify({
    ok: report.ok,
    wallMs: Math.round(report.wallMs),
    peakRssMb: Math.round(report.peakRss / 1048576),
    events: report.events,
    eventsPerSec: Math.round(report.events / (report.wallMs / 1000)),
    monthlyBatchMs: batch?.ms ?? null,
    monthlyBatchAt: batch?.at ?? null,
  }),
);
