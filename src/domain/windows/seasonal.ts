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
// with 大厅管理室 before 3月1日 (inclusive, OPEN #2). A late plan is accepted with a SOFT warning and a WIN-13
// deduction event (调整管理 四) — lateness never blocks a reopening (二(三) sets no consequence on the reopening).

export const PLAN_FILE = '季节窗口计划';

/** Windows any of the department's plans name (they stay exempt from 收回, WIN-08). */
export async function seasonalWindowNumbers(ctx: Ctx, departmentCode: string): Promise<Set<string>> {
  const plans = await ctx.m.find(SeasonalPlan, { where: { departmentCode } });
  return new Set(plans.flatMap((p) => p.windows));
}

export async function planFor(ctx: Ctx, departmentCode: string, year: number): Promise<SeasonalPlan | null> {
  return ctx.m.findOne(SeasonalPlan, { where: { departmentCode, year } });
}

/** What 季节窗口 计划 asks (commands/window-change.ts parses the chat arguments). */
export interface PlanInput {
  year: number;
  /** The typed window references. */
  windows: string[];
  /** 时段 as typed (`14号窗 4月1日-10月31日`); rules.ts seasonEnd reads the season from it. */
  periods: string;
  contact?: string;
  note?: string;
  /** Why the plan is late (SOFT WIN-10). */
  lateReason?: string;
}

export interface PlanFiled {
  departmentCode: string;
  year: number;
  windows: string[];
  /** An existing plan of the year was updated. */
  revised: boolean;
  /** The WIN-13 deduction event of a late plan. */
  deductionNo?: string;
}

export async function fileSeasonalPlan(ctx: Ctx, a: PlanInput): Promise<PlanFiled> {
  const dept = await filingDepartment(ctx);
  const today = localDate(ctx.now);
  if (a.year < yearOf(today)) throw new UserError(`${a.year}年已过，不能再备案该年度计划。`);
  const windows = await ownWindows(ctx.m, dept.code, a.windows);
  const numbers = windows.map((w) => w.number);
  const existing = await planFor(ctx, dept.code, a.year);
  if (existing) {
    await ctx.m.update(
      SeasonalPlan,
      { id: existing.id },
      { windows: numbers, periods: a.periods, contact: a.contact ?? existing.contact, note: a.note ?? existing.note },
    );
    await ctx.audit('seasonal_plan.revise', 'seasonal_plan', `${dept.code}-${a.year}`, {
      windows: numbers,
      periods: a.periods,
    });
    await openAttachmentSlot(ctx, 'seasonal_plan', `${dept.code}-${a.year}`, PLAN_FILE);
    return { departmentCode: dept.code, year: a.year, windows: numbers, revised: true };
  }
  const onTime = seasonalPlanOnTime(today, a.year, await getSetting(ctx.m, 'window.seasonalPlanInclusive'));
  if (!onTime && !a.lateReason?.trim()) {
    throw softWarning(
      'WIN-10',
      `${a.year}年季节窗口使用计划应于3月1日前备案，现已逾期，将记录扣分事件（rule WIN-13）。`,
      '理由=…',
    );
  }
  await insertRows(ctx.m, SeasonalPlan, {
    departmentCode: dept.code,
    year: a.year,
    windows: numbers,
    periods: a.periods,
    contact: a.contact ?? null,
    note: a.note ?? null,
    filedAt: ctx.now,
    late: !onTime,
    lateReason: onTime ? null : a.lateReason!.trim(),
    deductionNo: null,
    createdBy: ctx.actor.userid,
  });
  const subject = `${dept.code}-${a.year}`;
  await ctx.audit('seasonal_plan.file', 'seasonal_plan', subject, {
    windows: numbers,
    periods: a.periods,
    late: !onTime,
    reason: a.lateReason ?? null,
  });
  let kf = '';
  if (!onTime) {
    kf = await recordViolation(ctx, {
      rule: 'WIN-13',
      source: `季节计划${subject}`,
      departmentCode: dept.code,
      note: `${a.year}年季节窗口计划逾期备案（${today}，应于3月1日前）：${a.lateReason!.trim()}`,
    });
    await ctx.m.update(SeasonalPlan, { departmentCode: dept.code, year: a.year }, { deductionNo: kf });
  }
  await openAttachmentSlot(ctx, 'seasonal_plan', subject, PLAN_FILE);
  await ctx.send(
    { group: 'G-OFFICE' },
    {
      text: `${dept.code} 已备案 ${a.year}年季节窗口计划：${windowsLabel(numbers)} ${a.periods}${onTime ? '' : `（逾期，${kf}）`}`,
    },
    `seasonal:${subject}:filed`,
  );
  return {
    departmentCode: dept.code,
    year: a.year,
    windows: numbers,
    revised: false,
    ...(onTime ? {} : { deductionNo: kf }),
  };
}
