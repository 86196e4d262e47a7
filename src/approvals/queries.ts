import { In, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import { Delegation } from '../../entities/delegation';
import { Approval } from '../../entities/approval';
import { ApprovalStep } from '../../entities/approval-step';
import { AuditLog } from '../../entities/audit-log';
import type { Ctx } from '../kernel/ctx';
import { hasRole } from '../kernel/permissions';
import { actingApprovers } from './approvers';
import { personName } from '../kernel/directory';
import { localStamp, shortDate, localDate } from '../kernel/time';

/** My pending approvals (as approver or delegate), oldest first (`待办`). */
export async function pendingFor(
  ctx: Ctx,
): Promise<{ approval: Approval; step: ApprovalStep; delegateFor?: string }[]> {
  const pending = await ctx.m.find(ApprovalStep, { where: { status: 'pending' } });
  const out: { approval: Approval; step: ApprovalStep; delegateFor?: string }[] = [];
  const today = localDate(ctx.now);
  const mandates = await ctx.m.find(Delegation, {
    where: { delegate: ctx.actor.userid, fromDate: LessThanOrEqual(today), toDate: MoreThanOrEqual(today) },
  });
  const principals = new Set(mandates.map((d) => d.principal));
  const mine = pending.filter(
    (s) => s.approvers.includes(ctx.actor.userid) || s.approvers.some((p) => principals.has(p)),
  );
  if (mine.length === 0) return out;
  const approvals = await ctx.m.find(Approval, { where: { id: In(mine.map((s) => s.approvalId)), status: 'pending' } });
  for (const s of mine) {
    const a = approvals.find((x) => x.id === s.approvalId && x.step === s.idx);
    if (!a) continue;
    const delegateFor = s.approvers.includes(ctx.actor.userid) ? undefined : s.approvers.find((p) => principals.has(p));
    out.push({ approval: a, step: s, delegateFor });
  }
  return out.sort((x, y) => x.approval.createdAt.getTime() - y.approval.createdAt.getTime());
}

/** History lines of an approval for `审批 查看`. */
export async function approvalHistory(ctx: Ctx, a: Approval): Promise<string[]> {
  const steps = await ctx.m.find(ApprovalStep, { where: { approvalId: a.id }, order: { idx: 'ASC' } });
  const lines = [
    `${a.no} ${a.title}`,
    `申请人 ${await personName(ctx.m, a.requester)}｜提交 ${localStamp(a.createdAt)}`,
  ];
  const mark: Record<string, string> = {
    approved: '✅',
    rejected: '❌',
    pending: '⏳',
    waiting: '⬜',
    skipped: '—',
    withdrawn: '↩',
  };
  for (const s of steps) {
    const who = s.decidedBy
      ? `${await personName(ctx.m, s.decidedBy)}${s.onBehalfOf ? `（代 ${await personName(ctx.m, s.onBehalfOf)}）` : ''} ${s.decidedAt ? localStamp(s.decidedAt) : ''}`
      : (await Promise.all(s.approvers.map((u) => personName(ctx.m, u)))).join('、');
    lines.push(`${mark[s.status] ?? ''} ${s.label}：${who}${s.reason ? `（${s.reason}）` : ''}`);
  }
  const withdrawn = await ctx.m.findOne(AuditLog, {
    where: { subjectType: 'approval', subjectId: a.no, action: 'approval.withdraw' },
  });
  if (withdrawn) lines.push(`↩ 申请人撤回 ${localStamp(withdrawn.at)}`);
  return lines;
}

export function ageLabel(a: Approval, now: Date): string {
  const days = Math.floor((now.getTime() - a.createdAt.getTime()) / 86_400_000);
  return days > 0
    ? `${shortDate(localDate(a.createdAt))}提交，已${days}天`
    : `今日${localStamp(a.createdAt).slice(11)}提交`;
}

/**
 * Who may press `approve:`/`reject:` on this approval (design rule 4): every step's approvers and their acting
 * delegates. The engine then checks the current step; a decided approval answers "已处理" to them.
 */
export async function approvalDeciders(ctx: Ctx, no: string): Promise<string[]> {
  const a = await ctx.m.findOne(Approval, { where: { no } });
  if (!a) return [];
  const steps = await ctx.m.find(ApprovalStep, { where: { approvalId: a.id } });
  return actingApprovers(
    ctx.m,
    steps.flatMap((s) => s.approvers),
    ctx.now,
  );
}

/**
 * May the actor read this approval's trail (`审批 查看`)? Its requester, any step's approvers and their delegates,
 * 大厅管理室 and the centre's leaders, and the 首席代表 of the approval's department (D18: approvals carry 约谈
 * targets and reject reasons, so nobody else).
 */
export async function mayViewApproval(ctx: Ctx, a: Approval): Promise<boolean> {
  const { actor } = ctx;
  if (actor.userid === a.requester || hasRole(actor, 'hall_office', 'leader', 'supervisor')) return true;
  if (a.departmentCode && hasRole(actor, 'chief_rep') && actor.departmentCode === a.departmentCode) return true;
  return (await approvalDeciders(ctx, a.no)).includes(actor.userid);
}
