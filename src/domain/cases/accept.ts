import type { ServiceCase } from '../../../entities/case';
import { describeDue } from '../../calendar/deadline-due';
import { openDeadline } from '../../calendar/deadlines';
import type { Ctx } from '../../kernel/ctx';
import { ruleRefusal, UserError } from '../../kernel/errors';
import { instantAt, localDate, localTime, shortDate } from '../../kernel/time';
import { createDeviceTasks } from '../windows/device-tasks';
import { unmetItems } from './intake';
import { BEFORE_ACCEPT, MAIN_CLOCK, SUBJECT } from './model';
import { assertStatus, changeCase, loadCase } from './store';

// 受理 (CAS-01/08/13/24): the clock starts here — "within N WD", counted from the next WD after D0, where D0
// is the 受理 day or, after 补正, the day the materials were complete (000 限时办结 第六条). A 即办件 is due at
// the end of D0 (17:30, calendar.endOfDay; D100, D102). 一次办 and 异地通办 need the 审核/属地 department's
// confirmation (D101).

export interface AcceptArgs {
  补齐?: string;
  确认?: string;
  寄材料?: '是' | '否';
}

const NEEDS_CONFIRMATION = ['一次办', '异地通办'];

export async function acceptCase(ctx: Ctx, ref: string, a: AcceptArgs): Promise<string> {
  let c = await loadCase(ctx, ref);
  assertStatus(c, BEFORE_ACCEPT, '受理');
  const today = localDate(ctx.now);
  const confirmer = a.确认?.trim().replace(/^@/, '') || c.confirmedBy;
  if (NEEDS_CONFIRMATION.includes(c.mode) && !confirmer)
    throw ruleRefusal(
      'CAS-24',
      '002 运行规范 第十五条1、第十七条',
      `${c.mode}件须经${c.mode === '异地通办' ? '属地部门' : '审核部门'}确认后方可受理，请补充 确认=@确认人。`,
    );
  if (a.寄材料 === '是' && c.mode !== '异地通办') throw new UserError('寄材料=是 只用于异地通办件（rule CAS-22）。');
  let d0 = today;
  if (c.supplements.length > 0) {
    const left = unmetItems(c);
    if (left.length && !a.补齐)
      throw new UserError(
        `${c.no} 尚有补正材料未补齐：${left.join('、')}。请先“办件 补齐 ${c.no}”，或受理时写 补齐=<日期>。`,
      );
    const day = a.补齐 ?? c.completedDate ?? today;
    if (day > today) throw new UserError(`补齐日期 ${day} 晚于今天。`);
    if (day < localDate(c.receivedAt)) throw new UserError(`补齐日期 ${day} 早于收件日 ${localDate(c.receivedAt)}。`);
    d0 = day;
  } else if (a.补齐) {
    throw new UserError(`${c.no} 没有补正记录，无需写补齐日期。`);
  }
  // The clock's start instant: now on the 受理 day, else the 补齐 day (its D0 is what counts, CAS-08).
  const startAt = d0 === today ? ctx.now : instantAt(d0, localTime(ctx.now));
  const clock = await openDeadline(ctx.m, ctx.now, ctx.actor.userid, ctx.deps.calendar, {
    subjectType: SUBJECT,
    subjectId: c.no,
    kind: MAIN_CLOCK,
    startAt,
    amount: c.limitWd,
    unit: 'WD',
  });
  const supplements = c.supplements.map((s) => ({ ...s, met: [...s.items] }));
  c = await changeCase(
    ctx,
    c,
    '受理',
    {
      status: '已受理',
      acceptedAt: ctx.now,
      clockStart: d0,
      completedDate: c.supplements.length ? d0 : null,
      supplements,
      deadlineId: clock.id,
      dueDate: clock.dueDate,
      confirmedBy: confirmer ?? null,
      confirmedAt: confirmer && !c.confirmedAt ? ctx.now : c.confirmedAt,
    },
    `受理通知书：${c.itemName}，${c.type === '即办' ? '即办件当日办结' : `承诺 ${c.limitWd} 个工作日`}，到期 ${describeDue(clock)}`,
    { d0, due: clock.dueDate, confirmedBy: confirmer ?? null },
  );
  const lines = [
    `✅ ${c.no} 已受理，到期 ${shortDate(clock.dueDate)}${c.type === '即办' ? ` ${ctx.deps.calendar.endOfDay}` : ''}`,
  ];
  lines.push(
    `${c.itemName}｜${c.type === '即办' ? '即办件，当日办结' : `${c.limitWd}个工作日，自 ${shortDate(d0)} 次日起算`}`,
  );
  if (clock.provisional) lines.push(`到期日待日历确认：${describeDue(clock)}`);
  if (a.寄材料 === '是') lines.push(await mailingTask(ctx, c));
  return lines.join('\n');
}

/** CAS-22: for 异地通办 the accepting side mails all materials at once when the 属地 archives them. */
async function mailingTask(ctx: Ctx, c: ServiceCase): Promise<string> {
  const [task] = await createDeviceTasks(ctx, {
    subjectType: SUBJECT,
    subjectId: c.no,
    windows: c.windowNumber ? [c.windowNumber] : [],
    items: ['异地材料寄递'],
    purpose: '异地通办',
    dueOn: localDate(ctx.now),
  });
  return `已建寄递任务 ${task.no}：申请材料须一次性寄往属地部门（rule CAS-22）`;
}
