import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';

// The load generator, run as a separate process (D26): N closed-loop connections, each sending its next
// pre-signed callback as soon as the previous one is acknowledged. Prints one JSON line of results.
interface Job {
  url: string;
  connections: number;
  durationMs: number;
  warmupMs: number;
  requests: { path: string; body: string }[];
}

const job = JSON.parse(readFileSync(process.argv[2], 'utf8')) as Job;
const agent = new Agent({ keepAlive: true, maxSockets: job.connections });
const target = new URL(job.url);
let next = 0;
const latencies: number[] = [];
let errors = 0;
let measuring = false;

function send(r: { path: string; body: string }): Promise<number> {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: r.path,
        method: 'POST',
        agent,
        headers: { 'content-type': 'text/xml', 'content-length': Buffer.byteLength(r.body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          if (res.statusCode !== 200) errors++;
          resolve(ms);
        });
      },
    );
    req.on('error', () => {
      errors++;
      resolve(0);
    });
    req.end(r.body);
  });
}

async function loop(until: number): Promise<void> {
  while (Date.now() < until && next < job.requests.length) {
    const ms = await send(job.requests[next++]);
    if (measuring) latencies.push(ms);
  }
}

const start = Date.now();
setTimeout(() => {
  measuring = true;
}, job.warmupMs);
const end = start + job.warmupMs + job.durationMs;
await Promise.all(Array.from({ length: job.connections }, () => loop(end)));
const elapsed = (Date.now() - start - job.warmupMs) / 1000;
latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
process.stdout.write(
  JSON.stringify({
    requests: latencies.length,
    rps: latencies.length / elapsed,
    p50: pct(50),
    p99: pct(99),
    errors,
    exhausted: next >= job.requests.length,
  }) + '\n',
);
agent.destroy();
