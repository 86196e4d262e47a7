import type { ServiceCase } from '../../../entities/case';
import { MailItem } from '../../../entities/mail-item';
import type { Ctx } from '../../kernel/ctx';
import { ruleRefusal } from '../../kernel/errors';
import { nearestNumbers, notFoundError } from '../../kernel/match';
import { normaliseRecordRef } from '../../kernel/numbers';
import { localDate, yearOf } from '../../kernel/time';
import { PREFIX as CASE_PREFIX, WIDTH as CASE_WIDTH } from '../cases/model';
import { loadCase } from '../cases/store';

// 政务专递 (000 政务专递; MAIL-01…08): shared names, the case look-up every entry starts from (D124), and YJ look-ups.

export const YJ_PREFIX = 'YJ';
export const MAIL_SUBJECT = 'mail';
export const RECEIPT = '快递存单';
/** MAIL-05 (000 政务专递 三(三)): the EMS tracking line the applicant may call. */
export const TRACKING_PHONE = '7218686';
export const DIRECTION = { in: '寄入', out: '寄出' } as const;
export const MST = {
  received: '已收',
  passed: '已转交',
  waiting: '待寄出',
  receipt: '待存单',
  sent: '已寄出',
} as const;

/** `YJ2026-0088` → `YJ88` within the current year. */
export function shortYj(no: string, now: Date): string {
  const year = String(yearOf(localDate(now)));
  return no.startsWith(`${YJ_PREFIX}${year}-`) ? `${YJ_PREFIX}${Number(no.slice(YJ_PREFIX.length + 5))}` : no;
}

const noCase = (what: string) =>
  ruleRefusal(
    'MAIL-02',
    '000 政务专递 二',
    `${what}与办理事项无直接关系的邮件不属于免费邮寄范围：须填写办件编号（AJ…）或平台办件号。`,
  );

/**
 * MAIL-02/08 HARD: free mail needs a case — an AJ number or a mirrored 平台号. An SW number is a lost item,
 * whose mailing the owner pays (000 遗失物品 三(二)); an unknown number gets the nearest ones the sender may see.
 */
export async function findCase(ctx: Ctx, ref: string | undefined): Promise<ServiceCase> {
  const s = (ref ?? '').trim();
  if (!s) throw noCase('');
  const upper = s.toUpperCase();
  if (/^SW\d/.test(upper))
    throw ruleRefusal(
      'MAIL-08',
      '000 遗失物品 三(二)',
      `${upper} 是遗失物品，不是办件：失物邮寄由失主自费，不属于政务专递免费邮寄（请用 失物 认领 … 方式=邮寄）。`,
    );
  if (!normaliseRecordRef(upper, CASE_PREFIX, yearOf(localDate(ctx.now)), CASE_WIDTH) && !/\d{4,}/.test(s))
    throw noCase(`“${s}”不是办件编号；`);
  return loadCase(ctx, s, { mustSee: false, otherwise: '免费邮寄须对应已登记的办件（rule MAIL-02）。' });
}

export async function loadMail(ctx: Ctx, ref: string): Promise<MailItem> {
  const no = normaliseRecordRef(ref, YJ_PREFIX, yearOf(localDate(ctx.now)));
  const mail = no ? await ctx.m.findOne(MailItem, { where: { no } }) : null;
  if (mail) return mail;
  const near = no
    ? nearestNumbers(
        no,
        (await ctx.m.find(MailItem, { select: { no: true } })).map((x) => x.no),
      )
    : [];
  throw notFoundError(no ?? ref, near, '例：YJ2026-0088 或 YJ88');
}
