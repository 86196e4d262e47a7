import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createBot } from '../src/app';
import { loadConfig } from '../src/config';
import { loadDemoDirectory } from '../src/directory/demo';
import { startFakeWecom } from '../src/fake-wecom';
import { startBaseline } from './baseline';
import { BENCH_CRYPTO } from './crypto';

// One server per process (so the two never share an event loop): `baseline`, or `bot` with its workers paused
// or running. Prints `READY <url>` and serves until killed.
const [kind, workers] = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), 'hall-bench-'));

if (kind === 'baseline') {
  const b = await startBaseline(BENCH_CRYPTO, join(dir, 'baseline.sqlite'));
  console.log(`READY ${b.url}`);
} else {
  // The fake WeCom runs in its own process too (the bot's outbox talks to it over loopback).
  const fakeUrl =
    process.env.FAKE_URL ?? (await startFakeWecom({ corpId: BENCH_CRYPTO.corpId, secret: 'bench-secret' })).url;
  const config = loadConfig({
    PORT: '0',
    DATABASE_URL: `sqlite:${join(dir, 'bot.sqlite')}`,
    WECOM_CORP_ID: BENCH_CRYPTO.corpId,
    WECOM_AGENT_ID: '1000002',
    WECOM_SECRET: 'bench-secret',
    WECOM_TOKEN: BENCH_CRYPTO.token,
    WECOM_ENCODING_AES_KEY: BENCH_CRYPTO.aesKey,
    WECOM_API_BASE: fakeUrl,
    LOG_LEVEL: 'silent',
  });
  const bot = await createBot({ config, log: pino({ level: 'silent' }), autoStart: false });
  await loadDemoDirectory(bot.deps.db, new Date(), fakeUrl);
  if (workers === 'workers') {
    bot.dispatcher.start();
    bot.sender.start();
  }
  console.log(`READY ${bot.url}`);
}
process.on('SIGINT', () => process.exit(0));
