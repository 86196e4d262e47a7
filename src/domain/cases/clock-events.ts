import { Deadline } from '../../../entities/deadline';
import type { CaseParallelPart, ServiceCase } from '../../../entities/case';
import { extendDeadline, pauseDeadline, resumeDeadline } from '../../calendar/deadlines';
import type { Ctx } from '../../kernel/ctx';
import { ruleRefusal, UserError } from '../../kernel/errors';
import { localDate, shortDate } from '../../kernel/time';
import { getSetting } from '../../settings/settings';
import { assertStatus, changeCase, loadCase } from './store';

// 中止 / 恢复 (CAS-12, OPEN #59), 延期 (CAS-10) and 会商 (CAS-09) on the case's versioned clock (D16): each
// change bumps the clock's version, so reminders re-arm and never repeat. 并联 sub-clocks follow (D104).

/** The case's live clocks: its own and the 并联 departments' not yet done (CAS-22). */
function liveClocks(c: ServiceCase): number[] {
  const parts = (c.parallel ?? []).filter((p) => !p.doneAt).map((p) => p.deadlineId);
  return [c.deadlineId!, ...parts];
}

async function refreshParts(ctx: Ctx, c: ServiceCase): Promise<CaseParallelPart[] | null> {
  if (!c.parallel) return null;
  const out: CaseParallelPart[] = [];
  for (const p of c.parallel) {
    const d = await ctx.m.findOneOrFail(Deadline, { where: { id: p.deadlineId } });
    out.push({ ...p, dueDate: d.dueDate });
  }
  return out;
}

export async function pauseCase(ctx: Ctx, ref: string, reason: string, told: string | undefined): Promise<string> {
  const c = await loadCase(ctx, ref);
  const allowed = await getSetting(ctx.m, 'cases.pauseReasons');
  if (!allowed.includes(reason))
    throw ruleRefusal(
      'CAS-12',
      '002 运行规范 第十一条4',
      `仅${allowed.join('/')}可中止时限（收到“${reason}”）。延期请用“办件 延期”，补正请用“办件 补正”。`,
    );
  assertStatus(c, ['已受理'], '中止');
  if (told !== '是')
    throw ruleRefusal('CAS-12', '002 运行规范 第十一条4', '中止时限须告知申请人，请告知后补充 已告知=是。');
  for (const id of liveClocks(c))
    await pauseDeadline(ctx.m, ctx.now, ctx.actor.userid, ctx.deps.calendar, id, ctx.now, reason);
  await changeCase(ctx, c, '中止', { status: '中止', pauseReason: reason }, `${reason}，已告知申请人`, { reason });
  return `✅ ${c.no} 中止（${reason}），已告知申请人；恢复时发送：办件 恢复 ${c.no}`;
}

export async function resumeCase(ctx: Ctx, ref: string): Promise<string> {
  const c = await loadCase(ctx, ref);
  assertStatus(c, ['中止'], '恢复（未中止）');
  let due = c.dueDate!;
  for (const id of liveClocks(c)) {
    const d = await resumeDeadline(ctx.m, ctx.now, ctx.actor.userid, ctx.deps.calendar, id, ctx.now);
    if (id === c.deadlineId) due = d.dueDate;
  }
  const parallel = await refreshParts(ctx, c);
  await changeCase(
    ctx,
    c,
    '恢复',
    { status: '已受理', pauseReason: null, dueDate: due, parallel },
    `恢复计时，到期 ${due}`,
    {
      due,
    },
  );
  return `✅ ${c.no} 已恢复计时，到期 ${shortDate(due)}（中止期间不计入时限）`;
}

export async function extendCase(ctx: Ctx, ref: string, newDue: string, reason: string | undefined): Promise<string> {
  const c = await loadCase(ctx, ref);
  assertStatus(c, ['已受理'], '延期');
  if (!reason?.trim())
    throw ruleRefusal(
      'CAS-10',
      '000 限时办结 第七条',
      '延期须写明原因和新的期限，并书面告知申请人：办件 延期 <AJ号> 新期限=… 原因=…',
    );
  const cal = ctx.deps.calendar;
  const current = (await ctx.m.findOneOrFail(Deadline, { where: { id: c.deadlineId! } })).dueDate;
  const add = cal.workdaysBetween(current, newDue);
  if (add < 1) throw new UserError(`新期限 ${newDue} 须晚于现到期日 ${current}（且为工作日）。`);
  if (!cal.isWorkday(newDue)) throw new UserError(`新期限 ${newDue} 不是工作日。`);
  const d = await extendDeadline(ctx.m, ctx.now, ctx.actor.userid, cal, c.deadlineId!, add, reason);
  const n = c.extensions + 1;
  // CAS-10 书面延期告知: the bot writes it from the typed reason and date.
  const notice = `书面延期告知（${c.no}）：${c.applicant}，您申请的“${c.itemName}”因${reason.trim()}，办理期限延至 ${d.dueDate}。告知人 ${ctx.actor.name} ${localDate(ctx.now)}`;
  await changeCase(ctx, c, '延期', { dueDate: d.dueDate, extensions: n }, notice, {
    from: current,
    to: d.dueDate,
    reason,
    n,
  });
  return `✅ ${c.no} 延期至 ${shortDate(d.dueDate)}（第${n}次）\n${notice}`;
}

export async function consultNote(ctx: Ctx, ref: string, note: string): Promise<string> {
  const c = await loadCase(ctx, ref);
  await changeCase(ctx, c, '会商', {}, note, {});
  return `✅ 已记录会商（${c.no}）：${note}`;
}
