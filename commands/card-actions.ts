// Card buttons are routed by their stable key `<verb>:<id>` (D2, bolt-js action_id style): this literal
// table maps each verb to its handler. Text interceptors get a person's plain text before the command
// parser (D2: the text after a reject click is the reason).
import type { CardAction, TextInterceptor } from '../src/kernel/card';
import type { Ctx } from '../src/kernel/ctx';
import { complaintAckers } from '../src/domain/complaints/referral';
import { expertAck, expertAckers } from '../src/domain/consult/expert';
import { findingAckers } from '../src/domain/inspections/disputes';
import { approvalCardActions, rejectReasonInterceptor } from './approvals';
import { complaintAck } from './complaints-queries';
import { absenceConfirm } from './presence-absence';
import { absenceConfirmers } from '../src/domain/presence/guide-absence';
import { awardCardActions } from './performance';
import { providerCardActions } from './provider';
import { ackGround, groundAckers } from '../src/domain/provider/termination';
import { ackCover, coverAckers } from '../src/domain/staffing/cover';
import { offboardConfirm, offboardConfirmers } from './staffing-offboard';
import { windowCardActions } from './window-lifecycle';
import { disputeReasonInterceptor, findingAck, supervisionCardActions } from './supervision-cards';

/** A card verb shared by several domains, each handling its own record-number prefix. */
interface PrefixHandler {
  prefix: RegExp;
  holders(ctx: Ctx, id: string): Promise<readonly string[]>;
  handle: CardAction['handle'];
}

/** One verb routed by number prefix, so domains add a row instead of a second verb. */
function prefixAction(verb: string, describe: string, handlers: readonly PrefixHandler[]): CardAction {
  const find = (id: string) => handlers.find((x) => x.prefix.test(id));
  return {
    verb,
    who: { holders: async (ctx, id) => (await find(id)?.holders(ctx, id)) ?? [], describe },
    async handle(ctx, id, click) {
      const h = find(id);
      if (h) await h.handle(ctx, id, click);
      else await ctx.reply('该按钮已失效，请发送“待办”查看需要处理的事项。');
    },
  };
}

/**
 * `ack:<record number>` (已收到 / 确认) is shared by several domains: each handles its own number prefix —
 * TS… complaints (CMP-11/12/13); add yours here (e.g. WT… findings) rather than a second `ack` verb.
 */
export const ACK_HANDLERS: PrefixHandler[] = [
  { prefix: /^TS\d/i, holders: complaintAckers, handle: complaintAck }, // CMP-11 处理意见 received
  { prefix: /^WT\d/i, holders: findingAckers, handle: findingAck }, // INS-09 finding confirmed by the 首席代表
  { prefix: /^ZX\d/i, holders: expertAckers, handle: expertAck }, // CAS-20 综窗 expert request answered
  { prefix: /^ZZ\d/i, holders: groundAckers, handle: ackGround }, // PRF-07 termination ground read by the 中心领导
  { prefix: /^DG\d/i, holders: coverAckers, handle: ackCover }, // STF-06 顶岗 acknowledged by 大厅管理室 (D178)
];

/**
 * `confirm:<record number>` (本人确认): a person a record names confirms it before it goes on — the leaver's
 * own signature on a 离岗 request (STF), the replacement of a guide's 暂离 (ATT-04). One row per prefix.
 */
export const CONFIRM_HANDLERS: PrefixHandler[] = [
  { prefix: /^ZL\d/i, holders: absenceConfirmers, handle: absenceConfirm }, // ATT-04 the replacement takes over
  { prefix: /^LG\d/i, holders: offboardConfirmers, handle: offboardConfirm }, // STF-07 离岗原因 本人签字
];

export const CARD_ACTIONS: CardAction[] = [
  ...windowCardActions, // reclaim:<GB号>, keep:<GB号> (WIN-08), ack_resume:<GB号> (WIN-11)
  ...approvalCardActions, // approve:<SP号>, reject:<SP号>
  ...awardCardActions, // cancel_award:<id>, keep_award:<id> (PRF-17)
  ...providerCardActions, // score_uphold:/score_revise:<月份> (PRF-06)
  prefixAction('ack', '相关部门首席代表', ACK_HANDLERS), // ack:<TS号|…> by number prefix
  prefixAction('confirm', '记录所列本人', CONFIRM_HANDLERS), // confirm:<号> by number prefix
  ...supervisionCardActions, // dispute:/uphold:/withdraw:<WT号> (INS-09), edit:<SP号> (口头通报, BRF-03)
];

export const TEXT_INTERCEPTORS: TextInterceptor[] = [
  rejectReasonInterceptor, // D2
  disputeReasonInterceptor, // INS-09: the text after a dispute: click is the reason
];
