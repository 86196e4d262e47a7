import { randomUUID } from 'node:crypto';
import type Koa from 'koa';
import type { Logger } from 'pino';

/** Every request gets an id (echoed as x-request-id) and one pino log line; no query strings (they carry signatures). */
export function requestIds(log: Logger): Koa.Middleware {
  return async (ctx, next) => {
    const id = ctx.get('x-request-id') || randomUUID();
    ctx.set('x-request-id', id);
    const started = process.hrtime.bigint();
    try {
      await next();
    } catch (err) {
      // Design rule 7 for machines: nothing crashes the process; an unexpected error is a 500 with the id.
      log.error({ reqId: id, err, path: ctx.path }, 'request failed');
      ctx.status = 500;
      ctx.body = { ok: false, error: 'internal error', requestId: id };
    } finally {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (log.isLevelEnabled('debug') && ctx.path !== '/metrics' && !ctx.path.startsWith('/sandbox/api/messages')) {
        log.debug(
          { reqId: id, method: ctx.method, path: ctx.path, status: ctx.status, ms: Math.round(ms * 10) / 10 },
          'request',
        );
      }
    }
  };
}
