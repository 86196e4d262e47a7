import type { EntityManager } from 'typeorm';
import { CaseClock } from '../../../entities/case-clock';
import { Deadline } from '../../../entities/deadline';
import type { WorkCalendar } from '../../kernel/work-calendar';
import type { LocalDate } from '../../kernel/time';
import { caseInfos } from './clock-cases';
import { markRule, syncCaseClocks } from './clock-marks';
import { overdueLine } from './clock-remind';

/**
 * BRF-02 / CAS-18 L3: the cases overdue on `day` (effective due day before it, clock running) as lines for
 * 口头通报 section 三 — case number, department, item and WDs overdue; no staff names (D41).
 */
export async function overdueCaseLines(
  m: EntityManager,
  cal: WorkCalendar,
  day: LocalDate,
  now: Date,
): Promise<string[]> {
  await syncCaseClocks(m, cal, now, await markRule(m));
  const rows = await m
    .createQueryBuilder(CaseClock, 'c')
    .innerJoin(Deadline, 'd', 'd.id = c.deadlineId AND d.version = c.deadlineVersion')
    .where('c.live = :live AND c.dueDate < :day AND d.status = :open', { live: true, day, open: 'open' })
    .orderBy('c.dueDate', 'ASC')
    .addOrderBy('c.caseNo', 'ASC')
    .getMany();
  const infos = await caseInfos(
    m,
    rows.map((c) => c.caseNo),
  );
  return rows.map((c) => overdueLine(cal, c, infos.get(c.caseNo), day));
}
