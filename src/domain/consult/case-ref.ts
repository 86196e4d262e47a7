import { Like } from 'typeorm';
import { ServiceCase } from '../../../entities/case';
import type { Ctx } from '../../kernel/ctx';
import { UserError } from '../../kernel/errors';
import { editDistance } from '../../kernel/match';
import { normaliseRecordRef } from '../../kernel/numbers';
import { localDate, yearOf } from '../../kernel/time';
import { CASE_SUBJECT } from '../cases/clock-subject';
import { PREFIX as CASE_PREFIX, WIDTH as CASE_WIDTH } from '../cases/model';

// A 办件 typed in chat for the 流转单 (CAS-14): `AJ2026-01234`, `AJ1234` (this year) or the platform's 办件号
// (CAS-02). A miss names the nearest numbers the sender may see: their own cases, or their department's.

// The case's own number format and audit subject, as src/domain/cases declares them.
export { CASE_PREFIX, CASE_SUBJECT };

export function normaliseCaseRef(ctx: Ctx, ref: string): string | undefined {
  return normaliseRecordRef(ref, CASE_PREFIX, yearOf(localDate(ctx.now)), CASE_WIDTH);
}

async function nearestVisible(ctx: Ctx, typed: string): Promise<string[]> {
  const dept = ctx.actor.departmentCode;
  const rows = await ctx.m.find(ServiceCase, {
    select: { no: true, firstResponder: true, departmentCode: true },
    where: [
      { firstResponder: ctx.actor.userid, no: Like(`${CASE_PREFIX}%`) },
      ...(dept ? [{ departmentCode: dept, no: Like(`${CASE_PREFIX}%`) }] : []),
    ],
  });
  return rows
    .map((r) => ({ no: r.no, d: editDistance(r.no, typed) }))
    .sort((a, b) => a.d - b.d || a.no.localeCompare(b.no))
    .slice(0, 3)
    .map((x) => x.no);
}

export async function loadCase(ctx: Ctx, ref: string): Promise<ServiceCase> {
  const typed = ref.trim();
  const no = normaliseCaseRef(ctx, typed);
  const found = no
    ? await ctx.m.findOne(ServiceCase, { where: { no } })
    : await ctx.m.findOne(ServiceCase, { where: { platformNo: typed } });
  if (found) return found;
  const shown = no ?? typed;
  const near = await nearestVisible(ctx, shown);
  throw new UserError(
    near.length
      ? `没有 ${shown}。你是不是要：${near.join('、')}`
      : `没有 ${shown}（办件编号形如 AJ2026-01234，或平台办件号）。`,
  );
}
