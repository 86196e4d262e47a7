import type { EntityManager } from 'typeorm';
import type { WorkCalendar } from '../../kernel/work-calendar';
import { complaintStatsForMonth, overdueComplaints, type ComplaintMonthStats } from '../complaints/sources';

// The one place the briefings read the [complaints] domain (its contract file src/domain/complaints/sources.ts):
// overdue complaints for the 口头通报 (BRF-02, CMP-08/11), monthly stats for 书面通报 section (6) and the
// 约谈 thresholds (BRF-04, OPEN #19). Nothing here carries a complainant's identity.

export async function overdueForBriefing(m: EntityManager, cal: WorkCalendar, now: Date) {
  const rows = await overdueComplaints(m, cal, now);
  return rows.map((r) => ({ no: r.no, dept: r.departmentCode, what: r.what, days: r.overdueWorkdays }));
}

export async function complaintMonth(m: EntityManager, month: string): Promise<Map<string, ComplaintMonthStats>> {
  return new Map((await complaintStatsForMonth(m, month)).map((s) => [s.departmentCode, s]));
}
