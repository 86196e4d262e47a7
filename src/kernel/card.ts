import type { Role } from '../../entities/person-role';
import type { CardEvent } from '../wecom/inbound';
import type { Ctx } from './ctx';
import { hasRole, rolesLabel } from './permissions';

// Card buttons are routed by their stable key `<verb>:<id>` (D2). The table of verbs (CARD_ACTIONS) is assembled
// in the composition root; these are the contracts its rows and the router share.

/** What a handler needs of the click: the button key, the card's task and its one-use response code (D12). */
export type CardClick = Pick<CardEvent, 'eventKey' | 'taskId' | 'responseCode' | 'selectedItems'>;

/**
 * Who may press a button (design rule 8), declared by each verb and checked by the router before `handle`:
 * anyone holding one of `roles`, or one of the people `holders` names for this record (a step's approvers and
 * their delegates, the 首席代表 of the record's department, the staff member a finding names …).
 */
export type CardGuard =
  { roles: readonly Role[] } | { holders(ctx: Ctx, id: string): Promise<readonly string[]>; describe: string };

export interface CardAction {
  verb: string;
  who: CardGuard;
  handle(ctx: Ctx, id: string, click: CardClick): Promise<void>;
}

/** The router's one check: true when the actor may press `<verb>:<id>`. */
export async function mayPress(ctx: Ctx, guard: CardGuard, id: string): Promise<boolean> {
  if ('roles' in guard) return hasRole(ctx.actor, ...guard.roles);
  return (await guard.holders(ctx, id)).includes(ctx.actor.userid);
}

/** The refusal the router sends, naming who may press it. */
export function guardLabel(guard: CardGuard): string {
  return 'roles' in guard ? rolesLabel(guard.roles) : guard.describe;
}

/**
 * Gets a person's plain text before the command parser (D2: the text after a reject click is the reason). An
 * interceptor consumes only text for a pending state that the same person opened with a click the router
 * authorized, and the decision it records is checked again by the engine that takes it.
 */
export type TextInterceptor = (ctx: Ctx, text: string) => Promise<boolean>;
