import type { Approval } from '../../entities/approval';
import type { Ctx } from './ctx';
import type { CardButton, CardField } from '../wecom/cards';

/** One step of a chain, resolved to people: any one of `approvers` decides (first click wins). */
export interface StepSpec {
  label: string;
  approvers: string[];
}

/**
 * An approval kind, declared once by its domain and listed in src/approvals/kinds.ts.
 * Callbacks run inside the transaction of the deciding click, so the decision and its effects commit together.
 */
export interface ApprovalKind {
  kind: string;
  /** Chain after the optional 首席代表 signature step (docs/commands.md). */
  steps(ctx: Ctx, approval: Approval): Promise<StepSpec[]>;
  /** Card body: up to 6 fields, summary line. */
  card(ctx: Ctx, approval: Approval): Promise<{ subTitle?: string; fields: CardField[] }>;
  /** Extra buttons beyond 同意/驳回 (e.g. `edit:<id>` for the 口头通报). */
  extraButtons?(approval: Approval): CardButton[];
  /** Re-check rules before a decision takes effect (HARD checks that may have changed); throw UserError to refuse. */
  beforeDecision?(ctx: Ctx, approval: Approval, decision: 'approve' | 'reject', stepIdx: number): Promise<void>;
  /** After a step other than the last is approved. */
  onStepApproved?(ctx: Ctx, approval: Approval, stepIdx: number): Promise<void>;
  onApproved(ctx: Ctx, approval: Approval): Promise<void>;
  onRejected(ctx: Ctx, approval: Approval, reason: string): Promise<void>;
  onWithdrawn?(ctx: Ctx, approval: Approval): Promise<void>;
  /** Group told of the final decision (e.g. `G-DEPT-GA`), if any. */
  finalGroup?(approval: Approval): string | undefined;
  /** D17: remind after this many WD (default: setting approval.remindAfterWorkdays). */
  remindAfterWorkdays?: number;
  /** D17: escalation target group (default: setting approval.escalateTo). */
  escalateTo?: string;
}

export interface StartRequest {
  kind: string;
  subjectType: string;
  subjectId: string;
  title: string;
  departmentCode?: string | null;
  payload?: Record<string, unknown>;
  /** A department request drafted by staff goes to the department's 首席代表 first. */
  chiefSignsFirst?: boolean;
}

/** The kind's row in the APPROVAL_KINDS table (deps.tables.approvalKinds). */
export function approvalKind(kinds: readonly ApprovalKind[], kind: string): ApprovalKind {
  const k = kinds.find((x) => x.kind === kind);
  if (!k) throw new Error(`unknown approval kind ${kind}`);
  return k;
}
