import { In } from 'typeorm';
import { Approval } from '../../../entities/approval';
import { ApprovalStep } from '../../../entities/approval-step';
import { ReminderLog } from '../../../entities/reminder-log';
import { approvalKind } from '../../kernel/approval-kind';
import { getSetting } from '../../settings/settings';
import { instantAt, localDate } from '../../kernel/time';
import type { Invariant } from './types';

// D17: every approval step is decided, or reminded on each WD's 09:30 run once it has waited the kind's limit
// (setting approval.remindAfterWorkdays unless the kind says otherwise).
const RUN_AT = '09:30';

export const approvalsDecidedOrReminded: Invariant = {
  name: 'approvals decided or reminded (D17)',
  rules: 'D17',
  async check(f) {
    const defaultLimit = await getSetting(f.m, 'approval.remindAfterWorkdays');
    const steps = await f.m.find(ApprovalStep, { where: { status: In(['pending', 'approved', 'rejected']) } });
    const approvals = new Map((await f.m.find(Approval)).map((a) => [a.id, a]));
    const reminded = new Set(
      (await f.m.find(ReminderLog, { where: { kind: 'approval-remind' } })).map((r) => `${r.subject}|${r.occurrence}`),
    );
    const violations: string[] = [];
    let checked = 0;
    for (const s of steps) {
      const a = approvals.get(s.approvalId);
      if (!a || !s.activatedAt) continue;
      checked++;
      const limit = approvalKind(f.approvalKinds, a.kind).remindAfterWorkdays ?? defaultLimit;
      const until = s.decidedAt ?? f.end;
      for (const day of f.workdays) {
        const run = instantAt(day, RUN_AT);
        if (run <= s.activatedAt || run >= until || run > f.end) continue;
        if (f.calendar.workdaysBetween(localDate(s.activatedAt), day) < limit) continue;
        if (!reminded.has(`${a.no}:s${s.idx}|${day}`))
          violations.push(`${a.no} step ${s.idx} waiting on ${day}, not reminded`);
      }
    }
    return { checked, violations };
  },
};
