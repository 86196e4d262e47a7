// The whole chat command list (docs/commands.md): one literal table, one row per command; `帮助` is generated
// from it. Add a row here when you add a command file — never by decorators or directory scanning.
import { calendarConfirm, calendarImport, calendarQuery, calendarSet, calendarView } from './calendar';
import { approvalView, approvalWithdraw, approve, delegate, todo } from './approvals';
import { chiefReplace, chiefSet, groupBind, groupList, personMove, roleGrant, roleRevoke } from './admin-directory';
import type { CommandDef } from '../src/kernel/command';
import { leaveAsk, leaveCancel, leaveList, leavePaper, leaveReturn, leaveView, tripAsk } from './leave';
import {
  accAppeal,
  accClarify,
  accMeasure,
  accUnfounded,
  accUphold,
  keyTaskAssign,
  keyTaskDone,
  keyTaskList,
} from './accountability';
import { findingDecide, findingDispute, findingList, findingRecord, findingView, praiseRecord } from './findings';
import {
  inspectionEnd,
  inspectionObstruction,
  inspectionStart,
  inspectionStats,
  inspectionSummary,
  patrolClose,
  patrolQueue,
  patrolReport,
} from './inspections';
import {
  noticeEdit,
  noticeExternal,
  noticeList,
  noticeRead,
  noticeToday,
  noticeView,
  quarterlyReport,
} from './notices';
import { rectAccept, rectDone, rectIssue, rectPlan, rectProgress } from './rectification';
import { talkCandidatesCmd, talkConfirm, talkRecord } from './talks';
import { writtenEdit, writtenSubmit, writtenView } from './written-notices';
import { departmentView, personView, whoAmI, windowView } from './directory';
import { exportLedger, exportList } from './exports';
import {
  appointmentList,
  appointmentRegister,
  consultAnswer,
  consultExpert,
  consultList,
  consultRegister,
  consultView,
} from './consult';
import { caseHandover } from './case-handover';
import { helpdeskApply, helpdeskList, helpdeskStep, helpdeskTerminate, helpdeskView } from './helpdesk';
import { formCommand } from './forms';
import { help, more } from './help';
import {
  complaintArchive,
  complaintImplement,
  complaintInvestigate,
  complaintJoint,
  complaintOnSite,
  complaintRefer,
  complaintReply,
  complaintSendBack,
  complaintSuggestion,
  complaintVerdict,
} from './complaints-handling';
import {
  complaintEnd,
  complaintInvalid,
  complaintMaterial,
  complaintReferOut,
  complaintRegister,
  complaintReport,
  complaintTriage,
  complaintWithdraw,
} from './complaints-intake';
import { complaintHistoryCommand, complaintList, complaintStatsCommand, complaintView } from './complaints-queries';
import { exportFormCommand, recordCorrectCommand, recordHistoryCommand } from './records';
import { archiveYearCommand } from './records-archive';
import { awardCancel, deductionList, deductionRecord } from './performance';
import { annualGrade, awardNominate, honoursList, performanceIndicators } from './grades-awards';
import {
  providerDispute,
  providerFeedback,
  providerScoreEntry,
  providerScoreView,
  providerTermination,
  providerWeeklyCheck,
} from './provider';
import { badReviewList, badReviewRectify, badReviewView, ratingsImportCmd, satisfactionCmd } from './reviews';
import { referralRecord } from './referrals';
import { settingsChange, settingsList, settingsView } from './settings';
import { taskDone, taskList } from './device-tasks';
import { peakCause, peakCheck, peakCoordinate, peakList, peakPlan } from './peaks';
import { suspensionFile, suspensionList, suspensionNotify, suspensionPublicity } from './suspensions';
import { seasonalPlan, windowChange } from './window-change';
import { closureList, windowClose, windowReopen } from './window-closure';
import { windowArrive, windowReclaim, windowResume, windowResumePlan, windowViolation } from './window-lifecycle';
import { windowStatus } from './window-status';
import { attendanceImportCmd, attendanceQuery, attendanceSummaryCmd } from './attendance';
import { extensionRegister } from './service-extension';
import { itemChange, itemGuide, itemImport, itemReportCmd, itemSet, itemUpdate, itemView } from './items';
import { mailDispatch, mailHandOver, mailInCmd, mailJudge, mailOutCmd, mailQuery, mailSpotCheck } from './mail';
import { lostAnnounce, lostNotify, lostRegister, lostReport } from './lost-intake';
import { lostClaim, lostDestroy, lostList, lostToPolice, lostToStation, lostView } from './lost-release';
import { caseAccept, caseReceive, caseRefuse, caseSupplement, caseSupplied } from './case-intake';
import {
  caseConsult,
  caseDeliver,
  caseExtend,
  caseFinish,
  caseParallel,
  casePause,
  caseResume,
  caseWithdraw,
} from './case-handling';
import { caseList, caseView } from './case-queries';
import { absenceEnd, absenceStart, guideAbsenceRequest } from './presence-absence';
import { childReport, meetingRecord, rollcallCommand, trainingRegister } from './presence-meetings';
import { rosterSet, rosterToday } from './presence-roster';
import { coverRegister, onboardApply, onboardArrive, onboardSubmit } from './staffing-onboard';
import { handoverTick, handoverView, offboardApply } from './staffing-offboard';
import { abPostSet, personGrade, statsCertified, statsUnified } from './staffing-stats';
import { caseFault, caseImport, caseOverdueRate } from './case-reports';

export const COMMANDS: CommandDef[] = [
  // 常用
  help,
  more,
  whoAmI,
  formCommand,
  exportLedger,
  exportList,
  // 目录 (DIR)
  personView,
  windowView,
  departmentView,
  chiefSet,
  chiefReplace,
  personMove,
  // 审批 (approval engine, D1)
  todo,
  approvalWithdraw,
  approvalView,
  approve,
  delegate,
  // 考勤 (ATT-03/04/08/09, DIR-12, STF-11)
  absenceStart,
  absenceEnd,
  guideAbsenceRequest,
  rollcallCommand,
  meetingRecord,
  childReport,
  rosterSet,
  rosterToday,
  trainingRegister,
  // 日历 (DIR-13)
  calendarQuery,
  calendarView,
  calendarSet,
  calendarConfirm,
  calendarImport,
  // 投诉 (CMP, REC; docs/commands.md)
  complaintRegister,
  complaintInvalid,
  complaintReport,
  complaintTriage,
  complaintMaterial,
  complaintInvestigate,
  complaintOnSite,
  complaintRefer,
  complaintJoint,
  complaintSuggestion,
  complaintImplement,
  complaintReply,
  complaintSendBack,
  complaintVerdict,
  complaintReferOut,
  complaintWithdraw,
  complaintEnd,
  complaintArchive,
  complaintView,
  complaintList,
  complaintStatsCommand,
  complaintHistoryCommand,
  // 记录 (REC-02, REC-06, REC-09; docs/commands.md)
  recordHistoryCommand,
  recordCorrectCommand,
  exportFormCommand,
  archiveYearCommand,
  // 绩效 (PRF-14, PRF-17)
  deductionRecord,
  deductionList,
  awardCancel,
  // 好差评 (REV-01…03, REV-06)
  ratingsImportCmd,
  badReviewList,
  badReviewView,
  badReviewRectify,
  satisfactionCmd,
  // 综窗服务商考核 (PRF-01…09)
  providerScoreEntry,
  providerScoreView,
  providerWeeklyCheck,
  providerFeedback,
  providerDispute,
  providerTermination,
  // 进驻部门及人员 绩效、等次、评优 (PRF-10…17)
  performanceIndicators,
  honoursList,
  annualGrade,
  awardNominate,
  referralRecord,
  // 设置
  settingsList,
  settingsView,
  settingsChange,
  roleGrant,
  roleRevoke,
  groupList,
  groupBind,
  // 窗口 (WIN)
  windowStatus,
  windowClose,
  closureList,
  windowReopen,
  windowArrive,
  windowReclaim,
  windowResume,
  windowResumePlan,
  windowViolation,
  windowChange,
  seasonalPlan,
  taskDone,
  taskList,
  // 高峰停办 (SUS)
  peakPlan,
  peakCheck,
  peakCoordinate,
  peakList,
  peakCause,
  suspensionFile,
  suspensionPublicity,
  suspensionNotify,
  suspensionList,
  extensionRegister,
  // 考勤 (ATT)
  attendanceImportCmd,
  attendanceQuery,
  attendanceSummaryCmd,
  // 巡查 (INS)
  inspectionStart,
  findingRecord,
  praiseRecord,
  inspectionEnd,
  findingView,
  findingList,
  findingDispute,
  findingDecide,
  inspectionObstruction,
  inspectionStats,
  inspectionSummary,
  patrolReport,
  patrolQueue,
  patrolClose,
  // 通报 (BRF)
  noticeToday,
  noticeEdit,
  noticeRead,
  noticeList,
  noticeView,
  noticeExternal,
  writtenView,
  writtenEdit,
  writtenSubmit,
  talkCandidatesCmd,
  talkConfirm,
  talkRecord,
  quarterlyReport,
  // 整改问效 (ACC)
  rectIssue,
  rectPlan,
  rectProgress,
  rectDone,
  rectAccept,
  accMeasure,
  accAppeal,
  accUnfounded,
  accClarify,
  accUphold,
  keyTaskAssign,
  keyTaskDone,
  keyTaskList,
  // 综窗: 咨询 (CAS-03/04/20/23), 办件 交接 (CAS-13/14), 预约 (CAS-17), 帮您办 (CAS-21)
  consultRegister,
  consultAnswer,
  consultExpert,
  consultList,
  consultView,
  caseHandover,
  appointmentRegister,
  appointmentList,
  helpdeskApply,
  helpdeskStep,
  helpdeskTerminate,
  helpdeskView,
  helpdeskList,
  // 失物 (LST; docs/commands.md)
  lostRegister,
  lostReport,
  lostNotify,
  lostAnnounce,
  lostClaim,
  lostDestroy,
  lostToStation,
  lostToPolice,
  lostList,
  lostView,
  caseReceive,
  caseSupplement,
  caseSupplied,
  caseAccept,
  caseRefuse,
  casePause,
  caseResume,
  caseExtend,
  caseConsult,
  caseParallel,
  caseFinish,
  caseDeliver,
  caseWithdraw,
  caseView,
  caseList,
  // 事项 (ITM; docs/commands.md)
  itemView,
  itemSet,
  itemChange,
  itemUpdate,
  itemGuide,
  itemReportCmd,
  itemImport,
  // 专递 (MAIL; docs/commands.md)
  mailInCmd,
  mailHandOver,
  mailOutCmd,
  mailDispatch,
  mailQuery,
  mailSpotCheck,
  mailJudge,
  // 人员 (STF, DIR-08/09/14/15)
  onboardApply,
  onboardSubmit,
  onboardArrive,
  coverRegister,
  offboardApply,
  handoverTick,
  handoverView,
  abPostSet,
  personGrade,
  statsUnified,
  statsCertified,
  // 考勤: 请假/出差/销假 (ATT-05/06/07)
  leaveAsk,
  tripAsk,
  leaveReturn,
  leaveCancel,
  leavePaper,
  leaveList,
  leaveView,
  // cases: platform import, reports and fault attribution (CAS-02, CAS-19, ACC-08)
  caseImport,
  caseOverdueRate,
  caseFault,
];
