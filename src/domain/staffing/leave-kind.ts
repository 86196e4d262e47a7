import { In, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import { Delegation } from '../../../entities/delegation';
import { LeaveRequest } from '../../../entities/leave-request';
import { PersonRole } from '../../../entities/person-role';
import { Person } from '../../../entities/person';
import type { Approval } from '../../../entities/approval';
import { roleStep } from '../../approvals/approvers';
import type { ApprovalKind } from '../../kernel/approval-kind';
import type { Ctx } from '../../kernel/ctx';
import { chiefRepOf, personName } from '../../kernel/directory';
import { UserError } from '../../kernel/errors';
import { localDate } from '../../kernel/time';
import { coverFor, coverLine, isCovered, standIn } from './leave-cover';
import { APPROVAL_KIND, APPROVER_CN, leaveLabel, rangeLabel, SUBJECT } from './leave-model';

// Approval kind `请假` — one step (ATT-05, OPEN #36): the approver chosen when the request was filed
// (leave-routing.ts). The card shows the cover (ATT-07, DIR-09) and any peak overlapped (SUS-04). Approval tells
// 大厅管理室 (finalGroup) and the B-post or 顶岗 person; with nobody at the window the 首席代表 is asked to
// arrange 顶岗 or a 临时关闭 (ATT-07, OPEN #60).

async function leaveOf(ctx: Ctx, a: Approval): Promise<LeaveRequest> {
  return ctx.m.findOneOrFail(LeaveRequest, { where: { no: a.subjectId } });
}

export const leaveKind: ApprovalKind = {
  kind: APPROVAL_KIND,
  async steps(ctx, a) {
    const r = await leaveOf(ctx, a);
    const label = `${APPROVER_CN[r.approverRole]}审批`;
    if (r.approverRole === 'hall_office') return [await roleStep(ctx.m, label, 'hall_office')];
    if (!r.approverUserid) throw new Error(`leave ${r.no} has no approver`);
    return [{ label, approvers: [r.approverUserid] }];
  },
  async card(ctx, a) {
    const r = await leaveOf(ctx, a);
    const place = [r.departmentCode, r.windowNumber ? `${r.windowNumber}号窗` : ''].filter(Boolean).join(' ');
    const notes = [
      r.reason ? `原因：${r.reason}` : '',
      r.makeUpDue ? `当日病假，${r.makeUpDue}前补办手续` : '',
      r.softReasons ? `说明：${Object.values(r.softReasons)[0]}` : '',
    ].filter(Boolean);
    return {
      subTitle: notes.join('｜') || undefined,
      fields: [
        { key: '类型', value: r.kind },
        { key: '日期', value: `${rangeLabel(r)}，${r.workdays}个工作日` },
        { key: '窗口', value: place || '—' },
        { key: '顶岗', value: r.cover ? await coverLine(ctx, r.cover) : '—' },
        { key: '业务高峰', value: r.peaks?.length ? `⚠️ ${r.peaks.join('、')}` : '无' },
      ],
    };
  },
  async onApproved(ctx, a) {
    const r = await leaveOf(ctx, a);
    if (r.status !== 'pending') throw new UserError(`${r.no} 状态已变化（${r.status}）。`);
    await ctx.m.update(LeaveRequest, { id: r.id }, { status: 'approved', decidedAt: ctx.now });
    await ctx.audit('leave.approved', SUBJECT, r.no, { approval: a.no });
    await afterApproval(ctx, { ...r, status: 'approved' });
  },
  async onRejected(ctx, a, reason) {
    const r = await leaveOf(ctx, a);
    await ctx.m.update(LeaveRequest, { id: r.id }, { status: 'rejected', decidedAt: ctx.now });
    await ctx.audit('leave.rejected', SUBJECT, r.no, { reason });
    await ctx.send(
      { group: 'G-OFFICE' },
      { text: `${r.no} ${await personName(ctx.m, r.userid)} ${leaveLabel(r)} 未获批准：${reason}` },
      `qj:${r.no}:rejected:office`,
    );
  },
  async onWithdrawn(ctx, a) {
    const r = await leaveOf(ctx, a);
    await ctx.m.update(LeaveRequest, { id: r.id }, { status: 'cancelled' });
    await ctx.audit('leave.cancelled', SUBJECT, r.no, { approval: a.no });
  },
  finalGroup: () => 'G-OFFICE',
};

/**
 * After approval (card or paper): tell the stand-in, and when the window would be empty ask the 首席代表 for
 * 顶岗 登记 or 窗口 关闭 — a closure only from the earliest date WIN-05 allows, so a same-day 病假 gets 顶岗 only.
 */
export async function afterApproval(ctx: Ctx, r: LeaveRequest): Promise<void> {
  const person = await ctx.m.findOneOrFail(Person, { where: { userid: r.userid } });
  const cover = await coverFor(ctx, person, r.fromDate, r.toDate, r.no);
  await ctx.m.update(LeaveRequest, { id: r.id }, { cover });
  const name = person.name;
  const sub = standIn({ cover });
  if (sub) {
    await ctx.send(
      { user: sub },
      { text: `📌 ${name} ${leaveLabel(r)} 已获批准，请在此期间顶岗 ${cover.window}号窗（AB岗，rule DIR-09）。` },
      `qj:${r.no}:standin`,
    );
  }
  await delegationHint(ctx, r);
  if (isCovered(cover) || !r.departmentCode) return;
  const earliest = ctx.deps.calendar.earliestStartWithNotice(ctx.now, 1);
  const from = earliest > r.fromDate ? earliest : r.fromDate;
  const close =
    from <= r.toDate
      ? `或申请临时关闭：窗口 关闭 ${cover.window}号窗 从=${from} 到=${r.toDate} 事由=${name}${r.kind}（${r.no}）（最早可关闭日期 ${earliest}）`
      : `临时关闭须提前1个工作日申请（最早可关闭日期 ${earliest}），本次只能安排顶岗`;
  const text = `⚠️ ${cover.window}号窗 ${rangeLabel(r)} 无人在岗（rule ATT-07；${name} ${r.kind} ${r.no}）：请发送 顶岗 登记 安排顶岗人员，${close}。`;
  const chief = await chiefRepOf(ctx.m, r.departmentCode).catch(() => null);
  const to = chief && chief.userid !== r.userid ? chief.userid : null;
  if (to) await ctx.send({ user: to }, { text }, `qj:${r.no}:nocover:chief`);
  await ctx.send({ group: 'G-OFFICE' }, { text }, `qj:${r.no}:nocover:office`);
  await ctx.audit('leave.no_cover', SUBJECT, r.no, {
    window: cover.window,
    earliestClosure: earliest,
    on: localDate(ctx.now),
  });
}

/** DIR-02 (OPEN #6): someone who approves for others is reminded to name a 代理人 for the days away. */
async function delegationHint(ctx: Ctx, r: LeaveRequest): Promise<void> {
  const roles = await ctx.m.find(PersonRole, { where: { userid: r.userid, role: In(['chief_rep', 'window_lead']) } });
  if (roles.length === 0) return;
  const named = await ctx.m.findOne(Delegation, {
    where: { principal: r.userid, fromDate: LessThanOrEqual(r.fromDate), toDate: MoreThanOrEqual(r.toDate) },
  });
  if (named) return;
  await ctx.send(
    { user: r.userid },
    {
      text: `${r.no} 已批准。请假期间的审批可指定代理人：代理 设置 <代理人> 从=${r.fromDate} 到=${r.toDate}（rule DIR-02）。`,
    },
    `qj:${r.no}:delegate-hint`,
  );
}
