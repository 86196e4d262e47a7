import { Deadline } from '../../../entities/deadline';
import { ItemChange } from '../../../entities/item-change';
import { ReminderLog } from '../../../entities/reminder-log';
import type { Invariant } from './types';

// ITM-04 (OPEN #39), D121: an SX list update is reported late only on a WD after its due date, before the list
// was updated, at most once per clock version and WD; and every approved request got its clock.
export const itemTasksLate: Invariant = {
  name: 'SX late reports only when late, on WDs, once a day',
  rules: 'ITM-04, OPEN #39, D16, D121',
  async check(f) {
    const violations: string[] = [];
    const logs = await f.m.find(ReminderLog, { where: { kind: 'sx-overdue' }, order: { id: 'ASC' } });
    for (const r of logs) {
      const d = await f.m.findOne(Deadline, { where: { subjectType: 'item_change', subjectId: r.subject } });
      const sx = await f.m.findOne(ItemChange, { where: { no: r.subject } });
      if (!f.calendar.isWorkday(r.occurrence)) violations.push(`${r.subject} reported on non-WD ${r.occurrence}`);
      if (!d || d.dueDate >= r.occurrence) violations.push(`${r.subject} reported on ${r.occurrence}, not past due`);
      if (sx?.listUpdatedDate && sx.listUpdatedDate < r.occurrence)
        violations.push(`${r.subject} reported on ${r.occurrence} after its update on ${sx.listUpdatedDate}`);
    }
    const approved = await f.m.find(ItemChange, { where: [{ status: '待更新' }, { status: '已更新' }] });
    for (const c of approved)
      if (!(await f.m.findOne(Deadline, { where: { subjectType: 'item_change', subjectId: c.no } })))
        violations.push(`${c.no} approved without a list-update clock`);
    return { checked: logs.length + approved.length, violations };
  },
};
