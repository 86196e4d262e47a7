import type { EntityManager } from 'typeorm';
import { writeAudit } from './audit';
import type { Deps } from './deps';
import { enqueue } from '../outbox/enqueue';
import type { Actor, Ctx } from './ctx';

/**
 * Build a Ctx for one unit of work. `keyBase` scopes reply dedupe keys (e.g. `in:42` for inbox row 42),
 * so re-processing the same event queues the same keys and nothing twice.
 */
export function makeCtx(deps: Deps, m: EntityManager, now: Date, actor: Actor, keyBase: string): Ctx {
  const replies: string[] = [];
  return {
    keep: [],
    now,
    m,
    actor,
    deps,
    replies,
    async reply(text: string) {
      replies.push(text);
      if (actor.userid.includes(':')) return; // system actors (job:…, cli) have no chat
      await enqueue(m, now, `${keyBase}:r${replies.length}`, { user: actor.userid }, { text });
    },
    send: (to, msg, key) => enqueue(m, now, key, to, msg),
    audit: (action, subjectType, subjectId, detail) =>
      writeAudit(m, now, actor.userid, action, subjectType, subjectId, detail ?? null),
  };
}
