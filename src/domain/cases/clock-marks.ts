import { type EntityManager, In } from 'typeorm';
import { ServiceCase } from '../../../entities/case';
import { CaseClock } from '../../../entities/case-clock';
import { Deadline } from '../../../entities/deadline';
import { insertRows } from '../../db';
import type { WorkCalendar } from '../../kernel/work-calendar';
import { type LocalDate, addDays, localDate } from '../../kernel/time';
import { getSetting } from '../../settings/settings';
import { CASE_CLOCK_KIND, CASE_SUBJECT } from './clock-subject';

// CAS-18 三级提醒 dates of one clock version (D110). Pauses are excluded (CAS-12): a WD inside a completed pause
// does not count towards the L1 share. The effective due day is the earlier of the bot's and the platform's
// 到期日 (CAS-02, D113), so a platform that is stricter than the bot is never missed.

export interface MarkRule {
  l1Percent: number;
  l1MinWorkdays: number;
  l2WorkdaysBefore: number;
}

export async function markRule(m: EntityManager): Promise<MarkRule> {
  return {
    l1Percent: await getSetting(m, 'cases.l1Percent'),
    l1MinWorkdays: await getSetting(m, 'cases.l1MinWorkdays'),
    l2WorkdaysBefore: await getSetting(m, 'cases.l2WorkdaysBefore'),
  };
}

export const ruleKey = (r: MarkRule) => `${r.l1Percent}/${r.l1MinWorkdays}/${r.l2WorkdaysBefore}`;

type ClockFields = Pick<Deadline, 'startAt' | 'amount' | 'extendedWorkdays' | 'pauses' | 'dueDate'>;

/** The kth counted WD after D0 (days inside a completed pause skipped), or null past a year of search. */
function countedWorkday(cal: WorkCalendar, d: ClockFields, k: number): LocalDate | null {
  const d0 = localDate(d.startAt);
  if (!d.pauses?.length && cal.isConfirmed(d0) && cal.isConfirmed(addDays(d0, 2 * k + 30))) {
    return cal.addWorkdays(d0, k);
  }
  const paused = (day: LocalDate) => (d.pauses ?? []).some((p) => day >= p.from && day <= p.to);
  let n = 0;
  for (let day = addDays(d0, 1), i = 0; i < 800; day = addDays(day, 1), i++) {
    if (!cal.dayInfo(day).workday || paused(day)) continue;
    if (++n === k) return day;
  }
  return null;
}

function workdayBefore(cal: WorkCalendar, date: LocalDate, n: number): LocalDate {
  let day = date;
  for (let left = n, i = 0; left > 0 && i < 60; i++) {
    day = addDays(day, -1);
    if (cal.dayInfo(day).workday) left--;
  }
  return day;
}

export interface Marks {
  workdays: number;
  instant: boolean;
  l1Date: LocalDate | null;
  l2Date: LocalDate | null;
  dueDate: LocalDate;
}

/**
 * L1 = the WD after ⌈N × l1Percent %⌉ counted WDs have passed (§19 #21: 10 WD from Mon 03-10 → Tue 03-18),
 * none when N ≤ l1MinWorkdays or when it would not come before L2; L2 = `l2WorkdaysBefore` WDs before the
 * effective due day (and the due day itself, read from `dueDate`). 即办件 (N = 0) get neither: their L2 is
 * the 17:30 check (instant-cases-open).
 */
export function computeMarks(
  cal: WorkCalendar,
  d: ClockFields,
  platformDue: LocalDate | null,
  r: MarkRule,
  instantCase = false,
): Marks {
  const workdays = d.amount + d.extendedWorkdays;
  const dueDate = platformDue && platformDue < d.dueDate ? platformDue : d.dueDate;
  const instant = instantCase || workdays === 0;
  const d0 = localDate(d.startAt);
  let l2Date: LocalDate | null = null;
  if (!instant && r.l2WorkdaysBefore > 0) {
    const before = workdayBefore(cal, dueDate, r.l2WorkdaysBefore);
    l2Date = before > d0 ? before : null;
  }
  let l1Date: LocalDate | null = null;
  if (!instant && workdays > r.l1MinWorkdays) {
    const day = countedWorkday(cal, d, Math.ceil((workdays * r.l1Percent) / 100) + 1);
    l1Date = day && day < (l2Date ?? dueDate) ? day : null;
  }
  return { workdays, instant, l1Date, l2Date, dueDate };
}

function markRow(
  cal: WorkCalendar,
  now: Date,
  d: Deadline,
  r: MarkRule,
  platformDue: LocalDate | null,
  instant: boolean,
) {
  return {
    deadlineId: d.id,
    caseNo: d.subjectId,
    deadlineVersion: d.version,
    rule: ruleKey(r),
    ...computeMarks(cal, d, platformDue, r, instant),
    botDueDate: d.dueDate,
    platformDueDate: platformDue,
    live: d.status !== 'closed',
    syncedAt: now,
  };
}

/**
 * Write the marks of these deadline versions (insert or overwrite) from their cases' 到期日 and 件类型.
 */
export async function storeMarks(
  m: EntityManager,
  cal: WorkCalendar,
  now: Date,
  deadlines: Deadline[],
  r: MarkRule,
): Promise<void> {
  for (let i = 0; i < deadlines.length; i += 500) {
    const chunk = deadlines.slice(i, i + 500);
    const ids = chunk.map((d) => d.id);
    const cases = await m.find(ServiceCase, {
      where: { no: In(chunk.map((d) => d.subjectId)) },
      select: { no: true, type: true, platformDueDate: true },
    });
    const byNo = new Map(cases.map((c) => [c.no, c]));
    // Replace rather than update row by row: nothing refers to a case_clock id, and the platform 到期日 is read
    // from the case, so a delete and one multi-row insert per chunk keep a big re-mark (calendar change) fast.
    await m.delete(CaseClock, { deadlineId: In(ids) });
    const fresh = chunk.map((d) => {
      const c = byNo.get(d.subjectId);
      return markRow(cal, now, d, r, c?.platformDueDate ?? null, c?.type === '即办');
    });
    for (let j = 0; j < fresh.length; j += 100) await insertRows(m, CaseClock, fresh.slice(j, j + 100));
  }
}

/**
 * Bring every running case clock's marks up to its current version (a 中止/恢复, 延期, 补正 restart or a
 * calendar recompute bumps the version, D16) or to changed settings; a platform import rewrites the marks of
 * the cases whose 到期日 it changed itself. Returns how many rows were rewritten.
 */
export async function syncCaseClocks(m: EntityManager, cal: WorkCalendar, now: Date, r: MarkRule): Promise<number> {
  const stale = await m
    .createQueryBuilder(Deadline, 'd')
    .leftJoin(CaseClock, 'c', 'c.deadlineId = d.id')
    .select('d.id', 'id')
    .where('d.status = :open', { open: 'open' })
    .andWhere('d.subjectType = :st AND d.kind = :kind', { st: CASE_SUBJECT, kind: CASE_CLOCK_KIND })
    .andWhere('(c.id IS NULL OR c.deadlineVersion <> d.version OR c.rule <> :rule OR c.live = :dead)', {
      rule: ruleKey(r),
      dead: false,
    })
    .getRawMany<{ id: number }>();
  const ids = stale.map((s) => Number(s.id));
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await m.find(Deadline, { where: { id: In(ids.slice(i, i + 500)) } });
    await storeMarks(m, cal, now, rows, r);
  }
  return ids.length;
}
