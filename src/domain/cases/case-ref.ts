import { Like } from 'typeorm';
import { ServiceCase } from '../../../entities/case';
import type { Ctx } from '../../kernel/ctx';
import { UserError } from '../../kernel/errors';
import { editDistance } from '../../kernel/match';
import { yearOf, localDate } from '../../kernel/time';

// A typed case number (CAS-01): `AJ2026-01234`, the short `AJ1234` of the current year, or a mirrored 平台号
// (CAS-02). A miss names the nearest numbers of that year (bad-input rule: "你是不是要").

export function normaliseCaseNo(typed: string, now: Date): string {
  const t = typed.trim().toUpperCase();
  const full = /^AJ(\d{4})-(\d{1,6})$/.exec(t);
  if (full) return `AJ${full[1]}-${full[2].padStart(5, '0')}`;
  const short = /^AJ(\d{1,6})$/.exec(t);
  if (short) return `AJ${yearOf(localDate(now))}-${short[1].padStart(5, '0')}`;
  return typed.trim();
}

export async function findCase(ctx: Ctx, typed: string): Promise<ServiceCase> {
  const no = normaliseCaseNo(typed, ctx.now);
  const c =
    (await ctx.m.findOne(ServiceCase, { where: { no } })) ??
    (await ctx.m.findOne(ServiceCase, { where: { platformNo: typed.trim() } }));
  if (c) return c;
  const prefix = /^AJ\d{4}-/.exec(no)?.[0];
  const pool = prefix
    ? await ctx.m.find(ServiceCase, { where: { no: Like(`${prefix}%`) }, select: { no: true }, take: 20_000 })
    : [];
  const near = pool
    .map((x) => ({ no: x.no, d: editDistance(x.no, no) }))
    .filter((x) => x.d <= 2)
    .sort((a, b) => a.d - b.d || a.no.localeCompare(b.no))
    .slice(0, 3)
    .map((x) => x.no);
  throw new UserError(
    near.length ? `没有 ${no}。你是不是要：${near.join('、')}` : `没有 ${no}。办件编号形如 AJ2026-01234 或平台号。`,
  );
}
