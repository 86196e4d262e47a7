// The whole schedule (commands.md §5): one literal table, one row per job file. Times are Asia/Shanghai.
import { approvalReminders } from './approval-reminders';
import type { JobDef } from './define';
import { groupMemberSync } from './group-member-sync';
import { holidayCalendarReminder } from './holiday-calendar-reminder';

export const JOBS: JobDef[] = [
  // engines
  approvalReminders, // 09:30 WD — D17
  holidayCalendarReminder, // 09:00 first WD of each December week — DIR-13
  groupMemberSync, // 06:30 every day — app chat members follow the directory
];
