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

/** Write the marks of one deadline version (insert or overwrite), keeping the platform's 到期日. */
export async function storeMarks(
  m: EntityManager,
  cal: WorkCalendar,
  now: Date,
  d: Deadline,
  r: MarkRule,
  opts: { platformDue?: LocalDate | null; instant?: boolean } = {},
): Promise<CaseClock> {
  const old = await m.findOne(CaseClock, { where: { deadlineId: d.id } });
  const platformDueDate = opts.platformDue === undefined ? (old?.platformDueDate ?? null) : opts.platformDue;
  const row = {
    deadlineId: d.id,
    caseNo: d.subjectId,
    deadlineVersion: d.version,
    rule: ruleKey(r),
    ...computeMarks(cal, d, platformDueDate, r, opts.instant ?? old?.instant ?? false),
    botDueDate: d.dueDate,
    platformDueDate,
    live: d.status !== 'closed',
    syncedAt: now,
  };
  if (old) await m.update(CaseClock, { id: old.id }, row);
  else await insertRows(m, CaseClock, row);
  return Object.assign(old ?? new CaseClock(), row);
}

/**
 * Bring every running case clock's marks up to its current version (a 中止/恢复, 延期, 补正 restart or a
 * calendar recompute bumps the version, D16) or to changed settings. Returns how many rows were rewritten.
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
    const rows = await m
      .createQueryBuilder(Deadline, 'd')
      .where('d.id IN (:...ids)', { ids: ids.slice(i, i + 500) })
      .getMany();
    const cases = await m.find(ServiceCase, { where: { no: In(rows.map((d) => d.subjectId)) } });
    const byNo = new Map(cases.map((c) => [c.no, c]));
    for (const d of rows) {
      const c = byNo.get(d.subjectId);
      await storeMarks(m, cal, now, d, r, { platformDue: c?.platformDueDate ?? null, instant: c?.type === '即办' });
    }
  }
  return ids.length;
}
