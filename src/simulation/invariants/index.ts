import { approvalsDecidedOrReminded } from './approvals-d17';
import { attendanceOnce } from './attendance';
import { awardsEligible } from './awards';
import { casesClocks } from './cases-clocks';
import { closuresHard } from './closures-hard';
import { closureGrounds } from './closure-grounds';
import { formsOnePage } from './forms-print';
import { consultReminders } from './consult';
import { noRateLimitDrops, nothingFailed } from './delivery';
import { talksByTenth, writtenByFifteenth } from './monthly-notices';
import { itemTasksLate } from './item-tasks';
import { ledgerExports } from './ledger-exports';
import { oralNotices } from './oral-notices';
import { overdueDaily } from './overdue-daily';
import { absenceFlags } from './presence';
import { providerWeeklyCheck } from './provider-weekly-check';
import { remindersOnce } from './reminders-once';
import { staffingStates } from './staffing';
import { leaveReturns } from './leave-returns';
import { mailEntries } from './mail-entries';
import { reviewsOnce } from './reviews';
import type { Invariant } from './types';
import { workdayOnly } from './workday-only';

// Every invariant the simulated month is checked against (D69); a later domain adds its file and
// a line here.
export const INVARIANTS: Invariant[] = [
  remindersOnce,
  overdueDaily,
  workdayOnly,
  oralNotices,
  writtenByFifteenth,
  talksByTenth,
  closuresHard,
  closureGrounds,
  noRateLimitDrops,
  nothingFailed,
  approvalsDecidedOrReminded,
  attendanceOnce,
  casesClocks,
  itemTasksLate,
  absenceFlags,
  consultReminders,
  staffingStates,
  leaveReturns,
  awardsEligible,
  providerWeeklyCheck,
  mailEntries,
  reviewsOnce,
  formsOnePage,
  ledgerExports,
];
