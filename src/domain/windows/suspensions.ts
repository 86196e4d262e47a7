import { Person } from '../../../entities/person';
import { Suspension, type Consultant } from '../../../entities/suspension';
import { startApproval } from '../../approvals/engine';
import type { Ctx } from '../../kernel/ctx';
import { personName } from '../../kernel/directory';
import { UserError } from '../../kernel/errors';
import { insertRows } from '../../db';
import { nextDeptRecordNo } from '../../kernel/numbers';
import { type LocalDate, localDate, yearOf } from '../../kernel/time';
import { filingDepartment, isChief, ownWindows } from './common';
import { normaliseDeptRef } from './refs';
import { checkConsultants, checkSuspensionNotice, publicityDue } from './rules';

// 业务临时停办 TB… (000 高峰停办 二(二), 附件; SUS-01, SUS-06…SUS-08): HARD ≥ 5 WD ahead and 2–3 consultation staff
// with phones; chain [首席代表签字] → 大厅管理室备案; the public notice is due 4 WD before (SUS-07, filing-watch).

/** What 停办 备案 asks (commands/suspensions.ts parses the chat arguments); `ref` names a draft to complete. */
export interface SuspensionInput {
  ref?: string;
  /** The typed window references. */
  windows?: string[];
  from?: LocalDate;
  to?: LocalDate;
  reason?: string;
  docNo?: string;
  /** SUS-08 consultation staff as typed: a name or userid, with a phone when one was given. */
  consultants?: { name: string; phone?: string }[];
  contactName?: string;
  contactPhone?: string;
  workPlan?: string;
  remark?: string;
}

/** SUS-06…SUS-08 fields a filing must have before it is sent (else it stays a draft). */
export const SUSPENSION_REQUIRED = ['docNo', 'consultants', 'contactName', 'contactPhone', 'workPlan'] as const;

export interface SuspensionFiled {
  suspension: Suspension;
  missing: (typeof SUSPENSION_REQUIRED)[number][];
  nextStep?: string;
  /** SUS-07: the day the public notice is due. */
  publicityDue?: LocalDate;
}

export async function loadSuspension(ctx: Ctx, ref: string): Promise<Suspension> {
  const no = normaliseDeptRef(ctx, ref, ['TB']);
  const s = await ctx.m.findOne(Suspension, { where: { no } });
  if (!s) throw new UserError(`没有找到 ${no}。发送“停办 列表”查看。`);
  return s;
}

/** SUS-08: the typed people, each with a phone — as typed (own, else the shared 电话=), else the directory's. */
async function consultantsOf(ctx: Ctx, typed: { name: string; phone?: string }[]): Promise<Consultant[]> {
  const out: Consultant[] = [];
  for (const c of typed) {
    const p =
      (await ctx.m.findOne(Person, { where: { userid: c.name.toLowerCase() } })) ??
      (await ctx.m.find(Person, { where: { name: c.name } }))[0];
    const phone = c.phone ?? p?.phone ?? '';
    out.push({ name: p?.name ?? c.name, phone, ...(p ? { userid: p.userid } : {}) });
  }
  return out;
}

export async function fileSuspension(ctx: Ctx, a: SuspensionInput): Promise<SuspensionFiled> {
  const dept = await filingDepartment(ctx);
  let draft: Suspension | undefined;
  if (a.ref) {
    draft = await loadSuspension(ctx, a.ref);
    if (draft.departmentCode !== dept.code || draft.status !== 'draft')
      throw new UserError(`${draft.no} 不是本部门的草稿。`);
  }
  const from = a.from ?? draft?.fromDate;
  const to = a.to ?? draft?.toDate;
  const reason = a.reason ?? draft?.reason;
  const windowsRef = a.windows?.length ? a.windows : draft?.windows;
  if (!from || !to || !reason || !windowsRef)
    throw new UserError(
      '缺少参数“窗口/从/到/事由”。例：停办 备案 窗口=5 从=3月16日 到=3月17日 事由=系统升级 文号=… 咨询=张三 139…,李四 139… 联系人=黄燕 联系电话=…',
    );
  if (to < from) throw new UserError(`结束日期 ${to} 早于开始日期 ${from}。`);
  const windows = await ownWindows(ctx.m, dept.code, windowsRef);
  // rule SUS-06: ≥ 5 WD ahead with the 17:30 cut-off (§19 #8).
  checkSuspensionNotice(ctx.deps.calendar, ctx.now, from);
  const consultants = a.consultants ? await consultantsOf(ctx, a.consultants) : (draft?.consultants ?? null);
  if (consultants) checkConsultants(consultants); // rule SUS-08 (§19 #32)
  let contactName = a.contactName ?? draft?.contactName ?? null;
  let contactPhone = a.contactPhone ?? draft?.contactPhone ?? null;
  if (contactName && !contactPhone) {
    const p = (await ctx.m.find(Person, { where: { name: contactName.replace(/^@/, '') } }))[0];
    contactPhone = p?.phone ?? null;
    contactName = p?.name ?? contactName;
  }
  const f: Partial<Suspension> = {
    departmentCode: dept.code,
    windows: windows.map((w) => w.number),
    fromDate: from,
    toDate: to,
    reason,
    docNo: a.docNo ?? draft?.docNo ?? null,
    consultants,
    contactName,
    contactPhone,
    workPlan: a.workPlan ?? draft?.workPlan ?? null,
    remark: a.remark ?? draft?.remark ?? null,
  };
  const given = { docNo: f.docNo, consultants, contactName, contactPhone, workPlan: f.workPlan };
  const missing = SUSPENSION_REQUIRED.filter((k) => !given[k]);
  f.status = missing.length ? 'draft' : 'pending';
  let no = draft?.no;
  if (draft) await ctx.m.update(Suspension, { id: draft.id }, f);
  else {
    no = await nextDeptRecordNo(ctx.m, 'TB', yearOf(localDate(ctx.now)), dept.code);
    await insertRows(ctx.m, Suspension, {
      ...f,
      no,
      approvalNo: null,
      filedAt: null,
      publicityAt: null,
      publicityNote: null,
      notifiedAt: null,
      causeClass: null,
      causeNote: null,
      createdBy: ctx.actor.userid,
      createdAt: ctx.now,
    });
  }
  if (missing.length) {
    await ctx.audit('suspension.draft', 'suspension', no!, { missing });
    return { suspension: await ctx.m.findOneOrFail(Suspension, { where: { no } }), missing };
  }
  const chief = isChief(ctx, dept);
  const approval = await startApproval(ctx, {
    kind: 'suspension',
    subjectType: 'suspension',
    subjectId: no!,
    title: `业务临时停办备案 ${no}`,
    departmentCode: dept.code,
    payload: { suspensionNo: no },
    chiefSignsFirst: true,
  });
  await ctx.m.update(Suspension, { no }, { approvalNo: approval.no, filedAt: chief ? ctx.now : null });
  await ctx.audit('suspension.submit', 'suspension', no!, {
    from,
    to,
    approval: approval.no,
    signed: chief,
    consultants: consultants!.length,
  });
  const nextStep = chief ? '已提交大厅管理室备案' : `待首席代表 ${await personName(ctx.m, dept.chiefRep)} 签字`;
  return {
    suspension: await ctx.m.findOneOrFail(Suspension, { where: { no } }),
    missing: [],
    nextStep,
    // rule SUS-07: the public notice is due on the 4th WD before the start (told at filing).
    publicityDue: publicityDue(ctx.deps.calendar, from),
  };
}
