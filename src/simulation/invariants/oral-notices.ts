import { In, IsNull, Not } from 'typeorm';
import { Notice } from '../../../entities/notice';
import type { Invariant } from './types';

// BRF-02 / BRF-10: exactly one 口头通报 released per WD (none on other days), and the 督通 numbers of the year
// consecutive in release order (口头, 约谈 and 书面 share the sequence; a number is taken only at release).
export const oralNotices: Invariant = {
  name: 'one 口头通报 per WD, consecutive numbers',
  rules: 'BRF-02, BRF-10',
  async check(f) {
    const violations: string[] = [];
    const orals = await f.m.find(Notice, { where: { type: '口头', status: '已发布' } });
    const inMonth = orals.filter((n) => n.forDate?.startsWith(f.month));
    const perDay = new Map<string, number>();
    for (const n of inMonth) perDay.set(n.forDate!, (perDay.get(n.forDate!) ?? 0) + 1);
    for (const day of f.workdays) {
      const count = perDay.get(day) ?? 0;
      if (count !== 1) violations.push(`${day}: ${count} 口头通报 released`);
    }
    for (const day of perDay.keys())
      if (!f.workdays.includes(day)) violations.push(`${day} (non-WD): 口头通报 released`);
    const year = Number(f.month.slice(0, 4));
    const numbered = await f.m.find(Notice, {
      where: { year, no: Not(IsNull()), status: In(['已发布', '已批准']) },
      order: { publishedAt: 'ASC', id: 'ASC' },
    });
    numbered.forEach((n, i) => {
      const prev = numbered[i - 1];
      if (prev && n.seq !== (prev.seq ?? 0) + 1) violations.push(`${n.no} (seq ${n.seq}) released after ${prev.no}`);
    });
    return { checked: inMonth.length + numbered.length, violations };
  },
};
