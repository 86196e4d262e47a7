import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { TEST_CRYPTO, signedCallback } from './fake-wecom';

// Real bot processes for the fault matrix (D77, D83): the production entry (src/main.ts under tsx, real clock),
// configured only through its environment, so a test can SIGKILL one exactly as a power cut or the OOM killer would.

const ROOT = join(import.meta.dirname, '../..');

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export function spawnNode(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export interface BotProcess {
  child: ChildProcess;
  url: string;
  /** Everything the process printed so far (its log lines), for failure messages. */
  output(): string;
}

/** Start the bot (src/main.ts) on a free port; resolves once it listens. */
export async function startBot(env: Record<string, string>): Promise<BotProcess> {
  const port = await freePort();
  const child = spawnNode(['src/main.ts'], { ...env, PORT: String(port), LOG_LEVEL: 'info' });
  let out = '';
  const onData = (d: Buffer) => {
    out = (out + d.toString()).slice(-200_000);
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bot did not start:\n${out.slice(-2000)}`)), 90_000);
    const check = () => {
      if (!out.includes('bot listening')) return;
      clearTimeout(timer);
      child.stdout!.off('data', check);
      resolve();
    };
    child.stdout!.on('data', check);
    child.stderr!.on('data', check);
    child.once('exit', () => reject(new Error(`bot exited while starting:\n${out.slice(-2000)}`)));
  });
  return { child, url: `http://127.0.0.1:${port}`, output: () => out };
}

/** Resolves with the signal that ended the process (null for a normal exit). */
export const exited = (child: ChildProcess) =>
  new Promise<NodeJS.Signals | null>((resolve) =>
    child.exitCode !== null || child.signalCode !== null
      ? resolve(child.signalCode)
      : child.once('exit', (_code, signal) => resolve(signal)),
  );

/** POST a signed, encrypted callback as WeCom would; the HTTP status, or 0 when the connection failed. */
export async function post(url: string, spec: Record<string, unknown>): Promise<number> {
  const full = { corpId: TEST_CRYPTO.corpId, createTime: Math.floor(Date.now() / 1000), ...spec };
  const { url: path, body } = signedCallback(TEST_CRYPTO, full as never);
  try {
    return (await fetch(`${url}${path}`, { method: 'POST', body })).status;
  } catch {
    return 0;
  }
}

export const say = (url: string, from: string, content: string, msgId: string) =>
  post(url, { type: 'text', from, content, msgId });
