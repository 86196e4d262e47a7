import { In } from 'typeorm';
import { LeaveRequest } from '../../../entities/leave-request';
import { WindowClosure } from '../../../entities/window-closure';
import { localDate } from '../../kernel/time';
import { daysOf } from '../../domain/windows/rules';
import type { Invariant } from './types';

// WIN-03 (D212, D213): an approved 临时关闭 shows its ground — for every closed window and every WD of the period a
// QJ (请假/出差, not rejected or cancelled) of someone stationed at that window, not yet back by 销假 that day — or
// carries the 理由= its filer gave for the SOFT warning. A 事由 alone never counts.
const LIVE = ['draft', 'pending', 'approved', 'returned'];

export const closureGrounds: Invariant = {
  name: 'approved closures show their WIN-03 ground',
  rules: 'WIN-03, D212, D213',
  async check(f) {
    const approved = await f.m.find(WindowClosure, {
      where: { type: '临时关闭', status: In(['approved', 'ended']) },
      order: { id: 'ASC' },
    });
    const violations: string[] = [];
    for (const c of approved) {
      if (c.softReasons?.['WIN-03']?.trim()) continue;
      const to = c.toDate ?? c.fromDate;
      const leave = await f.m.find(LeaveRequest, { where: { windowNumber: In(c.windows), status: In(LIVE) } });
      for (const w of c.windows) {
        for (const day of daysOf(c.fromDate, to).filter((d) => f.calendar.isWorkday(d))) {
          const away = leave.some(
            (r) =>
              r.windowNumber === w &&
              r.fromDate <= day &&
              day <= r.toDate &&
              (!r.returnedAt || localDate(r.returnedAt) > day),
          );
          if (!away) violations.push(`${c.no} ${w}号窗 ${day}: no QJ of the window's staff and no 理由=`);
        }
      }
    }
    return { checked: approved.length, violations };
  },
};
