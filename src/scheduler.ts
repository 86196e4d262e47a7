import cron, { type ScheduledTask } from 'node-cron';
import { JobRun } from '../entities/job-run';
import type { JobDef } from './kernel/job';
import { CalendarCoverageError } from './kernel/work-calendar';
import { crashPoint } from './crash-point';
import { claimPeriod, finishRun, markInterrupted, markPeriod, startHeartbeat } from './job-lease';
import type { Deps } from './kernel/deps';
import { jobCounter } from './metrics';
import { getJobCron } from './settings/settings';
import { localDate, type Clock } from './kernel/time';

// The only importer of node-cron (architecture "Rooms"). Runs are claimed in job_runs (unique on job,
// period, attempt) so a second instance or a re-run of a period does nothing (design rules 3, 6; D14).

const TZ = 'Asia/Shanghai';
const CATCH_UP_LOOKBACK_DAYS = 40;

export type RunOutcome =
  | { status: 'ok' | 'failed'; period: string; attempt: number; counts?: Record<string, number>; error?: string }
  | { status: 'non-workday' | 'not-due' | 'already-run' | 'no-calendar'; period?: string };

export function validateCron(expr: string): boolean {
  return cron.validate(expr) && expr.trim().split(/\s+/).length === 5;
}

/** Fire times of `expr` in (from, to], oldest first, minute resolution. */
export function fireTimesBetween(expr: string, from: Date, to: Date): Date[] {
  const out: Date[] = [];
  const start = Math.floor(from.getTime() / 60_000) + 1;
  const end = Math.floor(to.getTime() / 60_000);
  for (let minute = start; minute <= end; minute++) {
    const d = new Date(minute * 60_000);
    if (matches(expr, d)) out.push(d);
  }
  return out;
}

export function nextFireTime(expr: string, after: Date): Date | null {
  const limit = new Date(after.getTime() + 400 * 86_400_000);
  for (let minute = Math.floor(after.getTime() / 60_000) + 1; minute * 60_000 <= limit.getTime(); minute += 1) {
    const d = new Date(minute * 60_000);
    if (matches(expr, d)) return d;
  }
  return null;
}

const matchers = new Map<string, ScheduledTask>();
function matches(expr: string, d: Date): boolean {
  let t = matchers.get(expr);
  if (!t) {
    t = cron.createTask(expr, () => undefined, { timezone: TZ });
    matchers.set(expr, t);
  }
  return t.match(d);
}

export class Scheduler {
  private tasks = new Map<string, { expr: string; task: ScheduledTask }>();
  private pollTimer: NodeJS.Timeout | undefined;
  /** Runs in progress in this process: `stop()` waits for them before the database closes. */
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly deps: Deps,
    private readonly clock: Clock,
    readonly jobs: readonly JobDef[] = deps.tables.jobs,
  ) {
    // the jobs table validates its cron expressions at start.
    const bad = jobs.filter((j) => !validateCron(j.cron)).map((j) => `${j.name} (${j.cron})`);
    if (bad.length) throw new Error(`invalid cron expression in jobs table: ${bad.join(', ')}`);
    const names = new Set<string>();
    for (const j of jobs) {
      if (names.has(j.name)) throw new Error(`duplicate job name ${j.name}`);
      names.add(j.name);
    }
  }

  job(name: string): JobDef | undefined {
    return this.jobs.find((j) => j.name === name);
  }

  async cronOf(job: JobDef): Promise<string> {
    const override = await getJobCron(this.deps.db.manager, job.name);
    return override && validateCron(override) ? override : job.cron;
  }

  /** Run one job as if the clock read `now` (same claim rules; `force` re-runs a claimed period, audited). */
  runJob(job: JobDef, now: Date, opts: { force?: boolean; actor?: string } = {}): Promise<RunOutcome> {
    const run = this.runJobOnce(job, now, opts);
    this.inFlight.add(run);
    void run.finally(() => this.inFlight.delete(run)).catch(() => undefined);
    return run;
  }

  private async runJobOnce(job: JobDef, now: Date, opts: { force?: boolean; actor?: string }): Promise<RunOutcome> {
    const cal = this.deps.calendar;
    await cal.refresh(this.deps.db.manager);
    const today = localDate(now);
    let period: string | null;
    try {
      if (job.workingDaysOnly && !cal.isWorkday(today)) return { status: 'non-workday' };
      period = job.periodKey(now, cal);
    } catch (err) {
      if (!(err instanceof CalendarCoverageError)) throw err;
      // D13: never guess a day outside the calendar; alert the office once and do nothing.
      await this.deps.db.tx(async (m) => this.deps.coverageAlert(m, now, err.date, `job ${job.name}`));
      return { status: 'no-calendar' };
    }
    if (period === null) return { status: 'not-due' };
    if (job.unclaimed) return this.runUnclaimed(job, now, period);
    const attempt = await claimPeriod(this.deps, this.clock, job.name, period, now, opts);
    if (attempt === undefined) return { status: 'already-run', period };
    const heartbeat = startHeartbeat(this.deps, this.clock, { job: job.name, period, attempt });
    try {
      const counts = (await job.run(this.deps, now)) ?? {};
      crashPoint('mid-job');
      await finishRun(this.deps, this.clock, { job: job.name, period, attempt }, { status: 'ok', counts });
      jobCounter.inc({ job: job.name, outcome: 'ok' });
      this.deps.log.info({ job: job.name, period, attempt, counts }, 'job run ok');
      return { status: 'ok', period, attempt, counts };
    } catch (err) {
      const error = err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err);
      const key = { job: job.name, period, attempt };
      await finishRun(this.deps, this.clock, key, { status: 'failed', error: error.slice(0, 4000) });
      jobCounter.inc({ job: job.name, outcome: 'failed' });
      this.deps.log.error({ job: job.name, period, attempt, err }, 'job run failed');
      return { status: 'failed', period, attempt, error: err instanceof Error ? err.message : String(err) };
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** D93: no job_runs row; the job's own reminder keys make a repeat harmless. */
  private async runUnclaimed(job: JobDef, now: Date, period: string): Promise<RunOutcome> {
    try {
      const counts = (await job.run(this.deps, now)) ?? {};
      jobCounter.inc({ job: job.name, outcome: 'ok' });
      return { status: 'ok', period, attempt: 0, counts };
    } catch (err) {
      jobCounter.inc({ job: job.name, outcome: 'failed' });
      this.deps.log.error({ job: job.name, period, err }, 'job run failed');
      return { status: 'failed', period, attempt: 0, error: err instanceof Error ? err.message : String(err) };
    }
  }

  /**
   * D14 catch-up: for each job, the most recent period that passed while the bot was down runs once (as if
   * at its fire time); older missed periods are recorded as `skipped-missed` and shown in /healthz.
   */
  async catchUp(): Promise<string[]> {
    const now = this.clock.now();
    const ran = await this.retryInterrupted();
    for (const job of this.jobs) {
      if (job.unclaimed) continue; // D93: nothing to catch up
      const m = this.deps.db.manager;
      // D33: a `job run --at <future>` row says nothing about which periods this clock has seen pass.
      const last = await m
        .createQueryBuilder(JobRun, 'r')
        .where('r.job = :job AND r.scheduledFor <= :now', { job: job.name, now: now.toISOString() })
        .orderBy('r.scheduledFor', 'DESC')
        .take(1)
        .getMany();
      if (!last[0]) {
        // First start with this job: nothing was missed; remember from when to look.
        await markPeriod(this.deps, job.name, 'baseline', 'baseline', now, now);
        continue;
      }
      const from = new Date(
        Math.max(last[0].scheduledFor.getTime(), now.getTime() - CATCH_UP_LOOKBACK_DAYS * 86_400_000),
      );
      const expr = await this.cronOf(job);
      const missed: { at: Date; period: string }[] = [];
      for (const at of fireTimesBetween(expr, from, now)) {
        let period: string | null;
        try {
          if (job.workingDaysOnly && !this.deps.calendar.isWorkday(localDate(at))) continue;
          period = job.periodKey(at, this.deps.calendar);
        } catch (err) {
          if (err instanceof CalendarCoverageError) continue;
          throw err;
        }
        if (period === null) continue;
        const exists = await m.count(JobRun, { where: { job: job.name, period } });
        if (exists === 0 && !missed.some((x) => x.period === period)) missed.push({ at, period });
      }
      const latest = missed.pop();
      for (const old of missed) {
        await markPeriod(this.deps, job.name, old.period, 'skipped-missed', old.at, now);
      }
      if (latest) {
        const outcome = await this.runJob(job, latest.at);
        if (outcome.status === 'ok' || outcome.status === 'failed') ran.push(`${job.name}@${latest.period}`);
      }
    }
    return ran;
  }

  /**
   * Runs left `running` past their lease (interrupted by a crash in this or another instance) count as failed; each
   * is run again for its period (as of its original instant) while attempts remain. Returns `job@period` of reruns.
   */
  async retryInterrupted(): Promise<string[]> {
    const now = this.clock.now();
    const stale = await this.deps.db.manager
      .createQueryBuilder(JobRun, 'r')
      .where("r.status = 'running' AND (r.leaseUntil IS NULL OR r.leaseUntil < :now)", { now: now.toISOString() })
      .getMany();
    const ran: string[] = [];
    for (const row of stale) {
      const job = this.job(row.job);
      if (!job) continue;
      const outcome = await this.runJob(job, row.scheduledFor);
      if (outcome.status === 'ok' || outcome.status === 'failed') ran.push(`${job.name}@${row.period}`);
      else await this.deps.db.tx((m) => markInterrupted(m, row, now)); // attempts used up: failed, shown in /healthz
    }
    return ran;
  }

  /** Schedule every job with node-cron (timezone Asia/Shanghai, noOverlap); re-read cron settings each minute (D15). */
  async start(): Promise<void> {
    await this.reschedule();
    this.pollTimer = setInterval(() => {
      this.reschedule().catch((err) => this.deps.log.error({ err }, 'reschedule failed'));
      this.retryInterrupted().catch((err) => this.deps.log.error({ err }, 'retry of interrupted job runs failed'));
    }, 60_000);
    this.pollTimer.unref();
  }

  async reschedule(): Promise<void> {
    for (const job of this.jobs) {
      const expr = await this.cronOf(job);
      const current = this.tasks.get(job.name);
      if (current?.expr === expr) continue;
      if (current) await current.task.destroy();
      const task = cron.schedule(
        expr,
        async () => {
          await this.runJob(job, this.clock.now());
        },
        { timezone: TZ, noOverlap: true, name: job.name },
      );
      this.tasks.set(job.name, { expr, task });
      if (current) this.deps.log.info({ job: job.name, cron: expr }, 'job rescheduled');
    }
  }

  /** No new runs; waits for the runs in progress, so none is cut off by the database closing. */
  async stop(): Promise<void> {
    if (this.pollTimer) clearInterval(this.pollTimer);
    for (const { task } of this.tasks.values()) await task.destroy();
    this.tasks.clear();
    await Promise.allSettled([...this.inFlight]);
  }

  /** For `job list`: every job, its cron, next fire time and last outcome. */
  async list(): Promise<{ name: string; cron: string; next: Date | null; last?: JobRun }[]> {
    const now = this.clock.now();
    const out = [];
    for (const job of this.jobs) {
      const expr = await this.cronOf(job);
      const last = await this.deps.db.manager.find(JobRun, {
        where: { job: job.name },
        order: { id: 'DESC' },
        take: 1,
      });
      out.push({ name: job.name, cron: expr, next: nextFireTime(expr, now), last: last[0] });
    }
    return out;
  }
}
