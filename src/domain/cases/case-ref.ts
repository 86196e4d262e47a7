import { Like } from 'typeorm';
import { ServiceCase } from '../../../entities/case';
import type { Ctx } from '../../kernel/ctx';
import { UserError } from '../../kernel/errors';
import { yearOf, localDate } from '../../kernel/time';

// A typed case number (CAS-01): `AJ2026-01234`, the short `AJ1234` of the current year, or a mirrored 平台号
// (CAS-02). A miss names the nearest numbers of that year (bad-input rule: "你是不是要").

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

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
    .map((x) => ({ no: x.no, d: distance(x.no, no) }))
    .filter((x) => x.d <= 2)
    .sort((a, b) => a.d - b.d || a.no.localeCompare(b.no))
    .slice(0, 3)
    .map((x) => x.no);
  throw new UserError(
    near.length ? `没有 ${no}。你是不是要：${near.join('、')}` : `没有 ${no}。办件编号形如 AJ2026-01234 或平台号。`,
  );
}
