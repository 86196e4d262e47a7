import { Person } from '../../../entities/person';
import { Suspension, type Consultant } from '../../../entities/suspension';
import { startApproval } from '../../approvals/engine';
import type { Ctx } from '../../kernel/ctx';
import { personName } from '../../kernel/directory';
import { UserError } from '../../kernel/errors';
import { formLink } from '../../kernel/forms';
import { insertRows } from '../../db';
import { nextDeptRecordNo } from '../../kernel/numbers';
import { type LocalDate, localDate, shortDate, yearOf } from '../../kernel/time';
import { filingDepartment, isChief, ownWindows } from './common';
import { normaliseDeptRef } from './refs';
import { checkConsultants, checkSuspensionNotice, parseConsultants, publicityDue, windowsLabel } from './rules';

// 业务临时停办 TB… (000 高峰停办 二(二), 附件; SUS-01, SUS-06…SUS-08): HARD ≥ 5 WD ahead and 2–3 consultation staff
// with phones; chain [首席代表签字] → 大厅管理室备案; the public notice is due 4 WD before (SUS-07, filing-watch).

export interface SuspensionArgs {
  编号?: string;
  窗口?: string;
  从?: LocalDate;
  到?: LocalDate;
  事由?: string;
  文号?: string;
  咨询?: string;
  电话?: string;
  联系人?: string;
  联系电话?: string;
  预案?: string;
  备注?: string;
}

export async function loadSuspension(ctx: Ctx, ref: string): Promise<Suspension> {
  const no = normaliseDeptRef(ctx, ref, ['TB']);
  const s = await ctx.m.findOne(Suspension, { where: { no } });
  if (!s) throw new UserError(`没有找到 ${no}。发送“停办 列表”查看。`);
  return s;
}

/** SUS-08: the typed people, each with a phone — own, else the shared 电话=, else the directory's. */
async function consultantsOf(ctx: Ctx, text: string, shared?: string): Promise<Consultant[]> {
  const out: Consultant[] = [];
  for (const c of parseConsultants(text)) {
    const p =
      (await ctx.m.findOne(Person, { where: { userid: c.name.toLowerCase() } })) ??
      (await ctx.m.find(Person, { where: { name: c.name } }))[0];
    const phone = c.phone ?? shared ?? p?.phone ?? '';
    out.push({ name: p?.name ?? c.name, phone, ...(p ? { userid: p.userid } : {}) });
  }
  return out;
}

export async function fileSuspension(ctx: Ctx, a: SuspensionArgs): Promise<string> {
  const dept = await filingDepartment(ctx);
  let draft: Suspension | undefined;
  if (a.编号) {
    draft = await loadSuspension(ctx, a.编号);
    if (draft.departmentCode !== dept.code || draft.status !== 'draft')
      throw new UserError(`${draft.no} 不是本部门的草稿。`);
  }
  const from = a.从 ?? draft?.fromDate;
  const to = a.到 ?? draft?.toDate;
  const reason = a.事由 ?? draft?.reason;
  const windowsRef = a.窗口 ?? draft?.windows.join(',');
  if (!from || !to || !reason || !windowsRef)
    throw new UserError(
      '缺少参数“窗口/从/到/事由”。例：停办 备案 窗口=5 从=3月16日 到=3月17日 事由=系统升级 文号=… 咨询=张三 139…,李四 139… 联系人=黄燕 联系电话=…',
    );
  if (to < from) throw new UserError(`结束日期 ${to} 早于开始日期 ${from}。`);
  const windows = await ownWindows(ctx.m, dept.code, windowsRef);
  // rule SUS-06: ≥ 5 WD ahead with the 17:30 cut-off (§19 #8).
  checkSuspensionNotice(ctx.deps.calendar, ctx.now, from);
  const consultants = a.咨询 ? await consultantsOf(ctx, a.咨询, a.电话) : (draft?.consultants ?? null);
  if (consultants) checkConsultants(consultants); // rule SUS-08 (§19 #32)
  let contactName = a.联系人 ?? draft?.contactName ?? null;
  let contactPhone = a.联系电话 ?? draft?.contactPhone ?? null;
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
    docNo: a.文号 ?? draft?.docNo ?? null,
    consultants,
    contactName,
    contactPhone,
    workPlan: a.预案 ?? draft?.workPlan ?? null,
    remark: a.备注 ?? draft?.remark ?? null,
  };
  const missing = [
    ...(f.docNo ? [] : ['文号']),
    ...(consultants ? [] : ['咨询']),
    ...(contactName ? [] : ['联系人']),
    ...(contactPhone ? [] : ['联系电话']),
    ...(f.workPlan ? [] : ['预案']),
  ];
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
    const prefill: Record<string, string> = { 编号: no!, 窗口: f.windows!.join(','), 从: from, 到: to, 事由: reason };
    for (const [k, v] of Object.entries(a)) if (typeof v === 'string' && !prefill[k]) prefill[k] = v;
    return `📝 ${no} 已保存草稿，缺少：${missing.join('、')}\n请填写业务临时停办登记备案表：${await formLink(ctx, 'suspension', prefill)}`;
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
  const next = chief ? '已提交大厅管理室备案' : `待首席代表 ${await personName(ctx.m, dept.chiefRep)} 签字`;
  const due = publicityDue(ctx.deps.calendar, from);
  // rule SUS-07: the reminder at filing — the public notice is due on the 4th WD before the start.
  return `✅ ${no} ${next}（${windowsLabel(f.windows!)} ${shortDate(from)}–${shortDate(to)}）\n请于 ${due} 前通过媒体/公众号发布停办公告并报大厅管理室：停办 公告 ${no} 链接=…（rule SUS-07）`;
}
