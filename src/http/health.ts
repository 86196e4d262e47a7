import type Koa from 'koa';
import { InboxRow } from '../../entities/inbox';
import { JobRun } from '../../entities/job-run';
import { OutboxRow } from '../../entities/outbox';
import type { Db } from '../db';
import { isStale } from '../job-lease';
import type { Clock } from '../kernel/time';
import { backlogGauge, registry } from '../metrics';

/** GET /healthz (issue [spine] item 10; D14 lists jobs skipped while the bot was down). */
export function healthz(db: Db, mode: string, clock: Clock): Koa.Middleware {
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
      ctx.status = 503;
      ctx.body = { ok: false, db: 'down', error: (err as Error).message };
    }
  };
}

export function metrics(): Koa.Middleware {
  return async (ctx) => {
    ctx.type = registry.contentType;
    ctx.body = await registry.metrics();
  };
}
