import { WindowChange } from '../../../entities/window-change';
import { HallWindow } from '../../../entities/window';
import { startApproval } from '../../approvals/engine';
import type { Ctx } from '../../kernel/ctx';
import { personName, windowNumberOf } from '../../kernel/directory';
import { UserError, softWarning } from '../../kernel/errors';
import { insertRows } from '../../db';
import { nextDeptRecordNo } from '../../kernel/numbers';
import { getSetting } from '../../settings/settings';
import { type LocalDate, addMonths, localDate, yearOf } from '../../kernel/time';
import { filingDepartment, isChief, tellDepartment } from './common';
import { normaliseDeptRef } from './refs';
import { windowsLabel } from './rules';

// 窗口变更 BG… (000 调整管理 二(一), 附件1; WIN-01, WIN-02): 新增 or 调减 for this year or ≥ 1 year. Chain
// [首席代表签字] → 大厅管理室审核 → 有关负责人签字; approval opens the device checklist (窗口信息, 调屏, 评价器, 叫号机)
// and the registry changes only when all four are ticked.

/** What 窗口 变更 asks (附件1; commands/window-change.ts parses the chat arguments). */
export interface ChangeInput {
  type: '新增' | '调减';
  /** The typed window references. */
  windows: string[];
  start: LocalDate;
  end?: LocalDate;
  business: string;
  equipment?: string;
  reason?: string;
  /** Why a short change is still a change (SOFT WIN-01). */
  softReason?: string;
}

export interface ChangeFiled {
  no: string;
  nextStep: string;
  windows: string[];
}

export async function loadChange(ctx: Ctx, ref: string): Promise<WindowChange> {
  const no = normaliseDeptRef(ctx, ref, ['BG']);
  const c = await ctx.m.findOne(WindowChange, { where: { no } });
  if (!c) throw new UserError(`没有找到 ${no}。`);
  return c;
}

/** Which windows may be added (new numbers or spare ones) or given up (the department's own, not yet spare). */
async function checkWindows(ctx: Ctx, code: string, type: '新增' | '调减', refs: string[]): Promise<string[]> {
  const numbers = refs.map(windowNumberOf);
  for (const n of numbers) {
    const w = await ctx.m.findOne(HallWindow, { where: { number: n } });
    // A spare window (incl. one reclaimed from another department, WIN-08) may be assigned anew.
    if (type === '新增' && w && w.status !== '备用') {
      throw new UserError(`${n}号窗正由 ${w.departmentCode ?? '大厅'} 使用（${w.status}），不能新增为本部门窗口。`);
    }
    if (type === '调减' && (!w || w.departmentCode !== code))
      throw new UserError(`${n}号窗不是 ${code} 的窗口，不能调减。`);
    if (type === '调减' && w!.status === '备用') throw new UserError(`${n}号窗已是备用窗口。`);
  }
  return numbers;
}

export async function fileChange(ctx: Ctx, a: ChangeInput): Promise<ChangeFiled> {
  const dept = await filingDepartment(ctx);
  const numbers = await checkWindows(ctx, dept.code, a.type, a.windows);
  if (numbers.length === 0) throw new UserError('请填写窗口号，例：窗口=24。');
  if (a.start < localDate(ctx.now)) throw new UserError(`起始日期 ${a.start} 已过。`);
  // rule WIN-01 / OPEN #57: a need shorter than the year and than one year is a temporary closure, not a change.
  if (
    a.end &&
    (await getSetting(ctx.m, 'window.shortChangeHint')) &&
    a.end < `${yearOf(a.start)}-12-31` &&
    a.end < addMonths(a.start, 12) &&
    !a.softReason?.trim()
  ) {
    throw softWarning(
      'WIN-01',
      `窗口变更指本年度或一年以上持续性需要变更的窗口，${a.start}至${a.end} 较短，建议按临时关闭办理（OPEN #57）。`,
      '理由=…',
    );
  }
  const no = await nextDeptRecordNo(ctx.m, 'BG', yearOf(localDate(ctx.now)), dept.code);
  const chief = isChief(ctx, dept);
  await insertRows(ctx.m, WindowChange, {
    no,
    departmentCode: dept.code,
    changeType: a.type,
    windows: numbers,
    startDate: a.start,
    endDate: a.end ?? null,
    business: a.business,
    equipment: a.equipment ?? null,
    reason: a.reason ?? null,
    softReason: a.softReason ?? null,
    status: 'pending',
    approvalNo: null,
    filedAt: chief ? ctx.now : null,
    doneAt: null,
    createdBy: ctx.actor.userid,
    createdAt: ctx.now,
  });
  const approval = await startApproval(ctx, {
    kind: 'window-change',
    subjectType: 'window_change',
    subjectId: no,
    title: `窗口变更登记 ${no}`,
    departmentCode: dept.code,
    payload: { changeNo: no },
    chiefSignsFirst: true,
  });
  await ctx.m.update(WindowChange, { no }, { approvalNo: approval.no });
  await ctx.audit('window_change.submit', 'window_change', no, {
    type: a.type,
    windows: numbers,
    start: a.start,
    approval: approval.no,
    softReason: a.softReason ?? null,
  });
  const nextStep = chief ? '送大厅管理室审核' : `待首席代表 ${await personName(ctx.m, dept.chiefRep)} 签字`;
  return { no, nextStep, windows: numbers };
}

/** WIN-02 "registry updated when tasks done": 新增 → the department's window in use; 调减 → a spare window of the center. */
export async function applyChange(ctx: Ctx, c: WindowChange): Promise<void> {
  for (const n of c.windows) {
    const w = await ctx.m.findOne(HallWindow, { where: { number: n } });
    if (c.changeType === '新增') {
      if (w)
        await ctx.m.update(
          HallWindow,
          { number: n },
          { departmentCode: c.departmentCode, status: '在用', statusUntil: null },
        );
      else {
        await insertRows(ctx.m, HallWindow, {
          number: n,
          name: c.business.slice(0, 64),
          departmentCode: c.departmentCode,
          zone: null,
          floor: null,
          kind: '专项',
          status: '在用',
          statusUntil: null,
          devices: c.equipment
            ? c.equipment
                .split(/[,，、]/)
                .map((s) => s.trim())
                .filter(Boolean)
            : ['电子屏', '评价器', '叫号机'],
        });
      }
    } else await ctx.m.update(HallWindow, { number: n }, { departmentCode: null, status: '备用', statusUntil: null });
    await ctx.audit('window.status', 'window', n, {
      from: w ? `${w.departmentCode ?? ''} ${w.status}` : '（新建）',
      to: c.changeType === '新增' ? `${c.departmentCode} 在用` : '备用',
      source: c.no,
    });
  }
  await ctx.m.update(WindowChange, { id: c.id }, { status: 'done', doneAt: ctx.now });
  await ctx.audit('window_change.done', 'window_change', c.no, {});
  const text = `✅ ${c.no} 设备信息已全部完成：${windowsLabel(c.windows)} 已${c.changeType === '新增' ? `新增为 ${c.departmentCode} 在用窗口` : '调减为备用窗口'}`;
  await tellDepartment(ctx, c.departmentCode, text, `bg:${c.no}:done`);
}
