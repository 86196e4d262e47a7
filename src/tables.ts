// Composition root for the bot's tables (docs/decisions.md D3): every literal table is assembled here, once,
// and handed to the dispatcher, scheduler, approval engine, H5 route and exporters through `deps.tables`.
// The command list itself is commands/index.ts and the schedule jobs/index.ts; approval kinds, ledgers and
// forms are listed below. Add a row where its table is; nothing registers itself.
import { CARD_ACTIONS, TEXT_INTERCEPTORS } from '../commands/card-actions';
import { complaintForm } from '../commands/complaints-form';
import { COMMANDS } from '../commands/index';
import { SUPERVISION_FORMS } from '../commands/supervision-forms';
import { lostItemForm } from '../commands/lost-form';
import { JOBS } from '../jobs/index';
import { claimSignatureHook } from './domain/lost-found/claim';
import { lostItemLedger } from './domain/lost-found/ledger';
import { externalNoticeKind } from './domain/briefings/external-notice';
import { oralNoticeKind } from './domain/briefings/oral-release';
import { talkRecordKind } from './domain/briefings/talks';
import { writtenNoticeKind } from './domain/briefings/written-notice';
import { complaintLedger, petitionLedger } from './domain/complaints/ledger';
import { complaintSeriousKind } from './domain/complaints/serious';
import { windowChangeKind } from './domain/windows/change-kind';
import { windowClosureKind } from './domain/windows/closure-kind';
import { WINDOW_FORMS } from './domain/windows/forms';
import { peakSuspensionLedger, windowLedger } from './domain/windows/ledgers';
import { peakPlanKind } from './domain/windows/peak-kind';
import { suspensionKind } from './domain/windows/suspension-kind';
import type { ApprovalKind } from './kernel/approval-kind';
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
import {
  deductionRecord,
  deviceTaskRecord,
  findingRecord,
  inspectionRecord,
  keyTaskRecord,
  measureRecord,
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
  talkRecordKind, // BRF-06 中心领导 审定 (约谈记录)
  writtenNoticeKind, // BRF-07 中心领导 审定 (书面通报)
  externalNoticeKind, // BRF-09 中心领导 签发 (派驻部门通报)
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
];

/** Every H5 form (`表单 <名称>`); each row submits to one command. */
export const FORMS: readonly FormDef[] = [
  ...WINDOW_FORMS, // 附件1, 附件2, 季节窗口计划, 停办备案表, 高峰预案
  complaintForm, // 投诉登记表 (OPEN #14)
  ...SUPERVISION_FORMS, // 巡查记录, 异议, 约谈记录, 口头/书面通报编辑, 整改方案
  lostItemForm, // 市民遗失物品登记表 (LST-02)
];

/** Domain reactions to a photo or file sent into an open attachment slot (D6). */
export const ATTACHMENT_HOOKS: readonly AttachmentHook[] = [
  claimSignatureHook, // LST-08: the claimant's signature photo releases a lost item
  importFileHook, // D94: the CSV/XLSX sent after `<领域> 导入` is imported (all or nothing)
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
];

/** Chat-file and CLI imports (D94): each kind's columns, checks and write step. */
export const IMPORT_KINDS: readonly ImportKind<unknown>[] = [platformCasesImport];

/** monthly-batch section 六 (D92): each domain's monthly figure, to G-OFFICE and each 首席代表 its own line. */
export const MONTHLY_REPORTS: readonly MonthlyReportProvider[] = [CASE_OVERDUE_REPORT];

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
