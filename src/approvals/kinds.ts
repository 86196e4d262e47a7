// Every approval kind the bot knows, declared by its domain (literal table; no registration by scanning).
import { complaintSeriousKind } from '../domain/complaints/serious';
import { windowChangeKind } from '../domain/windows/change-kind';
import { windowClosureKind } from '../domain/windows/closure-kind';
import { peakPlanKind } from '../domain/windows/peak-kind';
import { suspensionKind } from '../domain/windows/suspension-kind';
import { externalNoticeKind } from '../domain/briefings/external-notice';
import { oralNoticeKind } from '../domain/briefings/oral-release';
import { talkRecordKind } from '../domain/briefings/talks';
import { writtenNoticeKind } from '../domain/briefings/written-notice';
import type { ApprovalKind } from '../kernel/approval-kind';

export const APPROVAL_KINDS: ApprovalKind[] = [
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

export function approvalKind(kind: string): ApprovalKind {
  const k = APPROVAL_KINDS.find((x) => x.kind === kind);
  if (!k) throw new Error(`unknown approval kind ${kind}`);
  return k;
}
