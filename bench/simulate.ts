import { createDataSource } from '../ormconfig';
import { runSimulation } from '../src/simulation/run';

// `npm run bench` part 2 (issue [simulation] "Benchmark"): the hall-scale month (8 departments, 50 windows, 300
// people) in its own process, so its peak RSS is the month's alone. Argument: a MariaDB/MySQL server URL (a fresh
// schema is made on it), or nothing for a fresh SQLite file. Prints one JSON line.

async function freshSchema(base: string): Promise<string> {
  const name = `hall_sim_${process.pid}`;
  const admin = createDataSource(base);
  await admin.initialize();
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.destroy();
  return base.replace(/\/[^/?]*(\?|$)/, `/${name}$1`);
}

const server = process.argv[2];
const databaseUrl = server ? await freshSchema(server) : undefined;
const report = await runSimulation({ month: '2026-03', scale: 'hall', seed: 7, databaseUrl });
console.log(
  JSON.stringify({
    ok: report.ok,
    wallMs: Math.round(report.wallMs),
    peakRssMb: Math.round(report.peakRss / 1048576),
    events: report.events,
    eventsPerSec: Math.round(report.events / (report.wallMs / 1000)),
  }),
);
