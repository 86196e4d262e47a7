import { attendanceActivity } from './attendance';
import { casesActivity } from './cases';
import { complaintsActivity } from './complaints';
import { itemsActivity } from './items';
import { ledgersActivity } from './ledgers';
import { consultActivity } from './consult';
import { deviceTasksActivity } from './device-tasks';
import { leaveActivity } from './leave';
import { mailActivity } from './mail';
import { monthlyNoticesActivity } from './monthly-notices';
import { performanceActivity } from './performance';
import { presenceActivity } from './presence';
import { supervisionActivity } from './supervision';
import { staffingActivity } from './staffing';
import type { Activity } from './types';
import { windowPlansActivity } from './window-plans';
import { windowsActivity } from './windows';
import { reviewsActivity } from './reviews';

// The simulated month's activity, one entry per domain (D69). A later domain adds its file and a
// line here. Fresh instances each run: activities keep records in progress between days.
export function activities(): Activity[] {
  return [
    supervisionActivity(),
    complaintsActivity(),
    windowsActivity(),
    windowPlansActivity(),
    monthlyNoticesActivity(),
    attendanceActivity(),
    casesActivity(),
    mailActivity(),
    itemsActivity(),
    presenceActivity(),
    consultActivity(),
    staffingActivity(),
    leaveActivity(),
    performanceActivity(),
    reviewsActivity(),
    ledgersActivity(),
    deviceTasksActivity(),
  ];
}
