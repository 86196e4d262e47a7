import { Deadline } from '../../../entities/deadline';
import { ItemChange } from '../../../entities/item-change';
import type { Ctx } from '../../kernel/ctx';
import { claimReminder } from '../../kernel/reminders';
import { cnDate, localDate } from '../../kernel/time';
import { SX_SUBJECT, UPDATE_CLOCK } from './model';

// item-tasks-overdue (09:00 each WD) to G-OFFICE — the account of the 旗政务服务局, which has none of its own:
// SX list updates past their item.updateWorkdays WD (ITM-04, OPEN #39). Each task is claimed once per clock
// version and WD (D16), so a re-run sends nothing twice and a moved clock re-arms.

export async function remindOverdueItemTasks(ctx: Ctx): Promise<{ overdue: number }> {
  const today = localDate(ctx.now);
  const clocks = await ctx.m.find(Deadline, {
    where: { subjectType: SX_SUBJECT, kind: UPDATE_CLOCK, status: 'open' },
    order: { dueDate: 'ASC' },
  });
  const lines: string[] = [];
  for (const d of clocks) {
    if (d.dueAt >= ctx.now) continue;
    if (!(await claimReminder(ctx.m, ctx.now, d.subjectId, 'sx-overdue', d.version, today))) continue;
    const c = await ctx.m.findOne(ItemChange, { where: { no: d.subjectId } });
    if (!c) continue;
    const late = ctx.deps.calendar.workdaysBetween(d.dueDate, today);
    lines.push(
      `${c.no} ${c.changeType} ${c.itemName}（${c.departmentCode}）应于 ${d.dueDate} 前更新，已逾期${late}个工作日 → 事项 更新 ${c.no}`,
    );
  }
  if (lines.length)
    await ctx.send(
      { group: 'G-OFFICE' },
      { text: `⏰ 事项清单更新逾期（rule ITM-04，${cnDate(today)}）：\n${lines.join('\n')}` },
      `item-tasks-overdue:${today}`,
    );
  return { overdue: lines.length };
}
