// Every migration, in order (synchronize is off; `npm run cli -- migrate` and start-up run pending ones).
import { Spine1790000000001 } from './0001-spine';
import { Performance1790000000003 } from './0003-performance';
import { Referral1790000000004 } from './0004-referral';
import { Calendar1790000000005 } from './0005-calendar';
import { Complaints1790000000010 } from './0010-complaints';
import { Supervision1790000000020 } from './0020-supervision';
import { Windows1790000000030 } from './0030-windows';
import { DeviceTaskDue1790000000031 } from './0031-device-task-due';
import { WindowStateRecords1790000000032 } from './0032-window-state-records';
import { LostFound1790000000040 } from './0040-lost-found';
import { Attendance1790000000060 } from './0060-attendance';
import { Security1790000000095 } from './0095-security';
import { Resilience1790000000041 } from './0041-resilience';
import { Leave1790000000061 } from './0061-leave';
import { Presence1790000000062 } from './0062-presence';
import { Consult1790000000053 } from './0053-consult';
import { Reviews1790000000070 } from './0070-reviews';
import { Provider1790000000071 } from './0071-provider';
import { ItemsMail1790000000052 } from './0052-items-mail';
import { Staffing1790000000063 } from './0063-staffing';
import { Cases1790000000050 } from './0050-cases';
import { CaseClock1790000000051 } from './0051-case-clock';

export const MIGRATIONS = [
  Spine1790000000001,
  Performance1790000000003,
  Referral1790000000004,
  Calendar1790000000005,
  Complaints1790000000010,
  Supervision1790000000020,
  Windows1790000000030,
  DeviceTaskDue1790000000031,
  WindowStateRecords1790000000032,
  LostFound1790000000040,
  Cases1790000000050,
  Security1790000000095,
  Resilience1790000000041,
  Leave1790000000061,
  Presence1790000000062,
  Consult1790000000053,
  Reviews1790000000070,
  Provider1790000000071,
  ItemsMail1790000000052,
  Staffing1790000000063,
  Attendance1790000000060,
  CaseClock1790000000051,
];
