import type { ApprovalKind } from './approval-kind';
import type { AttachmentHook } from './attachments';
import type { CardAction, TextInterceptor } from './card';
import type { CommandDef } from './command';
import type { FormDef } from './forms';
import type { ImportKind } from './import-kind';
import type { JobDef } from './job';
import type { Ledger } from './ledger';
import type { RecordKind } from './record-kind';
import type { MonthlyReportProvider } from './report-provider';
import type { SettingDef } from './setting-def';

/**
 * The literal tables the bot is made of (docs/decisions.md D3): assembled once in the composition root
 * (src/tables.ts) and handed to the dispatcher, scheduler, approval engine, H5 route and exporters through
 * `deps.tables`. No module keeps a registry of its own, so nothing depends on import order.
 */
export interface Tables {
  /** Chat commands (docs/commands.md). */
  commands: readonly CommandDef[];
  /** Card button verbs `<verb>:<id>`. */
  cardActions: readonly CardAction[];
  /** Plain-text hooks that run before the command parser (reject reasons, dispute reasons). */
  textInterceptors: readonly TextInterceptor[];
  /** Approval chains (src/approvals engine). */
  approvalKinds: readonly ApprovalKind[];
  /** Scheduled jobs (docs/jobs.md). */
  jobs: readonly JobDef[];
  /** Exportable 台账 (docs/ledgers.md). */
  ledgers: readonly Ledger[];
  /** H5 forms (docs/forms.md). */
  forms: readonly FormDef[];
  /** Domain reactions to a stored photo or file, matched by the slot's owner type and purpose. */
  attachmentHooks: readonly AttachmentHook[];
  /** Every setting with its default (docs/settings.md); read values through src/settings. */
  settings: Readonly<Record<string, SettingDef>>;
  /** Every numbered record: `记录 历史` / `记录 更正` (REC-02, REC-06, REC-09). */
  recordKinds: readonly RecordKind[];
  /** Chat-file and CLI imports (D94): `<领域> 导入` + file, `cli import <name>`. */
  imports: readonly ImportKind<unknown>[];
  /** monthly-batch section 六: one line per domain figure (D92). */
  monthlyReports: readonly MonthlyReportProvider[];
}
