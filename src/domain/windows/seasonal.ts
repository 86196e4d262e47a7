import { SeasonalPlan } from '../../../entities/seasonal-plan';
import { openAttachmentSlot } from '../../kernel/attachments';
import type { Ctx } from '../../kernel/ctx';
import { UserError, softWarning } from '../../kernel/errors';
import { insertRows } from '../../db';
import { getSetting } from '../../settings/settings';
import { localDate, yearOf } from '../../kernel/time';
import { filingDepartment, ownWindows } from './common';
import { seasonalPlanOnTime, windowsLabel } from './rules';
import { recordViolation } from './violations';

// WIN-10 (000 调整管理 二(三)): departments with fixed-time / seasonal windows file the year's window-use plan
// with 大厅管理室 before 3月1日 (inclusive, OPEN #2). D31: a late plan is accepted with a SOFT
// warning and a WIN-13 deduction event (调整管理 四) — lateness never blocks a reopening.

export const PLAN_FILE = '季节窗口计划';

/** Windows any of the department's plans name (they stay exempt from 收回, WIN-08). */
export async function seasonalWindowNumbers(ctx: Ctx, departmentCode: string): Promise<Set<string>> {
  const plans = await ctx.m.find(SeasonalPlan, { where: { departmentCode } });
  return new Set(plans.flatMap((p) => p.windows));
}

export async function planFor(ctx: Ctx, departmentCode: string, year: number): Promise<SeasonalPlan | null> {
  return ctx.m.findOne(SeasonalPlan, { where: { departmentCode, year } });
}

export interface PlanArgs {
  年: number;
  窗口: string;
  时段: string;
  联系人?: string;
  说明?: string;
  理由?: string;
}

export async function fileSeasonalPlan(ctx: Ctx, a: PlanArgs): Promise<string> {
  const dept = await filingDepartment(ctx);
  const today = localDate(ctx.now);
  if (a.年 < yearOf(today)) throw new UserError(`${a.年}年已过，不能再备案该年度计划。`);
  const windows = await ownWindows(ctx.m, dept.code, a.窗口);
  const numbers = windows.map((w) => w.number);
  const existing = await planFor(ctx, dept.code, a.年);
  if (existing) {
    await ctx.m.update(
      SeasonalPlan,
      { id: existing.id },
      { windows: numbers, periods: a.时段, contact: a.联系人 ?? existing.contact, note: a.说明 ?? existing.note },
    );
    await ctx.audit('seasonal_plan.revise', 'seasonal_plan', `${dept.code}-${a.年}`, {
      windows: numbers,
      periods: a.时段,
    });
    await openAttachmentSlot(ctx, 'seasonal_plan', `${dept.code}-${a.年}`, PLAN_FILE);
    return `✅ ${dept.code} ${a.年}年季节窗口计划已更新（${windowsLabel(numbers)}）`;
  }
  const onTime = seasonalPlanOnTime(today, a.年, await getSetting(ctx.m, 'window.seasonalPlanInclusive'));
  if (!onTime && !a.理由?.trim()) {
    throw softWarning(
      'WIN-10',
      `${a.年}年季节窗口使用计划应于3月1日前备案，现已逾期，将记录扣分事件（rule WIN-13）。`,
      '理由=…',
    );
  }
  await insertRows(ctx.m, SeasonalPlan, {
    departmentCode: dept.code,
    year: a.年,
    windows: numbers,
    periods: a.时段,
    contact: a.联系人 ?? null,
    note: a.说明 ?? null,
    filedAt: ctx.now,
    late: !onTime,
    lateReason: onTime ? null : a.理由!.trim(),
    deductionNo: null,
    createdBy: ctx.actor.userid,
  });
  const subject = `${dept.code}-${a.年}`;
  await ctx.audit('seasonal_plan.file', 'seasonal_plan', subject, {
    windows: numbers,
    periods: a.时段,
    late: !onTime,
    reason: a.理由 ?? null,
  });
  let kf = '';
  if (!onTime) {
    kf = await recordViolation(ctx, {
      rule: 'WIN-13',
      source: `季节计划${subject}`,
      departmentCode: dept.code,
      note: `${a.年}年季节窗口计划逾期备案（${today}，应于3月1日前）：${a.理由!.trim()}`,
    });
    await ctx.m.update(SeasonalPlan, { departmentCode: dept.code, year: a.年 }, { deductionNo: kf });
  }
  await openAttachmentSlot(ctx, 'seasonal_plan', subject, PLAN_FILE);
  await ctx.send(
    { group: 'G-OFFICE' },
    {
      text: `${dept.code} 已备案 ${a.年}年季节窗口计划：${windowsLabel(numbers)} ${a.时段}${onTime ? '' : `（逾期，${kf}）`}`,
    },
    `seasonal:${subject}:filed`,
  );
  return `✅ ${dept.code} ${a.年}年季节窗口计划已备案${onTime ? '' : `（逾期，已记录扣分事件 ${kf}）`}\n计划文件可在10分钟内直接发送（照片或文件）。`;
}
