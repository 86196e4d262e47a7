import { HallWindow, type WindowStatus } from '../../../entities/window';
import { WindowClosure } from '../../../entities/window-closure';
import type { Ctx } from '../../kernel/ctx';
import { UserError } from '../../kernel/errors';
import { type LocalDate, addDays, localDate, shortDate } from '../../kernel/time';
import { takeoverWindows } from './closure-checks';
import { tellDepartment, windowsByNumber } from './common';
import { INFO_ITEM, createDeviceTasks, taskLine } from './device-tasks';
import { windowsLabel } from './rules';

// What happens to a window after its 申请表 is decided: 临时关闭 with an end date (WIN-06), 到岗 / early end
// (WIN-07), reopening (WIN-09/10). 收回 (WIN-08) is in reclaim.ts, 恢复上岗 (WIN-11) in resume.ts.

/** A registry status change, audited with the record behind it (DIR-06). */
export async function setStatus(
  ctx: Ctx,
  w: HallWindow,
  status: WindowStatus,
  until: LocalDate | null,
  source: string,
) {
  if (w.status === status && w.statusUntil === until) return;
  await ctx.m.update(HallWindow, { number: w.number }, { status, statusUntil: until });
  await ctx.audit('window.status', 'window', w.number, {
    from: `${w.status}${w.statusUntil ? ` 至${w.statusUntil}` : ''}`,
    to: `${status}${until ? ` 至${until}` : ''}`,
    source,
  });
}

/**
 * D38: the registry no longer carries a closure (state.ts derives it from the period). Ending one clears a
 * 临时关闭 typed into the registry by hand or import (DIR-06), so it cannot outlive the record.
 */
async function clearRegistryClosure(ctx: Ctx, numbers: string[], source: string): Promise<void> {
  for (const w of await windowsByNumber(ctx.m, numbers))
    if (w.status === '临时关闭') await setStatus(ctx, w, '在用', null, source);
}

const period = (c: WindowClosure) => `${shortDate(c.fromDate)}–${shortDate(c.toDate ?? c.fromDate)}`;

/**
 * WIN-06: approved → the window is 临时关闭 on the period's dates (D38: derived, nothing stored now); the device
 * task is due on the first closed day; department / guides / office told.
 */
export async function applyClosure(ctx: Ctx, c: WindowClosure): Promise<void> {
  await ctx.m.update(WindowClosure, { id: c.id }, { status: 'approved', decidedAt: ctx.now });
  const [task] = await createDeviceTasks(ctx, {
    subjectType: 'window_closure',
    subjectId: c.no,
    windows: c.windows,
    items: [INFO_ITEM],
    purpose: '临时关闭',
    dueOn: c.fromDate,
  });
  const takeover = await takeoverWindows(ctx, c);
  const text = `✅ ${c.no} 已批准：${windowsLabel(c.windows)} ${period(c)} 临时关闭${takeover.length ? `，业务由${windowsLabel(takeover)}办理` : ''}`;
  await tellDepartment(ctx, c.departmentCode, text, `gb:${c.no}:approved`);
  await ctx.send({ group: 'G-GUIDE' }, { text: `${text}。请做好引导。` }, `gb:${c.no}:approved:guide`);
  await ctx.send(
    { group: 'G-OFFICE' },
    { text: `${text}\n设备任务 ${taskLine(task)}，完成后发送：任务 完成 ${task.no}` },
    `gb:${c.no}:approved:office`,
  );
  await ctx.audit('window_closure.approved', 'window_closure', c.no, { task: task.no });
}

/**
 * WIN-09 / WIN-10: an approved reopening puts the window in use from its date (D38: derived until then; the
 * registry follows on the day, reopen-effects.ts), with its device task due that day.
 */
export async function applyReopen(ctx: Ctx, c: WindowClosure): Promise<void> {
  await ctx.m.update(WindowClosure, { id: c.id }, { status: 'approved', decidedAt: ctx.now, restoredOn: c.fromDate });
  const [task] = await createDeviceTasks(ctx, {
    subjectType: 'window_closure',
    subjectId: c.no,
    windows: c.windows,
    items: [INFO_ITEM],
    purpose: '重启',
    dueOn: c.fromDate,
  });
  const text = `✅ ${c.no} 已批准：${windowsLabel(c.windows)} 自 ${shortDate(c.fromDate)} 起重启`;
  await tellDepartment(ctx, c.departmentCode, text, `gb:${c.no}:approved`);
  await ctx.send({ group: 'G-GUIDE' }, { text }, `gb:${c.no}:approved:guide`);
  await ctx.send(
    { group: 'G-OFFICE' },
    { text: `${text}\n设备任务 ${taskLine(task)}，完成后发送：任务 完成 ${task.no}` },
    `gb:${c.no}:approved:office`,
  );
}

/** The closure still in force for a window (approved 临时关闭), if any. */
export async function activeClosureOf(ctx: Ctx, number: string): Promise<WindowClosure | undefined> {
  const live = await ctx.m.find(WindowClosure, {
    where: { type: '临时关闭', status: 'approved' },
    order: { fromDate: 'ASC' },
  });
  return live.find((c) => c.windows.includes(number));
}

/** Ends a running closure (到岗, 恢复上岗): record ended, registry cleared, device task; returns its RW号. */
export async function endClosure(ctx: Ctx, c: WindowClosure, purpose: string, action: string): Promise<string> {
  const res = await ctx.m
    .createQueryBuilder()
    .update(WindowClosure)
    .set({ status: 'ended', restoredOn: localDate(ctx.now) })
    .where('id = :id AND status = :s', { id: c.id, s: 'approved' })
    .execute();
  if ((res.affected ?? 0) !== 1) throw new UserError(`${c.no} 已处理。`);
  await clearRegistryClosure(ctx, c.windows, c.no);
  const [task] = await createDeviceTasks(ctx, {
    subjectType: 'window_closure',
    subjectId: c.no,
    windows: c.windows,
    items: [INFO_ITEM],
    purpose,
  });
  await ctx.audit(action, 'window_closure', c.no, { task: task.no });
  return task.no;
}

export function requireLive(c: WindowClosure): void {
  if (c.type !== '临时关闭' || c.status !== 'approved') {
    throw new UserError(`${c.no} 不是生效中的临时关闭（当前：${c.type} ${c.status}）。`);
  }
}

/** `窗口 到岗` (WIN-07): 大厅管理室 confirms the staff are back; electronic info restored by a device task (its RW号). */
export async function confirmArrival(ctx: Ctx, c: WindowClosure): Promise<string> {
  requireLive(c);
  const task = await endClosure(ctx, c, '恢复', 'window_closure.arrived');
  await tellDepartment(
    ctx,
    c.departmentCode,
    `${c.no}：${windowsLabel(c.windows)} 已恢复在用（大厅管理室确认到岗）。`,
    `gb:${c.no}:arrived`,
  );
  await ctx.send(
    { group: 'G-GUIDE' },
    { text: `${windowsLabel(c.windows)} 已恢复在用（${c.no}）。` },
    `gb:${c.no}:arrived:guide`,
  );
  return task;
}

/** What `窗口 重启` of an ordinary closure did: cancelled (not started yet) or the end moved before `date`. */
export type EarlyEnd = { cancelled: true; task: string } | { cancelled: false; date: LocalDate };

/**
 * `窗口 重启` of an ordinary closure (000 调整管理 二(二)3, WIN-07): ending early needs no notice — the end date moves to the day
 * before `date`, and 大厅管理室 confirms 到岗 then (or now, if the closure had not started).
 */
export async function endEarly(ctx: Ctx, c: WindowClosure, date: LocalDate): Promise<EarlyEnd> {
  requireLive(c);
  const today = localDate(ctx.now);
  if (date < today) throw new UserError(`重启日期 ${date} 已过。`);
  if (date > c.toDate!) throw new UserError(`${c.no} 关闭至 ${c.toDate}，到期后安排人员到岗即可，无需申请重启。`);
  if (date <= c.fromDate) {
    const task = await endClosure(ctx, c, '恢复', 'window_closure.cancelled');
    await tellDepartment(
      ctx,
      c.departmentCode,
      `${c.no}：${windowsLabel(c.windows)} 取消临时关闭，继续在用。`,
      `gb:${c.no}:cancelled`,
    );
    await ctx.send(
      { group: 'G-OFFICE' },
      { text: `${c.no}：${windowsLabel(c.windows)} 取消临时关闭，请完成设备任务 ${task}。` },
      `gb:${c.no}:cancelled:office`,
    );
    return { cancelled: true, task };
  }
  const newEnd = addDays(date, -1);
  await ctx.m.update(WindowClosure, { id: c.id }, { toDate: newEnd });
  await ctx.audit('window_closure.end_early', 'window_closure', c.no, { from: c.toDate, to: newEnd });
  await ctx.send(
    { group: 'G-OFFICE' },
    { text: `${c.no}：${windowsLabel(c.windows)} 提前于 ${shortDate(date)} 恢复，届时请确认到岗：窗口 到岗 ${c.no}` },
    `gb:${c.no}:early:${date}`,
  );
  return { cancelled: false, date };
}
