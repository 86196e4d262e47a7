import { In } from 'typeorm';
import { ServiceCase } from '../../../entities/case';
import { MailItem } from '../../../entities/mail-item';
import { openAttachmentSlot, type AttachmentHook } from '../../kernel/attachments';
import type { Ctx } from '../../kernel/ctx';
import { findPerson, personName } from '../../kernel/directory';
import { ruleRefusal, UserError } from '../../kernel/errors';
import { maskName, seesPersonalData } from '../../kernel/mask';
import { localTime } from '../../kernel/time';
import { DIRECTION, findCase, loadMail, MAIL_SUBJECT, MST, RECEIPT, shortYj, TRACKING_PHONE } from './model';

// 专递 转交 / 发出 / 查询 (000 政务专递 三, 四(一); MAIL-03…05, MAIL-07): the hand-over chain, the outbound leg
// closed only by its 快递存单 photo (D125), and the tracking answer for the applicant.

/** 专递 转交 <YJ号> 接收人=@…: one more link of the chain (MAIL-07); the receiver is told. */
export async function handOver(ctx: Ctx, ref: string, toRef: string): Promise<string> {
  const mail = await loadMail(ctx, ref);
  if (mail.status === MST.sent) throw new UserError(`${mail.no} 已寄出，不能再转交。`);
  const to = await findPerson(ctx.m, toRef);
  if (to.userid === ctx.actor.userid) throw new UserError('接收人不能是自己。');
  const at = ctx.now.toISOString();
  const handovers = [...mail.handovers, { at, from: ctx.actor.userid, to: to.userid, window: to.windowNumber }];
  const status = mail.direction === DIRECTION.in ? MST.passed : mail.status;
  await ctx.m.update(MailItem, { id: mail.id }, { handovers, status, updatedAt: ctx.now });
  await ctx.audit('mail.handover', MAIL_SUBJECT, mail.no, { from: ctx.actor.userid, to: to.userid });
  const short = shortYj(mail.no, ctx.now);
  const where = to.windowNumber ? `（${to.windowNumber}号窗）` : '';
  await ctx.send(
    { user: to.userid },
    {
      text: `📦 ${short} ${mail.direction}材料（${mail.caseNo} ${mail.itemName ?? ''}）由 ${ctx.actor.name} 转交给你，请当面核对签收。`,
    },
    `mail:${mail.no}:handover:${handovers.length}`,
  );
  return `✅ ${short} ${localTime(ctx.now)} 交 ${to.name}${where}｜第${handovers.length}次交接`;
}

/** 专递 发出 <YJ号> 单号=… [短信=是]: the result is mailed; the entry closes when the 快递存单 photo arrives. */
export async function dispatch(ctx: Ctx, ref: string, ems: string | undefined, sms: boolean): Promise<string> {
  const mail = await loadMail(ctx, ref);
  if (mail.direction !== DIRECTION.out)
    throw new UserError(`${mail.no} 是寄入材料，不能发出；结果邮寄请先 专递 寄出 <AJ号> …`);
  if (mail.status === MST.sent) throw new UserError(`${mail.no} 已寄出并已存快递存单。`);
  const c = await ctx.m.findOne(ServiceCase, { where: { no: mail.caseNo } });
  if (c && !c.finishedAt)
    throw ruleRefusal('MAIL-04', '000 政务专递 三(二)', `${c.no} 尚未办结（${c.status}），审批结果待办结后寄出。`);
  const emsNo = ems?.trim().slice(0, 32) || mail.emsNo;
  if (!emsNo)
    throw new UserError(`缺少 EMS 单号。例：专递 发出 ${shortYj(mail.no, ctx.now)} 单号=1188000000000 短信=是`);
  await ctx.m.update(
    MailItem,
    { id: mail.id },
    {
      emsNo,
      sentAt: mail.sentAt ?? ctx.now,
      smsAt: sms ? (mail.smsAt ?? ctx.now) : mail.smsAt,
      handler: ctx.actor.userid,
      windowNumber: mail.windowNumber ?? ctx.actor.windowNumber,
      status: MST.receipt,
      updatedAt: ctx.now,
    },
  );
  await ctx.audit('mail.dispatch', MAIL_SUBJECT, mail.no, { ems: emsNo, sms });
  await openAttachmentSlot(ctx, MAIL_SUBJECT, mail.no, RECEIPT);
  const short = shortYj(mail.no, ctx.now);
  return [
    `✅ ${short} 已寄出 EMS ${emsNo}${sms || mail.smsAt ? '，已短信告知' : '（未记录短信告知）'}`,
    `请在10分钟内发送快递存单照片，收到后本条关闭（rule MAIL-04）。`,
  ].join('\n');
}

/** MAIL-04: the 快递存单 photo closes the outbound entry. */
export const mailReceiptHook: AttachmentHook = {
  ownerType: MAIL_SUBJECT,
  purpose: RECEIPT,
  async afterAttach(ctx, ownerId, attachment) {
    const mail = await ctx.m.findOne(MailItem, { where: { no: ownerId } });
    if (!mail || mail.status !== MST.receipt) return;
    await ctx.m.update(
      MailItem,
      { id: mail.id },
      { receiptAttachmentId: attachment.id, status: MST.sent, updatedAt: ctx.now },
    );
    await ctx.audit('mail.receipt', MAIL_SUBJECT, mail.no, { attachment: attachment.id });
    await ctx.reply(`✅ ${shortYj(mail.no, ctx.now)} 邮寄台账已关闭（EMS ${mail.emsNo}，快递存单已存）`);
  },
};

function line(ctx: Ctx, m: MailItem, holder: string): string {
  const contact = m.contactName
    ? `｜收件人 ${seesPersonalData(ctx.actor.roles) ? m.contactName : maskName(m.contactName)}`
    : '';
  return `${shortYj(m.no, ctx.now)} ${m.direction}｜${m.status}｜EMS ${m.emsNo ?? '未填'}${contact}${holder ? `｜最后交接 ${holder}` : ''}`;
}

/** 专递 查询 <YJ号|AJ号>: EMS number and how the applicant tracks it (MAIL-05: 7218686 or the EMS website). */
export async function queryMail(ctx: Ctx, ref: string): Promise<string> {
  const s = ref.trim().toUpperCase();
  const list = s.startsWith('YJ')
    ? [await loadMail(ctx, s)]
    : await ctx.m.find(MailItem, {
        where: { caseNo: In([(await findCase(ctx, ref)).no]) },
        order: { id: 'ASC' },
        take: 5,
      });
  if (list.length === 0) return `${s} 没有政务专递记录。`;
  const holders = await Promise.all(
    list.map((m) => m.handovers.at(-1)?.to).map((u) => (u ? personName(ctx.m, u) : Promise.resolve(''))),
  );
  const lines = list.map((m, i) => line(ctx, m, holders[i]));
  return [...lines, `查询：${TRACKING_PHONE} 或 EMS官网（中国邮政速递物流）`].join('\n');
}
