import { checkClosureNotice, closureCap, countsForCap, daysOf } from '../../domain/windows/rules';
import { stateOn } from '../../domain/windows/state';
import { loadClosureHistory, recordsAt, registryAt } from './closures-as-filed';
import type { Invariant } from './types';

// HARD rules never broken by an approved record: every approved 临时关闭 (ended and 收回 ones too) is re-checked
// against WIN-05 (≥ 1 WD notice, 17:30 cut-off) and WIN-04 (≥ 2 counted windows; ≤ the 1/5 cap each day; OPEN #28
// override only with a reason) as the hall stood when it was filed (D236): the registry of that instant, the
// records approved by then, not the end-of-month state — a window 收回 or a closure approved later must neither
// excuse nor condemn it.
export const closuresHard: Invariant = {
  name: 'approved closures pass WIN-04/05',
  rules: 'WIN-04, WIN-05',
  async check(f) {
    const h = await loadClosureHistory(f);
    const approved = h.records.filter((c) => c.type === '临时关闭');
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
      const windows = registryAt(h, c.filedAt).filter((w) => w.departmentCode === c.departmentCode);
      const rec = recordsAt(h, c.filedAt, c.departmentCode, c.id);
      // D51: n is counted on the closure's first day; D38: 在用, 临时关闭 and 季节性 count, 备用 does not.
      const n = windows.filter((w) => countsForCap(stateOn(w, rec, c.fromDate).status)).length;
      if (n < 2) violations.push(`${c.no} WIN-04(1): ${c.departmentCode} had ${n} counted window(s) when filed`);
      for (const day of daysOf(c.fromDate, c.toDate ?? c.fromDate)) {
        const closed = new Set(c.windows);
        for (const w of windows) if (stateOn(w, rec, day).status === '临时关闭') closed.add(w.number);
        if (closed.size > closureCap(n) && !c.overrideReason) {
          violations.push(`${c.no} WIN-04(4): ${closed.size} of ${n} windows closed on ${day} (cap ${closureCap(n)})`);
        }
      }
    }
    return { checked: approved.length, violations };
  },
};
