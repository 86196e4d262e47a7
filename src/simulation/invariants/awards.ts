import { AwardFlag } from '../../../entities/award-flag';
import { AwardNomination } from '../../../entities/award-nomination';
import type { Invariant } from './types';

// PRF-17 (HARD): no award is granted to a person, or a window/person of a department, whose 评优资格 for that
// year was cancelled before the grant (D182 checks at submission and again at approval).
export const awardsEligible: Invariant = {
  name: 'no award to a subject without 评优资格',
  rules: 'PRF-16, PRF-17, D182',
  async check(f) {
    const granted = await f.m.find(AwardNomination, { where: { status: '已授予' } });
    const cancelled = await f.m.find(AwardFlag, { where: { status: 'cancelled' } });
    const violations: string[] = [];
    for (const n of granted) {
      const hit = cancelled.find(
        (c) =>
          c.year === n.year &&
          !!c.decidedAt &&
          !!n.decidedAt &&
          c.decidedAt.getTime() <= n.decidedAt.getTime() &&
          ((c.subjectType === 'person' && c.subjectId === n.personUserid) ||
            (c.subjectType === 'department' && c.subjectId === n.departmentCode)),
      );
      if (hit) violations.push(`${n.approvalNo ?? n.id} 「${n.award}」 granted after ${hit.source} (${hit.rule})`);
    }
    return { checked: granted.length, violations };
  },
};
