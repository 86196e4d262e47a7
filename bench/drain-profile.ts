import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createBot } from '../src/app';
import { loadConfig } from '../src/config';
import { loadDemoDirectory } from '../src/directory/demo';
import { startFakeWecom } from '../src/fake-wecom';
import { sealEnvelope } from '../src/wecom/crypto';
import { buildInboundXml } from '../src/wecom/inbound';

// Dispatcher + outbox throughput: N stored callbacks processed and delivered end to end (bench helper; not a test).
const CFG = {
  token: 'hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo',
  aesKey: '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt',
  corpId: 'ww1436e0e65a779aee',
};
const N = Number(process.env.N ?? 1000);
const dir = mkdtempSync(join(tmpdir(), 'hall-drain-'));
const fake = await startFakeWecom({ corpId: CFG.corpId, secret: 's' });
const config = loadConfig({
  PORT: '0',
  DATABASE_URL: `sqlite:${join(dir, 'b.sqlite')}`,
  WECOM_CORP_ID: CFG.corpId,
  WECOM_AGENT_ID: '1000002',
  WECOM_SECRET: 's',
  WECOM_TOKEN: CFG.token,
  WECOM_ENCODING_AES_KEY: CFG.aesKey,
  WECOM_API_BASE: fake.url,
  LOG_LEVEL: 'silent',
});
const bot = await createBot({ config, log: pino({ level: 'silent' }) });
await loadDemoDirectory(bot.deps.db, new Date(), fake.url);
const users = ['lisi', 'zhangsan', 'wujing', 'zhouping', 'xuli', 'hulei', 'linna', 'hejun', 'songtao', 'caojie'];
for (let i = 0; i < N; i++) {
  const { body, query } = sealEnvelope(
    CFG,
    buildInboundXml({
      type: 'text',
      corpId: CFG.corpId,
      from: users[i % users.length],
      content: '我是谁',
      msgId: String(6_000_000_000_000_000_000n + BigInt(i)),
    }),
  );
  await fetch(`${bot.url}/wecom/callback?${new URLSearchParams({ ...query })}`, { method: 'POST', body });
}
const t0 = performance.now();
const processed = await bot.dispatcher.drain();
const t1 = performance.now();
const sent = await bot.sender.drain();
const t2 = performance.now();
console.log(
  `dispatcher: ${processed} events in ${(t1 - t0).toFixed(0)} ms = ${((processed / (t1 - t0)) * 1000).toFixed(0)}/s; outbox: ${sent} messages in ${(t2 - t1).toFixed(0)} ms = ${((sent / (t2 - t1)) * 1000).toFixed(0)}/s`,
);
await bot.close();
await fake.close();
