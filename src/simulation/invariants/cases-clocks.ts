import { In } from 'typeorm';
import { Deadline } from '../../../entities/deadline';
import { ServiceCase } from '../../../entities/case';
import { isPastDue } from '../../calendar/deadline-reminders';
import { computeDue } from '../../calendar/deadline-due';
import type { Invariant } from './types';

// 办件 clocks (CAS-01/08/10/12/16, D102, D106): a running case has a running clock, an ended one a closed clock;
// every clock's due date is what the calendar gives for its start, pauses and extensions, and falls on a WD;
// 超期 is set exactly when 办结 came after the due time, and never on a 撤回.
const RUNNING: Record<string, string> = {
  已受理: 'open',
  中止: 'paused',
  办结: 'closed',
  已出件: 'closed',
  已撤回: 'closed',
};

export const casesClocks: Invariant = {
  name: '办件 clocks consistent',
  rules: 'CAS-01, CAS-08, CAS-12, CAS-16, D106',
  async check(f) {
    const cases = await f.m.find(ServiceCase, { where: { status: In(Object.keys(RUNNING)) }, order: { id: 'ASC' } });
    const ids = cases.map((c) => c.deadlineId).filter((x): x is number => x != null);
    const clocks = new Map(
      (ids.length ? await f.m.find(Deadline, { where: { id: In(ids) } }) : []).map((d) => [d.id, d]),
    );
    const violations: string[] = [];
    for (const c of cases) {
      const d = c.deadlineId ? clocks.get(c.deadlineId) : undefined;
      if (!d) {
        if (c.acceptedAt) violations.push(`${c.no} ${c.status} has no clock`);
        continue;
      }
      if (d.status !== RUNNING[c.status]) violations.push(`${c.no} ${c.status} but its clock is ${d.status}`);
      const due = computeDue(f.calendar, d);
      if (d.status !== 'closed' && due.dueDate !== d.dueDate)
        violations.push(`${c.no} clock due ${d.dueDate}, calendar gives ${due.dueDate}`);
      if (!d.provisional && c.limitWd > 0 && !f.calendar.isWorkday(d.dueDate))
        violations.push(`${c.no} due on non-WD ${d.dueDate}`);
      const late = !!c.finishedAt && isPastDue(d.dueAt, c.finishedAt);
      if (c.status === '已撤回' ? c.closedOverdue : c.finishedAt && late !== c.closedOverdue)
        violations.push(`${c.no} ${c.status} closedOverdue=${c.closedOverdue}, finished late=${late}`);
    }
    return { checked: cases.length, violations };
  },
};
