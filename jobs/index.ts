// The whole schedule (commands.md §5): one literal table, one row per job file. Times are Asia/Shanghai.
import { approvalReminders } from './approval-reminders';
import type { JobDef } from './define';

export const JOBS: JobDef[] = [
  // engines
  approvalReminders, // 09:30 WD — D17
];
