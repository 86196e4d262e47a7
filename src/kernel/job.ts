import type { EntityManager } from 'typeorm';
import { systemActor, type Ctx } from './ctx';
import { makeCtx } from './make-ctx';
import type { WorkCalendar } from './work-calendar';
import type { Deps } from './deps';

/**
 * A scheduled job: one row of the literal table in jobs/index.ts (the house style "A job"). Jobs never touch
 * node-cron or the clock: the scheduler calls `run(deps, now)` (design rules 5, 6).
 */
export interface JobDef {
  name: string;
  /** Default cron (Asia/Shanghai); the setting `job.<name>.cron` overrides it without a restart (D15). */
  cron: string;
  /** Fire only on 工作日 (docs/commands.md): a non-WD fire returns at once and claims nothing. */
  workingDaysOnly: boolean;
  rules: string[];
  summary: string;
  /** Who its messages go to, in words (docs/jobs.md). */
  recipients: string;
  /**
   * The `job_runs` idempotency key for a fire at `now` (D14), or null when nothing is due at this fire
   * (e.g. monthly-batch on a day that is not the month's first WD).
   */
  periodKey(now: Date, calendar: WorkCalendar): string | null;
  /**
   * D93: a job that fires every minute (presence-timers) keeps no `job_runs` row per fire: each of its
   * reminders is claimed in reminder_log, so a repeated fire sends nothing twice, and a missed fire is not
   * caught up (the next fire sees the same state).
   */
  unclaimed?: true;
  /**
   * D93, for an unclaimed job: the next instant after `after` at which one of its timers runs out, so a
   * sandbox clock move fires it exactly then instead of every minute of the span.
   */
  nextDue?: (deps: Deps, after: Date) => Promise<Date | null>;
  /** Do the work; return counts for job_runs. */
  run(deps: Deps, now: Date): Promise<Record<string, number> | void>;
}

export function defineJob(def: JobDef): JobDef {
  return def;
}

/** The Ctx a job acts with: the system actor `job:<name>`, reply keys scoped to the job (inside `deps.db.tx`). */
export function jobCtx(deps: Deps, m: EntityManager, now: Date, name: string): Ctx {
  return makeCtx(deps, m, now, systemActor(`job:${name}`), `job:${name}`);
}
