import type { Logger } from 'pino';
import { readFile, rm } from 'node:fs/promises';
import { GroupChat } from '../../entities/group-chat';
import { OutboxRow } from '../../entities/outbox';
import { affected, type Db } from '../db';
import { Loop } from '../loop';
import { outboxCounter } from '../metrics';
import { getSetting } from '../settings/settings';
import type { Clock } from '../kernel/time';
import { enqueue } from './enqueue';
import type { TemplateCard } from './message';
import type { WecomPort } from '../wecom/port';
import { routeGroup, type GroupRoute } from './group-target';
import { limitsFor, pruneCounters, reserve } from './rate-limit';

interface ApiErrorLike {
  errcode?: number;
  retryable?: boolean;
  permanent?: boolean;
  retryAfterMs?: number;
}

const LEASE_MS = 60_000;

/**
 * Delivers outbox rows (D8, D9). Rows are claimed with a guarded update and a lease,
 * so two instances never send the same row; app messages carry enable_duplicate_check so a resend after a
 * crash between WeCom's 200 and our `sent` mark is dropped by WeCom. Transient errors back off
 * exponentially; after `outbox.maxAttempts` a row is failed permanently (visible in /healthz).
 */
export class OutboxSender {
  private loop: Loop | undefined;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly wecom: WecomPort,
    private readonly agentId: number,
    private readonly log: Logger,
  ) {}

  private async claim(row: OutboxRow, now: Date): Promise<boolean> {
    const res = await this.db.tx((m) =>
      m
        .createQueryBuilder()
        .update(OutboxRow)
        .set({ status: 'sending', leaseUntil: new Date(now.getTime() + LEASE_MS) })
        .where('id = :id AND status = :status AND attempts = :attempts', {
          id: row.id,
          status: row.status,
          attempts: row.attempts,
        })
        .execute(),
    );
    return affected(res) === 1;
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

  /** Send everything due now; returns how many rows were handled. */
  async drain(max = 10_000): Promise<number> {
    let handled = 0;
    while (handled < max) {
      const now = this.clock.now();
      const rows = await this.due(now, 50);
      if (rows.length === 0) break;
      let progressed = false;
      for (const row of rows) {
        if (!(await this.claim(row, now))) continue;
        progressed = true;
        handled++;
        await this.deliver(row);
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

  private async deliver(row: OutboxRow): Promise<void> {
    const now = this.clock.now();
    try {
      const route = row.targetKind === 'group' ? await routeGroup(this.db.manager, row.target) : undefined;
      if (route?.kind === 'missing') throw Object.assign(new Error(`未配置群 ${row.target}`), { permanent: true });
      const [kind, ids] = route ? routeLimitTarget(route) : (['user', row.target.split('|')] as const);
      const wait = await this.db.tx(async (m) => reserve(m, now, limitsFor(kind, ids)));
      if (wait) {
        // Rate limit (D9): wait for the window; not an attempt, nothing dropped.
        await this.db.tx((m) =>
          m.update(OutboxRow, { id: row.id }, { status: 'pending', nextAttemptAt: wait, leaseUntil: null }),
        );
        outboxCounter.inc({ outcome: 'rate_limited' });
        return;
      }
      if (route?.kind === 'chat') await this.ensureChat(route.group);
      const response = await this.send(row, route);
      await this.db.tx((m) =>
        m.update(
          OutboxRow,
          { id: row.id },
          {
            status: 'sent',
            sentAt: this.clock.now(),
            leaseUntil: null,
            response: response as never,
            attempts: row.attempts + 1,
          },
        ),
      );
      outboxCounter.inc({ outcome: 'sent' });
      const file = row.body.file as { path?: string; transient?: boolean } | undefined;
      if (file?.transient && file.path) await rm(file.path, { force: true }); // [security] exports deleted after delivery
    } catch (err) {
      await this.failed(row, err as Error & ApiErrorLike);
    }
  }

  private async failed(row: OutboxRow, err: Error & ApiErrorLike): Promise<void> {
    const now = this.clock.now();
    const attempts = row.attempts + 1;
    const max = await getSetting(this.db.manager, 'outbox.maxAttempts');
    const permanent = err.permanent === true || (err.retryable === false && err.errcode !== undefined);
    const detail = `${err.errcode ?? ''} ${err.message}`.trim().slice(0, 1000);
    if (permanent || attempts >= max) {
      await this.db.tx((m) =>
        m.update(OutboxRow, { id: row.id }, { status: 'failed', attempts, lastError: detail, leaseUntil: null }),
      );
      this.log.error(
        { outboxId: row.id, dedupeKey: row.dedupeKey, target: row.target, error: detail },
        'outbox message failed permanently',
      );
      outboxCounter.inc({ outcome: 'failed' });
      const fallback = row.body.fallbackText;
      if (row.msgType === 'update_card' && typeof fallback === 'string') {
        // D12: no valid response code left → a short text instead of the card update.
        const userids = (row.body.updateCard as { userids: string[] }).userids;
        await this.db.tx((m) => enqueue(m, now, `${row.dedupeKey}:fallback`, { user: userids }, { text: fallback }));
      }
      return;
    }
    // Exponential backoff: 5 s, 10 s, 20 s … capped at 30 min; WeCom's 45009 asks for ≥ 60 s.
    const backoff = Math.max(err.retryAfterMs ?? 0, Math.min(5_000 * 2 ** (attempts - 1), 30 * 60_000));
    await this.db.tx((m) =>
      m.update(
        OutboxRow,
        { id: row.id },
        {
          status: 'pending',
          attempts,
          lastError: detail,
          leaseUntil: null,
          nextAttemptAt: new Date(now.getTime() + backoff),
        },
      ),
    );
    outboxCounter.inc({ outcome: 'retry' });
    this.log.warn({ outboxId: row.id, attempts, backoffMs: backoff, error: detail }, 'outbox send failed, will retry');
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

  private async send(row: OutboxRow, route: GroupRoute | undefined): Promise<Record<string, unknown>> {
    const b = row.body;
    if (row.msgType === 'update_card') {
      const u = b.updateCard as { responseCode: string; userids: string[]; replaceName?: string; card?: TemplateCard };
      return this.wecom.updateTemplateCard({
        userids: u.userids,
        agentid: this.agentId,
        response_code: u.responseCode,
        ...(u.card ? { template_card: u.card } : { button: { replace_name: u.replaceName ?? '已处理' } }),
      });
    }
    const content = await this.content(row, route);
    if (!route || route.kind === 'dm') {
      const touser = route ? route.userids.join('|') : row.target;
      if (!touser) return { skipped: 'no members' };
      // D8: WeCom drops an identical request within the interval, so a resend of this row after a crash between
      // WeCom's 200 and our `sent` mark is not delivered twice. The interval is derived from the row id: the same
      // row always sends the same JSON, while two rows with the same text (a person asking 待办 twice) differ
      // and are both delivered. Lease (60 s) < interval (≥ 900 s).
      const duplicateCheckInterval = 1800 - (row.id % 900);
      return this.wecom.sendMessage({
        touser,
        agentid: this.agentId,
        ...content,
        enable_duplicate_check: 1,
        duplicate_check_interval: duplicateCheckInterval,
      });
    }
    if (route.kind === 'chat') return this.wecom.sendAppChat({ chatid: route.chatid, ...content, safe: 0 });
    if (route.kind === 'robot') return this.wecom.robotSend(route.webhook, content);
    return {};
  }

  /** The msgtype + body for the channel; cards cannot go to app chats or robots (wecom.md §3.6) → markdown. */
  private async content(row: OutboxRow, route: GroupRoute | undefined): Promise<Record<string, unknown>> {
    const b = row.body;
    const group = route && route.kind !== 'dm';
    switch (row.msgType) {
      case 'text':
        return { msgtype: 'text', text: { content: b.text } };
      case 'markdown':
        return { msgtype: 'markdown', markdown: { content: b.markdown } };
      case 'template_card':
        if (group) return { msgtype: 'markdown', markdown: { content: cardAsMarkdown(b.card as TemplateCard) } };
        return { msgtype: 'template_card', template_card: b.card };
      case 'file': {
        const f = b.file as { path: string; filename: string };
        const buf = await readFile(f.path);
        const mediaId =
          route?.kind === 'robot'
            ? await this.wecom.robotUploadMedia(route.webhook, f.filename, buf)
            : await this.wecom.uploadMedia('file', f.filename, buf);
        return { msgtype: 'file', file: { media_id: mediaId } };
      }
      default:
        throw Object.assign(new Error(`unknown msgType ${row.msgType}`), { permanent: true });
    }
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

function routeLimitTarget(route: GroupRoute): readonly ['user' | 'chat' | 'robot', string[]] {
  if (route.kind === 'chat') return ['chat', [route.chatid]];
  if (route.kind === 'robot') return ['robot', [route.webhook.replace(/^.*key=/, '')]];
  if (route.kind === 'dm') return ['user', route.userids];
  return ['user', []];
}

function cardAsMarkdown(card: TemplateCard): string {
  const title = (card.main_title as { title?: string } | undefined)?.title ?? '';
  const fields = ((card.horizontal_content_list as { keyname: string; value: string }[] | undefined) ?? [])
    .map((f) => `> ${f.keyname}：${f.value}`)
    .join('\n');
  return [`**${title}**`, (card.sub_title_text as string | undefined) ?? '', fields].filter(Boolean).join('\n');
}
