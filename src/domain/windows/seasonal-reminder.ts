import { HallWindow } from '../../../entities/window';
import { SeasonalPlan } from '../../../entities/seasonal-plan';
import type { Ctx } from '../../kernel/ctx';
import type { WorkCalendar } from '../../kernel/work-calendar';
import { claimReminder } from '../../kernel/reminders';
import { getSetting } from '../../settings/settings';
import { type LocalDate, localDate, yearOf } from '../../kernel/time';
import { tellDepartment } from './common';
import { isSeasonalWindow, windowsLabel } from './rules';

// Job `seasonal-plan-reminder` (WIN-10, OPEN #29): Feb 1 and Feb 20 (next WD if still in February, else the WD
// before) remind departments with fixed-time / seasonal windows whose plan for the year is not on file.

/** The day a February reminder date actually fires (docs/commands.md). */
export function reminderDay(cal: WorkCalendar, date: LocalDate): LocalDate {
  if (cal.isWorkday(date)) return date;
  const next = cal.nextWorkday(date);
  return next.slice(0, 7) === date.slice(0, 7) ? next : cal.previousWorkday(date);
}

export async function runSeasonalReminder(ctx: Ctx): Promise<Record<string, number>> {
  const today = localDate(ctx.now);
  const year = yearOf(today);
  const days = (await getSetting(ctx.m, 'window.seasonalReminderDays')).map((d) => `${year}-${d}`);
  const due = days.filter((d) => reminderDay(ctx.deps.calendar, d) <= today);
  if (due.length === 0) return { reminded: 0 };
  const plans = await ctx.m.find(SeasonalPlan);
  const byDept = new Map<string, Set<string>>();
  for (const w of await ctx.m.find(HallWindow)) {
    const planned = new Set(plans.filter((p) => p.departmentCode === w.departmentCode).flatMap((p) => p.windows));
    if (!w.departmentCode || !isSeasonalWindow(w, planned, w.number)) continue;
    byDept.set(w.departmentCode, (byDept.get(w.departmentCode) ?? new Set()).add(w.number));
  }
  let reminded = 0;
  for (const [code, windows] of byDept) {
    if (plans.some((p) => p.departmentCode === code && p.year === year)) continue;
    let fresh = false;
    // Claim every date already due, but send once: a late first run (catch-up) does not repeat itself.
    for (const d of due)
      if (await claimReminder(ctx.m, ctx.now, `seasonal:${code}:${year}`, 'win10', 0, d)) fresh = true;
    if (!fresh) continue;
    const list = [...windows];
    await tellDepartment(
      ctx,
      code,
      `⏰ 请于3月1日前向大厅管理室备案 ${year} 年固定时间、季节性窗口使用计划（${windowsLabel(list)}）：季节窗口 计划 ${year} 窗口=${list.join(',')} 时段=…（rule WIN-10）`,
      `win10:${code}:${year}:${due[due.length - 1]}`,
    );
    reminded++;
  }
  return { reminded };
}
