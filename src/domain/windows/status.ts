import { In, MoreThanOrEqual } from 'typeorm';
import { HallWindow, WINDOW_STATUSES, type WindowStatus } from '../../../entities/window';
import { Suspension } from '../../../entities/suspension';
import { WindowClosure } from '../../../entities/window-closure';
import type { Ctx } from '../../kernel/ctx';
import { findWindow } from '../../kernel/directory';
import { UserError } from '../../kernel/errors';
import { hasRole } from '../../kernel/permissions';
import { type LocalDate, localDate } from '../../kernel/time';
import { type CapUsage, capUsage } from './closure-checks';
import { type WindowRecords, loadWindowRecords } from './state';

// `窗口 状态` (DIR-06): every window as the public would find it today — its state on the date (D38), plus 停办 (a
// business attribute, D19) — and 大厅管理室's audited direct edit. commands/window-status.ts words the lines.

export interface WindowStatusRows {
  windows: HallWindow[];
  records: WindowRecords;
  /** Approved 停办 not over yet, to mark the windows they cover. */
  stops: Suspension[];
}

export async function windowStatusRows(ctx: Ctx, departmentCode?: string): Promise<WindowStatusRows> {
  const today = localDate(ctx.now);
  const windows = (await ctx.m.find(HallWindow, { where: departmentCode ? { departmentCode } : {} })).sort((a, b) =>
    a.number.localeCompare(b.number, 'zh', { numeric: true }),
  );
  return {
    windows,
    records: await loadWindowRecords(ctx.m, departmentCode),
    stops: await ctx.m.find(Suspension, { where: { status: 'approved', toDate: MoreThanOrEqual(today) } }),
  };
}

/** `窗口 关闭 列表`: current and upcoming closures, each with its department's cap use (WIN-04, WIN-06). */
export async function closureRows(
  ctx: Ctx,
  departmentCode?: string,
): Promise<{ closure: WindowClosure; usage: CapUsage }[]> {
  const today = localDate(ctx.now);
  const rows = await ctx.m.find(WindowClosure, {
    where: {
      type: '临时关闭',
      status: In(['pending', 'approved']),
      toDate: MoreThanOrEqual(today),
      ...(departmentCode ? { departmentCode } : {}),
    },
    order: { departmentCode: 'ASC', fromDate: 'ASC' },
  });
  const out: { closure: WindowClosure; usage: CapUsage }[] = [];
  for (const c of rows)
    out.push({
      closure: c,
      usage: await capUsage(ctx, c.departmentCode, [], c.fromDate, c.toDate!, { includePending: false }),
    });
  return out;
}

export interface StatusEdit {
  window: HallWindow;
  status: WindowStatus;
  until: LocalDate | null;
}

/** rule DIR-06: a direct status edit by 大厅管理室, audited with its reason (normal changes go through WIN workflows). */
export async function editWindowStatus(
  ctx: Ctx,
  ref: string,
  statusText: string,
  reason: string | undefined,
  until?: LocalDate,
): Promise<StatusEdit> {
  if (!hasRole(ctx.actor, 'hall_office'))
    throw new UserError('你没有权限修改窗口状态（需要：大厅管理室）。查看请发送“窗口 状态”。');
  const status = statusText.trim() as WindowStatus;
  if (!WINDOW_STATUSES.includes(status)) throw new UserError(`状态应为 ${WINDOW_STATUSES.join('/')}。`);
  if (!reason?.trim()) throw new UserError('直接修改窗口状态须注明 原因=…（rule DIR-06，留痕）。');
  const w = await findWindow(ctx.m, ref);
  const statusUntil = status === '临时关闭' ? (until ?? null) : null;
  await ctx.m.update(HallWindow, { number: w.number }, { status, statusUntil });
  await ctx.audit('window.status', 'window', w.number, {
    from: `${w.status}${w.statusUntil ? ` 至${w.statusUntil}` : ''}`,
    to: `${status}${statusUntil ? ` 至${statusUntil}` : ''}`,
    reason,
    direct: true,
  });
  return { window: w, status, until: statusUntil };
}
