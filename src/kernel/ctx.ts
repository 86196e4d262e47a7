import type { EntityManager } from 'typeorm';
import type { Role } from '../../entities/person-role';
import type { Deps } from './deps';
import type { OutMessage, Recipient } from '../outbox/message';

/** The person (or job) acting. Jobs and the CLI act as a system actor with no roles. */
export interface Actor {
  userid: string;
  name: string;
  departmentCode: string | null;
  windowNumber: string | null;
  roles: Role[];
  flags: string[];
}

/**
 * Everything a command, an approval callback or a job step gets: the clock reading, the open transaction,
 * the actor, the services. Domain code writes records, `audit` and `send` through it — all in one
 * transaction (design rule 2) — and never reads the clock itself (design rule 5).
 */
export interface Ctx {
  readonly now: Date;
  readonly m: EntityManager;
  readonly actor: Actor;
  readonly deps: Deps;
  /** Reply to the actor (direct message). Keys are derived from the event, so a retry adds nothing. */
  reply(text: string): Promise<void>;
  /** Queue a message in the outbox under a unique dedupe key. */
  send(to: Recipient, msg: OutMessage, key: string): Promise<void>;
  /** Append an audit row attributed to the actor. */
  audit(action: string, subjectType: string, subjectId: string, detail?: Record<string, unknown>): Promise<void>;
  /** Writes that must survive a refusal of this unit of work (UserError.keep), e.g. a form link's draft. */
  readonly keep: ((m: EntityManager) => Promise<void>)[];
  /** Replies queued so far (the dispatcher and tests read them). */
  readonly replies: string[];
}

export function systemActor(id: string): Actor {
  return { userid: id, name: id, departmentCode: null, windowNumber: null, roles: [], flags: [] };
}
