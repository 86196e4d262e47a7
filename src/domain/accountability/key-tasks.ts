import { KeyTask } from '../../../entities/key-task';
import type { Person } from '../../../entities/person';
import type { Ctx } from '../../kernel/ctx';
import { UserError } from '../../kernel/errors';
import { hasRole } from '../../kernel/permissions';
import { closeDeadline, findDeadline, openDeadline } from '../../calendar/deadlines';
import { insertRows } from '../../db';
import { nextRecordNo, normaliseRecordRef } from '../../kernel/numbers';
import { daysBetween, localDate, shortDate, yearOf, type LocalDate } from '../../kernel/time';

// ACC-02 (000 问效 第2条): major matters and key tasks decided by the center are done on time and to standard —
// 督办任务 `DB…` with owner and due date; reminders at due − 1 WD and while overdue (rectification-due job).

export const TASK_CLOCK = 'keytask:due';

export async function assignTask(ctx: Ctx, content: string, owner: Person, due: LocalDate): Promise<KeyTask> {
  const today = localDate(ctx.now);
  if (due < today) throw new UserError(`期限 ${due} 已过。`);
  const no = await nextRecordNo(ctx.m, 'DB', yearOf(today), 3);
  await insertRows(ctx.m, KeyTask, {
    no,
    content,
    owner: owner.userid,
    departmentCode: owner.departmentCode,
    dueDate: due,
    status: '进行中',
    createdBy: ctx.actor.userid,
    createdAt: ctx.now,
  });
  await openDeadline(ctx.m, ctx.now, ctx.actor.userid, ctx.deps.calendar, {
    subjectType: 'key_task',
    subjectId: no,
    kind: TASK_CLOCK,
    startAt: ctx.now,
    amount: daysBetween(today, due),
    unit: 'CD',
  });
  await ctx.audit('keytask.assign', 'key_task', no, { content, owner: owner.userid, due });
  await ctx.send(
    { user: owner.userid },
    { text: `📌 督办任务 ${no}：${content}\n期限 ${shortDate(due)}。完成后发送：督办 完成 ${no}` },
    `keytask:${no}:assigned`,
  );
  return ctx.m.findOneOrFail(KeyTask, { where: { no } });
}

export async function taskByRef(ctx: Ctx, ref: string): Promise<KeyTask> {
  const no = normaliseRecordRef(ref, 'DB', yearOf(localDate(ctx.now)), 3);
  const t = no ? await ctx.m.findOne(KeyTask, { where: { no } }) : null;
  if (!t) throw new UserError(`没有找到督办任务“${ref}”。`);
  return t;
}

export async function completeTask(ctx: Ctx, t: KeyTask): Promise<boolean> {
  if (t.status === '已完成') return false;
  if (![t.owner, t.createdBy].includes(ctx.actor.userid) && !hasRole(ctx.actor, 'hall_office', 'leader'))
    throw new UserError(`${t.no} 由责任人或交办人报完成。`);
  await ctx.m.update(
    KeyTask,
    { id: t.id, status: '进行中' },
    { status: '已完成', completedAt: ctx.now, completedBy: ctx.actor.userid },
  );
  const clock = await findDeadline(ctx.m, 'key_task', t.no, TASK_CLOCK);
  if (clock) await closeDeadline(ctx.m, ctx.now, ctx.actor.userid, clock, 'done');
  await ctx.audit('keytask.complete', 'key_task', t.no, { late: localDate(ctx.now) > t.dueDate });
  if (t.createdBy !== ctx.actor.userid && !t.createdBy.includes(':'))
    await ctx.send({ user: t.createdBy }, { text: `✅ 督办任务 ${t.no} 已完成：${t.content}` }, `keytask:${t.no}:done`);
  return true;
}
