import { Consultation } from '../../../entities/consultation';
import type { Ctx } from '../../kernel/ctx';
import { UserError } from '../../kernel/errors';
import { nearestNumbers, notFoundError } from '../../kernel/match';
import { normaliseRecordRef } from '../../kernel/numbers';
import { localDate, yearOf } from '../../kernel/time';

// 咨询登记 (CAS-03, CAS-04, CAS-20, CAS-23): numbers `ZX<年>-<5位>`, the outcome enum and statuses.

export const PREFIX = 'ZX';
export const WIDTH = 5;
export const SUBJECT = 'consultation';
/** The answer clock of an open question (CAS-04). */
export const ANSWER_CLOCK = 'consult:答复';

/** CAS-23 (000 首问负责 第五条(一)1(1)–(3)). */
export const OUTCOMES = ['本岗办理', '中心内指引', '中心外告知'] as const;
export type Outcome = (typeof OUTCOMES)[number];
/** 000 首问负责 第三条: in person, by phone, letter or e-mail. */
export const CHANNELS = ['现场', '电话', '来信', '邮件'] as const;

export const ST = {
  done: '已办结',
  open: '待答复',
  answered: '已答复',
  expertWaiting: '待响应',
  expertAcked: '已响应',
} as const;

export function normaliseZx(ctx: Ctx, ref: string): string | undefined {
  return normaliseRecordRef(ref, PREFIX, yearOf(localDate(ctx.now)), WIDTH);
}

/** `ZX310` within the current year, the full number otherwise. */
export function shortZx(no: string, now: Date): string {
  const year = String(yearOf(localDate(now)));
  return no.startsWith(`${PREFIX}${year}-`) ? `${PREFIX}${Number(no.slice(PREFIX.length + 5))}` : no;
}

/** The numbers the sender may see: their own entries and their department's (asked or answering). */
async function visibleNumbers(ctx: Ctx): Promise<string[]> {
  const dept = ctx.actor.departmentCode;
  const rows = await ctx.m.find(Consultation, {
    select: { no: true },
    where: [{ firstResponder: ctx.actor.userid }, ...(dept ? [{ departmentCode: dept }, { expertDept: dept }] : [])],
  });
  return rows.map((r) => r.no);
}

export async function loadConsultation(ctx: Ctx, ref: string): Promise<Consultation> {
  const no = normaliseZx(ctx, ref);
  if (!no) throw new UserError(`“${ref}”不是咨询编号（形如 ZX2026-00310 或 ZX310）。`);
  const c = await ctx.m.findOne(Consultation, { where: { no } });
  if (c) return c;
  throw notFoundError(no, nearestNumbers(no, await visibleNumbers(ctx)), '发送“咨询 列表”查看待答复的咨询。');
}
