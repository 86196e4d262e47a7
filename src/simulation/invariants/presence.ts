import { Not, IsNull } from 'typeorm';
import { ShortAbsence } from '../../../entities/short-absence';
import { localDate } from '../../kernel/time';
import type { Invariant } from './types';

// ATT-03 / ATT-04, OPEN #34, D161: a 暂离 is flagged 超时离岗 exactly when it lasted past its limit, the flag is
// sent once (one G-OFFICE / 区域领导 message per absence, whatever the number of minute fires), and only on a WD.
export const absenceFlags: Invariant = {
  name: '暂离 flagged once, exactly when over the limit',
  rules: 'ATT-03, ATT-04, OPEN #34, D161',
  async check(f) {
    const rows = await f.m.find(ShortAbsence, { where: { startedAt: Not(IsNull()) }, order: { id: 'ASC' } });
    const feed = f.fake.feedLog.all().map((i) => i.text ?? i.markdown ?? '');
    const violations: string[] = [];
    for (const a of rows) {
      const end = a.endedAt ?? f.end;
      const away = Math.floor((end.getTime() - a.startedAt!.getTime()) / 60_000);
      if (a.overtime !== away > a.minutes)
        violations.push(`${a.no} away ${away} min (limit ${a.minutes}) but overtime=${a.overtime}`);
      const flags = feed.filter((t) => t.startsWith('⚠️ 超时离岗') && t.includes(`（${a.no}）`)).length;
      const expected = a.overtime ? 1 : 0;
      // Window staff: G-OFFICE, plus the 首席代表's DM (same text) — count distinct deliveries per absence.
      if (a.overtime ? flags < 1 || flags > 2 : flags !== 0)
        violations.push(`${a.no}: ${flags} 超时离岗 messages, expected ${expected === 1 ? '1–2' : '0'}`);
      if (!f.calendar.isWorkday(localDate(a.startedAt!))) violations.push(`${a.no} started on a non-WD`);
    }
    return { checked: rows.length, violations };
  },
};
