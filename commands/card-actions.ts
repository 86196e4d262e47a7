// Card buttons are routed by their stable key `<verb>:<id>` (D2, bolt-js action_id style): this literal
// table maps each verb to its handler. Text interceptors get a person's plain text before the command
// parser (D2: the text after a reject click is the reason).
import type { Ctx } from '../src/bot/context';
import { approvalCardActions, rejectReasonInterceptor } from './approvals';
import { awardCardActions } from './performance';

export interface CardClick {
  eventKey: string;
  taskId: string;
  responseCode: string;
  selectedItems: { questionKey: string; optionIds: string[] }[];
}

export interface CardAction {
  verb: string;
  handle(ctx: Ctx, id: string, click: CardClick): Promise<void>;
}

export const CARD_ACTIONS: CardAction[] = [
  ...approvalCardActions, // approve:<SP号>, reject:<SP号>
  ...awardCardActions, // cancel_award:<id>, keep_award:<id> (PRF-17)
];

/** Returns true when it consumed the text. */
export type TextInterceptor = (ctx: Ctx, text: string) => Promise<boolean>;

export const TEXT_INTERCEPTORS: TextInterceptor[] = [
  rejectReasonInterceptor, // D2
];
