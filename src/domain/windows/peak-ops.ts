import { MoreThanOrEqual, In } from 'typeorm';
import { PEAK_CHECKS, PEAK_COORDINATION, PeakPlan, type CheckMark } from '../../../entities/peak-plan';
import type { Ctx } from '../../kernel/ctx';
import { UserError } from '../../kernel/errors';
import { localDate, localStamp, shortDate } from '../../kernel/time';
import { checkOwnOrOffice } from './common';
import { checklistLine, loadPeak } from './peaks';

// SUS-03 (the 首席代表's pre-peak checklist) and SUS-09 (大厅管理室's coordination with 交警 / 物业, INFO only).

function mark(ctx: Ctx, note?: string): CheckMark {
  return { at: localStamp(ctx.now), by: ctx.actor.userid, ...(note ? { note } : {}) };
}

function itemsOf(text: string, allowed: readonly string[]): string[] {
  const items = text
    .split(/[,、|]/)
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = items.filter((i) => !allowed.includes(i));
  if (bad.length || items.length === 0) throw new UserError(`事项应为 ${allowed.join('|')}（可用逗号分隔多项）。`);
  return items;
}

export async function tickPeakCheck(ctx: Ctx, ref: string, itemText: string, note?: string): Promise<string> {
  const p = await loadPeak(ctx, ref);
  checkOwnOrOffice(ctx, p.departmentCode, p.no);
  if (!['pending', 'approved'].includes(p.status)) throw new UserError(`${p.no} 当前不在进行中（${p.status}）。`);
  const items = itemsOf(itemText, PEAK_CHECKS);
  const checklist = { ...(p.checklist ?? {}) };
  for (const i of items) checklist[i] = mark(ctx, note);
  await ctx.m.update(PeakPlan, { id: p.id }, { checklist });
  await ctx.audit('peak_plan.check', 'peak_plan', p.no, { items, note: note ?? null });
  return `✅ ${p.no} ${checklistLine({ ...p, checklist })}`;
}

export async function coordinatePeak(ctx: Ctx, ref: string, itemText: string, note: string): Promise<string> {
  const p = await loadPeak(ctx, ref);
  const items = itemsOf(itemText, PEAK_COORDINATION);
  const coordination = { ...(p.coordination ?? {}) };
  for (const i of items) coordination[i] = mark(ctx, note);
  await ctx.m.update(PeakPlan, { id: p.id }, { coordination });
  await ctx.audit('peak_plan.coordinate', 'peak_plan', p.no, { items, note });
  return `✅ ${p.no} 已协调${items.join('、')}：${note}`;
}

const STATUS_CN: Record<string, string> = {
  draft: '草稿',
  pending: '审批中',
  approved: '已备案',
  rejected: '已驳回',
  withdrawn: '已撤回',
};

/** `高峰 列表`: upcoming and running peaks (SUS-02). */
export async function peakLines(ctx: Ctx, departmentCode?: string): Promise<string[]> {
  const rows = await ctx.m.find(PeakPlan, {
    where: {
      status: In(['pending', 'approved']),
      toDate: MoreThanOrEqual(localDate(ctx.now)),
      ...(departmentCode ? { departmentCode } : {}),
    },
    order: { fromDate: 'ASC' },
  });
  return rows.map(
    (p) =>
      `${p.no} ${p.departmentCode} ${shortDate(p.fromDate)}–${shortDate(p.toDate)} ${STATUS_CN[p.status]}｜${checklistLine(p)}`,
  );
}
