import { SettingRow } from '../entities/setting';
import { CalendarCoverageError } from './kernel/work-calendar';
import type { JobDef } from './kernel/job';
import type { Deps } from './kernel/deps';
import { writeAudit } from './kernel/audit';
import { UserError } from './kernel/errors';
import { addDays, instantAt, localDate, localStamp, type OffsetClock } from './kernel/time';
import { fireTimesBetween, type RunOutcome, type Scheduler } from './scheduler';

// The sandbox clock (D36): the bot's time is the wall clock plus an offset that only grows. Moving it fires, in
// time order, every job fire time in between through Scheduler.runJob — the scheduler's own WD-only skip,
// period key and job_runs claim — and lets the dispatcher and outbox drain after each fire, so a month can be
// watched in minutes (D68). The offset lives in the database so a restart keeps it.

const SETTING = 'sandbox.clock';
const DAY_MS = 86_400_000;

export interface ClockRun {
  at: string;
  job: string;
  status: RunOutcome['status'];
  period?: string;
  counts?: Record<string, number>;
  error?: string;
  /** How long the run took, wall clock. */
  ms: number;
}

export interface ClockMove {
  from: string;
  to: string;
  runs: ClockRun[];
  /** ok runs per job. */
  counts: Record<string, number>;
}

interface Stored {
  offsetMs: number;
  /** Every fire time up to here has been handed to the scheduler. */
  firedThrough?: string;
}

/**
 * Candidate minutes of a cron expression in (from, to]: only the minute/hour values a plain numeric field
 * allows (any minute otherwise). A pre-filter for speed; node-cron (via fireTimesBetween) decides each one.
 */
function candidates(expr: string, from: Date, to: Date): Date[] {
  const [minF, hourF] = expr.trim().split(/\s+/);
  const list = (f: string, n: number) =>
    /^\d+(,\d+)*$/.test(f) ? f.split(',').map(Number) : Array.from({ length: n }, (_, i) => i);
  const minutes = list(minF, 60);
  const hours = list(hourF, 24);
  const out: Date[] = [];
  for (let day = localDate(from); instantAt(day).getTime() <= to.getTime(); day = addDays(day, 1)) {
    for (const h of hours) {
      // Skip whole hours outside (from, to]: a move is usually minutes long, and each candidate costs a cron check.
      const hh = String(h).padStart(2, '0');
      if (instantAt(day, `${hh}:59`).getTime() <= from.getTime() || instantAt(day, `${hh}:00`).getTime() > to.getTime())
        continue;
      for (const mi of minutes) {
        const at = instantAt(day, `${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}`);
        if (at.getTime() <= from.getTime() || at.getTime() > to.getTime()) continue;
        if (fireTimesBetween(expr, new Date(at.getTime() - 60_000), at).length === 1) out.push(at);
      }
    }
  }
  return out;
}

export class SandboxClock {
  private firedThrough: Date | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly deps: Deps,
    readonly clock: OffsetClock,
    private readonly scheduler: Scheduler,
    /** Let the dispatcher and outbox finish what a fire produced. */
    private readonly settle: () => Promise<void>,
  ) {}

  /** Read the stored offset (start-up): the moved time survives a restart. */
  async load(): Promise<void> {
    const row = await this.deps.db.manager.findOne(SettingRow, { where: { name: SETTING } });
    const stored = row?.value as Stored | undefined;
    if (stored && Number.isFinite(stored.offsetMs)) this.clock.setOffset(stored.offsetMs);
    if (stored?.firedThrough) this.firedThrough = new Date(stored.firedThrough);
  }

  /**
   * Follow the wall clock in a running sandbox (instead of node-cron, whose minutes are wall minutes): every
   * `intervalMs`, fire what fell due since the last pass. Starts from now — the start-up catch-up (D14) has
   * already handled the time the bot was down.
   */
  start(intervalMs = 20_000): void {
    this.firedThrough = this.clock.now();
    this.timer = setInterval(() => {
      this.moveTo(this.clock.now(), 'system').catch((err) => this.deps.log.error({ err }, 'sandbox clock tick'));
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.queue.catch(() => undefined);
  }

  /** Move to `target` (never back), firing every job fire time in (last fired, target] in time order. */
  moveTo(target: Date, actor: string): Promise<ClockMove> {
    const next = this.queue.then(() => this.move(target, actor));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async move(target: Date, actor: string): Promise<ClockMove> {
    const start = this.clock.now();
    if (target.getTime() < start.getTime() - 1000) {
      throw new UserError(`时钟只能向前拨：现在是 ${start.toISOString()}`);
    }
    const from = this.firedThrough && this.firedThrough < start ? this.firedThrough : start;
    const fires = await this.fireTimes(from, target);
    const runs: ClockRun[] = [];
    const counts: Record<string, number> = {};
    const fire = async (at: Date, job: JobDef) => {
      this.setNow(at);
      const started = performance.now();
      const outcome = await this.scheduler.runJob(job, at);
      const ms = Math.round(performance.now() - started);
      await this.settle();
      runs.push({ at: at.toISOString(), job: job.name, ...outcome, ms });
      if (outcome.status === 'ok') counts[job.name] = (counts[job.name] ?? 0) + 1;
    };
    let cursor = from;
    for (const { at, job } of fires) {
      cursor = await this.fireMinuteJobs(cursor, at, fire);
      await fire(at, job);
    }
    await this.fireMinuteJobs(cursor, target, fire);
    if (target.getTime() > this.clock.now().getTime()) this.setNow(target);
    this.firedThrough = target;
    await this.save(actor, start, target, runs.length);
    await this.settle();
    return { from: start.toISOString(), to: target.toISOString(), runs, counts };
  }

  /**
   * D93: a minute job runs in a move only when one of its timers runs out in (from, until] — at the first of its
   * cron minutes from then on — not at every minute of the span. Returns `until`.
   */
  private async fireMinuteJobs(from: Date, until: Date, fire: (at: Date, job: JobDef) => Promise<void>): Promise<Date> {
    for (const job of this.scheduler.jobs.filter((j) => j.unclaimed && j.nextDue)) {
      const expr = await this.scheduler.cronOf(job);
      let cursor = from;
      for (let i = 0; i < 10_000; i++) {
        const due = await job.nextDue!(this.deps, cursor);
        if (!due || due > until) break;
        const at = candidates(expr, new Date(due.getTime() - 60_000), until).find((t) => t >= due);
        if (!at) break;
        await fire(at, job);
        cursor = at;
      }
    }
    return until;
  }

  private setNow(at: Date): void {
    this.clock.setOffset(this.clock.offsetMs + (at.getTime() - this.clock.now().getTime()));
  }

  private async save(actor: string, from: Date, to: Date, fired: number): Promise<void> {
    const value: Stored = { offsetMs: this.clock.offsetMs, firedThrough: to.toISOString() };
    const now = this.clock.now();
    await this.deps.db.tx(async (m) => {
      await m.save(SettingRow, { name: SETTING, value, updatedBy: actor, updatedAt: now });
      // Wall-clock ticks are not audited (they change nothing a person chose); a move is.
      if (actor !== 'system') {
        await writeAudit(m, now, actor, 'sandbox.clock.move', 'clock', 'sandbox', {
          from: from.toISOString(),
          to: to.toISOString(),
          fired,
        });
      }
    });
  }

  /** Every (fire time, job) in (from, to], oldest first, table order within a minute (as node-cron fires). */
  private async fireTimes(from: Date, to: Date): Promise<{ at: Date; job: JobDef }[]> {
    const out: { at: Date; job: JobDef; order: number }[] = [];
    for (const [order, job] of this.scheduler.jobs.entries()) {
      const expr = await this.scheduler.cronOf(job);
      if (job.unclaimed) continue; // D93: fired when its timers run out (fireMinuteJobs)
      for (const at of candidates(expr, from, to)) out.push({ at, job, order });
    }
    return out.sort((a, b) => a.at.getTime() - b.at.getTime() || a.order - b.order);
  }

  /** The next instant (within 40 days) at which some job would do something: WD-only jobs skip non-WDs, not-due fires are skipped. */
  async nextFire(): Promise<Date | null> {
    const now = this.clock.now();
    let best: Date | null = null;
    for (const job of this.scheduler.jobs) {
      if (job.unclaimed) continue; // D93: a minute job is no “next event” worth a button
      const expr = await this.scheduler.cronOf(job);
      for (const t of candidates(expr, now, best ?? new Date(now.getTime() + 40 * DAY_MS))) {
        if (best && t >= best) break;
        try {
          if (job.workingDaysOnly && !this.deps.calendar.isWorkday(localDate(t))) continue;
          if (job.periodKey(t, this.deps.calendar) === null) continue;
        } catch (err) {
          if (err instanceof CalendarCoverageError) break;
          throw err;
        }
        best = t;
        break;
      }
    }
    return best;
  }

  /** The first WD strictly after today (or today when `hhmm` is still ahead), at `hhmm`. */
  nextWorkdayAt(hhmm: string): Date {
    const now = this.clock.now();
    let day = localDate(now);
    for (let i = 0; i < 400; i++, day = addDays(day, 1)) {
      if (instantAt(day, hhmm) > now && this.deps.calendar.isWorkday(day)) return instantAt(day, hhmm);
    }
    throw new UserError('一年内没有工作日');
  }

  /** The first WD of next month at `hhmm` (the monthly batch, BRF-04/05/07). */
  nextMonthFirstWorkdayAt(hhmm: string): Date {
    const today = localDate(this.clock.now());
    const first = `${addDays(`${today.slice(0, 7)}-28`, 7).slice(0, 7)}-01`;
    const day = this.deps.calendar.isWorkday(first) ? first : this.deps.calendar.nextWorkday(first);
    return instantAt(day, hhmm);
  }

  now(): { now: string; offsetMs: number; local: string } {
    const now = this.clock.now();
    return { now: now.toISOString(), offsetMs: this.clock.offsetMs, local: localStamp(now) };
  }
}

/** `P1D`, `PT2H`, `P1DT30M` (ISO-8601 days/hours/minutes) → milliseconds; undefined when malformed or zero. */
export function parseAdvance(s: string): number | undefined {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(s.trim());
  if (!m || s.trim() === 'P' || s.trim().endsWith('T')) return undefined;
  const ms = (Number(m[1] ?? 0) * 24 * 60 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0)) * 60_000;
  return ms > 0 && ms <= 400 * DAY_MS ? ms : undefined;
}
