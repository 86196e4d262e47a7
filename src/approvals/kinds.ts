// Every approval kind the bot knows, declared by its domain (literal table; no registration by scanning).
import type { ApprovalKind } from './types';

export const APPROVAL_KINDS: ApprovalKind[] = [
];

export function approvalKind(kind: string): ApprovalKind {
  const k = APPROVAL_KINDS.find((x) => x.kind === kind);
  if (!k) throw new Error(`unknown approval kind ${kind}`);
  return k;
}
