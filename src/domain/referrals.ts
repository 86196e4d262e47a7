import type { EntityManager } from 'typeorm';
import { Referral } from '../../entities/referral';
import type { Ctx } from '../kernel/ctx';
import { insertRows } from '../db';
import { localDate } from '../kernel/time';

// ACC-05 / CMP-18 / CMP-19 / BRF-09 / INS-11: 移交 is recorded (date, body, summary); the external body has no account.
export const REFERRAL_BODIES = ['纪委监委', '纪检监察组', '公安机关', '派驻部门', '其他'] as const;

/** `公安` → 公安机关, `旗纪委监委` → 纪委监委; anything else is kept as typed (≤32 chars). */
export function normaliseBody(text: string): string {
  const s = text.trim();
  if (/纪委|监委/.test(s) && !/纪检监察组/.test(s)) return '纪委监委';
  if (/纪检监察组/.test(s)) return '纪检监察组';
  if (/公安|派出所/.test(s)) return '公安机关';
  if (/派驻/.test(s)) return '派驻部门';
  return s.slice(0, 32);
}

export async function recordReferral(ctx: Ctx, source: string, body: string, summary: string): Promise<Referral> {
  const date = localDate(ctx.now);
  await insertRows(ctx.m, Referral, {
    date,
    source,
    body: normaliseBody(body),
    summary,
    createdBy: ctx.actor.userid,
    createdAt: ctx.now,
  });
  const row = await ctx.m.findOneOrFail(Referral, { where: { source }, order: { id: 'DESC' } });
  await ctx.audit('referral.record', 'referral', source, { body: row.body, summary });
  return row;
}

export function referralsOf(m: EntityManager, source: string): Promise<Referral[]> {
  return m.find(Referral, { where: { source }, order: { id: 'ASC' } });
}
