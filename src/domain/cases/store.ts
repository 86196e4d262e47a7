import { In, Like } from 'typeorm';
import { HallWindow } from '../../../entities/window';
import { CaseEvent } from '../../../entities/case-event';
import { ServiceCase } from '../../../entities/case';
import { insertRows } from '../../db';
import type { Ctx } from '../../kernel/ctx';
import { UserError } from '../../kernel/errors';
import { seesPersonalData } from '../../kernel/mask';
import { editDistance } from '../../kernel/match';
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

/** The cases a person may see (for listings and nearest matches). */
export async function visibleCases(ctx: Ctx, where: Record<string, unknown> = {}): Promise<ServiceCase[]> {
  const a = ctx.actor;
  if (seesPersonalData(a.roles)) return ctx.m.find(ServiceCase, { where, order: { id: 'ASC' } });
  const ors: Record<string, unknown>[] = [
    { ...where, firstResponder: a.userid },
    { ...where, handler: a.userid },
  ];
  if (a.departmentCode) ors.push({ ...where, departmentCode: a.departmentCode });
  const windows = await departmentWindows(ctx);
  if (windows.length) ors.push({ ...where, windowNumber: In(windows) });
  return ctx.m.find(ServiceCase, { where: ors, order: { id: 'ASC' } });
}

/** Up to 3 visible numbers nearest to what was typed (AJ numbers and 平台号). */
async function nearestCases(ctx: Ctx, typed: string): Promise<string[]> {
  const t = typed.toUpperCase();
  const all = await visibleCases(ctx);
  return all
    .flatMap((c) => [c.no, ...(c.platformNo ? [c.platformNo] : [])])
    .map((no) => ({ no, d: editDistance(no.toUpperCase(), t) }))
    .filter((x) => x.d <= Math.max(3, Math.ceil(t.length / 3)))
    .sort((a, b) => a.d - b.d || a.no.localeCompare(b.no))
    .slice(0, 3)
    .map((x) => x.no);
}

/**
 * `AJ2026-01234`, `AJ1234`, `aj1234` or a 平台号 → the case. A number that does not exist, or one the sender
 * may not see, gets "没有 AJ…。你是不是要：…" with the nearest numbers the sender may see.
 */
export async function loadCase(ctx: Ctx, ref: string): Promise<ServiceCase> {
  const typed = ref.trim();
  const no = normaliseRecordRef(typed, PREFIX, yearOf(localDate(ctx.now)), WIDTH);
  const c = no
    ? await ctx.m.findOne(ServiceCase, { where: { no } })
    : await ctx.m.findOne(ServiceCase, { where: { platformNo: typed } });
  if (c && (await maySeeCase(ctx, c))) return c;
  const near = await nearestCases(ctx, no ?? typed);
  const hint = near.length ? `你是不是要：${near.join(' / ')}？` : '发送“办件 列表”查看你的办件。';
  throw new UserError(`没有 ${no ?? typed}。${hint}`);
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
