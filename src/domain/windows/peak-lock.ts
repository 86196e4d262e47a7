import { type EntityManager, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import { PeakPlan } from '../../../entities/peak-plan';
import type { LocalDate } from '../../kernel/time';

/**
 * Approved 业务高峰 plans of a department overlapping [from, to] (inclusive). WIN-12 refuses closures in them;
 * the leave module (SUS-04: a leave request overlapping the peak warns its approver) should call this too.
 */
export async function peakOverlapping(
  m: EntityManager,
  departmentCode: string,
  from: LocalDate,
  to: LocalDate,
): Promise<PeakPlan[]> {
  return m.find(PeakPlan, {
    where: { departmentCode, status: 'approved', fromDate: LessThanOrEqual(to), toDate: MoreThanOrEqual(from) },
    order: { fromDate: 'ASC' },
  });
}
