import { In } from 'typeorm';
import { Deadline } from '../../../entities/deadline';
import { ReminderLog } from '../../../entities/reminder-log';
import { WindowClosure } from '../../../entities/window-closure';
import { isPastDue } from '../../calendar/deadline-reminders';
import { SUBJECT } from '../../domain/complaints/model';
import { instantAt } from '../../kernel/time';
import { DATE_RE, type Invariant } from './types';

// CMP-08/11/12/13/15/16 with D16: an overdue complaint clock is reminded on each WD it is overdue at the 09:00
// complaint-deadlines run, and on no other day; likewise WIN-07, a closure past its end without 到岗 confirmed, at
// the 09:00 filing-watch run.
const RUN_AT = '09:00';

export const overdueDaily: Invariant = {
  name: 'overdue reminded each WD, no other day',
  rules: 'CMP-08, CMP-11, WIN-07, D16',
  async check(f) {
    const violations: string[] = [];
    const deadlines = await f.m.find(Deadline, { where: { subjectType: SUBJECT } });
    const rows = await f.m.find(ReminderLog, { where: { kind: In(['overdue', 'win07-overdue']) } });
    const sent = new Set(rows.map((r) => `${r.subject}|${r.occurrence}`));
    let checked = 0;
    for (const r of rows) {
      if (DATE_RE.test(r.occurrence) && !f.calendar.isWorkday(r.occurrence)) {
        violations.push(`${r.subject} reminded on non-WD ${r.occurrence}`);
      }
    }
    for (const d of deadlines) {
      for (const day of f.workdays) {
        const run = instantAt(day, RUN_AT);
        if (run > f.end || run < d.createdAt) continue;
        const open = d.status !== 'closed' || (d.closedAt !== null && d.closedAt > run);
        if (!open || d.status === 'paused' || !isPastDue(d.dueAt, run)) continue;
        checked++;
        if (!sent.has(`deadline:${d.id}|${day}`))
          violations.push(`${d.subjectId} ${d.kind} overdue on ${day} not reminded`);
      }
    }
    const closures = await f.m.find(WindowClosure, { where: { type: '临时关闭', status: In(['approved', 'ended']) } });
    for (const c of closures) {
      for (const day of f.workdays) {
        if (!c.toDate || day <= c.toDate || instantAt(day, RUN_AT) > f.end) continue;
        if (c.restoredOn !== null && c.restoredOn <= day) continue;
        checked++;
        if (!sent.has(`${c.no}|${day}`)) violations.push(`${c.no} past its end on ${day}, 到岗 not reminded`);
      }
    }
    return { checked, violations };
  },
};
