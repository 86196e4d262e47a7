import { timingSafeEqual } from 'node:crypto';
import type Koa from 'koa';
import type { Logger } from 'pino';
import { InboxRow } from '../../entities/inbox';
import { JobRun } from '../../entities/job-run';
import { OutboxRow } from '../../entities/outbox';
import type { Db } from '../db';
import { isStale } from '../job-lease';
import type { Clock } from '../kernel/time';
import { backlogGauge, registry } from '../metrics';

/** GET /healthz (D14 lists jobs skipped while the bot was down; interrupted job runs, D77). */
export function healthz(db: Db, mode: string, clock: Clock, log: Logger): Koa.Middleware {
  return async (ctx) => {
    try {
      const m = db.manager;
      const [inboxBacklog, inboxFailed, outboxBacklog, outboxFailed] = await Promise.all([
        m.count(InboxRow, { where: [{ status: 'pending' }, { status: 'processing' }] }),
        m.count(InboxRow, { where: { status: 'failed' } }),
        m.count(OutboxRow, { where: [{ status: 'pending' }, { status: 'sending' }] }),
        m.count(OutboxRow, { where: { status: 'failed' } }),
      ]);
      const missed = await m.find(JobRun, { where: { status: 'skipped-missed' }, order: { id: 'DESC' }, take: 20 });
      const failedJobs = await m.find(JobRun, { where: { status: 'failed' }, order: { id: 'DESC' }, take: 20 });
      // A `running` run past its lease was interrupted (crash): the scheduler retries it within its attempt limit.
      const running = await m.find(JobRun, { where: { status: 'running' }, order: { id: 'DESC' }, take: 50 });
      const now = clock.now();
      backlogGauge.set({ queue: 'inbox' }, inboxBacklog);
      backlogGauge.set({ queue: 'outbox' }, outboxBacklog);
      ctx.body = {
        ok: true,
        db: 'up',
        mode,
        inbox: { backlog: inboxBacklog, failed: inboxFailed },
        outbox: { backlog: outboxBacklog, failed: outboxFailed },
        jobs: {
          skippedMissed: missed.map((j) => `${j.job}@${j.period}`),
          failed: failedJobs.map((j) => `${j.job}@${j.period}#${j.attempt}`),
          running: running.filter((j) => !isStale(j, now)).map((j) => `${j.job}@${j.period}#${j.attempt}`),
          interrupted: running.filter((j) => isStale(j, now)).map((j) => `${j.job}@${j.period}#${j.attempt}`),
        },
      };
    } catch (err) {
      // The driver's text can name hosts, users and SQL: it goes to the log, the public answer says only "down".
      log.error({ err }, 'healthz: database check failed');
      ctx.status = 503;
      ctx.body = { ok: false, db: 'down' };
    }
  };
}

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

/**
 * Who may read /metrics: a direct loopback caller (a local Prometheus agent) — not one relayed by a reverse
 * proxy on the same host, which always connects from loopback and adds X-Forwarded-For — or anyone sending
 * `Authorization: Bearer <METRICS_TOKEN>` when that variable is set.
 */
export function metricsAllowed(ctx: Koa.Context, token: string | undefined): boolean {
  const direct = LOOPBACK.test(ctx.req.socket.remoteAddress ?? '') && !ctx.get('x-forwarded-for');
  if (direct) return true;
  if (!token) return false;
  const given = Buffer.from(/^Bearer (.+)$/.exec(ctx.get('authorization'))?.[1] ?? '');
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
}

export function metrics(token: string | undefined): Koa.Middleware {
  return async (ctx) => {
    if (!metricsAllowed(ctx, token)) {
      ctx.status = 403;
      ctx.body = 'forbidden';
      return;
    }
    ctx.type = registry.contentType;
    ctx.body = await registry.metrics();
  };
}
