import type { EntityManager } from 'typeorm';
import { JobRun } from '../entities/job-run';
import type { Deps } from './kernel/deps';
import type { Clock } from './kernel/time';

/**
 * A `running` job_runs row is held by a lease that its run's heartbeat renews (D77: interrupted
 * jobs); a row past its lease was interrupted — crash, OOM, forced exit — counts as failed and is retried within
 * the scheduler's attempt limit. Measured on the running process's own clock (D33).
 */
export const JOB_LEASE_MS = 60_000;
const HEARTBEAT_MS = 15_000;

/** Renew the run's lease until the returned timer is cleared. */
export function startHeartbeat(
  deps: Deps,
  clock: Clock,
  key: { job: string; period: string; attempt: number },
): NodeJS.Timeout {
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
