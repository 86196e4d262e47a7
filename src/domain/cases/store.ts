import { In, Like } from 'typeorm';
import { HallWindow } from '../../../entities/window';
import { CaseEvent } from '../../../entities/case-event';
import { ServiceCase } from '../../../entities/case';
import { insertRows } from '../../db';
import type { Ctx } from '../../kernel/ctx';
import { seesPersonalData } from '../../kernel/mask';
import { UserError } from '../../kernel/errors';
import { nearestNumbers, notFoundError } from '../../kernel/match';
import { normaliseRecordRef } from '../../kernel/numbers';
import { localDate, yearOf } from '../../kernel/time';
import { PREFIX, SUBJECT, WIDTH } from './model';

// Loading and changing a 办件: every change bumps `version`, writes an audit row and appends a case_event
// (CAS-02 mirror, CAS-14 流转单 history) in the caller's transaction.

/** Windows of the sender's department: a 综窗 receiver's colleagues (统一出件, CAS-15) follow the same files. */
async function departmentWindows(ctx: Ctx): Promise<string[]> {
  const code = ctx.actor.departmentCode;
  if (!code) return ctx.actor.windowNumber ? [ctx.actor.windowNumber] : [];
  const rows = await ctx.m.find(HallWindow, { select: { number: true }, where: { departmentCode: code } });
  return [...new Set([...rows.map((w) => w.number), ...(ctx.actor.windowNumber ? [ctx.actor.windowNumber] : [])])];
}

/**
 * A person sees a case when it is their department's, it was received at a window of their department, or they
 * received or handled it (D107).
 */
export async function maySeeCase(ctx: Ctx, c: ServiceCase): Promise<boolean> {
  const a = ctx.actor;
  if (seesPersonalData(a.roles)) return true;
  if (c.firstResponder === a.userid || c.handler === a.userid) return true;
  if (a.departmentCode && a.departmentCode === c.departmentCode) return true;
  return !!c.windowNumber && (await departmentWindows(ctx)).includes(c.windowNumber);
}

/** The `where` of the cases a person may see (D107): everything for those who see personal data. */
async function visibleWhere(ctx: Ctx, where: Record<string, unknown>): Promise<Record<string, unknown>[]> {
  const a = ctx.actor;
  if (seesPersonalData(a.roles)) return [where];
  const ors: Record<string, unknown>[] = [
    { ...where, firstResponder: a.userid },
    { ...where, handler: a.userid },
  ];
  if (a.departmentCode) ors.push({ ...where, departmentCode: a.departmentCode });
  const windows = await departmentWindows(ctx);
  if (windows.length) ors.push({ ...where, windowNumber: In(windows) });
  return ors;
}

/** The cases a person may see (for listings). */
export async function visibleCases(ctx: Ctx, where: Record<string, unknown> = {}): Promise<ServiceCase[]> {
  return ctx.m.find(ServiceCase, { where: await visibleWhere(ctx, where), order: { id: 'ASC' } });
}

/** The AJ numbers and 平台号 of `where`, for nearest matches (columns only: a year has 20,000 cases). */
async function numbersOf(ctx: Ctx, where: Record<string, unknown>[]): Promise<string[]> {
  const select = { no: true, platformNo: true } as const;
  const rows = await ctx.m.find(ServiceCase, { select, where });
  return rows.flatMap((c) => [c.no, c.platformNo]).filter((x): x is string => !!x);
}

/**
 * `AJ2026-01234`, `AJ1234`, `aj1234` or a 平台号 (CAS-01, CAS-02) → the case. A number that does not exist, or
 * (with `mustSee`, the default) one the sender may not see (D107), gets "没有 AJ…。你是不是要：…？" with the nearest
 * numbers among those the sender could have loaded. A 流转单 (CAS-14) or a 政务专递 (MAIL-02) names a case handled
 * elsewhere, so those callers pass `mustSee: false`; `otherwise` replaces the hint when nothing is near.
 */
export async function loadCase(
  ctx: Ctx,
  ref: string,
  opts: { mustSee?: boolean; otherwise?: string } = {},
): Promise<ServiceCase> {
  const typed = ref.trim();
  const no = normaliseRecordRef(typed, PREFIX, yearOf(localDate(ctx.now)), WIDTH);
  const c = no
    ? await ctx.m.findOne(ServiceCase, { where: { no } })
    : await ctx.m.findOne(ServiceCase, { where: { platformNo: typed } });
  if (c && (opts.mustSee === false || (await maySeeCase(ctx, c)))) return c;
  const shown = no ?? typed;
  const otherwise = opts.otherwise ?? '发送“办件 列表”查看你的办件。';
  const pool = await numbersOf(ctx, opts.mustSee === false ? [{}] : await visibleWhere(ctx, {}));
  throw notFoundError(shown, nearestNumbers(shown, pool), otherwise);
}

/** Numbers of every stored case (RECORD_KINDS nearest matches). */
export async function caseNumbers(ctx: Ctx): Promise<string[]> {
  const rows = await ctx.m.find(ServiceCase, { select: { no: true }, where: { no: Like(`${PREFIX}%`) } });
  return rows.map((r) => r.no);
}

export async function addEvent(
  ctx: Ctx,
  caseNo: string,
  action: string,
  note: string | null,
  detail: Record<string, unknown> | null = null,
): Promise<void> {
  await insertRows(ctx.m, CaseEvent, { caseNo, action, note, detail, by: ctx.actor.userid, at: ctx.now });
}

/**
 * Write a change: guarded on the version read (two clicks cannot both apply), audit without personal data
 * (REC-07), and the case_event line. Returns the new state.
 */
export async function changeCase(
  ctx: Ctx,
  c: ServiceCase,
  action: string,
  patch: Partial<ServiceCase>,
  note: string | null,
  detail: Record<string, unknown> = {},
): Promise<ServiceCase> {
  const next = { ...patch, handler: ctx.actor.userid, version: c.version + 1, updatedAt: ctx.now };
  const res = await ctx.m.update(
    ServiceCase,
    { id: c.id, version: c.version },
    { ...next, updatedBy: ctx.actor.userid },
  );
  if ((res.affected ?? 0) !== 1) throw new UserError(`${c.no} 刚被他人更改，请重新发送。`);
  await ctx.audit(`case.${action}`, SUBJECT, c.no, { v: next.version, status: patch.status ?? c.status, ...detail });
  await addEvent(ctx, c.no, action, note, detail);
  return Object.assign(c, next, { updatedBy: ctx.actor.userid });
}

/** Refuse an event in the wrong state, naming the state (and what to do). */
export function assertStatus(c: ServiceCase, allowed: readonly string[], what: string): void {
  if (!allowed.includes(c.status)) throw new UserError(`${c.no} 当前状态为“${c.status}”，不能${what}。`);
}
