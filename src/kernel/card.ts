import type { CardEvent } from '../wecom/inbound';
import type { Ctx } from './ctx';

// Card buttons are routed by their stable key `<verb>:<id>` (D2, bolt-js action_id style). The table of verbs
// (CARD_ACTIONS) is assembled in the composition root; these are the contracts its rows and the router share.

/** What a handler needs of the click: the button key, the card's task and its one-use response code (D12). */
export type CardClick = Pick<CardEvent, 'eventKey' | 'taskId' | 'responseCode' | 'selectedItems'>;

export interface CardAction {
  verb: string;
  handle(ctx: Ctx, id: string, click: CardClick): Promise<void>;
}

/** Gets a person's plain text before the command parser (D2: the text after a reject click is the reason). */
export type TextInterceptor = (ctx: Ctx, text: string) => Promise<boolean>;
