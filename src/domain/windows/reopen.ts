import { In } from 'typeorm';
import { WindowClosure, type ClosureType } from '../../../entities/window-closure';
import type { HallWindow } from '../../../entities/window';
import { startApproval } from '../../approvals/engine';
import { openAttachmentSlot } from '../../kernel/attachments';
import type { Ctx } from '../../kernel/ctx';
import { personName } from '../../kernel/directory';
import { UserError } from '../../kernel/errors';
import { insertRows } from '../../db';
import { nextDeptRecordNo } from '../../kernel/numbers';
import { type LocalDate, localDate, yearOf } from '../../kernel/time';
import { type EarlyEnd, activeClosureOf, endEarly } from './closure-lifecycle';
import { filingDepartment, isChief, ownWindows } from './common';
import { PROOF, checkReopenNotice, isSeasonalWindow, seasonEnd, windowsLabel } from './rules';
import { planFor, seasonalWindowNumbers } from './seasonal';

// 窗口 重启 (附件2 rows 5–6): after 收回 (WIN-09) or for a fixed-time / seasonal window (WIN-10) it is an
// application ≥ 5 WD ahead; ending an ordinary closure needs no notice (000 调整管理 二(二)3: the 5 WD apply to a
// reclaimed window; at or before the approved end the staff simply return, "及时安排工作人员到岗到位").

/** What 窗口 重启 asks (commands/window-closure.ts parses the chat arguments). */
export interface ReopenInput {
  /** The typed window references (`13号窗`, `13`). */
  windows: string[];
  date: LocalDate;
  kind?: Kind;
  /** A seasonal window's last day in use (else the plan's season, rules.ts seasonEnd). */
  until?: LocalDate;
  reason?: string;
}

export type Kind = '普通' | '收回' | '季节';

/** An ordinary closure ended early, or a reopening application filed. */
export type ReopenResult =
  | { ended: EarlyEnd; closure: WindowClosure }
  | { ended?: undefined; no: string; nextStep: string; windows: string[]; date: LocalDate; type: ClosureType };

async function kindOf(ctx: Ctx, w: HallWindow, seasonal: Set<string>): Promise<Kind> {
  // D38: an approved closure (running or ahead) is ended early, whatever the registry says.
  if (await activeClosureOf(ctx, w.number)) return '普通';
  if (isSeasonalWindow(w, seasonal, w.number) && w.status !== '在用') return '季节';
  if (w.status === '备用') {
    const reclaimed = await ctx.m.find(WindowClosure, {
      where: { departmentCode: w.departmentCode ?? '', status: 'reclaimed' },
    });
    if (reclaimed.some((c) => c.windows.includes(w.number))) return '收回';
    throw new UserError(`${w.number}号窗是备用窗口，不是本部门被收回的窗口；新增窗口请用“窗口 变更 新增”。`);
  }
  throw new UserError(`${w.number}号窗当前为“${w.status}”，无需重启。`);
}

export async function fileReopen(ctx: Ctx, a: ReopenInput): Promise<ReopenResult> {
  const dept = await filingDepartment(ctx);
  const windows = await ownWindows(ctx.m, dept.code, a.windows);
  const seasonal = await seasonalWindowNumbers(ctx, dept.code);
  const kinds = new Set(await Promise.all(windows.map((w) => kindOf(ctx, w, seasonal))));
  if (kinds.size > 1) throw new UserError('这些窗口的重启类型不同，请分别申请。');
  const kind = [...kinds][0];
  if (a.kind && a.kind !== kind)
    throw new UserError(`${windowsLabel(windows.map((w) => w.number))} 属于“${kind}”重启，不是“${a.kind}”。`);
  if (kind === '普通') {
    const c = (await activeClosureOf(ctx, windows[0].number))!;
    return { ended: await endEarly(ctx, c, a.date), closure: c };
  }
  // rule WIN-09 / WIN-10: ≥ 5 WD ahead, 17:30 cut-off; the refusal names the earliest reopening date.
  checkReopenNotice(ctx.deps.calendar, ctx.now, a.date, kind === '季节');
  const plan = kind === '季节' ? await planFor(ctx, dept.code, yearOf(a.date)) : null;
  if (kind === '季节' && !plan) {
    throw new UserError(
      `请先备案 ${yearOf(a.date)} 年季节窗口使用计划（rule WIN-10）：季节窗口 计划 ${yearOf(a.date)} 窗口=${windows[0].number} 时段=…`,
    );
  }
  const numbers = windows.map((w) => w.number);
  const live = await ctx.m.find(WindowClosure, {
    where: {
      departmentCode: dept.code,
      status: In(['pending', 'draft', 'approved']),
      type: In(['重启', '季节重启']),
    },
  });
  const ours = live.filter((c) => c.windows.some((w) => numbers.includes(w)));
  const dup = ours.find((c) => c.status !== 'approved');
  if (dup) throw new UserError(`${windowsLabel(numbers)} 已有重启申请 ${dup.no} 在审批中。`);
  // D38: an approved reopening whose day has not come yet already decides the window's state.
  const scheduled = ours.find((c) => c.status === 'approved' && c.fromDate > localDate(ctx.now));
  if (scheduled)
    throw new UserError(
      `${windowsLabel(numbers)} 已批准自 ${scheduled.fromDate} 起重启（${scheduled.no}），无需再次申请。`,
    );
  const type: ClosureType = kind === '季节' ? '季节重启' : '重启';
  const no = await nextDeptRecordNo(ctx.m, 'GB', yearOf(localDate(ctx.now)), dept.code);
  const chief = isChief(ctx, dept);
  await insertRows(ctx.m, WindowClosure, {
    no,
    type,
    departmentCode: dept.code,
    windows: numbers,
    fromDate: a.date,
    // WIN-10: a seasonal window is back to 季节性 after its plan's season (reopen-effects.ts); 到= overrides it.
    toDate: a.until ?? (plan ? seasonEnd(plan.periods, a.date) : null),
    reason: a.reason ?? (kind === '季节' ? '固定时间、季节性业务窗口重启' : '收回窗口重新启用'),
    proofNote: null,
    measures: null,
    noLimitDeclared: false,
    overrideReason: null,
    softReasons: null,
    status: 'pending',
    approvalNo: null,
    filedAt: chief ? ctx.now : null,
    decidedAt: null,
    restoredOn: null,
    reclaimDecision: null,
    resumeOrderedAt: null,
    resumeNote: null,
    resumeAckAt: null,
    createdBy: ctx.actor.userid,
    createdAt: ctx.now,
  });
  const approval = await startApproval(ctx, {
    kind: 'window-closure',
    subjectType: 'window_closure',
    subjectId: no,
    title: `窗口重启申请 ${no}`,
    departmentCode: dept.code,
    payload: { closureNo: no },
    chiefSignsFirst: true,
  });
  await ctx.m.update(WindowClosure, { no }, { approvalNo: approval.no });
  await ctx.audit('window_closure.reopen', 'window_closure', no, {
    type,
    windows: numbers,
    date: a.date,
    approval: approval.no,
  });
  await openAttachmentSlot(ctx, 'window_closure', no, PROOF);
  const nextStep = chief ? '送大厅管理室审核' : `待首席代表 ${await personName(ctx.m, dept.chiefRep)} 签字`;
  return { no, nextStep, windows: numbers, date: a.date, type };
}
