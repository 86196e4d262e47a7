import { In, LessThanOrEqual, MoreThanOrEqual, Not } from 'typeorm';
import { WindowClosure, type ClosureMeasures } from '../../../entities/window-closure';
import type { HallWindow } from '../../../entities/window';
import { startApproval } from '../../approvals/engine';
import { attachmentsOf, openAttachmentSlot } from '../../kernel/attachments';
import type { Ctx } from '../../kernel/ctx';
import { personName, windowNumberOf } from '../../kernel/directory';
import { UserError, onField, ruleRefusal } from '../../kernel/errors';
import { insertRows } from '../../db';
import { nextDeptRecordNo } from '../../kernel/numbers';
import { type LocalDate, localDate, yearOf } from '../../kernel/time';
import { type CapUsage, closureHardChecks, closureSoftChecks } from './closure-checks';
import { filingDepartment, isChief, ownWindows } from './common';
import { normaliseDeptRef } from './refs';
import { loadWindowRecords, stateOn } from './state';
import { CITE, PROOF, checkClosureNotice, windowsLabel } from './rules';

export { PROOF };

// 窗口 关闭 (WIN-03…WIN-05, WIN-12; D28): 附件2 filed in chat or H5. HARD checks run before anyone signs; an
// incomplete 保障措施 keeps the request as a draft whose H5 link finishes it.

export const MEASURE_KEYS = ['联络人', '联络电话', '咨询人员', '咨询电话', '宣传告知', '高峰应对'] as const;

/** What 窗口 关闭 (or its H5 form) asks; commands/window-closure.ts parses the chat arguments. */
export interface ClosureInput {
  /** The draft being completed (编号). */
  ref?: string;
  /** The typed window references (`13号窗`, `13`). */
  windows?: string[];
  from?: LocalDate;
  to?: LocalDate;
  reason?: string;
  proofNote?: string;
  /** 保障措施 given now (keys are 附件2 row 7's). */
  measures: ClosureMeasures;
  /** 不限号: true = declared, false = answered otherwise (refused, WIN-04(2)), undefined = not given. */
  noLimit?: boolean;
  overrideReason?: string;
  softReason?: string;
}

export interface ClosureFiled {
  closure: WindowClosure;
  usage: CapUsage;
  /** Fields still missing (draft), by argument name. */
  missing: string[];
  /** What the filer gave, to prefill the H5 form of a draft. */
  softReason?: string | null;
  overrideReason?: string | null;
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
async function draftFor(ctx: Ctx, code: string, a: ClosureInput): Promise<WindowClosure | undefined> {
  if (a.ref) {
    const d = await loadClosure(ctx, a.ref);
    if (d.departmentCode !== code) throw new UserError(`${d.no} 不是本部门的申请。`);
    if (d.status !== 'draft')
      throw new UserError(`${d.no} 已提交（${d.status === 'pending' ? '审批中' : d.status}），无需再次提交。`);
    return d;
  }
  if (!a.windows?.length || !a.from || !a.to) return undefined;
  const drafts = await ctx.m.find(WindowClosure, {
    where: { departmentCode: code, status: 'draft', fromDate: a.from, toDate: a.to },
  });
  const want = a.windows.map(windowNumberOf).sort().join(',');
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

export async function fileClosure(ctx: Ctx, a: ClosureInput): Promise<ClosureFiled> {
  const dept = await filingDepartment(ctx);
  const draft = await draftFor(ctx, dept.code, a);
  const windowsRef = a.windows?.length ? a.windows : draft?.windows;
  const from = a.from ?? draft?.fromDate;
  const to = a.to ?? draft?.toDate ?? undefined;
  const reason = a.reason ?? draft?.reason;
  // Named as on 附件2 and in the command (窗口 关闭 … 从= 到= 事由=).
  const base = { 窗口: windowsRef, 从: from, 到: to, 事由: reason };
  const absent = Object.entries(base)
    .filter(([, v]) => !v)
    .map(([k]) => k);
  if (absent.length || !windowsRef || !from || !to || !reason) {
    throw new UserError(
      `缺少参数“${absent[0]}”。例：窗口 关闭 13号窗 从=3月5日 到=3月6日 事由=张三参加市局业务培训`,
      absent[0],
    );
  }
  if (to < from) throw new UserError(`结束日期 ${to} 早于开始日期 ${from}。`, '到');
  // rule WIN-05: ≥ 1 WD ahead, 17:30 cut-off; the refusal names the earliest allowed date.
  checkClosureNotice(ctx.deps.calendar, ctx.now, from);
  if (a.noLimit === false) {
    throw ruleRefusal(
      'WIN-04',
      CITE.win04same,
      '关闭时段本部门所有窗口不得限号；请承诺 不限号=是 后再申请。',
      '不限号',
    );
  }
  const windows = await onField('窗口', () => ownWindows(ctx.m, dept.code, windowsRef));
  const rec = await loadWindowRecords(ctx.m, dept.code);
  for (const w of windows) {
    // D38: the window's state on the first day, not its registry status today.
    const { status } = stateOn(w, rec, from);
    if (status === '备用' || status === '季节性')
      throw new UserError(`${w.number}号窗当前为“${status}”，不能申请临时关闭。`, '窗口');
  }
  await checkNotAlreadyClosing(ctx, dept.code, windows, from, to, draft?.no);
  const overrideReason = a.overrideReason ?? draft?.overrideReason ?? null;
  const usage = await closureHardChecks(ctx, {
    departmentCode: dept.code,
    windows,
    from,
    to,
    overrideReason,
    excludeNo: draft?.no,
  });
  const softReason = a.softReason ?? draft?.softReasons?.['WIN-03'] ?? null;
  const warned = await closureSoftChecks(ctx, windows, softReason, { from, to });

  const measures: ClosureMeasures = { ...(draft?.measures ?? {}) };
  for (const k of MEASURE_KEYS) if (a.measures[k]?.trim()) measures[k] = a.measures[k].trim();
  const noLimit = a.noLimit ?? draft?.noLimitDeclared ?? false;
  const missing = [...MEASURE_KEYS.filter((k) => !measures[k]), ...(noLimit ? [] : ['不限号'])];
  const fields: Partial<WindowClosure> = {
    type: '临时关闭',
    departmentCode: dept.code,
    windows: windows.map((w) => w.number),
    fromDate: from,
    toDate: to,
    reason,
    proofNote: a.proofNote ?? draft?.proofNote ?? null,
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
    return { closure, usage, missing, softReason, overrideReason, needsProof };
  }
  // Submission by the 首席代表 is the signature; a staff draft goes to the 首席代表's card first (docs/commands.md).
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
