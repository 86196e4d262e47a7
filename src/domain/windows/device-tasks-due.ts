import { In } from 'typeorm';
import { DeviceTask } from '../../../entities/device-task';
import type { Ctx } from '../../kernel/ctx';
import { claimReminder } from '../../kernel/reminders';
import { cnDate, localDate } from '../../kernel/time';
import { ITEM_LABEL, taskLine } from './device-tasks';

// device-tasks-due (08:00 each WD) to G-OFFICE: the RW tasks (DIR-04) whose day has come — a closure's screens
// and 叫号机 must show 临时关闭 on its first day (WIN-06, D38) — and those past it, until `任务 完成` ticks them.
// A task made "at once" (no day) is due on the day it was created. Only 大厅管理室's device items (ITEM_LABEL):
// a case's 办结告知 or 异地材料寄递 task belongs to its window and closes with the case. Each task is claimed once
// per WD, so a re-run sends nothing twice.

export async function remindDueDeviceTasks(ctx: Ctx): Promise<{ due: number; overdue: number }> {
  const today = localDate(ctx.now);
  const items = Object.keys(ITEM_LABEL);
  const open = await ctx.m.find(DeviceTask, { where: { status: 'open', item: In(items) }, order: { id: 'ASC' } });
  const dueToday: string[] = [];
  const late: string[] = [];
  for (const t of open) {
    const dueOn = t.dueOn ?? localDate(t.createdAt);
    if (dueOn > today) continue;
    if (!(await claimReminder(ctx.m, ctx.now, t.no, 'rw-due', 1, today))) continue;
    if (dueOn === today) dueToday.push(taskLine(t));
    else late.push(`${taskLine(t)}，已逾期${ctx.deps.calendar.workdaysBetween(dueOn, today)}个工作日`);
  }
  if (dueToday.length + late.length === 0) return { due: 0, overdue: 0 };
  const parts = [
    `⏰ 设备任务（rule DIR-04，${cnDate(today)}）`,
    ...(dueToday.length ? [`今日办理：\n${dueToday.join('\n')}`] : []),
    ...(late.length ? [`已逾期：\n${late.join('\n')}`] : []),
    '办完后发送：任务 完成 <RW号>',
  ];
  await ctx.send({ group: 'G-OFFICE' }, { text: parts.join('\n') }, `device-tasks-due:${today}`);
  return { due: dueToday.length, overdue: late.length };
}
