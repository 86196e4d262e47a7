import { Department } from '../../../entities/department';
import { ProgressReport } from '../../../entities/progress-report';
import { openAttachmentSlot } from '../../kernel/attachments';
import type { Ctx } from '../../kernel/ctx';
import { UserError } from '../../kernel/errors';
import { hasRole } from '../../kernel/permissions';
import { isOnOrBefore } from '../../calendar/conventions';
import { insertRows } from '../../db';
import { claimReminder } from '../../kernel/reminders';
import { getSetting } from '../../settings/settings';
import { cnDate, localDate } from '../../kernel/time';
import { dayOfMonth, firstWorkday } from './schedule';

// BRF-11 (003 要求(一)): departments report progress on the 003 plan to 旗政务服务局 before the 10th of each quarter's
// last month; reminders on that month's 1st WD and N WD before the 10th (PROPOSAL, setting quarterly.leadWorkdays).

const QUARTER_END_MONTHS = [3, 6, 9, 12];

export function quarterOf(date: string): { year: number; quarter: number; lastMonth: string } {
  const y = Number(date.slice(0, 4));
  const q = Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
  return { year: y, quarter: q, lastMonth: `${y}-${String(q * 3).padStart(2, '0')}` };
}

const CN_Q = ['', '一', '二', '三', '四'];

/** `季报 报送 <部门> 说明=…` (+file). Late reports are recorded with the flag, not refused (D31). */
export async function submitQuarterly(ctx: Ctx, code: string, note: string): Promise<{ label: string; late: boolean }> {
  if (ctx.actor.departmentCode !== code && !hasRole(ctx.actor, 'hall_office'))
    throw new UserError('只能报送本部门的季度进展。');
  const { year, quarter, lastMonth } = quarterOf(localDate(ctx.now));
  const due = dayOfMonth(lastMonth, 10);
  const late = !isOnOrBefore(localDate(ctx.now), due);
  await insertRows(ctx.m, ProgressReport, {
    year,
    quarter,
    departmentCode: code,
    note,
    dueDate: due,
    late,
    reportedBy: ctx.actor.userid,
    reportedAt: ctx.now,
  });
  const row = (
    await ctx.m.find(ProgressReport, { where: { departmentCode: code, year, quarter }, order: { id: 'DESC' }, take: 1 })
  )[0];
  await ctx.audit('quarterly.report', 'progress_report', String(row.id), { year, quarter, department: code, late });
  await openAttachmentSlot(ctx, 'progress_report', String(row.id), '季度进展材料');
  return {
    label: `${code} ${CN_Q[quarter]}季度进展已报送（${cnDate(localDate(ctx.now))}${late ? '，逾期' : ''}）`,
    late,
  };
}

/** quarterly-progress (09:00 in Mar/Jun/Sep/Dec): DM each 首席代表 whose department has not reported. */
export async function remindQuarterly(ctx: Ctx): Promise<number> {
  const today = localDate(ctx.now);
  const month = today.slice(0, 7);
  if (!QUARTER_END_MONTHS.includes(Number(month.slice(5, 7)))) return 0;
  const cal = ctx.deps.calendar;
  const due = dayOfMonth(month, 10);
  const lead = await getSetting(ctx.m, 'quarterly.leadWorkdays');
  const late = cal.nthWorkdayBefore(due, lead);
  const stage = today > due ? null : today >= late ? 'd-3' : today >= firstWorkday(cal, month) ? 'first' : null;
  if (!stage) return 0;
  const { year, quarter } = quarterOf(today);
  const reported = new Set(
    (await ctx.m.find(ProgressReport, { where: { year, quarter } })).map((r) => r.departmentCode),
  );
  let n = 0;
  for (const d of await ctx.m.find(Department, { where: { inactive: false }, order: { code: 'ASC' } })) {
    if (!d.chiefRep || reported.has(d.code)) continue;
    if (!(await claimReminder(ctx.m, ctx.now, `quarterly:${year}-Q${quarter}:${d.code}`, stage, 0, 'once'))) continue;
    await ctx.send(
      { user: d.chiefRep },
      {
        text: `⏰ ${CN_Q[quarter]}季度工作进展须于 ${cnDate(due)} 前报送旗政务服务局（rule BRF-11）。发送：季报 报送 ${d.code} 说明=… 并附材料`,
      },
      `quarterly:${year}-Q${quarter}:${d.code}:${stage}`,
    );
    n++;
  }
  return n;
}
