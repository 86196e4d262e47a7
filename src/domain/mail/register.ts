import { In } from 'typeorm';
import { MailItem } from '../../../entities/mail-item';
import { insertRows } from '../../db';
import type { Ctx } from '../../kernel/ctx';
import { ruleRefusal, UserError } from '../../kernel/errors';
import { nextRecordNo } from '../../kernel/numbers';
import { localDate, yearOf } from '../../kernel/time';
import { DIRECTION, findCase, MAIL_SUBJECT, MST, shortYj, YJ_PREFIX } from './model';

// 专递 寄入 / 寄出 (000 政务专递 三(一)(二); MAIL-01…04): one 邮寄台账 entry per leg, always tied to a case.

async function newEntry(ctx: Ctx, fields: Partial<MailItem>): Promise<string> {
  const today = localDate(ctx.now);
  const no = await nextRecordNo(ctx.m, YJ_PREFIX, yearOf(today));
  await insertRows(ctx.m, MailItem, {
    no,
    date: today,
    platformNo: null,
    itemName: null,
    departmentCode: null,
    contactName: null,
    contactPhone: null,
    address: null,
    emsNo: null,
    windowNumber: null,
    handler: ctx.actor.userid,
    handovers: [],
    receiptAttachmentId: null,
    eligible: true,
    smsAt: null,
    sentAt: null,
    checkResult: null,
    checkNote: null,
    checkedBy: null,
    deductionNo: null,
    repayYuan: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    ...fields,
  });
  return no;
}

/** 专递 寄入 <AJ号> 单号=<EMS>: materials received at the 志愿服务台 / "办不成事"窗口 after 预审 (MAIL-03). */
export async function mailIn(ctx: Ctx, caseRef: string, ems: string): Promise<string> {
  const c = await findCase(ctx, caseRef);
  const no = await newEntry(ctx, {
    direction: DIRECTION.in,
    caseNo: c.no,
    platformNo: c.platformNo,
    itemName: c.itemName,
    departmentCode: c.departmentCode,
    emsNo: ems.trim().slice(0, 32),
    // The materials belong to the item's window (000 政务专递 三(一) "转交该事项所属窗口"): its 清单 is checked.
    windowNumber: c.windowNumber ?? ctx.actor.windowNumber,
    status: MST.received,
  });
  await ctx.audit('mail.in', MAIL_SUBJECT, no, { case: c.no, ems });
  const to = c.windowNumber ? `${c.windowNumber}号窗` : `${c.departmentCode} 窗口`;
  return `✅ ${no} 已收（${c.no} ${c.itemName}），请转 ${to}：专递 转交 ${shortYj(no, ctx.now)} 接收人=@…`;
}

export interface OutInput {
  contact?: string;
  phone?: string;
  address?: string;
}

/** 专递 寄出 <AJ号> 联系人= 电话= 地址=: the applicant chose mail for the result (MAIL-04, HARD address). */
export async function mailOut(ctx: Ctx, caseRef: string, a: OutInput): Promise<string> {
  const c = await findCase(ctx, caseRef);
  const missing = [
    ['联系人', a.contact],
    ['电话', a.phone],
    ['地址', a.address],
  ]
    .filter(([, v]) => !v?.trim())
    .map(([k]) => k);
  if (missing.length)
    throw ruleRefusal(
      'MAIL-04',
      '000 政务专递 三(二)',
      `选择结果邮寄须填写联系人、联系电话、地址；缺少${missing.join('、')}。例：专递 寄出 ${c.no} 联系人=张三 电话=13900000000 地址=…`,
    );
  const open = await ctx.m.findOne(MailItem, {
    where: { caseNo: c.no, direction: DIRECTION.out, status: In([MST.waiting, MST.receipt]) },
  });
  if (open)
    throw new UserError(
      `${c.no} 已登记结果邮寄 ${shortYj(open.no, ctx.now)}（${open.status}）；如地址有误请用 记录 更正 ${shortYj(open.no, ctx.now)} 地址=… 原因=…`,
    );
  const phone = a.phone!.trim();
  if (!/^[\d\-+ ]{7,20}$/.test(phone))
    throw ruleRefusal('MAIL-04', '000 政务专递 三(二)', `联系电话“${phone}”无效，应为手机号或座机号。`);
  const no = await newEntry(ctx, {
    direction: DIRECTION.out,
    caseNo: c.no,
    platformNo: c.platformNo,
    itemName: c.itemName,
    departmentCode: c.departmentCode,
    contactName: a.contact!.trim().slice(0, 64),
    contactPhone: phone.slice(0, 32),
    address: a.address!.trim().slice(0, 500),
    windowNumber: ctx.actor.windowNumber,
    status: MST.waiting,
  });
  await ctx.audit('mail.out', MAIL_SUBJECT, no, { case: c.no });
  const done = c.finishedAt ? '已办结，可寄出' : '待办结后寄出';
  return `✅ ${no} ${done}（${c.no} ${c.itemName}）\n寄出后发送：专递 发出 ${shortYj(no, ctx.now)} 单号=… 短信=是，并拍快递存单`;
}
