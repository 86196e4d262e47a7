import { BadReview } from '../../../entities/bad-review';
import { ComplaintIntake } from '../../../entities/complaint-intake';
import { Rating } from '../../../entities/rating';
import { isBad } from '../../domain/reviews/levels';
import type { Invariant } from './types';

// REV-02 with D4/D95: every 不满意/非常不满意 rating became exactly one 差评 and exactly one 待登记 intake, and
// no other rating did — whatever was imported twice.
export const reviewsOnce: Invariant = {
  name: '每条差评 one CP and one intake, re-imports included',
  rules: 'REV-01, REV-02, D95',
  async check(f) {
    const ratings = await f.m.find(Rating);
    const reviews = await f.m.find(BadReview);
    const intakes = await f.m.find(ComplaintIntake, { where: { kind: '差评' } });
    const violations: string[] = [];
    const byKey = new Map(reviews.map((r) => [r.ratingKey, r]));
    for (const r of ratings) {
      const cp = byKey.get(r.ratingKey);
      if (isBad(r.level) && (!cp || r.reviewNo !== cp.no))
        violations.push(`rating ${r.ratingKey} (${r.level}) has no 差评`);
      if (!isBad(r.level) && (cp || r.reviewNo)) violations.push(`rating ${r.ratingKey} (${r.level}) became a 差评`);
    }
    for (const cp of reviews) {
      const n = intakes.filter((i) => i.sourceRef === cp.no).length;
      if (n !== 1) violations.push(`${cp.no} has ${n} intakes`);
    }
    return { checked: ratings.length + reviews.length, violations };
  },
};
