import { In, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import { HallWindow, WINDOW_STATUSES, type WindowStatus } from '../../../entities/window';
import { Suspension } from '../../../entities/suspension';
import { WindowClosure } from '../../../entities/window-closure';
import type { Ctx } from '../../kernel/ctx';
import { findWindow } from '../../kernel/directory';
import { UserError } from '../../kernel/errors';
import { hasRole } from '../../kernel/permissions';
import { type LocalDate, localDate, shortDate } from '../../kernel/time';
import { capUsage } from './closure-checks';
import { windowsLabel } from './rules';
import { loadWindowRecords, stateText } from './state';

// `窗口 状态` (issue 8 query; DIR-06): every window as the public would find it today — 在用 / 临时关闭 至… / 备用 /
// 季节性, plus 停办 (a business attribute, D19) — and 大厅管理室's audited direct edit with arguments.

export async function windowStatusLines(ctx: Ctx, departmentCode?: string): Promise<string[]> {
  const today = localDate(ctx.now);
  const windows = (await ctx.m.find(HallWindow, { where: departmentCode ? { departmentCode } : {} })).sort((a, b) =>
    a.number.localeCompare(b.number, 'zh', { numeric: true }),
  );
  const rec = await loadWindowRecords(ctx.m, departmentCode);
  const stops = await ctx.m.find(Suspension, { where: { status: 'approved', toDate: MoreThanOrEqual(today) } });
  return windows.map((w) => {
    // D38: the same date-aware text as 窗口 查看 / 窗口 列表, plus the record behind it.
    const { text, record } = stateText(w, rec, today);
    const s = stops.find((x) => x.windows.includes(w.number));
    const stop = s
      ? s.fromDate <= today
        ? `｜停办至${shortDate(s.toDate)}（${s.no}）`
        : `｜${shortDate(s.fromDate)}起停办（${s.no}）`
      : '';
    return `${w.number}号窗 ${w.departmentCode ?? '—'} ${text}${record ? `｜${record.no}` : ''}${stop}`;
  });
}

const STATUS_CN: Record<string, string> = { pending: '审批中', approved: '已批准', draft: '草稿' };

/** `窗口 关闭 列表`: current and upcoming closures with each department's cap use (WIN-04, WIN-06). */
export async function closureLines(ctx: Ctx, departmentCode?: string): Promise<string[]> {
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
  const out: string[] = [];
  for (const c of rows) {
    const u = await capUsage(ctx, c.departmentCode, [], c.fromDate, c.toDate!, { includePending: false });
    const nowClosed = c.status === 'approved' && c.fromDate <= today;
    out.push(
      `${c.no} ${windowsLabel(c.windows)} ${shortDate(c.fromDate)}–${shortDate(c.toDate!)} ${nowClosed ? '关闭中' : STATUS_CN[c.status]}｜${c.departmentCode} 已用${u.used}/${u.cap}`,
    );
  }
  return out;
}

/** Approved closures of the department on `day` (for listings). */
export async function closedOn(ctx: Ctx, departmentCode: string, day: LocalDate): Promise<WindowClosure[]> {
  return ctx.m.find(WindowClosure, {
    where: {
      departmentCode,
      type: '临时关闭',
      status: 'approved',
      fromDate: LessThanOrEqual(day),
      toDate: MoreThanOrEqual(day),
    },
  });
}

/** rule DIR-06: a direct status edit by 大厅管理室, audited with its reason (normal changes go through WIN workflows). */
export async function editWindowStatus(
  ctx: Ctx,
  ref: string,
  statusText: string,
  reason: string | undefined,
  until?: LocalDate,
): Promise<string> {
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
  return `✅ ${w.number}号窗 ${w.status} → ${status}${statusUntil ? ` 至${shortDate(statusUntil)}` : ''}（原因：${reason}，已留痕）`;
}
