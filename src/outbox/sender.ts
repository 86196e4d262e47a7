import type { Logger } from 'pino';
import { readFile, rm } from 'node:fs/promises';
import { GroupChat } from '../../entities/group-chat';
import { OutboxRow } from '../../entities/outbox';
import { claimQueued, isDbUnavailable, type Db } from '../db';
import { Loop } from '../loop';
import { outboxCounter } from '../metrics';
import { getSetting } from '../settings/settings';
import type { Clock } from '../kernel/time';
import { crashPoint } from '../crash-point';
import { enqueue } from './enqueue';
import { LostAnswers } from './lost-answers';
import { routeGroup, type GroupRoute } from './group-target';
import { pruneCounters, reserve, scopesFor, settle, type Scope } from './rate-limit';
import type { WecomPort } from '../wecom/port';
import { rowContent, sendRow } from './wecom-call';

interface ApiErrorLike {
  errcode?: number;
  retryable?: boolean;
  permanent?: boolean;
  retryAfterMs?: number;
}

/**
 * A claimed row is ours until its lease ends. The lease is renewed before every external call (chat creation,
 * upload, send), and one call — a token refresh, the request, a refresh and the request again after 42001, each
 * within the client's 10 s timeout — takes at most 40 s, so a live sender never loses a row to another instance.
 */
const LEASE_MS = 60_000;

/**
 * Delivers outbox rows (D8, D9, D33, D34). Rows are claimed with a guarded update and a
 * lease, so two instances never send the same row; app messages carry enable_duplicate_check so a resend after a
 * crash between WeCom's 200 and our `sent` mark is dropped by WeCom. The attempt is counted at claim time, so a
 * crash or a failure while recording the outcome still uses it up; a row whose attempts are spent is parked
 * `failed` when it is next claimed (visible in /healthz). Transient errors back off exponentially. Every wait is
 * measured on this sender's own clock (D33).
 */
export class OutboxSender {
  private loop: Loop | undefined;
  /** Writes whose answer an outage swallowed, settled when the database answers again (D232). */
  private readonly lost = new LostAnswers();
  /** Every lease written for a row while this sender holds it (claim, renewals): what a give-back is guarded on. */
  private readonly leases = new Map<number, Date[]>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly wecom: WecomPort,
    private readonly agentId: number,
    private readonly log: Logger,
  ) {}

  private async claim(row: OutboxRow, now: Date): Promise<boolean> {
    const leaseUntil = new Date(now.getTime() + LEASE_MS);
    try {
      return await claimQueued(this.db, OutboxRow, row, 'sending', leaseUntil);
    } catch (err) {
      // D232 (as D90 for the inbox): the claim may have committed with its answer lost; give it back once the
      // database answers, or the row would wait out the lease and come back with an attempt spent (D77).
      if (isDbUnavailable(err))
        this.lost.add({ kind: 'unclaim', id: row.id, attempts: row.attempts + 1, leases: [leaseUntil] });
      throw err;
    }
  }

  /**
   * Keep the claim before an external call (see LEASE_MS). A lease set less than 10 s ago still covers a whole call
   * (≥ 50 s left for ≤ 40 s), so the common case — claim, then send at once — costs no extra transaction.
   */
  private async renew(row: OutboxRow): Promise<void> {
    const now = this.clock.now().getTime();
    if (row.leaseUntil && row.leaseUntil.getTime() - now >= LEASE_MS - 10_000) return;
    const leaseUntil = new Date(now + LEASE_MS);
    this.leases.get(row.id)?.push(leaseUntil); // before the write: its answer may be lost with it committed
    await this.db.tx((m) => m.update(OutboxRow, { id: row.id, status: 'sending' }, { leaseUntil }));
    row.leaseUntil = leaseUntil;
  }

  /** Rows due now: pending ones whose time has come, and `sending` ones whose lease expired (a crash). */
  private async due(now: Date, limit: number): Promise<OutboxRow[]> {
    return this.db.manager
      .createQueryBuilder(OutboxRow, 'o')
      .where('(o.status = :p AND o.nextAttemptAt <= :now) OR (o.status = :s AND o.leaseUntil < :now)', {
        p: 'pending',
        s: 'sending',
        now: now.toISOString(),
      })
      .orderBy('o.nextAttemptAt', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .limit(limit)
      .getMany();
  }

  /** Send everything due now; returns how many rows were handled. Stops between rows when the loop is stopping. */
  async drain(max = 10_000): Promise<number> {
    let handled = 0;
    await this.lost.replay(this.db);
    const maxAttempts = await getSetting(this.db.manager, 'outbox.maxAttempts');
    while (handled < max && !this.loop?.stopping) {
      const now = this.clock.now();
      const rows = await this.due(now, 50);
      if (rows.length === 0) break;
      let progressed = false;
      for (const row of rows) {
        if (this.loop?.stopping) break;
        if (!(await this.claim(row, now))) continue;
        progressed = true;
        handled++;
        const claimed = { ...row, attempts: row.attempts + 1, leaseUntil: new Date(now.getTime() + LEASE_MS) };
        // A row left `sending` by a crash after its last allowed attempt is not tried again (it may be what crashed).
        if (row.status === 'sending' && row.attempts >= maxAttempts)
          await this.park(claimed, 'lease expired after the last attempt (crash while sending)', now);
        else await this.deliver(claimed);
      }
      if (!progressed) break;
    }
    // Housekeeping only: a failure here must not stop delivery.
    if (handled > 0)
      await this.db
        .tx((m) => pruneCounters(m, this.clock.now()))
        .catch((err) => this.log.warn({ err }, 'rate counter prune failed'));
    return handled;
  }

  /** `row.attempts` already counts this attempt (claim). */
  private async deliver(row: OutboxRow): Promise<void> {
    let reserved: number[] = [];
    let sent: { sentAt: Date; response: unknown } | undefined;
    this.leases.set(row.id, [row.leaseUntil!]);
    try {
      const route = row.targetKind === 'group' ? await routeGroup(this.db.manager, row.target) : undefined;
      if (route?.kind === 'missing') throw Object.assign(new Error(`未配置群 ${row.target}`), { permanent: true });
      if (route?.kind === 'chat') {
        await this.renew(row);
        await this.ensureChat(route.group);
      }
      const content = await rowContent(row, route, () => this.upload(row, route));
      const [kind, ids] = rateTarget(row, route);
      const res = await this.db.tx((m) => reserve(m, this.clock.now(), kind, scopesFor(kind, ids), LEASE_MS));
      if ('waitUntil' in res) {
        // Rate limit (D34): wait for the window on our own clock; not an attempt, nothing dropped.
        await this.db.tx((m) =>
          m.update(
            OutboxRow,
            { id: row.id },
            { status: 'pending', nextAttemptAt: res.waitUntil, leaseUntil: null, attempts: row.attempts - 1 },
          ),
        );
        outboxCounter.inc({ outcome: 'rate_limited' });
        return;
      }
      reserved = res.ids;
      await this.renew(row);
      const response = await sendRow(this.wecom, this.agentId, row, route, content);
      crashPoint('after-send');
      const sentAt = this.clock.now();
      sent = { sentAt, response };
      await this.db.tx(async (m) => {
        await settle(m, reserved, sentAt);
        await m.update(
          OutboxRow,
          { id: row.id },
          { status: 'sent', sentAt, leaseUntil: null, response: response as never },
        );
      });
      outboxCounter.inc({ outcome: 'sent' });
      const file = row.body.file as { path?: string; transient?: boolean } | undefined;
      if (file?.transient && file.path) await rm(file.path, { force: true }); // [security] exports deleted after delivery
    } catch (err) {
      if (!isDbUnavailable(err)) {
        await this.failed(row, err as Error & ApiErrorLike, reserved);
        return;
      }
      // D232: the database went away while this row was ours. Not the row's fault and not an attempt: before the
      // send the claim is given back, after WeCom's 200 the sent mark is kept, both as soon as the database answers.
      const held = { id: row.id, attempts: row.attempts, leases: this.leases.get(row.id) ?? [] };
      this.lost.add(sent ? { kind: 'sent', ...held, ...sent, reserved } : { kind: 'unclaim', ...held });
      throw err;
    } finally {
      this.leases.delete(row.id);
    }
  }

  /**
   * Upload a file or an app image (media/upload type=image, D190) once and keep its media_id on the row, so a retry
   * sends it without uploading again. Robot images are never uploaded: they travel inline (wecom-call.ts).
   */
  private async upload(row: OutboxRow, route: GroupRoute | undefined): Promise<string> {
    const image = row.msgType === 'image';
    const f = (image ? row.body.image : row.body.file) as { path: string; filename: string };
    const buf = await readFile(f.path);
    await this.renew(row);
    const mediaId =
      route?.kind === 'robot'
        ? await this.wecom.robotUploadMedia(route.webhook, f.filename, buf)
        : await this.wecom.uploadMedia(image ? 'image' : 'file', f.filename, buf);
    await this.db.tx((m) => m.update(OutboxRow, { id: row.id }, { mediaId }));
    return mediaId;
  }

  private async failed(row: OutboxRow, err: Error & ApiErrorLike, reserved: number[]): Promise<void> {
    const now = this.clock.now();
    // A request that failed may still have reached WeCom (a timeout): it keeps counting, as arrived by now.
    if (reserved.length) await this.db.tx((m) => settle(m, reserved, now)).catch(() => undefined);
    const attempts = row.attempts;
    const max = await getSetting(this.db.manager, 'outbox.maxAttempts');
    const permanent = err.permanent === true || (err.retryable === false && err.errcode !== undefined);
    const detail = `${err.errcode ?? ''} ${err.message}`.trim().slice(0, 1000);
    if (permanent || attempts >= max) {
      await this.park(row, detail, now);
      return;
    }
    // Exponential backoff: 5 s, 10 s, 20 s … capped at 30 min; WeCom's 45009 asks for ≥ 60 s.
    const backoff = Math.max(err.retryAfterMs ?? 0, Math.min(5_000 * 2 ** (attempts - 1), 30 * 60_000));
    await this.db.tx((m) =>
      m.update(
        OutboxRow,
        { id: row.id },
        { status: 'pending', lastError: detail, leaseUntil: null, nextAttemptAt: new Date(now.getTime() + backoff) },
      ),
    );
    outboxCounter.inc({ outcome: 'retry' });
    this.log.warn({ outboxId: row.id, attempts, backoffMs: backoff, error: detail }, 'outbox send failed, will retry');
  }

  /** Failed for good (visible in /healthz); a card update falls back to its text (D12). */
  private async park(row: OutboxRow, detail: string, now: Date): Promise<void> {
    const fallback = row.body.fallbackText;
    await this.db.tx(async (m) => {
      await m.update(OutboxRow, { id: row.id }, { status: 'failed', lastError: detail, leaseUntil: null });
      if (row.msgType === 'update_card' && typeof fallback === 'string') {
        // D12: no valid response code left → a short text instead of the card update.
        const userids = (row.body.updateCard as { userids: string[] }).userids;
        await enqueue(m, now, `${row.dedupeKey}:fallback`, { user: userids }, { text: fallback });
      }
    });
    this.log.error(
      { outboxId: row.id, dedupeKey: row.dedupeKey, target: row.target, error: detail },
      'outbox message failed permanently',
    );
    outboxCounter.inc({ outcome: 'failed' });
  }

  /** A chat known from the directory but not yet on WeCom is created with its members. */
  private async ensureChat(group: GroupChat): Promise<void> {
    if (group.created) return;
    try {
      await this.wecom.getAppChat(group.chatid!);
    } catch (err) {
      if ((err as ApiErrorLike).errcode !== 86003) throw err;
      await this.wecom.createAppChat({
        name: group.name.slice(0, 50),
        userlist: group.members ?? [],
        chatid: group.chatid!,
      });
    }
    await this.db.tx((m) => m.update(GroupChat, { key: group.key }, { created: true }));
  }

  start(intervalMs = 1000): void {
    this.loop ??= new Loop(
      () => this.drain(),
      intervalMs,
      (err) => this.log.error({ err }, 'outbox loop error'),
    );
    this.loop.start();
  }

  wake(): void {
    this.loop?.wake();
  }

  async stop(): Promise<void> {
    await this.loop?.stop();
  }
}

/** Which windows a row counts against (D9): each recipient of an app message or card update, or the chat/robot. */
function rateTarget(row: OutboxRow, route: GroupRoute | undefined): readonly [Scope, string[]] {
  if (row.msgType === 'update_card') return ['user', (row.body.updateCard as { userids: string[] }).userids];
  if (!route) return ['user', row.target.split('|')];
  if (route.kind === 'chat') return ['chat', [route.chatid]];
  if (route.kind === 'robot') return ['robot', [route.webhook.replace(/^.*key=/, '')]];
  if (route.kind === 'dm') return ['user', route.userids];
  return ['user', []];
}
