import { LeaveRequest, type LeaveKind, type LeaveStatus } from '../../../entities/leave-request';
import type { Ctx } from '../../kernel/ctx';
import { UserError } from '../../kernel/errors';
import { normaliseRecordRef } from '../../kernel/numbers';
import { localDate, shortDate, yearOf } from '../../kernel/time';

// Shared words of 请假/出差/销假 (ATT-05/06/07; 000 窗口工作 五(五) "严格遵守本级政务服务中心请销假制度").

export const SUBJECT = 'leave_request';
export const APPROVAL_KIND = '请假';
export const CITE = '000 窗口工作 五(五)';
/** The 分管领导's signed paper approval, photographed by 大厅管理室 (D151). */
export const PAPER_PHOTO = '纸质审批';

export const STATUS_CN: Record<LeaveStatus, string> = {
  draft: '待纸质审批',
  pending: '审批中',
  approved: '已批准',
  rejected: '已驳回',
  cancelled: '已撤销',
  returned: '已销假',
};

export const APPROVER_CN: Record<string, string> = {
  window_lead: '窗口负责人',
  chief_rep: '首席代表',
  dept_leader: '部门分管领导',
  hall_office: '大厅管理室',
  paper: '部门分管领导（纸质）',
};

/** `QJ140` / `QJ2026-0140` → the stored number (the current year when none is typed). */
export function qjNo(ctx: Ctx, ref: string): string {
  const no = normaliseRecordRef(ref, 'QJ', yearOf(localDate(ctx.now)));
  if (!no) throw new UserError(`“${ref}”不是请假编号，例：QJ2026-0140 或 QJ140。`);
  return no;
}

export async function loadLeave(ctx: Ctx, ref: string): Promise<LeaveRequest> {
  const no = qjNo(ctx, ref);
  const r = await ctx.m.findOne(LeaveRequest, { where: { no } });
  if (!r) throw new UserError(`没有找到请假记录 ${no}。发送“请假 列表”查看。`);
  return r;
}

/** `QJ140` — the short form used in replies (docs/commands.md `✅ QJ140 已销假`). */
export function shortQj(no: string): string {
  return no.replace(/^QJ\d{4}-0*/, 'QJ');
}

/** `3/5` or `3/9–3/11`. */
export function rangeLabel(r: Pick<LeaveRequest, 'fromDate' | 'toDate'>): string {
  return r.fromDate === r.toDate ? shortDate(r.fromDate) : `${shortDate(r.fromDate)}–${shortDate(r.toDate)}`;
}

/** `事假 3/5 1天` — kind, dates and working days, as in every reply and card title. */
export function leaveLabel(r: Pick<LeaveRequest, 'kind' | 'fromDate' | 'toDate' | 'workdays'>): string {
  return `${r.kind} ${rangeLabel(r)}（${r.workdays}个工作日）`;
}

export const isBusinessTrip = (kind: LeaveKind) => kind === '出差';
