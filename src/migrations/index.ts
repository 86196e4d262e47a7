// Every migration, in order (synchronize is off; `npm run cli -- migrate` and start-up run pending ones).
import { Spine1790000000001 } from './0001-spine';
import { Performance1790000000003 } from './0003-performance';
import { Referral1790000000004 } from './0004-referral';
import { Calendar1790000000005 } from './0005-calendar';
import { Complaints1790000000010 } from './0010-complaints';
import { Supervision1790000000020 } from './0020-supervision';
import { Windows1790000000030 } from './0030-windows';
import { Resilience1790000000040 } from './0040-resilience';

export const MIGRATIONS = [
  Spine1790000000001,
  Performance1790000000003,
  Referral1790000000004,
  Calendar1790000000005,
  Complaints1790000000010,
  Supervision1790000000020,
  Windows1790000000030,
  Resilience1790000000040,
];
