import { Department } from '../../../entities/department';
import { Person } from '../../../entities/person';
import { StaffRecord } from '../../../entities/staff-record';
import { startApproval } from '../../approvals/engine';
import { insertRows } from '../../db';
import { STF01_REASONS, monthsBetween } from '../../directory/edits';
import type { Ctx } from '../../kernel/ctx';
import { findPerson, personName } from '../../kernel/directory';
import { UserError, onField, softWarning } from '../../kernel/errors';
import { nextDeptRecordNo } from '../../kernel/numbers';
import { type LocalDate, addMonths, localDate, yearOf } from '../../kernel/time';
import { buttonCard, taskIdFor } from '../../wecom/cards';
import { filingDepartment } from '../windows/common';
import { checkNotice } from '../windows/rules';
import { CITE, SUBJECT, loadStaffRecord, md } from './records';

// 离岗 申请 LG… (000 调整管理 三(二)1, 附件4; STF-01, STF-07): ≥ 15 WD before 离岗时间; the leaver confirms the
// reason first (本人签字, a `confirm:` card); under one year of stationing a reason code and a 中心领导 step.

export interface OffboardingInput {
  person: string;
  leave: LocalDate;
  reasonCode?: number;
  reason?: string;
  successor?: string;
}

/** Tenure under one year (STF-01; 000 调整管理 三 "派驻期限至少保持一年"): months served, else null. */
export function shortTenure(since: string | null, on: LocalDate): number | null {
  if (!since || addMonths(since, 12) <= on) return null;
  return monthsBetween(since, on);
}

export const REASON_LIST = Object.entries(STF01_REASONS)
  .map(([k, v]) => `${k} ${v}`)
  .join('；');

export async function fileOffboarding(
  ctx: Ctx,
  a: OffboardingInput,
): Promise<{ r: StaffRecord; months: number | null }> {
  const dept = await filingDepartment(ctx);
  const p = await onField('人', () => findPerson(ctx.m, a.person));
  if (p.departmentCode !== dept.code) throw new UserError(`${p.name} 不是 ${dept.code} 的人员。`, '人');
  if (p.status === '拟离岗' || p.status === '已离岗' || p.inactive)
    throw new UserError(`${p.name} 当前为“${p.status}”。`, '人');
  const open = await ctx.m.findOne(StaffRecord, { where: { kind: '离岗', userid: p.userid, status: 'confirming' } });
  if (open) throw new UserError(`${p.name} 已有离岗申请 ${open.no} 待本人确认。`);
  checkNotice(ctx.deps.calendar, ctx.now, a.leave, 15, 'STF-07', CITE.stf07, '离岗', '离岗');
  const months = shortTenure(p.stationedSince, a.leave);
  if (months !== null && (!a.reasonCode || !a.reason))
    throw softWarning(
      'STF-01',
      `${p.name} ${p.stationedSince} 入岗，至 ${a.leave} 在岗未满1年（${months}个月），原则上不得调整，须中心领导审批。`,
      `原因码=1-5 原因=…（${REASON_LIST}）`,
    );
  const successor = a.successor ? await onField('接替', () => findPerson(ctx.m, a.successor!)) : null;
  const stationing = await ctx.m.findOne(StaffRecord, {
    where: { kind: '入岗', userid: p.userid },
    order: { id: 'DESC' },
  });
  const no = await nextDeptRecordNo(ctx.m, 'LG', yearOf(localDate(ctx.now)), dept.code);
  await insertRows(ctx.m, StaffRecord, {
    no,
    kind: '离岗',
    departmentCode: dept.code,
    userid: p.userid,
    name: p.name,
    windowNumber: p.windowNumber,
    idNumber: stationing?.idNumber ?? null,
    identity: stationing?.identity ?? null,
    windowKind: stationing?.windowKind ?? null,
    form: { ...(stationing?.form ?? {}), 入岗时间: p.stationedSince ?? '' },
    startDate: p.stationedSince,
    endDate: a.leave,
    otherUserid: successor?.userid ?? null,
    reasonCode: a.reasonCode ? String(a.reasonCode) : null,
    reason: a.reason ?? null,
    noProofReason: null,
    status: 'confirming',
    approvalNo: null,
    handover: {},
    confirmedAt: null,
    doneAt: null,
    createdBy: ctx.actor.userid,
    createdAt: ctx.now,
  });
  await ctx.audit('staff_record.create', SUBJECT, no, { kind: '离岗', userid: p.userid, leave: a.leave, months });
  const card = buttonCard({
    taskId: taskIdFor(no, 'confirm'),
    title: `请确认离岗原因 ${no}`,
    desc: `离岗 ${md(a.leave)}`,
    subTitle: `离岗原因：${a.reason ?? '—'}${a.reasonCode ? `（原因码 ${a.reasonCode} ${STF01_REASONS[a.reasonCode]}）` : ''}。确认即本人签字（附件4）。`,
    fields: [
      { key: '部门窗口', value: `${dept.code} ${p.windowNumber ?? '—'}号窗` },
      { key: '入岗时间', value: p.stationedSince ?? '—' },
      { key: '离岗时间', value: a.leave },
    ],
    buttons: [{ text: '确认', key: `confirm:${no}`, style: 1 }],
  });
  await ctx.send({ user: p.userid }, { card }, `lg:${no}:confirm`);
  return { r: await loadStaffRecord(ctx, no, 'LG'), months };
}

/** The `confirm:LG…` holders: the leaver only (本人签字). */
export async function leaverOf(ctx: Ctx, id: string): Promise<readonly string[]> {
  const r = await ctx.m.findOne(StaffRecord, { where: { no: id } });
  return r?.userid ? [r.userid] : [];
}

/** The leaver's confirmation starts the chain (docs/commands.md: 本人签字 first). */
export async function confirmOffboarding(ctx: Ctx, id: string): Promise<{ r: StaffRecord; next: string } | null> {
  const r = await loadStaffRecord(ctx, id, 'LG');
  if (r.status !== 'confirming') return null;
  const res = await ctx.m
    .createQueryBuilder()
    .update(StaffRecord)
    .set({ status: 'pending', confirmedAt: ctx.now })
    .where('id = :id AND status = :s', { id: r.id, s: 'confirming' })
    .execute();
  if ((res.affected ?? 0) !== 1) return null;
  await ctx.audit('staff_record.confirm', SUBJECT, r.no, {});
  // Filed by the 首席代表 = 工作单位审批意见 signed; filed by staff → the 首席代表 signs next.
  const d = await ctx.m.findOneOrFail(Department, { where: { code: r.departmentCode } });
  const chiefFiled = d.chiefRep === r.createdBy;
  const approval = await startApproval(ctx, {
    kind: 'offboarding',
    subjectType: SUBJECT,
    subjectId: r.no,
    title: `进驻人员离岗审批 ${r.no}`,
    departmentCode: r.departmentCode,
    payload: { recordNo: r.no },
    chiefSignsFirst: !chiefFiled,
  });
  await ctx.m.update(StaffRecord, { id: r.id }, { approvalNo: approval.no });
  const next =
    chiefFiled || d.chiefRep === ctx.actor.userid
      ? '送大厅管理室审批'
      : `待首席代表 ${await personName(ctx.m, d.chiefRep)} 签字`;
  return { r, next };
}

export async function personOf(ctx: Ctx, r: StaffRecord): Promise<Person | null> {
  return r.userid ? ctx.m.findOne(Person, { where: { userid: r.userid } }) : null;
}
