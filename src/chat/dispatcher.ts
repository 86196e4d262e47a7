import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { InboxRow } from '../../entities/inbox';
import { CalendarCoverageError } from '../kernel/work-calendar';
import { In } from 'typeorm';
import { claimQueued, isDbUnavailable, unclaimQueued } from '../db';
import { Loop } from '../loop';
import type { Deps } from '../kernel/deps';
import { enqueue } from '../outbox/enqueue';
import type { Clock } from '../kernel/time';
import { systemActor } from '../kernel/ctx';
import { UserError } from '../kernel/errors';
import { errorSummary } from '../logging';
import { makeCtx } from '../kernel/make-ctx';
import { prefetchMedia } from '../kernel/attachments';
import { routeEvent } from './route';
import { crashPoint } from '../crash-point';

const MAX_ATTEMPTS = 3;
const LEASE_MS = 60_000;
const SCAN = 50;

/**
 * Takes inbox rows in order per user and runs each in one transaction (design rule 2): records, audit_log
 * and outbox commit together with the row's `done` mark. A crash mid-way leaves the row `processing` with
 * a lease that expires, so it is retried; after 3 failed attempts it is parked as `failed` and the user is
 * told “出错了，已记录（编号 …）”. UserError is not a failure: it becomes the reply.
 */
export class Dispatcher {
  private loop: Loop | undefined;
  private calendarRefreshedAt = 0;
  /** Claims to give back once the database answers again (see `unclaim`). */
  private readonly toUnclaim: InboxRow[] = [];

  constructor(
    private readonly deps: Deps,
    private readonly clock: Clock,
    /** Called after a pass that processed rows (the outbox sender is woken). */
    private readonly onProcessed: () => void = () => undefined,
  ) {}

  /**
   * Claim the oldest unfinished row of some user, oldest first; undefined if none is ready. Only each user's
   * oldest row is a candidate (order per user), so one user's long backlog or one leased row holds back that
   * user alone. A row whose attempts were all used up by crashes (lease expired mid-processing) is parked here.
   */
  async claimNext(): Promise<InboxRow | undefined> {
    const now = this.clock.now();
    const m = this.deps.db.manager;
    const heads: { id: number | string }[] = await m
      .createQueryBuilder(InboxRow, 'i')
      .select('MIN(i.id)', 'id')
      .where("i.status IN ('pending', 'processing')")
      .groupBy('i.userid')
      .orderBy('MIN(i.id)', 'ASC')
      .limit(SCAN)
      .getRawMany();
    if (!heads.length) return undefined;
    crashPoint('before-dispatch'); // acknowledged and stored, not yet claimed
    const rows = await m.find(InboxRow, { where: { id: In(heads.map((h) => Number(h.id))) }, order: { id: 'ASC' } });
    for (const row of rows) {
      const leased = row.status === 'processing' && row.leaseUntil && row.leaseUntil > now;
      if (leased || !['pending', 'processing'].includes(row.status)) continue;
      const leaseUntil = new Date(now.getTime() + LEASE_MS);
      if (!(await this.claim(row, leaseUntil))) continue;
      const claimed = { ...row, attempts: row.attempts + 1, leaseUntil };
      if (row.status === 'processing' && row.attempts >= MAX_ATTEMPTS) {
        // The process died during each of its attempts (the lease ran out every time): park it, do not loop.
        await this.park(claimed, now, 'processing interrupted on every attempt (crash while handling this message)');
        continue;
      }
      return claimed;
    }
    return undefined;
  }

  /** Failed for good: visible in /healthz, and the user is told once with the reference (design rule 7). */
  private async park(row: InboxRow, now: Date, message: string, ref = errorRef()): Promise<void> {
    await this.deps.db.tx(async (tm) => {
      await tm.update(
        InboxRow,
        { id: row.id },
        { status: 'failed', error: message.slice(0, 4000), errorRef: ref, leaseUntil: null, processedAt: now },
      );
      await enqueue(tm, now, `in:${row.id}:failed`, { user: row.userid }, { text: `出错了，已记录（编号 ${ref}）` });
    });
  }

  /**
   * Give back a claim that failed because the database was unreachable: that was not an attempt (D77). Guarded on
   * this claim's own lease, so a claim another instance made in the meantime is never undone.
   */
  private async unclaim(row: InboxRow): Promise<void> {
    const claim = { id: row.id, attempts: row.attempts, leases: [row.leaseUntil!] };
    await this.deps.db.tx((tm) => unclaimQueued(tm, InboxRow, 'processing', claim));
  }

  private async claim(row: InboxRow, leaseUntil: Date): Promise<boolean> {
    try {
      return await claimQueued(this.deps.db, InboxRow, row, 'processing', leaseUntil);
    } catch (err) {
      // The claim may have committed with its answer lost to the outage: give it back once the database answers,
      // or the row would sit leased for a minute and come back with an attempt spent (D77).
      if (isDbUnavailable(err)) this.toUnclaim.push({ ...row, attempts: row.attempts + 1, leaseUntil });
      throw err;
    }
  }

  /** Process one row end to end. */
  async process(row: InboxRow): Promise<void> {
    const now = this.clock.now();
    const keyBase = `in:${row.id}`;
    // Media is downloaded before the transaction, so a slow WeCom never holds the write queue (D6).
    const media = await prefetchMedia(this.deps, row);
    const done = (tm: EntityManager, status: 'done' | 'ignored') =>
      tm.update(InboxRow, { id: row.id }, { status, processedAt: now, leaseUntil: null });
    try {
      await this.deps.db.tx(async (tm) => {
        const outcome = await routeEvent(this.deps, tm, now, row, keyBase, media);
        crashPoint('in-command-tx');
        await done(tm, outcome === 'ignored' ? 'ignored' : 'done');
      });
    } catch (err) {
      if (err instanceof UserError) {
        await this.deps.db.tx(async (tm) => {
          const ctx = makeCtx(this.deps, tm, now, { ...systemActor(row.userid), userid: row.userid }, keyBase);
          for (const write of err.keep) await write(tm);
          await ctx.reply(err.message);
          // D13: a request refused because its date is outside the confirmed calendar also alerts G-OFFICE (once a year).
          if (err instanceof CalendarCoverageError)
            await this.deps.coverageAlert(tm, now, err.date, `${row.userid} 的请求`);
          await done(tm, 'done');
        });
        return;
      }
      if (isDbUnavailable(err)) {
        // Not the message's fault: keep the attempt, give the row back as soon as the database answers again.
        this.toUnclaim.push(row);
        throw err;
      }
      const ref = errorRef();
      // inbox.error keeps the scrubbed message and the reference only: the stack and the failing values are in
      // neither the row nor the log (src/logging.ts).
      const message = errorSummary(err);
      this.deps.log.error(
        { errorRef: ref, inboxId: row.id, userid: row.userid, attempt: row.attempts, err },
        'event failed',
      );
      if (row.attempts >= MAX_ATTEMPTS) {
        await this.park(row, now, message, ref);
        return;
      }
      await this.deps.db.tx((tm) =>
        tm.update(
          InboxRow,
          { id: row.id },
          { status: 'pending', error: message.slice(0, 4000), errorRef: ref, leaseUntil: null },
        ),
      );
    }
  }

  /** Process everything ready now (tests and the sandbox call this; the worker loop too). */
  async drain(max = 10_000): Promise<number> {
    // The calendar snapshot is refreshed at most once a minute, so a change made by another instance (or one
    // rolled back after an in-transaction refresh) is picked up quickly.
    const now = this.clock.now().getTime();
    if (now - this.calendarRefreshedAt > 60_000) {
      await this.deps.calendar.refresh(this.deps.db.manager);
      this.calendarRefreshedAt = now;
    }
    while (this.toUnclaim.length) {
      await this.unclaim(this.toUnclaim[0]);
      this.toUnclaim.shift();
    }
    let n = 0;
    for (; n < max && !this.loop?.stopping; n++) {
      const row = await this.claimNext();
      if (!row) break;
      await this.process(row);
    }
    return n;
  }

  start(intervalMs = 200): void {
    this.loop ??= new Loop(
      async () => {
        if ((await this.drain()) > 0) this.onProcessed();
      },
      intervalMs,
      (err) => this.deps.log.error({ err }, 'dispatcher loop error'),
    );
    this.loop.start();
  }

  /** A new inbox row was stored: process it now rather than at the next tick. */
  wake(): void {
    this.loop?.wake();
  }

  /** Graceful stop: no new rows, finish the current one. */
  async stop(): Promise<void> {
    await this.loop?.stop();
  }
}

/** Short id told to the user and logged with the stack. */
function errorRef(): string {
  return randomBytes(3).toString('hex').toUpperCase();
}
