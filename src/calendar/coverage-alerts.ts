import { In } from 'typeorm';
import { Deadline } from '../../entities/deadline';
import type { Ctx } from '../kernel/ctx';
import type { Deps } from '../kernel/deps';
import { claimReminder } from '../kernel/reminders';
import { type LocalDate, isoWeekKey, localDate, yearOf } from '../kernel/time';
import { CalendarCoverageError } from '../kernel/work-calendar';

// rule DIR-13, D13, OPEN #8: beyond confirmed coverage the bot never guesses — it tells 大厅管理室 (G-OFFICE),
// once (reminder_log keys, D16), and the work that needed the day waits.

/** What these functions need from a Ctx (a job can pass `{ m, now, send, deps }`). */
export type AlertCtx = Pick<Ctx, 'm' | 'now' | 'send'> & { deps: Pick<Deps, 'calendar'> };

const OFFICE = { group: 'G-OFFICE' } as const;
const HOW_TO_LOAD = (year: number) =>
  `请导入（npm run cli -- calendar import <文件>），或逐日“日历 设置”后发送“日历 确认 ${year}”。`;

/**
 * A job or service needed `date` and the calendar does not cover it: alert G-OFFICE once per year (fixed
 * reminder key) and return whether this call sent the alert. The caller then skips the work, never guesses.
 */
export async function alertCoverageOnce(ctx: AlertCtx, date: LocalDate, context: string): Promise<boolean> {
  const year = yearOf(date);
  if (!(await claimReminder(ctx.m, ctx.now, `calendar:${year}`, 'calendar-coverage', 0, 'once'))) return false;
  await ctx.send(
    OFFICE,
    {
      text: [
        `⚠️ 工作日历未配置（rule DIR-13）：${context}需要 ${date}，但 ${year}年节假日安排尚未确认，该项已暂停计算。`,
        HOW_TO_LOAD(year),
      ].join('\n'),
    },
    `calendar-coverage:${year}`,
  );
  return true;
}

/**
 * Run `fn`; if it needs a day beyond coverage, alert once (alertCoverageOnce) and return undefined instead of
 * a guess. Other errors pass through.
 */
export async function withCalendarCoverage<T>(
  ctx: AlertCtx,
  context: string,
  fn: () => T | Promise<T>,
): Promise<T | undefined> {
  try {
    return await fn();
  } catch (e) {
    if (!(e instanceof CalendarCoverageError)) throw e;
    await alertCoverageOnce(ctx, e.date, context);
    return undefined;
  }
}

export interface CoverageCheck {
  /** Years found unconfirmed (this year at any time; next year from `fromMonth`). */
  missing: number[];
  /** Years this call alerted about (at most once per ISO week each). */
  alerted: number[];
}

/**
 * Job `holiday-calendar-reminder` (docs/commands.md, weekly in December) and start-up: warn G-OFFICE once per
 * ISO week while next year is not confirmed. The current year is checked too, at any time of year — running
 * without it is the urgent case. Next year is only checked from `fromMonth` (December): the State Council
 * publishes the schedule late in the year, so asking for it earlier would be noise.
 */
export async function checkNextYearCoverage(ctx: AlertCtx, opts: { fromMonth?: number } = {}): Promise<CoverageCheck> {
  const cal = ctx.deps.calendar;
  const today = localDate(ctx.now);
  const year = yearOf(today);
  const month = Number(today.slice(5, 7));
  const missing: number[] = [];
  if (!cal.isConfirmed(today)) missing.push(year);
  if (month >= (opts.fromMonth ?? 12) && !cal.isConfirmed(`${year + 1}-01-01`)) missing.push(year + 1);
  const alerted: number[] = [];
  // Design rule 6: no sending on a known non-working day; the week's next WD run sends instead.
  if (missing.length === 0 || (cal.isConfirmed(today) && !cal.isWorkday(today))) return { missing, alerted };
  const week = isoWeekKey(today);
  const provisional = await ctx.m.count(Deadline, { where: { provisional: true, status: In(['open', 'paused']) } });
  for (const y of missing) {
    if (!(await claimReminder(ctx.m, ctx.now, `calendar:${y}`, 'calendar-year-missing', 0, week))) continue;
    const lines = [
      y === year
        ? `⚠️ 本年度（${y}年）工作日历尚未确认（rule DIR-13）：工作日计算已停止，请尽快处理。`
        : `📅 ${y}年工作日历尚未确认（rule DIR-13，OPEN #8）：国务院办公厅公布放假安排后请及时录入。`,
      HOW_TO_LOAD(y),
    ];
    if (provisional > 0) lines.push(`目前有 ${provisional} 项期限为暂定（日期待日历确认）。`);
    await ctx.send(OFFICE, { text: lines.join('\n') }, `calendar-year-missing:${y}:${week}`);
    alerted.push(y);
  }
  return { missing, alerted };
}
