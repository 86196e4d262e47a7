import { MoreThanOrEqual, In } from 'typeorm';
import { PEAK_CHECKS, PEAK_COORDINATION, PeakPlan, type CheckMark } from '../../../entities/peak-plan';
import type { Ctx } from '../../kernel/ctx';
import { UserError } from '../../kernel/errors';
import { localDate, localStamp } from '../../kernel/time';
import { checkOwnOrOffice } from './common';
import { loadPeak } from './peaks';

// SUS-03 (the 首席代表's pre-peak checklist) and SUS-09 (大厅管理室's coordination with 交警 / 物业, INFO only).

function mark(ctx: Ctx, note?: string): CheckMark {
  return { at: localStamp(ctx.now), by: ctx.actor.userid, ...(note ? { note } : {}) };
}

/** SUS-03: tick checklist items (commands/peaks.ts parses `宣传|设备`); returns the plan as it now stands. */
export async function tickPeakCheck(
  ctx: Ctx,
  ref: string,
  items: (typeof PEAK_CHECKS)[number][],
  note?: string,
): Promise<PeakPlan> {
  const p = await loadPeak(ctx, ref);
  checkOwnOrOffice(ctx, p.departmentCode, p.no);
  if (!['pending', 'approved'].includes(p.status)) throw new UserError(`${p.no} 当前不在进行中（${p.status}）。`);
  const checklist = { ...(p.checklist ?? {}) };
  for (const i of items) checklist[i] = mark(ctx, note);
  await ctx.m.update(PeakPlan, { id: p.id }, { checklist });
  await ctx.audit('peak_plan.check', 'peak_plan', p.no, { items, note: note ?? null });
  return { ...p, checklist };
}

/** SUS-09: record the center's coordination; returns the plan. */
export async function coordinatePeak(
  ctx: Ctx,
  ref: string,
  items: (typeof PEAK_COORDINATION)[number][],
  note: string,
): Promise<PeakPlan> {
  const p = await loadPeak(ctx, ref);
  const coordination = { ...(p.coordination ?? {}) };
  for (const i of items) coordination[i] = mark(ctx, note);
  await ctx.m.update(PeakPlan, { id: p.id }, { coordination });
  await ctx.audit('peak_plan.coordinate', 'peak_plan', p.no, { items, note });
  return p;
}

/** `高峰 列表`: upcoming and running peaks (SUS-02). */
export async function upcomingPeaks(ctx: Ctx, departmentCode?: string): Promise<PeakPlan[]> {
  return ctx.m.find(PeakPlan, {
    where: {
      status: In(['pending', 'approved']),
      toDate: MoreThanOrEqual(localDate(ctx.now)),
      ...(departmentCode ? { departmentCode } : {}),
    },
    order: { fromDate: 'ASC' },
  });
}
