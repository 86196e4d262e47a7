import { Consultation } from '../../../entities/consultation';
import { isPastDue } from '../../calendar/deadline-reminders';
import { closeDeadline, findDeadline } from '../../calendar/deadlines';
import type { Ctx } from '../../kernel/ctx';
import { UserError } from '../../kernel/errors';
import { hasRole } from '../../kernel/permissions';
import { cnDate, localDate } from '../../kernel/time';
import { ANSWER_CLOCK, loadConsultation, shortZx, ST, SUBJECT } from './model';

// 咨询 答复 (CAS-04; 000 首问负责 第五条(二)1–2): the first responder (or 大厅管理室, or a colleague of the same
// department standing in) closes an open question; 回电=是 records that a missed call was returned with an apology.

export async function answerConsultation(ctx: Ctx, ref: string, a: { 内容?: string; 回电?: string }): Promise<string> {
  const c = await loadConsultation(ctx, ref);
  const short = shortZx(c.no, ctx.now);
  if (c.kind !== '咨询') throw new UserError(`${c.no} 是专家请求，由首席代表在卡片上确认，无需答复。`);
  if (c.status !== ST.open)
    throw new UserError(
      `${c.no} ${c.status}${c.answeredAt ? `（${cnDate(localDate(c.answeredAt))}）` : ''}，无需再答复。`,
    );
  const sameDept = !!c.departmentCode && c.departmentCode === ctx.actor.departmentCode;
  if (c.firstResponder !== ctx.actor.userid && !sameDept && !hasRole(ctx.actor, 'hall_office'))
    throw new UserError(`${c.no} 的首问责任人是他人（rule CAS-03），请由首问责任人或本部门同事答复。`);
  const callback = a.回电?.trim() === '是';
  if (a.回电?.trim() && !callback && a.回电.trim() !== '否') throw new UserError('回电 应为 是 或 否。');
  await ctx.m.update(
    Consultation,
    { id: c.id },
    {
      status: ST.answered,
      answer: a.内容?.trim() || null,
      answeredAt: ctx.now,
      answeredBy: ctx.actor.userid,
      callback,
    },
  );
  const d = await findDeadline(ctx.m, SUBJECT, c.no, ANSWER_CLOCK);
  let late = '';
  if (d) {
    const closed = await closeDeadline(ctx.m, ctx.now, ctx.actor.userid, d, 'answered');
    if (isPastDue(closed.dueAt, ctx.now)) late = `（超过约定期限 ${cnDate(closed.dueDate)}）`;
  }
  await ctx.audit('consult.answer', SUBJECT, c.no, { callback, late: !!late });
  return `✅ ${short} 已答复${callback ? '（已回电致歉）' : ''}${late}`;
}
