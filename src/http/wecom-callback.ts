import type Koa from 'koa';
import getRawBody from 'raw-body';
import type { Logger } from 'pino';
import type { InboxWriter } from './inbox-writer';
import { callbackCounter } from '../metrics';
import type { Clock } from '../kernel/time';
import { CallbackError, openEnvelope, verifyUrl, type CryptoCfg } from '../wecom/crypto';
import { dedupeKeyOf, kindOf, malformedInbound, parseInbound } from '../wecom/inbound';
import { isDbUnavailable } from '../db';

/** A real callback envelope is a few KB (text ≤ 2048 bytes before encryption); anything larger is refused unread. */
export const MAX_CALLBACK_BYTES = 64 * 1024;

export interface CallbackDeps {
  /** Group-committed inbox inserts (src/http/inbox-writer.ts). */
  inbox: InboxWriter;
  clock: Clock;
  log: Logger;
  crypto: CryptoCfg;
  /** Wake the dispatcher; never awaited (design rule 1: ack must not wait for processing). */
  onStored: () => void;
  /** Setting `callback.maxSkewSeconds` (read through a short cache: this is the acknowledgement's hot path). */
  maxSkewSeconds: () => Promise<number>;
}

/** A setting read at most once a minute: a change made in chat applies within a minute, without a restart. */
export function cachedSetting<T>(read: () => Promise<T>, ttlMs = 60_000): () => Promise<T> {
  let value: { v: T; at: number } | undefined;
  return async () => {
    const now = Date.now();
    if (!value || now - value.at > ttlMs) value = { v: await read(), at: now };
    return value.v;
  };
}

function query(ctx: Koa.Context): Record<string, string | undefined> {
  const q: Record<string, string | undefined> = {};
  // A repeated parameter is ambiguous (which one was signed?): treated as missing, so the check fails.
  for (const [k, v] of Object.entries(ctx.query)) q[k] = Array.isArray(v) ? undefined : v;
  return q;
}

function reject(ctx: Koa.Context, log: Logger, status: number, reason: string): void {
  ctx.status = status;
  ctx.body =
    status === 401
      ? 'invalid signature'
      : status === 413
        ? 'payload too large'
        : status === 503
          ? 'unavailable'
          : 'bad request';
  callbackCounter.inc({ outcome: `rejected_${status}` });
  log.warn({ status, reason, ip: ctx.ip }, 'callback rejected');
}

/** GET: WeCom URL verification (WeCom doc 91144) — the decrypted echostr as plain text. */
export function callbackGet(deps: CallbackDeps): Koa.Middleware {
  return (ctx) => {
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
 * event is stored — 204/404 would make WeCom retry (WeCom doc 90238). A replay is acknowledged and ignored.
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
    const now = deps.clock.now();
    try {
      // Exact envelope shape, then the signature; only a signed body is decrypted and parsed as XML.
      const q = query(ctx);
      const plain = openEnvelope(deps.crypto, q, raw);
      // The timestamp is covered by the signature: an old signed body replayed later is refused (the inbox
      // keeps dedupe keys far longer than the window, so a replay inside it is a harmless duplicate). Transport
      // freshness is wall-clock time, not the injected rule clock that tests and the sandbox clock (D36) move.
      const skew = Math.abs(Date.now() / 1000 - Number(q.timestamp));
      if (!(skew <= (await deps.maxSkewSeconds())))
        throw new CallbackError(400, 'stale_timestamp', 'timestamp too far from now');
      try {
        inbound = parseInbound(plain);
      } catch (err) {
        // Signed but of a shape we do not know: stored as `unknown` and acknowledged (D5), not lost to a 400.
        if (!(err instanceof CallbackError) || err.code !== 'bad_shape') throw err;
        inbound = malformedInbound(plain);
        deps.log.warn({ reason: err.message }, 'signed callback of unexpected shape stored as unknown');
      }
      // userid is a varchar(64) (WeCom allows 1–64 characters): refuse, rather than fail the insert on MySQL.
      if (inbound.from.length > 64) throw new CallbackError(400, 'bad_from', 'FromUserName longer than 64');
    } catch (err) {
      if (!(err instanceof CallbackError)) throw err;
      reject(ctx, deps.log, err.status, err.code);
      return;
    }
    let stored: boolean;
    try {
      stored = await deps.inbox.store({
        dedupeKey: dedupeKeyOf(inbound).slice(0, 191),
        userid: inbound.from.toLowerCase(),
        kind: kindOf(inbound),
        payload: inbound,
        status: 'pending',
        attempts: 0,
        receivedAt: now,
      });
    } catch (err) {
      // D81: the database is down or its queue full — nothing was stored; WeCom retries a 503 after 5 s.
      if (!isDbUnavailable(err)) throw err;
      reject(ctx, deps.log, 503, 'db_unavailable');
      return;
    }
    callbackCounter.inc({ outcome: stored ? 'stored' : 'duplicate' });
    ctx.status = 200;
    ctx.body = '';
    if (stored) deps.onStored();
  };
}

/**
 * The callback URL ahead of the router (D241): it is the acknowledgement's hot path, and the router composes a
 * middleware chain for every request it matches. GET is URL verification, POST an event; any other method is
 * answered as the router would (405 with Allow, or the allowed list for OPTIONS).
 */
export function callbackRoute(deps: CallbackDeps, path = '/wecom/callback'): Koa.Middleware {
  const get = callbackGet(deps);
  const post = callbackPost(deps);
  return async (ctx, next) => {
    if (ctx.path !== path) {
      await next();
      return;
    }
    if (ctx.method === 'POST') return void (await post(ctx, next));
    if (ctx.method === 'GET' || ctx.method === 'HEAD') return void get(ctx, next);
    ctx.set('Allow', 'HEAD, GET, POST');
    ctx.status = ctx.method === 'OPTIONS' ? 200 : 405;
    ctx.body = ctx.method === 'OPTIONS' ? '' : 'method not allowed';
  };
}
