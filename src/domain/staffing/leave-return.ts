import { In, IsNull, LessThan, LessThanOrEqual } from 'typeorm';
import { Approval } from '../../../entities/approval';
import { LeaveRequest } from '../../../entities/leave-request';
import { withdraw } from '../../approvals/engine';
import type { Ctx } from '../../kernel/ctx';
import { personName } from '../../kernel/directory';
import { UserError } from '../../kernel/errors';
import { hasRole } from '../../kernel/permissions';
import { localDate, localTime, shortDate } from '../../kernel/time';
import { leaveLabel, loadLeave, shortQj, SUBJECT } from './leave-model';

// 销假 (ATT-06, 000 窗口工作 五(五) "按规定请销假") and 请假 撤销. A 销假 ends the leave's cover on its own day
// (D152), so attendance expects the person from then on.

function assertOwn(ctx: Ctx, r: LeaveRequest, what: string): void {
  if (r.userid !== ctx.actor.userid && !hasRole(ctx.actor, 'hall_office'))
    throw new UserError(`${r.no} 不是您的请假，只有本人或大厅管理室可以${what}。`);
}

/** The leave `销假` without a number means: the caller's own approved leave that has begun, latest first. */
async function currentLeave(ctx: Ctx): Promise<LeaveRequest> {
  const today = localDate(ctx.now);
  const begun = await ctx.m.findOne(LeaveRequest, {
    where: { userid: ctx.actor.userid, status: 'approved', fromDate: LessThanOrEqual(today) },
    order: { fromDate: 'DESC', id: 'DESC' },
  });
  if (begun) return begun;
  const later = await ctx.m.findOne(LeaveRequest, {
    where: { userid: ctx.actor.userid, status: In(['approved', 'pending', 'draft']) },
    order: { fromDate: 'ASC' },
  });
  if (later)
    throw new UserError(
      `${later.no} ${leaveLabel(later)} 尚未开始，无需销假；如不再请假，请发送“请假 撤销 ${shortQj(later.no)}”。`,
    );
  throw new UserError('您没有需要销假的请假。');
}

/** `销假 [QJ号]` → `✅ QJ140 已销假 3/6 08:25`. */
export async function returnFromLeave(ctx: Ctx, ref?: string): Promise<string> {
  const r = ref ? await loadLeave(ctx, ref) : await currentLeave(ctx);
  assertOwn(ctx, r, '销假');
  const today = localDate(ctx.now);
  if (r.status === 'returned') throw new UserError(`${r.no} 已于 ${localStampOf(r.returnedAt!)} 销假。`);
  if (r.status !== 'approved')
    throw new UserError(`${r.no} 尚未批准，不能销假；如不再请假，请发送“请假 撤销 ${shortQj(r.no)}”。`);
  if (r.fromDate > today)
    throw new UserError(
      `${r.no} 将于 ${r.fromDate} 开始，尚未开始无需销假；如不再请假，请发送“请假 撤销 ${shortQj(r.no)}”。`,
    );
  await ctx.m.update(LeaveRequest, { id: r.id, status: 'approved' }, { status: 'returned', returnedAt: ctx.now });
  await ctx.audit('leave.returned', SUBJECT, r.no, { by: ctx.actor.userid, late: r.absentFlaggedOn });
  const stamp = `${shortDate(today)} ${localTime(ctx.now)}`;
  const name = await personName(ctx.m, r.userid);
  await ctx.send(
    { group: 'G-OFFICE' },
    {
      text: `${r.no} ${name} ${leaveLabel(r)} 已销假 ${stamp}${r.absentFlaggedOn ? `（${r.absentFlaggedOn} 曾按未销假脱岗报告）` : ''}`,
    },
    `qj:${r.no}:returned:office`,
  );
  const makeUp = r.makeUpDue ? `\n当日病假请于 ${r.makeUpDue} 前在考勤系统补办请假手续。` : '';
  return `✅ ${shortQj(r.no)} 已销假 ${stamp}${makeUp}`;
}

function localStampOf(d: Date): string {
  return `${shortDate(localDate(d))} ${localTime(d)}`;
}

/** `请假 撤销 <QJ号>`: a request not yet begun is withdrawn (its approval too) and the approver told. */
export async function cancelLeave(ctx: Ctx, ref: string): Promise<string> {
  const r = await loadLeave(ctx, ref);
  assertOwn(ctx, r, '撤销');
  const today = localDate(ctx.now);
  if (r.status === 'cancelled') throw new UserError(`${r.no} 已撤销。`);
  if (r.status === 'rejected') throw new UserError(`${r.no} 未获批准，无需撤销。`);
  if (r.status === 'returned') throw new UserError(`${r.no} 已销假，不能撤销。`);
  if (r.status === 'approved' && r.fromDate <= today)
    throw new UserError(`${r.no} 已于 ${r.fromDate} 开始，不能撤销；提前返岗请发送“销假 ${shortQj(r.no)}”。`);
  if (r.status === 'pending' && r.approvalNo) {
    const a = await ctx.m.findOneOrFail(Approval, { where: { no: r.approvalNo } });
    if (a.requester !== ctx.actor.userid) throw new UserError(`${r.no} 审批中，只有申请人本人可以撤销。`);
    await withdraw(ctx, a.no); // onWithdrawn marks the request cancelled
  } else {
    await ctx.m.update(LeaveRequest, { id: r.id }, { status: 'cancelled' });
    await ctx.audit('leave.cancelled', SUBJECT, r.no, { from: r.status });
  }
  const name = await personName(ctx.m, r.userid);
  const text = `${r.no} ${name} ${leaveLabel(r)} 已撤销。`;
  await ctx.send({ group: 'G-OFFICE' }, { text }, `qj:${r.no}:cancelled:office`);
  if (r.status === 'approved' && r.approverUserid && r.approverUserid !== ctx.actor.userid)
    await ctx.send({ user: r.approverUserid }, { text }, `qj:${r.no}:cancelled:approver`);
  return `✅ ${text}`;
}

/** Approved leave that has ended without a 销假 (for the ATT-06 check). */
export async function unreturnedBefore(ctx: Ctx, today: string): Promise<LeaveRequest[]> {
  return ctx.m.find(LeaveRequest, {
    where: { status: 'approved', toDate: LessThan(today), returnedAt: IsNull() },
    order: { toDate: 'ASC', id: 'ASC' },
  });
}
