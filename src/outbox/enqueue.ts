import type { EntityManager } from 'typeorm';
import { OutboxRow } from '../../entities/outbox';
import { insertRows } from '../db';
import { type OutMessage, type Recipient, msgTypeOf } from './message';

// WeCom text and markdown bodies are limited to 2048 bytes (WeCom doc 90236); longer text is split on
// line boundaries into numbered parts so nothing is silently truncated.
const MAX_BYTES = 2000;

/**
 * D33: a message is due as soon as it is committed, whatever instant the code that wrote it believed it was
 * (`job run --at <future>`, a test clock). The sender compares due times with its own clock, so a fresh row
 * carries the earliest instant there is; only backoff and rate-limit waits store a real later time.
 */
export const DUE_ON_COMMIT = new Date(0);

export function splitText(content: string, maxBytes = MAX_BYTES): string[] {
  if (Buffer.byteLength(content) <= maxBytes) return [content];
  const parts: string[] = [];
  let current = '';
  for (const line of content.split('\n')) {
    const candidate = current ? `${current}\n${line}` : line;
    if (Buffer.byteLength(candidate) <= maxBytes) {
      current = candidate;
      continue;
    }
    if (current) parts.push(current);
    // A single over-long line is cut by characters.
    let rest = line;
    while (Buffer.byteLength(rest) > maxBytes) {
      let cut = rest.length;
      while (Buffer.byteLength(rest.slice(0, cut)) > maxBytes) cut = Math.floor(cut * 0.9);
      parts.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    current = rest;
  }
  if (current) parts.push(current);
  return parts;
}

/**
 * Queue a message inside the caller's transaction (design rule 2). The dedupe key is unique: queueing the
 * same key twice (a re-run job, a retried event) keeps the first row and adds nothing.
 */
export async function enqueue(m: EntityManager, now: Date, key: string, to: Recipient, msg: OutMessage): Promise<void> {
  const bodies: OutMessage[] =
    'text' in msg
      ? splitText(msg.text).map((text) => ({ text }))
      : 'markdown' in msg
        ? splitText(msg.markdown).map((markdown) => ({ markdown }))
        : [msg];
  const targetKind = 'group' in to ? 'group' : 'user';
  const target = 'group' in to ? to.group : ([] as string[]).concat(to.user).join('|');
  if (!target) return;
  const rows = bodies.map((body, i): Partial<OutboxRow> => ({
    dedupeKey: (bodies.length > 1 ? `${key}#${i + 1}` : key).slice(0, 191),
    targetKind,
    target,
    msgType: msgTypeOf(body),
    body: body,
    status: 'pending',
    attempts: 0,
    // Parts share one due time and keep their order by id (the sender orders by nextAttemptAt, id).
    nextAttemptAt: DUE_ON_COMMIT,
    leaseUntil: null,
    lastError: null,
    response: null,
    createdAt: now,
    sentAt: null,
  }));
  await insertRows(m, OutboxRow, rows, { orIgnore: true });
}
