// Card buttons are routed by their stable key `<verb>:<id>` (D2, bolt-js action_id style): this literal
// table maps each verb to its handler. Text interceptors get a person's plain text before the command
// parser (D2: the text after a reject click is the reason).
import type { CardAction, TextInterceptor } from '../src/kernel/card';
import type { Ctx } from '../src/kernel/ctx';
import { complaintAckers } from '../src/domain/complaints/referral';
import { findingAckers } from '../src/domain/inspections/disputes';
import { approvalCardActions, rejectReasonInterceptor } from './approvals';
import { complaintAck } from './complaints-queries';
import { awardCardActions } from './performance';
import { windowCardActions } from './window-lifecycle';
import { disputeReasonInterceptor, findingAck, supervisionCardActions } from './supervision-cards';

/**
 * `ack:<record number>` (已收到 / 确认) is shared by several domains: each handles its own number prefix —
 * TS… complaints (CMP-11/12/13); add yours here (e.g. WT… findings) rather than a second `ack` verb.
 */
export const ACK_HANDLERS: {
  prefix: RegExp;
  holders(ctx: Ctx, id: string): Promise<readonly string[]>;
  handle: CardAction['handle'];
}[] = [
  { prefix: /^TS\d/i, holders: complaintAckers, handle: complaintAck }, // CMP-11 处理意见 received
  { prefix: /^WT\d/i, holders: findingAckers, handle: findingAck }, // INS-09 finding confirmed by the 首席代表
];

const ackAction: CardAction = {
  verb: 'ack',
  who: {
    holders: async (ctx, id) => (await ACK_HANDLERS.find((x) => x.prefix.test(id))?.holders(ctx, id)) ?? [],
    describe: '相关部门首席代表',
  },
  async handle(ctx, id, click) {
    const h = ACK_HANDLERS.find((x) => x.prefix.test(id));
    if (h) await h.handle(ctx, id, click);
    else await ctx.reply('该按钮已失效，请发送“待办”查看需要处理的事项。');
  },
};

export const CARD_ACTIONS: CardAction[] = [
  ...windowCardActions, // reclaim:<GB号>, keep:<GB号> (WIN-08), ack_resume:<GB号> (WIN-11)
  ...approvalCardActions, // approve:<SP号>, reject:<SP号>
  ...awardCardActions, // cancel_award:<id>, keep_award:<id> (PRF-17)
  ackAction, // ack:<TS号|…> by number prefix (ACK_HANDLERS)
  ...supervisionCardActions, // dispute:/uphold:/withdraw:<WT号> (INS-09), edit:<SP号> (口头通报, BRF-03)
];

export const TEXT_INTERCEPTORS: TextInterceptor[] = [
  rejectReasonInterceptor, // D2
  disputeReasonInterceptor, // INS-09: the text after a dispute: click is the reason
];
