import { LostItem, type LostClaim } from '../../../entities/lost-item';
import { openAttachmentSlot, type AttachmentHook } from '../../kernel/attachments';
import type { Ctx } from '../../kernel/ctx';
import { ruleRefusal, UserError } from '../../kernel/errors';
import { localDate } from '../../kernel/time';
import { idCardProblem, ID_TYPES, normaliseIdType } from './id-number';
import { type ClaimMethod, CLAIM_METHODS, DISPOSAL_LABEL, SIGNATURE, ST, SUBJECT } from './model';
import { idNumberFor } from './privacy';
import { changeItem, loadOpenItem } from './store';

// 认领 (000 遗失物品 三(一)–(三); LST-08, -09, -10, MAIL-08). The ID is checked and recorded first; the item is
// released only when the claimant's signature photo arrives through the attachment slot (the hook below) —
// "需认领人在《市民遗失物品登记表》上签字确认后，方可返还". No photo within 10 minutes: the item stays open.

const SLOT_MINUTES = 10;

export interface ClaimArgs {
  方式: ClaimMethod;
  证件?: string;
  号码?: string;
  姓名?: string;
  电话?: string;
  代领人?: string;
  同意?: string;
  地址?: string;
}

export async function startClaim(ctx: Ctx, ref: string, a: ClaimArgs): Promise<string> {
  const item = await loadOpenItem(ctx, ref);
  const cite = '000 遗失物品 三(一)';
  if (!a.证件?.trim() || !a.号码?.trim())
    throw ruleRefusal(
      'LST-08',
      cite,
      `认领需出示有效身份证件：请写明 证件=（${ID_TYPES.slice(0, 3).join('/')}…）和 号码=，未认领。`,
    );
  const idType = normaliseIdType(a.证件);
  if (!idType) throw new UserError(`证件“${a.证件}”无效，可选：${ID_TYPES.join('、')}。`);
  const idNumber = a.号码.trim().toUpperCase();
  if (idType === '身份证') {
    const problem = idCardProblem(idNumber);
    if (problem) throw ruleRefusal('LST-08', cite, `${problem}（号码 ${idNumberFor(ctx.actor, idNumber)}），未认领。`);
  }
  // LST-09 (000 遗失物品 三(二)): a proxy needs the owner's authorisation; mail needs consent and the owner pays.
  if (a.方式 === '委托' && (!a.代领人?.trim() || !a.同意?.trim()))
    throw ruleRefusal(
      'LST-09',
      '000 遗失物品 三(二)',
      '委托代领须写明 代领人= 和 同意=（失主如何授权，例如 微信核实身份并授权），证件为代领人的证件。',
    );
  if (a.方式 === '邮寄' && (!a.地址?.trim() || !a.同意?.trim()))
    throw ruleRefusal(
      'LST-09',
      '000 遗失物品 三(二)',
      '邮寄须写明 地址= 和 同意=（失主同意自费邮寄的方式，例如 微信确认）。',
    );
  const claim: LostClaim = {
    method: a.方式,
    name: a.姓名?.trim() || null,
    idType,
    idNumber,
    phone: a.电话?.trim() || null,
    proxy: a.方式 === '委托' ? a.代领人!.trim() : null,
    consent: a.方式 === '本人' ? null : a.同意!.trim(),
    address: a.方式 === '邮寄' ? a.地址!.trim() : null,
    by: ctx.actor.userid,
    at: ctx.now.toISOString(),
    until: new Date(ctx.now.getTime() + SLOT_MINUTES * 60_000).toISOString(),
    signatureId: null,
  };
  await changeItem(ctx, item, '认领', { claim }, { method: a.方式, idType, pendingSignature: true });
  await openAttachmentSlot(ctx, SUBJECT, item.no, SIGNATURE);
  const mail =
    a.方式 === '邮寄' ? '\n邮寄费用由失主自行承担，不属于政务专递免费邮寄（rule MAIL-08），不生成邮寄台账记录。' : '';
  return `📝 ${item.no} 认领待签字：${DISPOSAL_LABEL[a.方式]}，${idType} ${idNumberFor(ctx.actor, idNumber)}\n请在${SLOT_MINUTES}分钟内发送认领人在登记表上签字的照片（rule LST-08），收到后放行并注销；逾时未收到则不放行，物品仍在库。${mail}`;
}

/**
 * After-attach hook (src/kernel/attachments.ts): the signature photo of a pending claim releases the item —
 * 已认领, then 注销 right away (LST-10 "及时对已领取的遗失物品进行注销记录"), two versions.
 */
export const claimSignatureHook: AttachmentHook = {
  ownerType: SUBJECT,
  purpose: SIGNATURE,
  async afterAttach(ctx, ownerId, attachment) {
    const item = await ctx.m.findOne(LostItem, { where: { no: ownerId } });
    if (!item?.claim || item.claim.signatureId !== null || ![ST.held, ST.announced].includes(item.status as never))
      return;
    if (new Date(item.claim.until) < ctx.now) {
      await ctx.reply(`${item.no} 认领已超过10分钟未收到签字，未放行；请重新发送 失物 认领。`);
      return;
    }
    const claim = { ...item.claim, signatureId: attachment.id };
    const claimed = await changeItem(ctx, item, '签字', { claim, status: ST.claimed }, { method: claim.method });
    const today = localDate(ctx.now);
    await changeItem(ctx, claimed, '注销', {
      status: ST.cancelled,
      cancelledDate: today,
      cancelledBy: ctx.actor.userid,
    });
    await ctx.reply(
      `✅ ${item.no} 已认领并注销（${DISPOSAL_LABEL[claim.method]}，${claim.idType} ${idNumberFor(ctx.actor, claim.idNumber)}）`,
    );
  },
};

export const claimMethodList = CLAIM_METHODS.join('|');
