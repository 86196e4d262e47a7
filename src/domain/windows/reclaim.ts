import { In } from 'typeorm';
import { WindowClosure } from '../../../entities/window-closure';
import type { Ctx } from '../../kernel/ctx';
import { UserError, ruleRefusal } from '../../kernel/errors';
import { isMoreThanMonths } from '../../calendar/conventions';
import { type LocalDate, addDays, addMonths, localDate } from '../../kernel/time';
import { requireLive, setStatus } from './closure-lifecycle';
import { tellDepartment, windowsByNumber } from './common';
import { INFO_ITEM, createDeviceTasks } from './device-tasks';
import { CITE, isSeasonalWindow, windowsLabel } from './rules';
import { seasonalWindowNumbers } from './seasonal';

// WIN-08 (000_c8ed09c118362bcb.txt 调整管理 二(二)3): a window closed continuously for more than a month may be
// reclaimed by the center as a 备用窗口 (fixed-time / seasonal windows exempt); the office may also keep it.

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

/**
 * `窗口 收回` / card `reclaim:` (WIN-08): the window becomes a 备用窗口; reopening later needs ≥ 5 WD (WIN-09).
 * Returns the device task's RW号.
 */
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
  return task.no;
}

/** Card `keep:` (WIN-08): the office keeps the closure as it is. */
export async function keepClosure(ctx: Ctx, c: WindowClosure): Promise<void> {
  requireLive(c);
  await ctx.m.update(WindowClosure, { id: c.id }, { reclaimDecision: '保留' });
  await ctx.audit('window_closure.keep', 'window_closure', c.no, {});
}
