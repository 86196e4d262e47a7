import { Deadline } from '../../../entities/deadline';
import { Consultation } from '../../../entities/consultation';
import { claimDeadlineReminder } from '../../calendar/deadline-reminders';
import type { Ctx } from '../../kernel/ctx';
import { personName } from '../../kernel/directory';
import { cnDate, localDate } from '../../kernel/time';
import { ANSWER_CLOCK, shortZx, SUBJECT } from './model';

// consult-answer-reminders, 09:00 each WD (CAS-04, OPEN #43): an open question due today → its first responder;
// past due → the first responder each WD and one digest to 大厅管理室. Claimed on the clock's version and the WD
// (D16), so a re-run repeats nothing and an answered question (closed clock) is never reminded.

export async function remindAnswers(ctx: Ctx): Promise<number> {
  const today = localDate(ctx.now);
  const clocks = await ctx.m.find(Deadline, {
    where: { subjectType: SUBJECT, kind: ANSWER_CLOCK, status: 'open' },
    order: { dueDate: 'ASC', id: 'ASC' },
  });
  const late: string[] = [];
  let sent = 0;
  for (const d of clocks) {
    if (d.dueDate > today) continue;
    const c = await ctx.m.findOne(Consultation, { where: { no: d.subjectId } });
    if (!c) continue;
    const short = shortZx(c.no, ctx.now);
    const overdue = d.dueDate < today;
    if (!(await claimDeadlineReminder(ctx.m, ctx.now, d, overdue ? 'overdue' : 'due', today))) continue;
    const text = overdue
      ? `⚠️ ${short} 咨询“${c.question}”已超过答复期限 ${cnDate(d.dueDate)}（rule CAS-04），请尽快答复：咨询 答复 ${short} 内容=… [回电=是]`
      : `⏰ ${short} 咨询“${c.question}”今天（${cnDate(d.dueDate)}）到期，请按约答复（rule CAS-04）：咨询 答复 ${short} 内容=…`;
    await ctx.send(
      { user: c.firstResponder },
      { text },
      `consult:${c.no}:${overdue ? 'overdue' : 'due'}:v${d.version}:${today}`,
    );
    if (overdue)
      late.push(`${short} ${await personName(ctx.m, c.firstResponder)}｜期限 ${cnDate(d.dueDate)}｜${c.question}`);
    sent++;
  }
  if (late.length)
    await ctx.send(
      { group: 'G-OFFICE' },
      { text: `⚠️ 逾期未答复的咨询（rule CAS-04）${late.length} 条：\n${late.join('\n')}` },
      `consult:overdue-digest:${today}`,
    );
  return sent;
}
