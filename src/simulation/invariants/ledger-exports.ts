import { In } from 'typeorm';
import { AuditLog } from '../../../entities/audit-log';
import { Person } from '../../../entities/person';
import { PersonRole } from '../../../entities/person-role';
import { instantAt } from '../../kernel/time';
import type { Invariant } from './types';

// 台账导出 (REC-02, REC-07, DIR-10; D227): every export of the month is audited and its file delivered once to the
// one who asked; only 大厅管理室 gets unmasked values; a 首席代表 who is not also at centre level gets its own
// department's rows and nothing else.
export const ledgerExports: Invariant = {
  name: '台账 exports audited, delivered once, masked and scoped',
  rules: 'REC-02, REC-07, DIR-10, D227',
  async check(f) {
    const from = instantAt(`${f.month}-01`);
    const exports = (await f.m.find(AuditLog, { where: { action: 'ledger.export' }, order: { id: 'ASC' } })).filter(
      (a) => new Date(a.at) >= from,
    );
    const actors = [...new Set(exports.map((a) => a.actor))];
    const roles = actors.length ? await f.m.find(PersonRole, { where: { userid: In(actors) } }) : [];
    const people = new Map(
      (actors.length ? await f.m.find(Person, { where: { userid: In(actors) } }) : []).map((p) => [p.userid, p]),
    );
    const has = (u: string, ...r: string[]) => roles.some((x) => x.userid === u && r.includes(x.role));
    // The month's files only: a run of several months (the bench's year) delivered the earlier months' too.
    const files = f.fake.feedLog
      .all()
      .filter((i) => i.msgtype === 'file' && i.channel === 'dm' && new Date(i.at) >= from);
    const violations: string[] = [];
    for (const u of actors) {
      const audited = exports.filter((a) => a.actor === u).length;
      const sent = files.filter((i) => (i.to as string[]).includes(u.toLowerCase())).length;
      if (sent !== audited) violations.push(`${u}: ${audited} exports audited, ${sent} files delivered`);
    }
    for (const a of exports) {
      const d = (a.detail ?? {}) as { unmasked?: boolean; department?: string | null };
      if (d.unmasked && !has(a.actor, 'hall_office'))
        violations.push(`#${a.id} ${a.subjectId}: unmasked for ${a.actor}`);
      if (has(a.actor, 'hall_office', 'leader', 'supervisor')) continue;
      const own = people.get(a.actor)?.departmentCode;
      if (!own || d.department !== own)
        violations.push(
          `#${a.id} ${a.subjectId}: ${a.actor} (${own ?? '无部门'}) exported 部门 ${d.department ?? '全部'}`,
        );
    }
    return { checked: exports.length, violations };
  },
};
