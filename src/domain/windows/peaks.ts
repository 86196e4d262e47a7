import { PeakPlan } from '../../../entities/peak-plan';
import { startApproval } from '../../approvals/engine';
import type { Ctx } from '../../kernel/ctx';
import { personName } from '../../kernel/directory';
import { UserError } from '../../kernel/errors';
import { insertRows } from '../../db';
import { nextDeptRecordNo } from '../../kernel/numbers';
import { localDate, yearOf } from '../../kernel/time';
import { filingDepartment, isChief } from './common';
import { normaliseDeptRef } from './refs';
import { checkPeakNotice } from './rules';

export { peakOverlapping } from './peak-lock';
export { checklistLine } from './peak-kind';

// 业务高峰工作预案 GF… (000 高峰停办 一, 二(一); SUS-01…SUS-05; record fields OPEN #30). HARD ≥ 2 WD before the
// peak (SUS-02); chain [首席代表签字] → 大厅管理室备案; an approved plan locks the department's closures (WIN-12).

/** The plan's fields as typed (commands/peaks.ts parses the chat arguments); `ref` names a draft to complete. */
export type PeakInput = { ref?: string } & Partial<
  Pick<
    PeakPlan,
    | 'fromDate'
    | 'toDate'
    | 'reasonType'
    | 'reason'
    | 'contactName'
    | 'contactPhone'
    | 'staffing'
    | 'publicity'
    | 'techPerson'
    | 'riskOwner'
    | 'orderStaff'
    | 'extendedService'
    | 'dailyCapacity'
    | 'reportedToParent'
  >
>;

/** SUS-01 / OPEN #30: what a plan must state before it is sent (else it stays a draft). */
export const PEAK_REQUIRED = [
  'contactName',
  'contactPhone',
  'staffing',
  'publicity',
  'dailyCapacity',
  'reportedToParent',
] as const;

export interface PeakFiled {
  plan: PeakPlan;
  /** Required fields still empty (draft), in PEAK_REQUIRED order. */
  missing: (typeof PEAK_REQUIRED)[number][];
  nextStep?: string;
}

export async function loadPeak(ctx: Ctx, ref: string): Promise<PeakPlan> {
  const no = normaliseDeptRef(ctx, ref, ['GF']);
  const p = await ctx.m.findOne(PeakPlan, { where: { no } });
  if (!p) throw new UserError(`没有找到 ${no}。发送“高峰 列表”查看。`);
  return p;
}

function fieldsFrom(a: PeakInput, d?: PeakPlan): Partial<PeakPlan> {
  return {
    fromDate: a.fromDate ?? d?.fromDate,
    toDate: a.toDate ?? d?.toDate,
    reasonType: a.reasonType ?? d?.reasonType,
    reason: a.reason ?? d?.reason ?? null,
    contactName: a.contactName ?? d?.contactName ?? null,
    contactPhone: a.contactPhone ?? d?.contactPhone ?? null,
    staffing: a.staffing ?? d?.staffing ?? null,
    publicity: a.publicity ?? d?.publicity ?? null,
    techPerson: a.techPerson ?? d?.techPerson ?? null,
    riskOwner: a.riskOwner ?? d?.riskOwner ?? null,
    orderStaff: a.orderStaff ?? d?.orderStaff ?? null,
    extendedService: a.extendedService ?? d?.extendedService ?? null,
    dailyCapacity: a.dailyCapacity ?? d?.dailyCapacity ?? null,
    reportedToParent: a.reportedToParent ?? d?.reportedToParent ?? false,
  };
}

export async function filePeak(ctx: Ctx, a: PeakInput): Promise<PeakFiled> {
  const dept = await filingDepartment(ctx);
  let draft: PeakPlan | undefined;
  if (a.ref) {
    draft = await loadPeak(ctx, a.ref);
    if (draft.departmentCode !== dept.code || draft.status !== 'draft')
      throw new UserError(`${draft.no} 不是本部门的草稿。`);
  }
  const f = fieldsFrom(a, draft);
  if (!f.fromDate || !f.toDate || !f.reasonType)
    throw new UserError('缺少参数“从/到/原因”。例：高峰 预案 从=3月16日 到=3月20日 原因=政策');
  if (f.toDate < f.fromDate) throw new UserError(`结束日期 ${f.toDate} 早于开始日期 ${f.fromDate}。`);
  // rule SUS-02: the plan reaches 大厅管理室 ≥ 2 WD before the peak.
  checkPeakNotice(ctx.deps.calendar, ctx.now, f.fromDate);
  f.riskOwner ??= dept.chiefRep; // 二(一)4: the 首席代表 owns risk prevention
  const missing = PEAK_REQUIRED.filter((k) =>
    k === 'reportedToParent' ? !f.reportedToParent : f[k] === null || f[k] === undefined,
  );
  f.status = missing.length ? 'draft' : 'pending';
  let no = draft?.no;
  if (draft) await ctx.m.update(PeakPlan, { id: draft.id }, f);
  else {
    no = await nextDeptRecordNo(ctx.m, 'GF', yearOf(localDate(ctx.now)), dept.code);
    await insertRows(ctx.m, PeakPlan, {
      ...f,
      no,
      departmentCode: dept.code,
      checklist: null,
      coordination: null,
      approvalNo: null,
      filedAt: null,
      causeClass: null,
      causeNote: null,
      createdBy: ctx.actor.userid,
      createdAt: ctx.now,
    });
  }
  if (missing.length) {
    await ctx.audit('peak_plan.draft', 'peak_plan', no!, { missing });
    return { plan: await ctx.m.findOneOrFail(PeakPlan, { where: { no } }), missing };
  }
  const chief = isChief(ctx, dept);
  const approval = await startApproval(ctx, {
    kind: 'peak-plan',
    subjectType: 'peak_plan',
    subjectId: no!,
    title: `业务高峰工作预案 ${no}`,
    departmentCode: dept.code,
    payload: { peakNo: no },
    chiefSignsFirst: true,
  });
  await ctx.m.update(PeakPlan, { no }, { approvalNo: approval.no, filedAt: chief ? ctx.now : null });
  await ctx.audit('peak_plan.submit', 'peak_plan', no!, {
    from: f.fromDate,
    to: f.toDate,
    approval: approval.no,
    signed: chief,
  });
  const nextStep = chief ? '已提交大厅管理室' : `待首席代表 ${await personName(ctx.m, dept.chiefRep)} 签字`;
  return { plan: await ctx.m.findOneOrFail(PeakPlan, { where: { no } }), missing: [], nextStep };
}
