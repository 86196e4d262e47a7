import type Koa from 'koa';
import getRawBody from 'raw-body';
import type { Logger } from 'pino';
import type { InboxWriter } from './inbox-writer';
import { callbackCounter } from '../metrics';
import type { Clock } from '../kernel/time';
import { CallbackError, openEnvelope, verifyUrl, type CryptoCfg } from '../wecom/crypto';
import { dedupeKeyOf, kindOf, malformedInbound, parseInbound } from '../wecom/inbound';

export const MAX_CALLBACK_BYTES = 1024 * 1024;

export interface CallbackDeps {
  /** Group-committed inbox inserts (src/http/inbox-writer.ts). */
  inbox: InboxWriter;
  clock: Clock;
  log: Logger;
  crypto: CryptoCfg;
  /** Wake the dispatcher; never awaited (design rule 1: ack must not wait for processing). */
  onStored: () => void;
}

function query(ctx: Koa.Context): Record<string, string | undefined> {
  const q: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(ctx.query)) q[k] = Array.isArray(v) ? v[0] : v;
  return q;
}

function reject(ctx: Koa.Context, log: Logger, status: number, reason: string): void {
  ctx.status = status;
  ctx.body = status === 401 ? 'invalid signature' : status === 413 ? 'payload too large' : 'bad request';
  callbackCounter.inc({ outcome: `rejected_${status}` });
  log.warn({ status, reason, ip: ctx.ip }, 'callback rejected');
}

/** GET: WeCom URL verification (wecom.md §1.2) — the decrypted echostr as plain text. */
export function callbackGet(deps: CallbackDeps): Koa.Middleware {
  return async (ctx) => {
    try {
      const echo = verifyUrl(deps.crypto, query(ctx));
      ctx.type = 'text/plain';
      ctx.body = echo;
    } catch (err) {
      if (!(err instanceof CallbackError)) throw err;
      reject(ctx, deps.log, err.status, err.code);
    }
  };
}

/**
 * POST: verify, decrypt, dedupe, store, acknowledge (design rule 1). 200 with an empty body as soon as the
 * event is stored — 204/404 would make WeCom retry (wecom.md §1.7). A replay is acknowledged and ignored.
 */
export function callbackPost(deps: CallbackDeps): Koa.Middleware {
  return async (ctx) => {
    let raw: string;
    try {
      raw = await getRawBody(ctx.req, {
        limit: MAX_CALLBACK_BYTES,
        encoding: 'utf8',
        length: ctx.get('content-length') || undefined,
      });
    } catch (err) {
      const status = (err as { status?: number }).status === 413 ? 413 : 400;
      reject(ctx, deps.log, status, (err as Error).message);
      return;
    }
    let inbound;
    try {
      const plain = openEnvelope(deps.crypto, query(ctx), raw);
      try {
        inbound = parseInbound(plain);
      } catch (err) {
        // Signed but of a shape we do not know: stored as `unknown` and acknowledged (D5), not lost to a 400.
        if (!(err instanceof CallbackError) || err.code !== 'bad_shape') throw err;
        inbound = malformedInbound(plain);
        deps.log.warn({ reason: err.message }, 'signed callback of unexpected shape stored as unknown');
      }
    } catch (err) {
      if (!(err instanceof CallbackError)) throw err;
      reject(ctx, deps.log, err.status, err.code);
      return;
    }
    const now = deps.clock.now();
    const stored = await deps.inbox.store({
      dedupeKey: dedupeKeyOf(inbound).slice(0, 191),
      userid: inbound.from.toLowerCase(),
      kind: kindOf(inbound),
      payload: inbound,
      status: 'pending',
      attempts: 0,
      error: null,
      errorRef: null,
      leaseUntil: null,
      receivedAt: now,
      processedAt: null,
    });
    callbackCounter.inc({ outcome: stored ? 'stored' : 'duplicate' });
    ctx.status = 200;
    ctx.body = '';
    if (stored) deps.onStored();
  };
}
