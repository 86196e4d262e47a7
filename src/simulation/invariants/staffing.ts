import { Person } from '../../../entities/person';
import { PersonRole } from '../../../entities/person-role';
import { StaffRecord } from '../../../entities/staff-record';
import type { Invariant } from './types';

// STF-05 / STF-08 (D174, D175): a finished 入岗 has its person 在岗 at the RG's window; a finished 离岗 leaves its
// person 已离岗 with no role and no window; an 交接 f never stands without a–e.
export const staffingStates: Invariant = {
  name: 'staff records match the directory',
  rules: 'STF-05, STF-08',
  async check(f) {
    const rows = await f.m.find(StaffRecord, { order: { id: 'ASC' } });
    const violations: string[] = [];
    for (const r of rows) {
      if (r.status !== 'done' || !r.userid) continue;
      const p = await f.m.findOneBy(Person, { userid: r.userid });
      if (r.kind === '入岗' && (p?.status !== '在岗' || p.windowNumber !== r.windowNumber))
        violations.push(`${r.no}: ${r.userid} is ${p?.status ?? 'missing'} at ${p?.windowNumber ?? '—'}`);
      if (r.kind === '离岗') {
        if (p?.status !== '已离岗' || p.windowNumber || (await f.m.countBy(PersonRole, { userid: r.userid })))
          violations.push(`${r.no}: ${r.userid} still has a window or roles after 交接 f`);
        const h = r.handover ?? {};
        const missing = ['a', 'b', 'c', 'd', 'e', 'f'].filter((k) => !h[k]);
        if (missing.length) violations.push(`${r.no}: done without 交接 ${missing.join('')}`);
      }
    }
    return { checked: rows.length, violations };
  },
};
