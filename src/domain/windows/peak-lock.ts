import { type EntityManager, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import { PeakPlan } from '../../../entities/peak-plan';
import { Suspension } from '../../../entities/suspension';
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

/**
 * SUS-10: the approved GF (业务高峰) or TB (暂停办理) of the department covering `date`, if any — a 差评 or a
 * complaint of that day is linked to it so 大厅管理室 can judge whether the cause was subjective (D200).
 */
export async function peakOn(m: EntityManager, departmentCode: string, date: LocalDate): Promise<string | null> {
  const where = {
    departmentCode,
    status: 'approved' as const,
    fromDate: LessThanOrEqual(date),
    toDate: MoreThanOrEqual(date),
  };
  const peak = await m.findOne(PeakPlan, { where });
  if (peak) return peak.no;
  const suspension = await m.findOne(Suspension, { where });
  return suspension?.no ?? null;
}
