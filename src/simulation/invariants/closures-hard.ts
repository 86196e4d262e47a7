import { In, LessThanOrEqual } from 'typeorm';
import { HallWindow } from '../../../entities/window';
import { WindowClosure } from '../../../entities/window-closure';
import { checkClosureNotice, closureCap, countsForCap, daysOf } from '../../domain/windows/rules';
import type { Invariant } from './types';

// HARD rules never broken by an approved record: every approved 临时关闭 is re-checked at its filing time against
// WIN-05 (≥ 1 WD notice, 17:30 cut-off) and WIN-04 (≥ 2 counted windows; ≤ the 1/5 cap each day counting the
// approved closures filed up to then; OPEN #28 override only with a reason).
export const closuresHard: Invariant = {
  name: 'approved closures pass WIN-04/05',
  rules: 'WIN-04, WIN-05',
  async check(f) {
    const approved = await f.m.find(WindowClosure, {
      where: { type: '临时关闭', status: In(['approved', 'ended']) },
      order: { filedAt: 'ASC', id: 'ASC' },
    });
    const violations: string[] = [];
    for (const c of approved) {
      if (!c.filedAt) {
        violations.push(`${c.no} approved without a filing time`);
        continue;
      }
      try {
        checkClosureNotice(f.calendar, c.filedAt, c.fromDate);
      } catch {
        violations.push(`${c.no} WIN-05: filed ${c.filedAt.toISOString()} for ${c.fromDate}`);
      }
      // D38, D49: the registry holds standing statuses; 在用 and 季节性 windows count, 备用 do not.
      const n = (await f.m.findBy(HallWindow, { departmentCode: c.departmentCode })).filter((w) =>
        countsForCap(w.status),
      ).length;
      if (n < 2) violations.push(`${c.no} WIN-04(1): ${c.departmentCode} has ${n} counted window(s)`);
      const earlier = await f.m.find(WindowClosure, {
        where: {
          departmentCode: c.departmentCode,
          type: '临时关闭',
          status: In(['approved', 'ended']),
          filedAt: LessThanOrEqual(c.filedAt),
        },
      });
      for (const day of daysOf(c.fromDate, c.toDate ?? c.fromDate)) {
        const closed = new Set(
          earlier.filter((e) => e.fromDate <= day && (e.toDate ?? day) >= day).flatMap((e) => e.windows),
        );
        if (closed.size > closureCap(n) && !c.overrideReason) {
          violations.push(`${c.no} WIN-04(4): ${closed.size} of ${n} windows closed on ${day} (cap ${closureCap(n)})`);
        }
      }
    }
    return { checked: approved.length, violations };
  },
};
