import { In } from 'typeorm';
import { LeaveRequest } from '../../../entities/leave-request';
import { ReminderLog } from '../../../entities/reminder-log';
import { instantAt, localDate } from '../../kernel/time';
import type { Invariant } from './types';

// ATT-06, D154: each ended leave without 销假 is reminded once, on a WD, on or after the first WD after it; a
// 脱岗 flag is on a WD after a reminder sent on an earlier day, and never for someone who had already returned.
export const leaveReturns: Invariant = {
  name: '销假 reminder before 脱岗, on WDs, once',
  rules: 'ATT-06, D154',
  async check(f) {
    const leaves = await f.m.find(LeaveRequest, { where: { status: In(['approved', 'returned']) } });
    const logs = await f.m.find(ReminderLog, { where: { kind: 'leave-return' } });
    const bySubject = new Map(logs.map((l) => [l.subject, l]));
    const violations: string[] = [];
    for (const r of leaves) {
      const log = bySubject.get(r.no);
      const back = f.calendar.nextWorkday(r.toDate);
      const returnedBefore = (d: Date) => r.returnedAt !== null && r.returnedAt <= d;
      if (log) {
        const on = localDate(log.sentAt);
        if (!f.calendar.isWorkday(on)) violations.push(`${r.no} reminded on non-WD ${on}`);
        if (on < back) violations.push(`${r.no} reminded on ${on}, before the first WD after the leave (${back})`);
        if (returnedBefore(log.sentAt)) violations.push(`${r.no} reminded on ${on} after its 销假`);
      } else if (instantAt(back, '09:00') <= f.end && !returnedBefore(instantAt(back, '09:00'))) {
        violations.push(`${r.no} not back by 09:00 on ${back} and never reminded`);
      }
      if (r.absentFlaggedOn) {
        if (!f.calendar.isWorkday(r.absentFlaggedOn)) violations.push(`${r.no} 脱岗 on non-WD ${r.absentFlaggedOn}`);
        if (!log || localDate(log.sentAt) >= r.absentFlaggedOn)
          violations.push(`${r.no} 脱岗 without an earlier reminder`);
        if (r.returnedAt && localDate(r.returnedAt) < r.absentFlaggedOn) violations.push(`${r.no} 脱岗 after 销假`);
      }
    }
    return { checked: leaves.length + logs.length, violations };
  },
};
