import type { Ctx } from './ctx';

// A kind of numbered record (docs/commands.md record numbers; REC-02, REC-06, REC-09): one row of the
// RECORD_KINDS table, assembled in the composition root, read by `记录 历史` and `记录 更正`.

/** What `记录 历史` and `记录 更正` need of one stored record. */
export interface RecordRow {
  no: string;
  departmentCode: string | null;
  status: string;
  /** The entity row itself, for field reads and corrections. */
  row: Record<string, unknown>;
  /** Other subject ids its audit rows were written under (e.g. a notice's period key before it was numbered). */
  aliases?: string[];
}

/** A field `记录 更正` may change (REC-09). */
export interface RecordField {
  /** The name typed before `=`, as on the form (事由, 特征, 公告日期…). */
  name: string;
  /** The entity property it corrects. */
  column: string;
  type: 'text' | 'date' | 'int';
  /** The record's running deadlines count from this field: a correction recomputes them (DIR-13 path). */
  drivesDeadlines?: boolean;
}

/** One row of a printed form: its label as on the seed form and the record's value. */
export interface PrintRow {
  label: string;
  value: string;
  /** Rows sharing a merged first cell (附件2 `时间段` over 临时关闭 / 重启 / 固定时间、季节重启). */
  group?: string;
}

/** A form printed by `导出 表单` (REC-08): the seed form's rows, its signature rows and its 一式两份 keepers. */
export interface PrintForm {
  /** 表题 as on the seed form. */
  title: string;
  /** A line above the table (附件1 `部门（单位）：…`). */
  headerLine?(ctx: Ctx, rec: RecordRow): Promise<string>;
  rows(ctx: Ctx, rec: RecordRow): Promise<PrintRow[]>;
  /** Signature rows in order, each filled from the approval steps it names (who, decision, time, reason). */
  signatures: readonly { label: string; steps: readonly string[]; applicant?: boolean }[];
  /** Rows the seed form has below its signature rows (停办 附件: 联系人及电话, 备注). */
  rowsAfter?(ctx: Ctx, rec: RecordRow): Promise<PrintRow[]>;
  /** Only some records of the kind are this form (督通: a 约谈 notice is a 约谈记录, an 口头 one is no form). */
  appliesTo?(rec: RecordRow): boolean;
  /** The subject id whose approval carries the signatures, when it is not the record number (约谈: `talk:<id>`). */
  approvalSubject?(rec: RecordRow): string;
  /** The seed form is one page: each printed copy must fit one (REC-08, D219). */
  onePage?: boolean;
  /** The 注 under the table, and who keeps each of the copies it names. */
  note: string;
  copies: readonly string[];
}

export interface RecordKind {
  /** The number's prefix (`TS`, `GB`, `SW`, `督通`…). */
  prefix: string;
  /** What people call it (投诉, 窗口临时关闭…). */
  label: string;
  /** The audit subject type its rows are written under. */
  subjectType: string;
  /** The full stored number for typed text (`TS12` → `TS2026-0012`), or undefined when not of this kind. */
  normalise(ctx: Ctx, ref: string): Promise<string | undefined>;
  load(ctx: Ctx, no: string): Promise<RecordRow | null>;
  /** Every stored number of this kind (nearest matches for a number that does not exist). */
  numbers(ctx: Ctx): Promise<string[]>;
  /** Refuse a viewer who may not see it (default: 大厅管理室, leaders, supervisors, and the own department). */
  assertMayView?(ctx: Ctx, rec: RecordRow): Promise<void>;
  /** Statuses in which the record is still a draft its department's 首席代表 may correct (REC-09). */
  draftStatuses?: readonly string[];
  /** REC-06: why the record is read-only evidence now (confirmed, approved…), or null while it may change. */
  evidence?(rec: RecordRow): string | null;
  /** Correctable fields (REC-09); none means the record is corrected only by a new record. */
  fields: readonly RecordField[];
  /** The seed form this record prints as (`导出 表单`, REC-08). */
  printForm?: PrintForm;
  /** A kind that versions its rows itself (SW: lost_item_version) writes the correction here. */
  correct?(ctx: Ctx, rec: RecordRow, field: RecordField, value: string | number, reason: string): Promise<void>;
}
