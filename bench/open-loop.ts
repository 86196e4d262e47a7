import { Agent, request } from 'node:http';
import { startFakeWecom } from '../src/fake-wecom';
import { sealEnvelope } from '../src/wecom/crypto';
import { buildInboundXml } from '../src/wecom/inbound';
import { BENCH_CRYPTO as CFG } from './crypto';

// Open-loop end-to-end point (D26): callbacks are sent on a fixed schedule (RATE per
// second for SECONDS), whatever the bot's answers, to a bot whose dispatcher and outbox sender run; the fake WeCom
// in this process timestamps every delivery. Reports ack p99, reply p99 (callback sent → reply at the fake) and
// rate-limit drops. 200 senders keep each member under 30 messages a minute (D34), as real staff would be.
// Usage: tsx bench/open-loop.ts <bot url> (the bot must use this fake: started by run.ts with FAKE_URL).

const RATE = Number(process.env.BENCH_RATE ?? 50);
const SECONDS = Number(process.env.BENCH_OPEN_S ?? 60);
const USERS = Array.from({ length: 200 }, (_, i) => `bench${String(i).padStart(3, '0')}`);

export async function startOpenLoopFake(): Promise<Awaited<ReturnType<typeof startFakeWecom>>> {
  return startFakeWecom({ corpId: CFG.corpId, secret: 'bench-secret' });
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN;
};

export async function openLoop(
  botUrl: string,
  fake: Awaited<ReturnType<typeof startFakeWecom>>,
): Promise<{
  sent: number;
  ackP99: number;
  replyP99: number;
  replyP50: number;
  missing: number;
  drops: number;
  errors: number;
}> {
  const target = new URL(botUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const sentAt = new Map<string, number[]>(); // per user, in order: when each callback left
  const acks: number[] = [];
  let errors = 0;
  const total = RATE * SECONDS;
  const started = Date.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / RATE;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const from = USERS[i % USERS.length];
    const xml = buildInboundXml({
      type: 'text',
      corpId: CFG.corpId,
      from,
      content: '我是谁',
      msgId: String(6_000_000_000_000_000_000n + BigInt(i)),
      createTime: Math.floor(Date.now() / 1000),
    });
    const { body, query } = sealEnvelope(CFG, xml);
    const t0 = Date.now();
    sentAt.set(from, [...(sentAt.get(from) ?? []), t0]);
    inFlight.push(
      new Promise<void>((resolve) => {
        const req = request(
          {
            host: target.hostname,
            port: target.port,
            path: `/wecom/callback?${new URLSearchParams({ ...query }).toString()}`,
            method: 'POST',
            agent,
            headers: { 'content-type': 'text/xml', 'content-length': Buffer.byteLength(body) },
          },
          (res) => {
            res.resume();
            res.on('end', () => {
              if (res.statusCode !== 200) errors++;
              acks.push(Date.now() - t0);
              resolve();
            });
          },
        );
        req.on('error', () => {
          errors++;
          resolve();
        });
        req.end(body);
      }),
    );
  }
  await Promise.all(inFlight);
  // Let the last replies arrive (up to 30 s).
  for (let i = 0; i < 60 && fake.state.feedLog.all().filter((x) => x.channel === 'dm').length < total; i++)
    await new Promise((r) => setTimeout(r, 500));
  const replies: number[] = [];
  let missing = 0;
  for (const [user, times] of sentAt) {
    const got = fake.state.messagesTo(user).map((m) => Date.parse(m.at));
    times.forEach((t, k) => (got[k] === undefined ? missing++ : replies.push(got[k] - t)));
  }
  agent.destroy();
  return {
    sent: total,
    ackP99: pct(acks, 99),
    replyP50: pct(replies, 50),
    replyP99: pct(replies, 99),
    missing,
    drops: fake.state.feedLog.limits.violations.length,
    errors,
  };
}
