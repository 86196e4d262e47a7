// The whole schedule (docs/commands.md): one literal table, one row per job file. Times are Asia/Shanghai.
import { approvalReminders } from './approval-reminders';
import { complaintDeadlines } from './complaint-deadlines';
import type { JobDef } from '../src/kernel/job';
import { dailyInspectionCheck } from './daily-inspection-check';
import { findingAutoConfirm } from './finding-auto-confirm';
import { jointInspectionCount } from './joint-inspection-count';
import { leaderInspectionCheck } from './leader-inspection-check';
import { monthlyBatch } from './monthly-batch';
import { oralNoticeDraft } from './oral-notice-draft';
import { oralNoticeNudge } from './oral-notice-nudge';
import { oralNoticePublish } from './oral-notice-publish';
import { quarterlyProgress } from './quarterly-progress';
import { rectificationDue } from './rectification-due';
import { talkReminders } from './talk-reminders';
import { writtenNoticeReminders } from './written-notice-reminders';
import { groupMemberSync } from './group-member-sync';
import { filingWatch } from './filing-watch';
import { holidayCalendarReminder } from './holiday-calendar-reminder';
import { seasonalPlanReminder } from './seasonal-plan-reminder';
import { deviceTasksDue } from './device-tasks-due';
import { itemTasksOverdue } from './item-tasks-overdue';
import { mailSpotCheckJob } from './mail-spot-check';
import { lostPropertyAnnounce } from './lost-property-announce';
import { lostPropertyClocks } from './lost-property-clocks';
import { handoverContactCheck } from './handover-contact-check';
import { transportRetention } from './transport-retention';
import { presenceTimers } from './presence-timers';
import { attendanceAnomalies } from './attendance-anomalies';
import { annualBatch } from './annual-batch';
import { providerMonthlyScore } from './provider-monthly-score';
import { providerQuarterlyFeedback } from './provider-quarterly-feedback';
import { guideMorningRollcall } from './guide-morning-rollcall';
import { weeklyFridayChecks } from './weekly-friday-checks';
import { consultAnswerReminders } from './consult-answer-reminders';
import { appointmentDigest } from './appointment-digest';
import { offboardingHandoverDue } from './offboarding-handover-due';
import { leaveReturnCheck } from './leave-return-check';
import { caseReminders } from './case-reminders';
import { instantCasesOpen } from './instant-cases-open';

export const JOBS: JobDef[] = [
  // engines
  approvalReminders, // 09:30 WD — D17
  holidayCalendarReminder, // 09:00 first WD of each December week — DIR-13
  groupMemberSync, // 06:30 every day — app chat members follow the directory
  transportRetention, // 03:30 every day — [security] transport copies redacted after retention.transportDays
  // complaints
  complaintDeadlines, // 09:00 WD — CMP-08/11/12/13/15/16/20
  // windows
  filingWatch, // 09:00 WD — SUS-07, WIN-07, WIN-08, SUS-03
  seasonalPlanReminder, // 09:00 WD in February — WIN-10
  deviceTasksDue, // 08:00 WD — DIR-04/WIN-06 RW tasks due today or overdue
  // supervision (INS, BRF, ACC)
  oralNoticeDraft, // 07:45 WD — BRF-02/03 口头通报 draft → 分管领导
  oralNoticeNudge, // 08:15 WD — BRF-03 not approved → DM
  oralNoticePublish, // 08:20 WD — BRF-02/10 number + G-HALL
  findingAutoConfirm, // 09:00 WD — INS-09 (OPEN #17)
  rectificationDue, // 09:00 WD — ACC-04/INS-11 三级提醒, ACC-02 督办
  monthlyBatch, // 09:00 1st WD — BRF-04/05/07, PRF-14, DIR-11
  annualBatch, // 09:00 1st WD of January — per-domain yearly steps (PRF-05/15/16, REC-10)
  talkReminders, // 09:00 5th/8th, escalation after the 10th — BRF-04/05
  writtenNoticeReminders, // 09:00 12th/14th — BRF-07 (OPEN #21)
  jointInspectionCount, // 09:00 15th, 3rd-last WD — INS-02
  leaderInspectionCheck, // 09:00 by the 20th — INS-03
  quarterlyProgress, // 09:00 Mar/Jun/Sep/Dec — BRF-11
  dailyInspectionCheck, // 16:00 WD — INS-01
  // performance (PRF)
  providerMonthlyScore, // 09:00 5th WD — PRF-02/03 (OPEN #51)
  providerQuarterlyFeedback, // 09:00 1st WD of Jan/Apr/Jul/Oct — PRF-02
  // front desk (LST)
  lostPropertyAnnounce, // 09:00 first WD of the week — LST-07 (OPEN #27)
  lostPropertyClocks, // 09:00 WD — LST-05/06/07
  // 事项 and 政务专递 (ITM, MAIL)
  itemTasksOverdue, // 09:00 WD — ITM-03/04 (OPEN #39)
  mailSpotCheckJob, // 09:30 1st WD of the month — MAIL-06 (OPEN #49)
  handoverContactCheck, // 16:30 WD — shared checks (D39): LST-04 (OPEN #24)
  // presence (ATT-04, DIR-12, STF-11)
  guideMorningRollcall, // 08:20 WD — ATT-04 晨会 roll call (OPEN #35)
  weeklyFridayChecks, // 15:00 last WD ≤ Friday — shared checks (D39): DIR-12 roster, STF-11 training
  // 综窗 咨询 (CAS)
  consultAnswerReminders, // 09:00 WD — CAS-04 (OPEN #43)
  appointmentDigest, // 08:00 every day — CAS-17 (Saturday and 公休日 appointments)
  // staffing (STF)
  offboardingHandoverDue, // 09:00 WD — STF-08 交接 open on the 离岗 date → G-OFFICE
  // leave (ATT)
  leaveReturnCheck, // 09:00 WD — ATT-06 销假 reminder, then 脱岗 to G-OFFICE
  // attendance (ATT)
  attendanceAnomalies, // 08:45 WD — ATT-01/02 previous WD's anomalies (D144)
  // cases 三级提醒 (CAS-18)
  caseReminders, // 09:00 WD — CAS-18 L1/L2/L3 (OPEN #46)
  instantCasesOpen, // 17:30 WD — CAS-18 即办件 still open → L2
  // shared minute timers (D93)
  presenceTimers, // every minute 07:00–19:59 WD — ATT-03/04, CAS-20
];
