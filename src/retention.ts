import { ChatState } from '../entities/chat-state';
import { InboxRow } from '../entities/inbox';
import { OutboxRow } from '../entities/outbox';
import { affected } from './db';
import type { Ctx } from './kernel/ctx';
import { getSetting } from './settings/settings';

// Retention of transport copies (D64; REC-10 stays OPEN for the records themselves). An inbox
// payload is the decrypted message as it arrived, an outbox body the message as it left: the records they
// produced hold what must be kept. After `retention.transportDays` the content is replaced by a marker; the
// dedupe keys, statuses and times stay, so a late redelivery of an old MsgId is still recognised as a duplicate
// (and the callback's timestamp window, `callback.maxSkewSeconds`, refuses anything that old anyway).

export const REDACTED = { redacted: true } as const;
const DAY_MS = 86_400_000;

export interface RetentionCounts {
  inbox: number;
  outbox: number;
  drafts: number;
}

/** Redact transport copies older than the setting and delete expired H5 drafts and chat states; audited. */
export async function redactTransportCopies(ctx: Ctx): Promise<RetentionCounts> {
  const days = await getSetting(ctx.m, 'retention.transportDays');
  const cutoff = new Date(ctx.now.getTime() - days * DAY_MS).toISOString();
  const marker = JSON.stringify(REDACTED);
  // Finished rows only: a pending or in-flight row is still needed to do its work.
  const inbox = await ctx.m
    .createQueryBuilder()
    .update(InboxRow)
    .set({ payload: REDACTED, error: null })
    .where('receivedAt < :cutoff AND status IN (:...done) AND payload <> :marker', {
      cutoff,
      done: ['done', 'ignored', 'failed'],
      marker,
    })
    .execute();
  const outbox = await ctx.m
    .createQueryBuilder()
    .update(OutboxRow)
    .set({ body: REDACTED, response: null, lastError: null })
    .where('createdAt < :cutoff AND status IN (:...done) AND body <> :marker', {
      cutoff,
      done: ['sent', 'failed'],
      marker,
    })
    .execute();
  // H5 drafts (prefilled names, phones) and other short-lived chat states past their expiry.
  const drafts = await ctx.m
    .createQueryBuilder()
    .delete()
    .from(ChatState)
    .where('expiresAt < :now', { now: ctx.now.toISOString() })
    .execute();
  const counts = { inbox: affected(inbox), outbox: affected(outbox), drafts: affected(drafts) };
  if (counts.inbox + counts.outbox + counts.drafts > 0)
    await ctx.audit('retention.redact', 'transport', cutoff.slice(0, 10), { days, ...counts });
  return counts;
}
