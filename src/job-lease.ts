import type { EntityManager } from 'typeorm';
import { JobRun } from '../entities/job-run';
import { insertRows } from './db';
import { writeAudit } from './kernel/audit';
import type { Deps } from './kernel/deps';
import type { Clock } from './kernel/time';

/**
 * A `running` job_runs row is held by a lease that its run's heartbeat renews (D77: interrupted
 * jobs); a row past its lease was interrupted — crash, OOM, forced exit — counts as failed and is retried within
 * the scheduler's attempt limit. Measured on the running process's own clock (D33).
 */
export const JOB_LEASE_MS = 60_000;
const HEARTBEAT_MS = 15_000;
/** A failed or interrupted period is retried by the scheduler until this many attempts (D77). */
const AUTO_RETRY_ATTEMPTS = 3;

type RunKey = { job: string; period: string; attempt: number };

/** Renew the run's lease until the returned timer is cleared. */
export function startHeartbeat(deps: Deps, clock: Clock, key: RunKey): NodeJS.Timeout {
  const timer = setInterval(() => {
    const leaseUntil = new Date(clock.now().getTime() + JOB_LEASE_MS);
    deps.db
      .tx((tm) => tm.update(JobRun, { ...key, status: 'running' }, { leaseUntil }))
      .catch((err) => deps.log.warn({ err, job: key.job }, 'job heartbeat failed'));
  }, HEARTBEAT_MS);
  timer.unref();
  return timer;
}

/** A `running` row whose lease ended (or that predates leases) belongs to a run that no longer exists. */
export function isStale(row: JobRun, now: Date): boolean {
  return row.status === 'running' && (row.leaseUntil === null || row.leaseUntil < now);
}

/** Record an interrupted run as failed (guarded: only while it is still the stale `running` row). */
export async function markInterrupted(m: EntityManager, row: JobRun, now: Date): Promise<void> {
  await m
    .createQueryBuilder()
    .update(JobRun)
    .set({
      status: 'failed',
      finishedAt: now,
      error: 'interrupted: lease expired (crash or forced exit)',
      leaseUntil: null,
    })
    .where("id = :id AND status = 'running'", { id: row.id })
    .execute();
}

/**
 * Claim (job, period) in job_runs (unique on job, period, attempt): the first attempt, a retry after a failure or an
 * interrupted run, or a forced re-run (audited). Undefined when the period is already run or another instance won.
 */
export function claimPeriod(
  deps: Deps,
  clock: Clock,
  job: string,
  period: string,
  now: Date,
  opts: { force?: boolean; actor?: string },
): Promise<number | undefined> {
  return deps.db.tx(async (m) => {
    const previous = await m.find(JobRun, { where: { job, period }, order: { attempt: 'DESC' }, take: 1 });
    const last = previous[0];
    let attempt = 1;
    if (last) {
      const interrupted = last.status === 'running' && isStale(last, clock.now());
      if (interrupted) await markInterrupted(m, last, clock.now());
      const retry = (last.status === 'failed' || interrupted) && last.attempt < AUTO_RETRY_ATTEMPTS;
      if (!opts.force && !retry) return undefined;
      attempt = last.attempt + 1;
    }
    const row: Partial<JobRun> = {
      job,
      period,
      attempt,
      status: 'running',
      scheduledFor: now,
      startedAt: clock.now(),
      leaseUntil: new Date(clock.now().getTime() + JOB_LEASE_MS),
    };
    const inserted = await insertRows(m, JobRun, row, { orIgnore: true });
    if (inserted !== 1) return undefined;
    if (opts.force && last)
      await writeAudit(m, clock.now(), opts.actor ?? 'cli', 'job.force', 'job', job, { period, attempt });
    return attempt;
  });
}

/** End a claimed run: `ok` with its counts or `failed` with its error; the lease is released. */
export async function finishRun(
  deps: Deps,
  clock: Clock,
  key: RunKey,
  outcome: { status: 'ok'; counts: Record<string, number> } | { status: 'failed'; error: string },
): Promise<void> {
  await deps.db.tx((tm) => tm.update(JobRun, key, { ...outcome, finishedAt: clock.now(), leaseUntil: null }));
}

/** A period the scheduler only records (D14): `baseline` at first start, `skipped-missed` for older missed ones. */
export async function markPeriod(
  deps: Deps,
  job: string,
  period: string,
  status: 'baseline' | 'skipped-missed',
  scheduledFor: Date,
  now: Date,
): Promise<void> {
  const row = { job, period, attempt: 1, status, scheduledFor, startedAt: now, finishedAt: now };
  await deps.db.tx((tm) => insertRows(tm, JobRun, row, { orIgnore: true }));
}
