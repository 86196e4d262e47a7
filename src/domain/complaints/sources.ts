import { In, Like, type EntityManager } from 'typeorm';
import { Complaint } from '../../../entities/complaint';
import { Deadline } from '../../../entities/deadline';
import { isPastDue } from '../../calendar/deadline-reminders';
import type { WorkCalendar } from '../../kernel/work-calendar';
import { addDays, localDate, monthBounds, type LocalDate } from '../../kernel/time';
import { SUBJECT, deadlineDepartment, deadlineLabel, summaryOf } from './model';

// What the [supervision] domain reads from complaints (BRF-01 section (6), BRF-02/07 overdue lists, BRF-04
// candidates). Contract: signatures and meanings are fixed; nothing here carries the complainant's identity.

export interface OverdueComplaint {
  no: string;
  departmentCode: string | null;
  what: string;
  dueAt: Date;
  overdueWorkdays: number;
}

/** WDs in (due, today]; never throws outside calendar coverage (then counts the estimate, D13). */
export function overdueWorkdaysOf(cal: WorkCalendar, dueDate: LocalDate, today: LocalDate): number {
  try {
    return Math.max(0, cal.workdaysBetween(dueDate, today));
  } catch {
    let n = 0;
    for (let d = addDays(dueDate, 1); d <= today; d = addDays(d, 1)) if (cal.dayInfo(d).workday) n++;
    return n;
  }
}

/** Open complaint deadlines past due at `now` (for the daily 口头通报 and the monthly notice, BRF-02/07). */
export async function overdueComplaints(m: EntityManager, cal: WorkCalendar, now: Date): Promise<OverdueComplaint[]> {
  const rows = await m.find(Deadline, {
    where: { subjectType: SUBJECT, status: 'open' },
    order: { dueAt: 'ASC', id: 'ASC' },
  });
  const late = rows.filter((d) => isPastDue(d.dueAt, now));
  if (late.length === 0) return [];
  const complaints = await m.find(Complaint, { where: { no: In([...new Set(late.map((d) => d.subjectId))]) } });
  const byNo = new Map(complaints.map((c) => [c.no, c]));
  const today = localDate(now);
  return late.map((d) => ({
    no: d.subjectId,
    departmentCode: deadlineDepartment(d.kind, byNo.get(d.subjectId) ?? null),
    what: deadlineLabel(d.kind),
    dueAt: d.dueAt,
    overdueWorkdays: overdueWorkdaysOf(cal, d.dueDate, today),
  }));
}

export interface ComplaintMonthStats {
  departmentCode: string;
  registered: number;
  substantiated: number;
  partlySubstantiated: number;
  unfounded: number;
  overdue: number;
  dissatisfied: number;
  items: { no: string; category: string; outcome: string | null; summary: string }[];
}

/** Per respondent department, complaints registered in `month` (YYYY-MM) — BRF-01 section (6), BRF-04 candidates. */
export async function complaintStatsForMonth(m: EntityManager, month: string): Promise<ComplaintMonthStats[]> {
  const { first, last } = monthBounds(`${month}-01`);
  const rows = await m.find(Complaint, { where: { receivedDate: Like(`${month}-%`) }, order: { no: 'ASC' } });
  const stats = new Map<string, ComplaintMonthStats>();
  for (const c of rows) {
    // A complaint about a guide without a department has no respondent department (seed L231); it is counted
    // in `投诉 统计` but cannot appear in a department's section.
    if (!c.departmentCode || c.receivedDate < first || c.receivedDate > last) continue;
    const s = stats.get(c.departmentCode) ?? {
      departmentCode: c.departmentCode,
      registered: 0,
      substantiated: 0,
      partlySubstantiated: 0,
      unfounded: 0,
      overdue: 0,
      dissatisfied: 0,
      items: [],
    };
    s.registered++;
    if (c.outcome === '属实') s.substantiated++;
    if (c.outcome === '部分属实') s.partlySubstantiated++;
    if (c.outcome === '不实') s.unfounded++;
    if (c.overdue) s.overdue++;
    if (c.satisfaction === '不满意' || c.round > 1) s.dissatisfied++;
    s.items.push({ no: c.no, category: c.category, outcome: c.outcome, summary: summaryOf(c) });
    stats.set(c.departmentCode, s);
  }
  return [...stats.values()].sort((a, b) => a.departmentCode.localeCompare(b.departmentCode));
}
