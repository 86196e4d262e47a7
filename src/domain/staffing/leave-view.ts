import { In, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import { LeaveRequest } from '../../../entities/leave-request';
import { Person } from '../../../entities/person';
import type { Ctx } from '../../kernel/ctx';
import { findPerson, personName } from '../../kernel/directory';
import { UserError } from '../../kernel/errors';
import { hasRole } from '../../kernel/permissions';
import { localStamp, monthBounds } from '../../kernel/time';
import { coverLine } from './leave-cover';
import { APPROVER_CN, leaveLabel, loadLeave, shortQj, STATUS_CN } from './leave-model';

// `请假 列表` / `请假 查看` (ATT-05/06): staff see their own; 窗口负责人 and 首席代表 their department; 大厅管理室
// and the centre's leaders everyone (the 考勤与请假台账 is theirs).

const seesAll = (ctx: Ctx) => hasRole(ctx.actor, 'hall_office', 'leader', 'supervisor', 'admin');
const seesDept = (ctx: Ctx) => hasRole(ctx.actor, 'window_lead', 'chief_rep');

function assertMayView(ctx: Ctx, r: Pick<LeaveRequest, 'userid' | 'departmentCode' | 'no'>): void {
  if (r.userid === ctx.actor.userid || seesAll(ctx)) return;
  if (seesDept(ctx) && r.departmentCode && r.departmentCode === ctx.actor.departmentCode) return;
  if (ctx.actor.userid === (r as LeaveRequest).approverUserid) return;
  throw new UserError(`无权查看 ${r.no}：只有本人、本部门窗口负责人/首席代表和大厅管理室可以查看。`);
}

/** `请假 列表 [月份] [人=]`: one line per request touching the month, newest first. */
export async function listLeave(ctx: Ctx, month: string, who?: string): Promise<{ header: string; lines: string[] }> {
  const { first, last } = monthBounds(`${month}-01`);
  const where: Record<string, unknown> = { fromDate: LessThanOrEqual(last), toDate: MoreThanOrEqual(first) };
  let scope = '我的';
  if (who) {
    const p = await findPerson(ctx.m, who);
    assertMayView(ctx, { userid: p.userid, departmentCode: p.departmentCode, no: `${p.name}的请假` });
    where.userid = p.userid;
    scope = `${p.name}的`;
  } else if (seesAll(ctx)) scope = '全部';
  else if (seesDept(ctx) && ctx.actor.departmentCode) {
    where.departmentCode = ctx.actor.departmentCode;
    scope = `${ctx.actor.departmentCode} `;
  } else where.userid = ctx.actor.userid;
  const rows = await ctx.m.find(LeaveRequest, { where, order: { fromDate: 'DESC', id: 'DESC' } });
  const names = new Map(
    (await ctx.m.find(Person, { where: { userid: In([...new Set(rows.map((r) => r.userid))]) } })).map((p) => [
      p.userid,
      p.name,
    ]),
  );
  const lines = rows.map(
    (r) => `${shortQj(r.no)} ${names.get(r.userid) ?? r.userid} ${leaveLabel(r)} ${STATUS_CN[r.status]}`,
  );
  return { header: `${month} ${scope}请假 ${rows.length} 条`, lines };
}

/** `请假 查看 <QJ号>`: the full record. */
export async function viewLeave(ctx: Ctx, ref: string): Promise<string> {
  const r = await loadLeave(ctx, ref);
  assertMayView(ctx, r);
  const place = [r.departmentCode, r.windowNumber ? `${r.windowNumber}号窗` : ''].filter(Boolean).join(' ');
  return [
    `${r.no} ${await personName(ctx.m, r.userid)}${place ? `（${place}）` : ''}`,
    `${leaveLabel(r)}｜${STATUS_CN[r.status]}`,
    r.reason ? `原因：${r.reason}` : '',
    `审批：${APPROVER_CN[r.approverRole]}${r.approverUserid ? ` ${await personName(ctx.m, r.approverUserid)}` : ''}${r.approvalNo ? `（${r.approvalNo}）` : ''}${r.paperApproval ? '，纸质审批照片已存档' : ''}`,
    r.cover?.window ? `顶岗：${await coverLine(ctx, r.cover)}` : '',
    r.peaks?.length ? `业务高峰：${r.peaks.join('、')}` : '',
    r.softReasons ? `说明（${Object.keys(r.softReasons).join('、')}）：${Object.values(r.softReasons)[0]}` : '',
    r.makeUpDue ? `当日病假，补办期限 ${r.makeUpDue}` : '',
    r.returnedAt ? `销假：${localStamp(r.returnedAt)}` : '',
    r.absentFlaggedOn ? `⚠️ ${r.absentFlaggedOn} 未销假，已按脱岗报告` : '',
  ]
    .filter(Boolean)
    .join('\n');
}
