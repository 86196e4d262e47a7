import { In } from 'typeorm';
import { DeviceTask } from '../../../entities/device-task';
import type { ServiceCase } from '../../../entities/case';
import { closeDeadline } from '../../calendar/deadlines';
import { isPastDue } from '../../calendar/deadline-reminders';
import type { Ctx } from '../../kernel/ctx';
import { ruleRefusal, UserError } from '../../kernel/errors';
import { localDate, shortDate } from '../../kernel/time';
import { createDeviceTasks, markTaskDone } from '../windows/device-tasks';
import { BEFORE_ACCEPT, OPEN_CASE, SUBJECT } from './model';
import { assertStatus, changeCase, loadCase } from './store';

// Ending a case: 不予受理 (CAS-11), 撤回 (CAS-16), 办结 with its 办结告知 task (CAS-15), 出件 which closes it
// (CAS-15, CAS-24). Overdue is fixed at 办结 (D106); the notices are the bot's own text (D103).

export const NOTIFY_ITEM = '办结告知';

/** Close the case's clock and its 并联 sub-clocks; returns whether the main one ended past due. */
async function stopClocks(
  ctx: Ctx,
  c: ServiceCase,
  outcome: string,
): Promise<{ overdue: boolean; overdueWd: number | null; due: string | null }> {
  let overdue = false;
  let due: string | null = null;
  let overdueWd: number | null = null;
  if (c.deadlineId) {
    const d = await closeDeadline(ctx.m, ctx.now, ctx.actor.userid, c.deadlineId, outcome);
    due = d.dueDate;
    if (outcome === '办结' && isPastDue(d.dueAt, ctx.now)) {
      overdue = true;
      overdueWd = Math.max(1, ctx.deps.calendar.workdaysBetween(d.dueDate, localDate(ctx.now)));
    }
  }
  for (const p of c.parallel ?? [])
    if (!p.doneAt) await closeDeadline(ctx.m, ctx.now, ctx.actor.userid, p.deadlineId, outcome);
  return { overdue, overdueWd, due };
}

export async function refuseCase(
  ctx: Ctx,
  ref: string,
  reason: string | undefined,
  basis: string | undefined,
): Promise<string> {
  const c = await loadCase(ctx, ref);
  assertStatus(c, BEFORE_ACCEPT, '不予受理（已受理的请用 办结 或 撤回）');
  const missing = [!reason?.trim() && '原因', !basis?.trim() && '法律依据'].filter(Boolean);
  if (missing.length)
    throw ruleRefusal(
      'CAS-11',
      '000 限时办结 第八条',
      `不予受理须出具《不予受理通知书》，写明${missing.join('和')}：办件 不予受理 <AJ号> 原因=… 依据=…`,
    );
  const notice = `不予受理通知书（${c.no}）：${c.applicant}，您申请的“${c.itemName}”不予受理。理由：${reason!.trim()}。依据：${basis!.trim()}。`;
  await changeCase(
    ctx,
    c,
    '不予受理',
    { status: '不予受理', result: reason!.trim(), refusalBasis: basis!.trim(), closedAt: ctx.now },
    notice,
    { reason, basis },
  );
  return `✅ ${c.no} 不予受理通知书已生成\n${notice}`;
}

export async function withdrawCase(ctx: Ctx, ref: string, reason: string | undefined): Promise<string> {
  const c = await loadCase(ctx, ref);
  assertStatus(c, OPEN_CASE, '撤回');
  if (!reason?.trim())
    throw ruleRefusal('CAS-16', '002 运行规范 第十三条', '撤回须写明申请人撤回的原因：办件 撤回 <AJ号> 原因=…');
  await stopClocks(ctx, c, '撤回');
  // CAS-16: closed as 审批不通过 noting 申请撤回; never counted overdue (OPEN #45 counts them apart).
  await changeCase(
    ctx,
    c,
    '撤回',
    {
      status: '已撤回',
      result: `审批不通过（申请撤回：${reason.trim()}）`,
      pauseReason: null,
      closedAt: ctx.now,
      finishedAt: ctx.now,
    },
    `申请撤回：${reason.trim()}`,
    { reason },
  );
  return `✅ ${c.no} 已按撤回办结（审批不通过，申请撤回）`;
}

export async function finishCase(ctx: Ctx, ref: string, result: string): Promise<string> {
  const c = await loadCase(ctx, ref);
  if (c.status === '中止') throw new UserError(`${c.no} 处于中止（${c.pauseReason}），请先“办件 恢复 ${c.no}”。`);
  assertStatus(c, ['已受理'], '办结（须先受理）');
  const { overdue, overdueWd, due } = await stopClocks(ctx, c, '办结');
  const parallel = c.parallel?.map((p) => ({ ...p, doneAt: p.doneAt ?? ctx.now.toISOString() })) ?? null;
  await changeCase(
    ctx,
    c,
    '办结',
    { status: '办结', result, finishedAt: ctx.now, closedOverdue: overdue, overdueWd, parallel, dueDate: due },
    result,
    { overdue, overdueWd },
  );
  // CAS-15: the 出件窗口 clicks 办结告知 and tells the applicant; the task stays open until 出件.
  const [task] = await createDeviceTasks(ctx, {
    subjectType: SUBJECT,
    subjectId: c.no,
    windows: c.windowNumber ? [c.windowNumber] : [],
    items: [NOTIFY_ITEM],
    purpose: '办结',
  });
  if (c.firstResponder !== ctx.actor.userid)
    await ctx.send(
      { user: c.firstResponder },
      {
        text: `📣 ${c.no} ${c.itemName} 已办结（${result}），请告知申请人并出件：办件 出件 ${c.no} 方式=现场|专递|网上（rule CAS-15）`,
      },
      `case-finished:${c.no}`,
    );
  const late = overdue ? `\n⚠️ 超期 ${overdueWd} 个工作日办结（到期 ${shortDate(due!)}）` : '';
  return `✅ ${c.no} 办结，请出件窗口告知申请人（办结告知 ${task.no}）${late}`;
}

export interface DeliveryArgs {
  方式: '现场' | '专递' | '网上';
  告知?: '电话' | '短信';
  取件地?: '申请地' | '属地';
  许可证?: string;
}

export async function deliverCase(ctx: Ctx, ref: string, a: DeliveryArgs): Promise<string> {
  const c = await loadCase(ctx, ref);
  assertStatus(c, ['办结'], '出件（须先办结）');
  if (c.mode === '异地通办' && !a.取件地)
    throw ruleRefusal(
      'CAS-24',
      '002 运行规范 第二十六条',
      '异地通办件由申请人选择在申请地或属地窗口领取，请补充 取件地=申请地|属地。',
    );
  if (a.取件地 && c.mode !== '异地通办') throw new UserError('取件地 只用于异地通办件（rule CAS-24）。');
  await changeCase(
    ctx,
    c,
    '出件',
    {
      status: '已出件',
      deliveryMethod: a.方式,
      notifyChannel: a.告知 ?? null,
      pickupPlace: a.取件地 ?? null,
      licenceNo: a.许可证 ?? null,
      deliveredAt: ctx.now,
      closedAt: ctx.now,
    },
    `出件：${a.方式}${a.告知 ? `，已${a.告知}告知` : ''}${a.取件地 ? `，${a.取件地}领取` : ''}${a.许可证 ? `，行业综合许可证 ${a.许可证}` : ''}`,
    { method: a.方式, notify: a.告知 ?? null, pickup: a.取件地 ?? null, licence: a.许可证 ?? null },
  );
  const open = await ctx.m.find(DeviceTask, {
    where: { subjectType: SUBJECT, subjectId: c.no, item: NOTIFY_ITEM, status: In(['open']) },
  });
  for (const t of open) await markTaskDone(ctx, t.no, `出件（${a.方式}）`);
  const mail = a.方式 === '专递' ? `\n请登记政务专递：专递 寄出 ${c.no} 联系人=… 电话=… 地址=…` : '';
  const licence = a.许可证 ? `｜一证通 ${a.许可证}` : '';
  return `✅ ${c.no} 已出件（${a.方式}${a.取件地 ? `，${a.取件地}领取` : ''}${licence}），办件已关闭${mail}`;
}
