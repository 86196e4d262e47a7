import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pino from 'pino';
import { createBot } from '../src/app';
import { loadConfig } from '../src/config';
import { loadDemoDirectory } from '../src/directory/demo';
import { startFakeWecom } from '../src/fake-wecom';
import { sealEnvelope } from '../src/wecom/crypto';
import { buildInboundXml } from '../src/wecom/inbound';
import { startBaseline } from './baseline';

// `npm run bench` (issue [spine] "Benchmark"): callback acknowledgement throughput and p50/p99 latency at 50 and 200
// concurrent senders, the bot against a bare Koa + @wecom/crypto + one SQLite insert baseline measured in the
// same run (D26). The ratio is printed first, for the acknowledgement path alone and with the workers running.

const run = promisify(execFile);
const CFG = { token: 'hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo', aesKey: '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt', corpId: 'ww1436e0e65a779aee' };
const DURATION_MS = Number(process.env.BENCH_MS ?? 6000);
const WARMUP_MS = 1000;
const USERS = ['lisi', 'zhangsan', 'wujing', 'zhouping', 'xuli', 'hulei', 'linna', 'hejun', 'songtao', 'caojie'];

let seq = 0;
function requests(n: number): { path: string; body: string }[] {
  return Array.from({ length: n }, () => {
    seq++;
    const xml = buildInboundXml({ type: 'text', corpId: CFG.corpId, from: USERS[seq % USERS.length], content: '我是谁', msgId: String(7_000_000_000_000_000_000n + BigInt(seq)), createTime: 1772500000 });
    const { body, query } = sealEnvelope(CFG, xml);
    return { path: `/wecom/callback?${new URLSearchParams({ ...query })}`, body };
  });
}

interface Result {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
  exhausted: boolean;
}

async function load(url: string, connections: number): Promise<Result> {
  const job = { url, connections, durationMs: DURATION_MS, warmupMs: WARMUP_MS, requests: requests(Math.ceil((DURATION_MS + WARMUP_MS) * 4)) };
  const file = join(mkdtempSync(join(tmpdir(), 'hall-load-')), 'job.json');
  writeFileSync(file, JSON.stringify(job));
  const { stdout } = await run(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'load.ts'), file], { maxBuffer: 1 << 26 });
  return JSON.parse(stdout) as Result;
}

const fmt = (r: Result) => `${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(1).padStart(6)} ms  p99 ${r.p99.toFixed(1).padStart(6)} ms  errors ${r.errors}${r.exhausted ? '  (request pool exhausted: raise the pool)' : ''}`;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hall-bench-'));
  const baseline = await startBaseline(CFG, join(dir, 'baseline.sqlite'));
  const fake = await startFakeWecom({ corpId: CFG.corpId, secret: 'bench-secret' });
  const config = loadConfig({
    PORT: '0',
    DATABASE_URL: `sqlite:${join(dir, 'bot.sqlite')}`,
    WECOM_CORP_ID: CFG.corpId,
    WECOM_AGENT_ID: '1000002',
    WECOM_SECRET: 'bench-secret',
    WECOM_TOKEN: CFG.token,
    WECOM_ENCODING_AES_KEY: CFG.aesKey,
    WECOM_API_BASE: fake.url,
    LOG_LEVEL: 'silent',
  });
  const bot = await createBot({ config, log: pino({ level: 'silent' }), autoStart: false });
  await loadDemoDirectory(bot.deps.db, new Date(), fake.url);

  const rows: string[] = [];
  // Two modes: the acknowledgement path alone (what D26's baseline does), then the same load while the dispatcher
  // and outbox sender process every message on the same two cores (production conditions).
  for (const mode of ['ack path (workers paused)', 'workers running'] as const) {
    if (mode === 'workers running') {
      bot.dispatcher.start();
      bot.sender.start();
    }
    rows.push(`── ${mode}`);
    for (const connections of [50, 200]) {
      const base = await load(baseline.url, connections);
      const mine = await load(bot.url, connections);
      const ratio = mine.rps / base.rps;
      rows.push(
        `${connections} connections: ratio ${ratio.toFixed(2)}× baseline (target ≥ 0.80); bot p99 ${mine.p99.toFixed(1)} ms (target < 50 ms)`,
        `  baseline ${fmt(base)}`,
        `  bot      ${fmt(mine)}`,
      );
    }
  }
  console.log(rows.join('\n'));
  console.log(`(each point: ${DURATION_MS / 1000} s after ${WARMUP_MS / 1000} s warm-up; load from a separate process on loopback)`);
  await bot.close();
  await fake.close();
  await baseline.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
