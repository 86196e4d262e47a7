// Every TypeORM entity, one per file (architecture "Layout"). Migrations in src/migrations must match these:
// test/integration/schema.test.ts fails when an entity and the migrated schema differ.
import { Approval } from './approval';
import { ApprovalStep } from './approval-step';
import { Attachment } from './attachment';
import { AttachmentSlot } from './attachment-slot';
import { AuditLog } from './audit-log';
import { AwardFlag } from './award-flag';
import { DeductionEvent } from './deduction-event';
import { CalendarDay } from './calendar-day';
import { CalendarYear } from './calendar-year';
import { Complaint } from './complaint';
import { ComplaintIntake } from './complaint-intake';
import { ComplaintParty } from './complaint-party';
import { ChatState } from './chat-state';
import { Deadline } from './deadline';
import { Delegation } from './delegation';
import { Department } from './department';
import { GroupChat } from './group-chat';
import { InboxRow } from './inbox';
import { InstanceMeta } from './instance-meta';
import { JobRun } from './job-run';
import { OutboxRow } from './outbox';
import { Person } from './person';
import { PersonRole } from './person-role';
import { Referral } from './referral';
import { RateCounter } from './rate-counter';
import { RateSend } from './rate-send';
import { ReminderLog } from './reminder-log';
import { SequenceRow } from './sequence';
import { SettingRow } from './setting';
import { HallWindow } from './window';
import { Accountability } from './accountability';
import { Appeal } from './appeal';
import { Finding } from './finding';
import { Inspection } from './inspection';
import { KeyTask } from './key-task';
import { Notice } from './notice';
import { PatrolReport } from './patrol-report';
import { ProgressReport } from './progress-report';
import { Rectification } from './rectification';
import { RectificationProgress } from './rectification-progress';
import { Talk } from './talk';
import { DeviceTask } from './device-task';
import { PeakPlan } from './peak-plan';
import { SeasonalPlan } from './seasonal-plan';
import { StaffRecord } from './staff-record';
import { Suspension } from './suspension';
import { WindowChange } from './window-change';
import { WindowClosure } from './window-closure';
import { ItemChange } from './item-change';
import { ItemGuide } from './item-guide';
import { LostItem } from './lost-item';
import { MailItem } from './mail-item';
import { MailSample } from './mail-sample';
import { LostItemVersion } from './lost-item-version';
import { LostReport } from './lost-report';
import { LeaveRequest } from './leave-request';
import { ShortAbsence } from './short-absence';
import { GuideRollcall } from './guide-rollcall';
import { ChildReport } from './child-report';
import { DutyRoster } from './duty-roster';
import { StaffMeeting } from './staff-meeting';
import { TrainingLog } from './training-log';
import { Consultation } from './consultation';
import { Appointment } from './appointment';
import { HelpdeskProject } from './helpdesk-project';
import { ServiceItem } from './item';
import { ServiceCase } from './case';
import { CaseEvent } from './case-event';
import { AttendanceDay } from './attendance-day';
import { ServiceExtension } from './service-extension';

import { Rating } from './rating';
import { BadReview } from './bad-review';
import { ProviderScore } from './provider-score';
import { ProviderEvent } from './provider-event';
import { CaseClock } from './case-clock';

export {
  AttendanceDay,
  ServiceExtension,
  LeaveRequest,
  ItemChange,
  ItemGuide,
  MailItem,
  MailSample,
  Consultation,
  Appointment,
  HelpdeskProject,
  ServiceItem,
  ServiceCase,
  CaseEvent,
  ShortAbsence,
  GuideRollcall,
  ChildReport,
  DutyRoster,
  StaffMeeting,
  TrainingLog,
  CaseClock,
  LostItem,
  LostItemVersion,
  LostReport,
  Accountability,
  Appeal,
  Finding,
  Inspection,
  KeyTask,
  Notice,
  PatrolReport,
  ProgressReport,
  Rectification,
  RectificationProgress,
  Talk,
  AwardFlag,
  DeductionEvent,
  Approval,
  ApprovalStep,
  Attachment,
  AttachmentSlot,
  AuditLog,
  CalendarDay,
  CalendarYear,
  ChatState,
  Complaint,
  ComplaintIntake,
  ComplaintParty,
  Deadline,
  Delegation,
  Department,
  GroupChat,
  HallWindow,
  InboxRow,
  InstanceMeta,
  JobRun,
  OutboxRow,
  Person,
  PersonRole,
  Referral,
  RateCounter,
  RateSend,
  ReminderLog,
  SequenceRow,
  SettingRow,
  Rating,
  BadReview,
  ProviderScore,
  ProviderEvent,
};

export const ENTITIES = [
  // spine
  InboxRow,
  InstanceMeta,
  OutboxRow,
  AuditLog,
  JobRun,
  Approval,
  ApprovalStep,
  Department,
  HallWindow,
  Person,
  PersonRole,
  GroupChat,
  SettingRow,
  SequenceRow,
  ReminderLog,
  RateCounter,
  Delegation,
  Attachment,
  AttachmentSlot,
  ChatState,
  // calendar
  CalendarDay,
  CalendarYear,
  Deadline,
  // performance (PRF-14, PRF-17)
  DeductionEvent,
  AwardFlag,
  Referral,
  // complaints (CMP, REC)
  Complaint,
  ComplaintParty,
  ComplaintIntake,
  // supervision (INS, BRF, ACC)
  Inspection,
  Finding,
  PatrolReport,
  Rectification,
  RectificationProgress,
  Notice,
  Talk,
  Accountability,
  Appeal,
  KeyTask,
  ProgressReport,
  // windows (WIN, SUS)
  WindowClosure,
  WindowChange,
  DeviceTask,
  PeakPlan,
  Suspension,
  SeasonalPlan,
  // lost & found (LST)
  ItemChange,
  ItemGuide,
  MailItem,
  MailSample,
  LostItem,
  LostItemVersion,
  LostReport,
  // attendance (ATT-01/02, SUS-05)
  AttendanceDay,
  ServiceExtension,
  // leave (ATT-05/06/07)
  LeaveRequest,
  // cases (ITM, CAS)
  ServiceItem,
  ServiceCase,
  CaseEvent,
  // leave (ATT-05/06/07)
  // presence (ATT-03/04/08/09, DIR-12, STF-11)
  ShortAbsence,
  GuideRollcall,
  ChildReport,
  DutyRoster,
  StaffMeeting,
  TrainingLog,
  // cases 三级提醒 (CAS-18)
  CaseClock,
  // resilience (D34 sliding windows)
  RateSend,
  // 综窗 services (CAS-03/04/17/20/21/23)
  Consultation,
  Appointment,
  HelpdeskProject,
  // reviews 好差评 (REV)
  Rating,
  BadReview,
  // provider scoring (PRF-01…09)
  ProviderScore,
  ProviderEvent,
  // staffing (STF, DIR-08)
  StaffRecord,
];
