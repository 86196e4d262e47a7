import { Like } from 'typeorm';
import { Consultation } from '../../../entities/consultation';
import { OutboxRow } from '../../../entities/outbox';
import { localDate, localStamp } from '../../kernel/time';
import { getSetting } from '../../settings/settings';
import type { Invariant } from './types';

// 咨询 reminders (CAS-04, CAS-20; D130, D131): an answer reminder only on a WD, at most once per clock version and
// WD, the due-day one on the due day, and never after the question was answered; the expert reminder at most
// once per request, only after the 30 minutes, never after the 首席代表 answered, and on a WD.

const ANSWER_KEY = /^consult:(ZX\d{4}-\d{5}):(due|overdue):v(\d+):(\d{4}-\d{2}-\d{2})$/;
const EXPERT_KEY = /^consult:(ZX\d{4}-\d{5}):expert-late$/;

export const consultReminders: Invariant = {
  name: '咨询 reminders once, on WDs, only while open',
  rules: 'CAS-04, CAS-20, D130, D131',
  async check(f) {
    const rows = await f.m.find(OutboxRow, {
      select: { id: true, dedupeKey: true, createdAt: true },
      where: { dedupeKey: Like('consult:ZX%') },
      order: { id: 'ASC' },
    });
    const minutes = await getSetting(f.m, 'consult.expertAckMinutes');
    const violations: string[] = [];
    const seen = new Set<string>();
    let checked = 0;
    for (const o of rows) {
      const a = ANSWER_KEY.exec(o.dedupeKey);
      const e = EXPERT_KEY.exec(o.dedupeKey);
      if (!a && !e) continue;
      checked++;
      const no = (a ?? e)![1];
      const c = await f.m.findOne(Consultation, { where: { no } });
      if (!c) {
        violations.push(`${o.dedupeKey}: no such consultation`);
        continue;
      }
      const day = localDate(o.createdAt);
      if (!f.calendar.isWorkday(day)) violations.push(`${o.dedupeKey} sent on non-WD ${day}`);
      if (a) {
        const once = `${no}|${a[2]}|${a[3]}|${a[4]}`;
        if (seen.has(once)) violations.push(`${o.dedupeKey} sent twice`);
        seen.add(once);
        if (a[2] === 'due' && c.answerDue !== a[4])
          violations.push(`${o.dedupeKey}: due reminder not on ${c.answerDue}`);
        if (c.answeredAt && c.answeredAt <= o.createdAt)
          violations.push(`${o.dedupeKey} after the answer (${localStamp(c.answeredAt)})`);
      } else {
        if (seen.has(no)) violations.push(`${no} expert reminder sent twice`);
        seen.add(no);
        if (o.createdAt.getTime() - c.createdAt.getTime() < minutes * 60_000)
          violations.push(`${no} expert reminder before ${minutes} minutes`);
        if (c.ackAt && c.ackAt <= o.createdAt) violations.push(`${no} expert reminder after the 首席代表 answered`);
      }
    }
    return { checked, violations };
  },
};
