import type Koa from 'koa';
import type Router from '@koa/router';
import getRawBody from 'raw-body';
import { z } from 'zod';
import type { Config } from '../../config';
import { UserError } from '../../kernel/errors';
import { parseAdvance, type SandboxClock } from '../../sandbox-clock';

// D36: GET/POST /sandbox/api/clock. Sandbox mode only — in real mode the routes answer 404 (they are not
// mounted, and each handler checks again), because moving a real hall's clock would fire real reminders.

const moveSchema = z.union([
  z.object({ at: z.string().min(1).max(64) }).strict(),
  z.object({ advance: z.string().min(1).max(32) }).strict(),
  z.object({ to: z.string().min(1).max(64) }).strict(),
]);

/** Where a move body points: an instant, a duration ahead, or a named shortcut. */
export async function resolveTarget(clock: SandboxClock, body: z.infer<typeof moveSchema>): Promise<Date> {
  if ('at' in body) {
    const at = new Date(body.at);
    if (!/[T ]\d{2}:\d{2}/.test(body.at) || Number.isNaN(at.getTime())) {
      throw new UserError('at 须为带时区的 ISO-8601 时间，例如 2026-03-02T07:45:00+08:00');
    }
    return at;
  }
  if ('advance' in body) {
    const ms = parseAdvance(body.advance);
    if (ms === undefined) throw new UserError('advance 须为 P1D、PT2H、P1DT30M 这样的正时长');
    return new Date(clock.clock.now().getTime() + ms);
  }
  const [what, hhmm = '09:00'] = body.to.trim().split(/\s+/);
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(hhmm)) throw new UserError('时间须为 HH:MM');
  if (what === 'next-workday') return clock.nextWorkdayAt(hhmm);
  if (what === 'next-month-first-workday') return clock.nextMonthFirstWorkdayAt(hhmm);
  if (what === 'next-fire') {
    const next = await clock.nextFire();
    if (!next) throw new UserError('没有待触发的任务');
    return next;
  }
  throw new UserError('to 可为 next-fire、next-workday HH:MM、next-month-first-workday HH:MM');
}

async function jsonBody(ctx: Koa.Context): Promise<unknown> {
  const raw = await getRawBody(ctx.req, { limit: 16 * 1024, encoding: 'utf8' });
  return JSON.parse(raw || '{}');
}

export function mountSandboxClock(router: Router, input: { config: Config; clock: SandboxClock }): void {
  const { config, clock } = input;
  const sandboxOnly = (ctx: Koa.Context): boolean => {
    if (config.mode === 'sandbox') return true;
    ctx.status = 404;
    return false;
  };

  router.get('/sandbox/api/clock', async (ctx) => {
    if (!sandboxOnly(ctx)) return;
    const next = await clock.nextFire();
    ctx.body = { ...clock.now(), nextFire: next?.toISOString() ?? null };
  });

  router.post('/sandbox/api/clock', async (ctx) => {
    if (!sandboxOnly(ctx)) return;
    const parsed = moveSchema.safeParse(await jsonBody(ctx).catch(() => undefined));
    if (!parsed.success) {
      ctx.status = 400;
      ctx.body = { ok: false, error: '须为 {"at": ISO-8601}、{"advance": "P1D"} 或 {"to": "next-workday 07:45"} 之一' };
      return;
    }
    try {
      const target = await resolveTarget(clock, parsed.data);
      const move = await clock.moveTo(target, 'sandbox');
      ctx.body = { ok: true, ...clock.now(), ...move };
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      ctx.status = 400;
      ctx.body = { ok: false, error: err.message };
    }
  });
}
