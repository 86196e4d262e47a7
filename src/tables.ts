// Composition root for the bot's tables (docs/decisions.md D3): every literal table is assembled here, once,
// and handed to the dispatcher, scheduler, approval engine, H5 route and exporters through `deps.tables`.
// The command list itself is commands/index.ts and the schedule jobs/index.ts; approval kinds, ledgers and
// forms are listed below. Add a row where its table is; nothing registers itself.
import { CARD_ACTIONS, TEXT_INTERCEPTORS } from '../commands/card-actions';
import { complaintForm } from '../commands/complaints-form';
import { COMMANDS } from '../commands/index';
import { SUPERVISION_FORMS } from '../commands/supervision-forms';
import { lostItemForm } from '../commands/lost-form';
import { itemChangeForm, mailEntryForm } from '../commands/items-mail-forms';
import { itemChangeKind } from './domain/items/change-kind';
import { awardNominationKind } from './domain/awards/nominations';
import { deductionEligibilityLedger, gradeAwardLedger } from './domain/awards/ledgers';
import { awardMonthlyReport } from './domain/awards/monthly';
import { itemImportKind } from './domain/items/import';
import { itemChangeLedger } from './domain/items/ledger';
import { itemChangeRecord } from './domain/items/record';
import { mailRecord } from './domain/mail/record';
import { itemMonthlyReport } from './domain/items/monthly';
import { mailReceiptHook } from './domain/mail/handling';
import { mailLedger } from './domain/mail/ledger';
import { rosterForm } from '../commands/presence-roster';
import { guideAbsenceKind } from './domain/presence/guide-absence';
import { trainingLedger } from './domain/presence/training';
import { JOBS } from '../jobs/index';
import { claimSignatureHook } from './domain/lost-found/claim';
import { lostItemLedger } from './domain/lost-found/ledger';
import { attendanceImport } from './domain/attendance/import-kind';
import { attendanceLedger } from './domain/attendance/ledger';
import { attendanceMonthly } from './domain/attendance/report';
import { caseDeadlineLedger } from './domain/cases/ledger';
import { caseRecord } from './domain/cases/record-kind';
import { caseSlipH5 } from '../commands/case-handover';
import { helpdeskH5 } from '../commands/helpdesk';
import { consultationLedger } from './domain/consult/ledger';
import { caseSlipRecord } from './domain/consult/slip';
import { consultationRecord, helpdeskRecord } from './domain/consult/records';
import { leaveKind } from './domain/staffing/leave-kind';
import { leavePaperHook } from './domain/staffing/leave-paper';
import { leaveRecord } from './domain/staffing/leave-record';
import { externalNoticeKind } from './domain/briefings/external-notice';
import { oralNoticeKind } from './domain/briefings/oral-release';
import { talkRecordKind } from './domain/briefings/talks';
import { writtenNoticeKind } from './domain/briefings/written-notice';
import { complaintLedger, petitionLedger } from './domain/complaints/ledger';
import { complaintSeriousKind } from './domain/complaints/serious';
import { windowChangeKind } from './domain/windows/change-kind';
import { windowClosureKind } from './domain/windows/closure-kind';
import { WINDOW_FORMS } from './domain/windows/forms';
import { providerScoreForm } from './domain/provider/form';
import { peakSuspensionLedger, windowLedger } from './domain/windows/ledgers';
import { peakPlanKind } from './domain/windows/peak-kind';
import { suspensionKind } from './domain/windows/suspension-kind';
import type { ApprovalKind } from './kernel/approval-kind';
import { onboardingKind } from './domain/staffing/onboarding-kind';
import { offboardingKind } from './domain/staffing/offboarding-kind';
import { trainingProofHook } from './domain/staffing/onboarding';
import { chiefReplaceKind, transferKind } from './domain/staffing/transfer';
import { uncertifiedReport } from './domain/staffing/stats';
import { STAFFING_FORMS } from './domain/staffing/forms';
import { staffLedger } from './domain/staffing/ledger';
import { coverRecord, offboardingRecord, onboardingRecord } from './domain/staffing/record-kinds';
import type { AttachmentHook } from './kernel/attachments';
import type { FormDef } from './kernel/forms';
import type { Ledger } from './kernel/ledger';
import type { Tables } from './kernel/tables';
import { auditLedger } from './reports/ledgers';
import { accountabilityLedger, keyTaskLedger, referralLedger } from './domain/accountability/ledgers';
import { inspectionLedger, noticeLedger, talkLedger } from './domain/briefings/ledgers';
import { SETTINGS } from './settings/table';
import type { RecordKind } from './kernel/record-kind';
import type { MonthlyReportProvider } from './kernel/report-provider';
import { CASE_OVERDUE_REPORT } from './domain/cases/overdue-report';
import { platformCasesImport } from './domain/cases/platform-import';
import type { ImportKind } from './kernel/import-kind';
import { importFileHook } from './importer/slot';
import { ratingsImport } from './domain/reviews/import';
import { satisfactionReport } from './domain/reviews/satisfaction';
import { badReviewLedger } from './domain/reviews/ledger';
import { providerLedger } from './domain/provider/ledger';
import {
  deductionRecord,
  deviceTaskRecord,
  findingRecord,
  inspectionRecord,
  keyTaskRecord,
  measureRecord,
  badReviewRecord,
  peakPlanRecord,
  rectificationRecord,
  suspensionRecord,
  windowChangeRecord,
  windowClosureRecord,
} from './domain/records/kinds';
import { approvalRecord, complaintRecord, lostItemRecord, noticeRecord } from './domain/records/special-kinds';

/** Every approval chain the bot runs (src/approvals engine). */
export const APPROVAL_KINDS: readonly ApprovalKind[] = [
  windowClosureKind, // WIN-05/09/10 [首席代表] → 大厅管理室 → 有关负责人 [→ 中心领导 超限]
  windowChangeKind, // WIN-02 [首席代表] → 大厅管理室 → 有关负责人
  peakPlanKind, // SUS-02 [首席代表] → 大厅管理室
  suspensionKind, // SUS-06 [首席代表] → 大厅管理室
  complaintSeriousKind, // CMP-12 分管领导 → 主要领导
  oralNoticeKind, // BRF-02/03 分管领导 审定 (口头通报)
  guideAbsenceKind, // ATT-04 guide 暂离: 区域领导 (D160), after the replacement's confirm:
  talkRecordKind, // BRF-06 中心领导 审定 (约谈记录)
  writtenNoticeKind, // BRF-07 中心领导 审定 (书面通报)
  externalNoticeKind, // BRF-09 中心领导 签发 (派驻部门通报)
  itemChangeKind, // ITM-10 中心初审 (大厅管理室) → SX 清单更新任务
  onboardingKind, // STF-02/03 入岗 [首席代表] → 大厅管理室 [→ 中心领导 无培训材料]
  offboardingKind, // STF-07 离岗 [本人确认][首席代表] [→ 中心领导 未满1年] → 大厅管理室
  transferKind, // STF-01 调岗 (未满1年) → 中心领导
  chiefReplaceKind, // STF-01 首席代表更换 (未满1年) → 中心领导
  leaveKind, // ATT-05 窗口负责人 | 首席代表/代理人 | 部门分管领导 (one step)
  awardNominationKind, // PRF-16 首席代表推荐 → 大厅管理室审定
];

/** Every exportable 台账 (`导出 <台账>`, `cli export`). */
export const LEDGERS: readonly Ledger[] = [
  auditLedger, // REC-02
  complaintLedger, // REC-01 投诉处理台账
  petitionLedger,
  windowLedger,
  peakSuspensionLedger,
  inspectionLedger, // 巡查台账 ● (INS)
  noticeLedger, // 通报台账 (BRF)
  talkLedger, // 约谈台账 (BRF-04/06)
  accountabilityLedger, // 整改与问效台账 ● (ACC)
  referralLedger, // 移交台账 (ACC-05)
  keyTaskLedger, // 督办任务台账 (ACC-02)
  lostItemLedger, // 遗失物品登记表 (LST-02…10, REC-09)
  trainingLedger, // 培训台账 (STF-03, STF-11)
  consultationLedger, // 咨询登记台账 (CAS-03/04/20/23)
  attendanceLedger, // 考勤与请假台账 ● (ATT-01…10)
  badReviewLedger, // 差评台账 ● (REV-03)
  providerLedger, // 综窗服务商考核台账 (PRF-01…09)
  caseDeadlineLedger, // 办件时限台账 ● (CAS-01…19, ACC-08)
  itemChangeLedger, // 事项调整台账 (ITM-02…04, ITM-10)
  mailLedger, // 邮寄台账 ● (MAIL-01…07)
  staffLedger, // 人员进出台账 ● (STF-01…08)
  gradeAwardLedger, // 年度等次及评优台账 (PRF-15, PRF-16)
  deductionEligibilityLedger, // 扣分及评优资格台账 (PRF-14, PRF-17)
];

/** Every H5 form (`表单 <名称>`); each row submits to one command. */
export const FORMS: readonly FormDef[] = [
  ...WINDOW_FORMS, // 附件1, 附件2, 季节窗口计划, 停办备案表, 高峰预案
  complaintForm, // 投诉登记表 (OPEN #14)
  ...SUPERVISION_FORMS, // 巡查记录, 异议, 约谈记录, 口头/书面通报编辑, 整改方案
  lostItemForm, // 市民遗失物品登记表 (LST-02)
  itemChangeForm, // 事项调整申请 (ITM-02/03)
  mailEntryForm, // 邮寄台账 条目 (OPEN #50)
  rosterForm, // 带班表 (DIR-12, OPEN #7)
  caseSlipH5, // 材料证照流转单 交接 (CAS-14, OPEN #48)
  helpdeskH5, // 帮您办 项目登记 (CAS-21)
  ...STAFFING_FORMS, // 进驻人员入岗审批表 (附件3), 离岗审批表 (附件4)
  providerScoreForm, // 综窗考核细则 (PRF-09, OPEN #52)
];

/** Domain reactions to a photo or file sent into an open attachment slot (D6). */
export const ATTACHMENT_HOOKS: readonly AttachmentHook[] = [
  claimSignatureHook, // LST-08: the claimant's signature photo releases a lost item
  mailReceiptHook, // MAIL-04: the 快递存单 photo closes an outbound 政务专递 entry
  importFileHook, // D94: the CSV/XLSX sent after `<领域> 导入` is imported (all or nothing)
  trainingProofHook, // STF-03: the 岗前培训材料 submits the 入岗 draft
  leavePaperHook, // ATT-05 / D151: the photo of a 分管领导's signed paper approves a 首席代表's leave
];

/** Every numbered record (`记录 历史`, `记录 更正`): its prefix, correctable fields and REC-06 lock. */
export const RECORD_KINDS: readonly RecordKind[] = [
  noticeRecord, // 督通〔年〕n号 (BRF-10)
  complaintRecord, // TS (CMP-07)
  findingRecord, // WT (INS-05, REC-06)
  inspectionRecord, // XC (INS-06)
  windowClosureRecord, // GB (WIN-05, 附件2)
  windowChangeRecord, // BG (WIN-02, 附件1)
  suspensionRecord, // TB (SUS-06)
  peakPlanRecord, // GF (SUS-02)
  approvalRecord, // SP
  lostItemRecord, // SW (LST-02, REC-09)
  deviceTaskRecord, // RW
  deductionRecord, // KF (PRF-14)
  rectificationRecord, // ZG (ACC-04)
  keyTaskRecord, // DB
  measureRecord, // WX
  caseSlipRecord, // LZ 材料证照流转单 of an AJ case (CAS-14)
  consultationRecord, // ZX 咨询登记 (CAS-03/23)
  helpdeskRecord, // BB 帮您办 (CAS-21)
  badReviewRecord, // CP (REV-02)
  caseRecord, // AJ 办件 (CAS, REC-09)
  itemChangeRecord, // SX (ITM-02…04, ITM-10)
  mailRecord, // YJ (MAIL-01…07)
  onboardingRecord, // RG (STF-02)
  offboardingRecord, // LG (STF-07, STF-08)
  coverRecord, // DG (STF-06)
  leaveRecord, // QJ (ATT-05/06)
];

/** Chat-file and CLI imports (D94): each kind's columns, checks and write step. */
export const IMPORT_KINDS: readonly ImportKind<unknown>[] = [
  attendanceImport, // ATT-02 考勤系统 export (D140)
  ratingsImport, // 好差评 (REV-01, REV-02)
  itemImportKind, // 事项 catalogue (ITM-01/05/06/08/09)
  platformCasesImport, // 办件 platform export (CAS-02, D115)
];

/** monthly-batch section 六 (D92): each domain's monthly figure, to G-OFFICE and each 首席代表 its own line. */
export const MONTHLY_REPORTS: readonly MonthlyReportProvider[] = [
  attendanceMonthly, // ATT-10 考勤汇总 (OPEN #38)
  satisfactionReport, // 满意度 (REV-06)
  itemMonthlyReport, // ITM-07/09 要点过期, 休眠事项 (OPEN #41, #42)
  uncertifiedReport, // DIR-15 未持证综窗人员
  CASE_OVERDUE_REPORT, // CAS-19 超期率 (OPEN #45)
  awardMonthlyReport, // PRF-16 评优推荐/获评
];

export const TABLES: Tables = {
  commands: COMMANDS,
  cardActions: CARD_ACTIONS,
  textInterceptors: TEXT_INTERCEPTORS,
  approvalKinds: APPROVAL_KINDS,
  jobs: JOBS,
  ledgers: LEDGERS,
  forms: FORMS,
  attachmentHooks: ATTACHMENT_HOOKS,
  settings: SETTINGS,
  recordKinds: RECORD_KINDS,
  imports: IMPORT_KINDS,
  monthlyReports: MONTHLY_REPORTS,
};
