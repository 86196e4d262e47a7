import { In, LessThanOrEqual, MoreThanOrEqual, Not } from 'typeorm';
import { WindowClosure, type ClosureMeasures } from '../../../entities/window-closure';
import type { HallWindow } from '../../../entities/window';
import { startApproval } from '../../approvals/engine';
import { attachmentsOf, openAttachmentSlot } from '../../kernel/attachments';
import type { Ctx } from '../../kernel/ctx';
import { personName } from '../../kernel/directory';
import { UserError, ruleRefusal } from '../../kernel/errors';
import { formLink } from '../../kernel/forms';
import { insertRows } from '../../db';
import { nextDeptRecordNo } from '../../kernel/numbers';
import { type LocalDate, localDate, yearOf } from '../../kernel/time';
import { type CapUsage, closureHardChecks, closureSoftChecks } from './closure-checks';
import { filingDepartment, isChief, numbersOf, ownWindows } from './common';
import { normaliseDeptRef } from './refs';
import { CITE, PROOF, checkClosureNotice, windowsLabel } from './rules';

export { PROOF };

// 窗口 关闭 (WIN-03…WIN-05, WIN-12; D28): 附件2 filed in chat or H5. HARD checks run before anyone signs; an
// incomplete 保障措施 keeps the request as a draft whose H5 link finishes it.

export const MEASURE_KEYS = ['联络人', '联络电话', '咨询人员', '咨询电话', '宣传告知', '高峰应对'] as const;

export interface ClosureArgs extends ClosureMeasures {
  编号?: string;
  窗口?: string;
  从?: LocalDate;
  到?: LocalDate;
  事由?: string;
  证明?: string;
  不限号?: string;
  超限理由?: string;
  理由?: string;
}

export interface ClosureFiled {
  closure: WindowClosure;
  usage: CapUsage;
  /** Fields still missing (draft), by argument name. */
  missing: string[];
  link?: string;
  approvalNo?: string;
  nextStep?: string;
  needsProof: boolean;
}

export async function loadClosure(ctx: Ctx, ref: string): Promise<WindowClosure> {
  const no = normaliseDeptRef(ctx, ref, ['GB']);
  const c = await ctx.m.findOne(WindowClosure, { where: { no } });
  if (!c) throw new UserError(`没有找到 ${no}。发送“窗口 关闭 列表”查看。`);
  return c;
}

/** The draft the filer is completing: named by 编号, or the department's draft for the same windows and dates. */
async function draftFor(ctx: Ctx, code: string, a: ClosureArgs): Promise<WindowClosure | undefined> {
  if (a.编号) {
    const d = await loadClosure(ctx, a.编号);
    if (d.departmentCode !== code) throw new UserError(`${d.no} 不是本部门的申请。`);
    if (d.status !== 'draft')
      throw new UserError(`${d.no} 已提交（${d.status === 'pending' ? '审批中' : d.status}），无需再次提交。`);
    return d;
  }
  if (!a.窗口 || !a.从 || !a.到) return undefined;
  const drafts = await ctx.m.find(WindowClosure, {
    where: { departmentCode: code, status: 'draft', fromDate: a.从, toDate: a.到 },
  });
  const want = numbersOf(a.窗口).sort().join(',');
  return drafts.find((d) => [...d.windows].sort().join(',') === want);
}

/** The same window may not be in two live requests for overlapping days. */
async function checkNotAlreadyClosing(
  ctx: Ctx,
  code: string,
  windows: HallWindow[],
  from: LocalDate,
  to: LocalDate,
  excludeNo?: string,
) {
  const live = await ctx.m.find(WindowClosure, {
    where: {
      departmentCode: code,
      type: '临时关闭',
      status: In(['pending', 'approved']),
      fromDate: LessThanOrEqual(to),
      toDate: MoreThanOrEqual(from),
      ...(excludeNo ? { no: Not(excludeNo) } : {}),
    },
  });
  for (const c of live) {
    const same = c.windows.filter((w) => windows.some((x) => x.number === w));
    if (same.length)
      throw new UserError(
        `${windowsLabel(same)} 在 ${c.fromDate}至${c.toDate} 已有临时关闭（${c.no}，${c.status === 'pending' ? '审批中' : '已批准'}）。`,
      );
  }
}

export async function fileClosure(ctx: Ctx, a: ClosureArgs): Promise<ClosureFiled> {
  const dept = await filingDepartment(ctx);
  const draft = await draftFor(ctx, dept.code, a);
  const windowsRef = a.窗口 ?? draft?.windows.join(',');
  const from = a.从 ?? draft?.fromDate;
  const to = a.到 ?? draft?.toDate ?? undefined;
  const reason = a.事由 ?? draft?.reason;
  const base = { 窗口: windowsRef, 从: from, 到: to, 事由: reason };
  const absent = Object.entries(base)
    .filter(([, v]) => !v)
    .map(([k]) => k);
  if (absent.length || !windowsRef || !from || !to || !reason) {
    throw new UserError(`缺少参数“${absent[0]}”。例：窗口 关闭 13号窗 从=3月5日 到=3月6日 事由=张三参加市局业务培训`);
  }
  if (to < from) throw new UserError(`结束日期 ${to} 早于开始日期 ${from}。`);
  // rule WIN-05: ≥ 1 WD ahead, 17:30 cut-off; the refusal names the earliest allowed date.
  checkClosureNotice(ctx.deps.calendar, ctx.now, from);
  if (a.不限号 !== undefined && !/^(是|承诺|不限号)$/.test(a.不限号.trim())) {
    throw ruleRefusal('WIN-04', CITE.win04same, '关闭时段本部门所有窗口不得限号；请承诺 不限号=是 后再申请。');
  }
  const windows = await ownWindows(ctx.m, dept.code, windowsRef);
  for (const w of windows) {
    if (!['在用', '临时关闭'].includes(w.status))
      throw new UserError(`${w.number}号窗当前为“${w.status}”，不能申请临时关闭。`);
  }
  await checkNotAlreadyClosing(ctx, dept.code, windows, from, to, draft?.no);
  const overrideReason = a.超限理由 ?? draft?.overrideReason ?? null;
  const usage = await closureHardChecks(ctx, {
    departmentCode: dept.code,
    windows,
    from,
    to,
    overrideReason,
    excludeNo: draft?.no,
  });
  const softReason = a.理由 ?? draft?.softReasons?.['WIN-03'] ?? null;
  const warned = await closureSoftChecks(ctx, windows, reason, softReason);

  const measures: ClosureMeasures = { ...(draft?.measures ?? {}) };
  for (const k of MEASURE_KEYS) if (a[k]?.trim()) measures[k] = a[k].trim();
  const noLimit = a.不限号 !== undefined ? true : (draft?.noLimitDeclared ?? false);
  const missing = [...MEASURE_KEYS.filter((k) => !measures[k]), ...(noLimit ? [] : ['不限号'])];
  const fields: Partial<WindowClosure> = {
    type: '临时关闭',
    departmentCode: dept.code,
    windows: windows.map((w) => w.number),
    fromDate: from,
    toDate: to,
    reason,
    proofNote: a.证明 ?? draft?.proofNote ?? null,
    measures,
    noLimitDeclared: noLimit,
    overrideReason: usage.overCap ? overrideReason : null,
    softReasons: warned.length && softReason ? { 'WIN-03': softReason } : null,
    status: missing.length ? 'draft' : 'pending',
  };
  let no = draft?.no;
  if (draft) await ctx.m.update(WindowClosure, { id: draft.id }, fields);
  else {
    no = await nextDeptRecordNo(ctx.m, 'GB', yearOf(localDate(ctx.now)), dept.code);
    await insertRows(ctx.m, WindowClosure, {
      ...fields,
      no,
      filedAt: null,
      decidedAt: null,
      restoredOn: null,
      reclaimDecision: null,
      resumeOrderedAt: null,
      resumeNote: null,
      resumeAckAt: null,
      approvalNo: null,
      createdBy: ctx.actor.userid,
      createdAt: ctx.now,
    });
  }
  let closure = await ctx.m.findOneOrFail(WindowClosure, { where: { no } });
  const needsProof = !closure.proofNote && (await attachmentsOf(ctx, 'window_closure', closure.no, PROOF)).length === 0;
  if (needsProof) await openAttachmentSlot(ctx, 'window_closure', closure.no, PROOF);
  if (warned.length)
    await ctx.audit('window_closure.soft', 'window_closure', closure.no, {
      rule: 'WIN-03',
      warnings: warned,
      reason: softReason,
    });
  if (missing.length) {
    await ctx.audit(draft ? 'window_closure.draft_update' : 'window_closure.draft', 'window_closure', closure.no, {
      missing,
    });
    const prefill: Record<string, string> = {
      编号: closure.no,
      窗口: closure.windows.join(','),
      从: from,
      到: to,
      事由: reason,
    };
    for (const k of MEASURE_KEYS) if (measures[k]) prefill[k] = measures[k]!;
    if (softReason) prefill.理由 = softReason;
    if (overrideReason) prefill.超限理由 = overrideReason;
    return { closure, usage, missing, link: await formLink(ctx, 'window-closure', prefill), needsProof };
  }
  // Submission by the 首席代表 is the signature; a staff draft goes to the 首席代表's card first (commands.md §3).
  const chief = isChief(ctx, dept);
  const approval = await startApproval(ctx, {
    kind: 'window-closure',
    subjectType: 'window_closure',
    subjectId: closure.no,
    title: `窗口临时关闭申请 ${closure.no}`,
    departmentCode: dept.code,
    payload: { closureNo: closure.no },
    chiefSignsFirst: true,
  });
  await ctx.m.update(WindowClosure, { id: closure.id }, { approvalNo: approval.no, filedAt: chief ? ctx.now : null });
  closure = await ctx.m.findOneOrFail(WindowClosure, { where: { id: closure.id } });
  await ctx.audit('window_closure.submit', 'window_closure', closure.no, {
    approval: approval.no,
    windows: closure.windows,
    from,
    to,
    signed: chief,
    override: closure.overrideReason,
  });
  const nextStep = chief ? '送大厅管理室审核' : `待首席代表 ${await personName(ctx.m, dept.chiefRep)} 签字`;
  return { closure, usage, missing: [], approvalNo: approval.no, nextStep, needsProof };
}
