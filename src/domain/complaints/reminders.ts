import { In } from 'typeorm';
import { Complaint } from '../../../entities/complaint';
import { Deadline } from '../../../entities/deadline';
import type { Ctx } from '../../kernel/ctx';
import { chiefRepOf } from '../../kernel/directory';
import { claimDeadlineReminder, isPastDue } from '../../calendar/deadline-reminders';
import { CalendarCoverageError } from '../../kernel/work-calendar';
import { getSetting } from '../../settings/settings';
import { cnDate, localDate, shortDate } from '../../kernel/time';
import { SUBJECT, deadlineDepartment, deadlineLabel } from './model';
import { overdueWorkdaysOf } from './sources';

// Job `complaint-deadlines` (docs/commands.md; CMP-08/11/12/13/15/16/20): at due − 1 WD the handler (and, for a
// 落实 clock, that department's 首席代表) once; once overdue, G-OFFICE once per working day (and the 口头通报
// list via sources.ts). Every message is claimed on (deadline, version, occurrence) first (D16), so re-runs,
// restarts and a second instance send nothing twice; paused or closed clocks never remind.

export interface DeadlineRunCounts {
  checked: number;
  dueSoon: number;
  overdue: number;
}

export async function remindComplaintDeadlines(ctx: Ctx): Promise<DeadlineRunCounts> {
  const cal = ctx.deps.calendar;
  const today = localDate(ctx.now);
  const counts: DeadlineRunCounts = { checked: 0, dueSoon: 0, overdue: 0 };
  try {
    if (!cal.isWorkday(today)) return counts; // nothing on non-working days (the scheduler skips them too)
  } catch (err) {
    if (err instanceof CalendarCoverageError) return counts;
    throw err;
  }
  const lead = await getSetting(ctx.m, 'complaint.remindBeforeWorkdays');
  const rows = await ctx.m.find(Deadline, {
    where: { subjectType: SUBJECT, status: 'open' },
    order: { dueAt: 'ASC', id: 'ASC' },
  });
  const complaints = rows.length
    ? await ctx.m.find(Complaint, { where: { no: In([...new Set(rows.map((d) => d.subjectId))]) } })
    : [];
  const byNo = new Map(complaints.map((c) => [c.no, c]));
  for (const d of rows) {
    const c = byNo.get(d.subjectId);
    if (!c) continue;
    counts.checked++;
    const what = deadlineLabel(d.kind);
    if (isPastDue(d.dueAt, ctx.now)) {
      if (!(await claimDeadlineReminder(ctx.m, ctx.now, d, 'overdue', today))) continue;
      const n = overdueWorkdaysOf(cal, d.dueDate, today);
      await ctx.send(
        { group: 'G-OFFICE' },
        {
          text: `⏰ 投诉超期：${c.no} ${what}，期限 ${shortDate(d.dueDate)}，已超期${n}个工作日｜${c.respondentLabel}`,
        },
        `cmp-dl:${d.id}:v${d.version}:overdue:${today}`,
      );
      if (!c.overdue) {
        // A derived flag, set without the version guard so a concurrent command never fails the whole run.
        await ctx.m.update(Complaint, { id: c.id }, { overdue: true });
        c.overdue = true;
        await ctx.audit('complaint.overdue', SUBJECT, c.no, { kind: d.kind, dueDate: d.dueDate });
      }
      counts.overdue++;
      continue;
    }
    let remindFrom: string;
    try {
      remindFrom = cal.addWorkdays(d.dueDate, -lead);
    } catch (err) {
      if (err instanceof CalendarCoverageError) continue; // D13: a provisional due date is not reminded early
      throw err;
    }
    if (today < remindFrom) continue;
    if (!(await claimDeadlineReminder(ctx.m, ctx.now, d, 'due-soon', 'once'))) continue;
    const dueText = `${cnDate(d.dueDate)} ${cal.endOfDay}`;
    await ctx.send(
      { user: c.handler },
      { text: `⏰ ${c.no} ${what}将于 ${dueText} 到期｜${c.respondentLabel}` },
      `cmp-dl:${d.id}:v${d.version}:due:handler`,
    );
    const dept = d.kind.startsWith('complaint:落实:') ? deadlineDepartment(d.kind, c) : null;
    if (dept) {
      const chief = await chiefRepOf(ctx.m, dept).catch(() => null);
      if (chief) {
        await ctx.send(
          { user: chief.userid },
          { text: `⏰ 投诉 ${c.no} 处理意见的落实期限为 ${dueText}，请按时落实并发送：投诉 落实 ${c.no} 情况=…` },
          `cmp-dl:${d.id}:v${d.version}:due:chief`,
        );
      }
    }
    counts.dueSoon++;
  }
  return counts;
}
