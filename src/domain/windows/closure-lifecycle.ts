import { randomBytes } from 'node:crypto';
import { In } from 'typeorm';
import { HallWindow, type WindowStatus } from '../../../entities/window';
import { WindowClosure } from '../../../entities/window-closure';
import type { CardClick } from '../../../commands/card-actions';
import { openAttachmentSlot } from '../../kernel/attachments';
import { greyClickedCard } from '../../kernel/card-reply';
import type { Ctx } from '../../kernel/ctx';
import { chiefRepOf } from '../../kernel/directory';
import { UserError, ruleRefusal } from '../../kernel/errors';
import { isMoreThanMonths } from '../../calendar/conventions';
import { type LocalDate, addDays, addMonths, localDate, shortDate } from '../../kernel/time';
import { buttonCard, taskIdFor } from '../../wecom/cards';
import { takeoverWindows } from './closure-checks';
import { tellDepartment, windowsByNumber } from './common';
import { INFO_ITEM, createDeviceTasks, taskLine } from './device-tasks';
import { CITE, isSeasonalWindow, windowsLabel } from './rules';
import { seasonalWindowNumbers } from './seasonal';

// What happens to a window after its 申请表 is decided: 临时关闭 with an end date (WIN-06), 到岗 / early end
// (WIN-07), 收回 as 备用窗口 after more than a month (WIN-08), 恢复上岗 on a surge (WIN-11), reopening (WIN-09/10).

export const RESUME_PLAN = '工作预案';

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

async function endClosure(ctx: Ctx, c: WindowClosure, purpose: string, action: string): Promise<string> {
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

function requireLive(c: WindowClosure): void {
  if (c.type !== '临时关闭' || c.status !== 'approved') {
    throw new UserError(`${c.no} 不是生效中的临时关闭（当前：${c.type} ${c.status}）。`);
  }
}

/** `窗口 到岗` (WIN-07): 大厅管理室 confirms the staff are back; electronic info restored by a device task. */
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
  return `✅ ${windowsLabel(c.windows)}恢复在用，${task} 调屏/评价器/叫号机`;
}

/**
 * `窗口 重启` of an ordinary closure (seeds-review #2): ending early needs no notice — the end date moves to the day
 * before `date`, and 大厅管理室 confirms 到岗 then (or now, if the closure had not started).
 */
export async function endEarly(ctx: Ctx, c: WindowClosure, date: LocalDate): Promise<string> {
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
    return `✅ ${c.no} 已取消，${windowsLabel(c.windows)}继续在用（${task}）`;
  }
  const newEnd = addDays(date, -1);
  await ctx.m.update(WindowClosure, { id: c.id }, { toDate: newEnd });
  await ctx.audit('window_closure.end_early', 'window_closure', c.no, { from: c.toDate, to: newEnd });
  await ctx.send(
    { group: 'G-OFFICE' },
    { text: `${c.no}：${windowsLabel(c.windows)} 提前于 ${shortDate(date)} 恢复，届时请确认到岗：窗口 到岗 ${c.no}` },
    `gb:${c.no}:early:${date}`,
  );
  return `✅ ${c.no} ${windowsLabel(c.windows)} 将于 ${shortDate(date)} 恢复在用，已通知大厅管理室确认到岗`;
}

/**
 * Start of the continuous closure ending in `c` (WIN-08): earlier closures of the same window are chained when
 * only non-working days lie between them.
 */
export async function closedSince(ctx: Ctx, c: WindowClosure): Promise<LocalDate> {
  const prior = await ctx.m.find(WindowClosure, {
    where: { departmentCode: c.departmentCode, type: '临时关闭', status: In(['approved', 'ended']) },
  });
  let since = c.fromDate;
  for (;;) {
    const before = prior
      .filter((p) => p.id !== c.id && p.windows.some((w) => c.windows.includes(w)))
      .map((p) => ({ p, end: p.restoredOn ? addDays(p.restoredOn, -1) : p.toDate! }))
      .filter((x) => x.end < since && x.p.fromDate < since)
      .sort((a, b) => (a.end < b.end ? 1 : -1))[0];
    if (!before) return since;
    let gapOk = true;
    for (let d = addDays(before.end, 1); d < since; d = addDays(d, 1))
      if (ctx.deps.calendar.dayInfo(d).workday) gapOk = false;
    if (!gapOk) return since;
    since = before.p.fromDate;
  }
}

/** WIN-08 may the center reclaim it today? Returns the continuous start, or throws the refusal. */
export async function checkReclaimable(ctx: Ctx, c: WindowClosure): Promise<LocalDate> {
  requireLive(c);
  const seasonal = await seasonalWindowNumbers(ctx, c.departmentCode);
  for (const w of await windowsByNumber(ctx.m, c.windows)) {
    if (isSeasonalWindow(w, seasonal, w.number))
      throw ruleRefusal('WIN-08', CITE.win08, `${w.number}号窗为固定时间/季节性窗口，不适用收回。`);
  }
  const since = await closedSince(ctx, c);
  const today = localDate(ctx.now);
  if (!isMoreThanMonths(since, today, 1)) {
    throw ruleRefusal(
      'WIN-08',
      CITE.win08,
      `${windowsLabel(c.windows)}自 ${since} 起连续临时关闭，未超过1个月，${addDays(addMonths(since, 1), 1)} 起方可收回。`,
    );
  }
  return since;
}

/** `窗口 收回` / card `reclaim:` (WIN-08): the window becomes a 备用窗口; reopening later needs ≥ 5 WD (WIN-09). */
export async function reclaim(ctx: Ctx, c: WindowClosure): Promise<string> {
  const since = await checkReclaimable(ctx, c);
  const res = await ctx.m
    .createQueryBuilder()
    .update(WindowClosure)
    .set({ status: 'reclaimed', reclaimDecision: '收回' })
    .where('id = :id AND status = :s', { id: c.id, s: 'approved' })
    .execute();
  if ((res.affected ?? 0) !== 1) throw new UserError(`${c.no} 已处理。`);
  for (const w of await windowsByNumber(ctx.m, c.windows)) await setStatus(ctx, w, '备用', null, c.no);
  const [task] = await createDeviceTasks(ctx, {
    subjectType: 'window_closure',
    subjectId: c.no,
    windows: c.windows,
    items: [INFO_ITEM],
    purpose: '收回',
  });
  await ctx.audit('window_closure.reclaimed', 'window_closure', c.no, { since, task: task.no });
  await tellDepartment(
    ctx,
    c.departmentCode,
    `${c.no}：${windowsLabel(c.windows)}自 ${since} 起临时关闭已超过1个月，旗政务服务中心已收回为备用窗口。如需重启，须提前5个工作日申请（窗口 重启 ${c.windows[0]} 日期=… 类型=收回）。`,
    `gb:${c.no}:reclaimed`,
  );
  return `✅ ${windowsLabel(c.windows)}已收回为备用窗口（${c.no}，${task.no}）`;
}

/** Card `keep:` (WIN-08): the office keeps the closure as it is. */
export async function keepClosure(ctx: Ctx, c: WindowClosure): Promise<string> {
  requireLive(c);
  await ctx.m.update(WindowClosure, { id: c.id }, { reclaimDecision: '保留' });
  await ctx.audit('window_closure.keep', 'window_closure', c.no, {});
  return `✅ ${c.no} 暂不收回，${windowsLabel(c.windows)}继续临时关闭至 ${c.toDate}`;
}

/** `窗口 恢复上岗` (WIN-11): surge during the closure → card to the 首席代表, who must put staff back and upload a plan. */
export async function orderResume(ctx: Ctx, c: WindowClosure, note: string): Promise<string> {
  requireLive(c);
  if (c.resumeOrderedAt) throw new UserError(`${c.no} 已于 ${localDate(c.resumeOrderedAt)} 要求恢复上岗。`);
  await ctx.m.update(WindowClosure, { id: c.id }, { resumeOrderedAt: ctx.now, resumeNote: note });
  await ctx.audit('window_closure.resume_order', 'window_closure', c.no, { note });
  const chief = await chiefRepOf(ctx.m, c.departmentCode);
  const card = buttonCard({
    taskId: taskIdFor(c.no, 'resume', randomBytes(3).toString('hex')),
    title: `请立即恢复${windowsLabel(c.windows)}`,
    desc: `rule WIN-11｜${c.no}`,
    subTitle: `临时关闭期间出现业务量骤增：${note}。请立即安排工作人员上岗，并上传工作预案。`,
    fields: [{ key: '关闭期', value: period(c) }],
    buttons: [{ text: '已安排上岗', key: `ack_resume:${c.no}`, style: 1 }],
  });
  await ctx.send({ user: chief.userid }, { card }, `gb:${c.no}:resume:card`);
  await ctx.send(
    { group: `G-DEPT-${c.departmentCode}` },
    { text: `⚠️ ${windowsLabel(c.windows)}临时关闭期间业务量骤增，大厅管理室要求立即恢复上岗（${c.no}）。` },
    `gb:${c.no}:resume:dept`,
  );
  return `✅ 已要求 ${c.departmentCode} 立即恢复${windowsLabel(c.windows)}并上传预案`;
}

/** The 首席代表's `ack_resume:` click: window back in use; the next photo/file is the 工作预案. */
export async function ackResume(ctx: Ctx, c: WindowClosure, click?: CardClick): Promise<void> {
  const chief = await chiefRepOf(ctx.m, c.departmentCode);
  if (ctx.actor.userid !== chief.userid) throw new UserError(`只有 ${c.departmentCode} 首席代表可以确认。`);
  if (c.resumeAckAt) {
    await ctx.reply(`已确认：${c.no} 已于 ${localDate(c.resumeAckAt)} 恢复上岗。`);
    return;
  }
  await ctx.m.update(WindowClosure, { id: c.id }, { resumeAckAt: ctx.now });
  const task = c.status === 'approved' ? await endClosure(ctx, c, '恢复', 'window_closure.resumed') : undefined;
  await openAttachmentSlot(ctx, 'window_closure', c.no, RESUME_PLAN);
  if (click) await greyClickedCard(ctx, click, '已安排上岗');
  await ctx.send(
    { group: 'G-OFFICE' },
    { text: `${c.no}：${c.departmentCode} 已恢复${windowsLabel(c.windows)}上岗${task ? `，设备任务 ${task}` : ''}。` },
    `gb:${c.no}:resume:office`,
  );
  await ctx.reply(`✅ ${windowsLabel(c.windows)}已恢复上岗。请在10分钟内发送工作预案（照片或文件），rule WIN-11。`);
}
