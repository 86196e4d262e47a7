import { In, IsNull, LessThanOrEqual } from 'typeorm';
import { ReminderLog } from '../../../entities/reminder-log';
import { LeaveRequest } from '../../../entities/leave-request';
import type { Ctx } from '../../kernel/ctx';
import { personName } from '../../kernel/directory';
import { claimReminder } from '../../kernel/reminders';
import { localDate, shortDate } from '../../kernel/time';
import { getSetting } from '../../settings/settings';
import { leaveLabel, shortQj, SUBJECT } from './leave-model';
import { unreturnedBefore } from './leave-return';

// ATT-06 (000 窗口工作 五(五) "严禁脱岗或擅自离岗"): on the 1st WD after an approved leave ends without a 销假 the
// person is reminded; when leave.absentAfterWorkdays WD later there is still no 销假, 大厅管理室 gets a 脱岗 flag
// (D154). The reminder is claimed in reminder_log (one per leave), the flag is a guarded update (one per leave);
// a 脱岗 flag needs a reminder sent on an earlier day, so a job that was down catches up in the same order.

const KIND = 'leave-return';

export async function checkLeaveReturns(ctx: Ctx): Promise<{ reminded: number; flagged: number; makeUp: number }> {
  const cal = ctx.deps.calendar;
  const today = localDate(ctx.now);
  const after = await getSetting(ctx.m, 'leave.absentAfterWorkdays');
  let reminded = 0;
  let flagged = 0;
  for (const r of await unreturnedBefore(ctx, today)) {
    const back = cal.nextWorkday(r.toDate);
    if (back > today) continue;
    const name = await personName(ctx.m, r.userid);
    if (await claimReminder(ctx.m, ctx.now, r.no, KIND, 0, back)) {
      reminded++;
      await ctx.send(
        { user: r.userid },
        {
          text: `⏰ ${r.no} ${leaveLabel(r)} 已于 ${shortDate(r.toDate)} 结束，请返岗后发送“销假 ${shortQj(r.no)}”（rule ATT-06）。未销假将按脱岗报大厅管理室。`,
        },
        `qj:${r.no}:return-reminder`,
      );
      await ctx.audit('leave.return_reminder', SUBJECT, r.no, { back });
      continue;
    }
    if (r.absentFlaggedOn || today < cal.addWorkdays(back, after)) continue;
    const sent = await ctx.m.findOne(ReminderLog, { where: { subject: r.no, kind: KIND, deadlineVersion: 0 } });
    if (!sent || localDate(sent.sentAt) >= today) continue;
    const res = await ctx.m.update(LeaveRequest, { id: r.id, absentFlaggedOn: IsNull() }, { absentFlaggedOn: today });
    if (res.affected === 0) continue;
    flagged++;
    const where = [r.departmentCode, r.windowNumber ? `${r.windowNumber}号窗` : ''].filter(Boolean).join(' ');
    await ctx.send(
      { group: 'G-OFFICE' },
      {
        text: `⚠️ 脱岗（rule ATT-06）：${name}${where ? `（${where}）` : ''} ${r.no} ${leaveLabel(r)} 已结束，截至 ${shortDate(today)} 仍未销假，${shortDate(localDate(sent.sentAt))} 已提醒。`,
      },
      `qj:${r.no}:absent:office`,
    );
    await ctx.send(
      { user: r.userid },
      {
        text: `⚠️ ${r.no} 假期结束后仍未销假，已按脱岗报大厅管理室（rule ATT-06）。返岗请立即发送“销假 ${shortQj(r.no)}”。`,
      },
      `qj:${r.no}:absent:person`,
    );
    await ctx.audit('leave.absent', SUBJECT, r.no, { on: today });
  }
  return { reminded, flagged, makeUp: await remindMakeUp(ctx, today) };
}

/** OPEN #36: a same-day 病假's paperwork is 补办 by `makeUpDue` — one reminder on that WD. */
async function remindMakeUp(ctx: Ctx, today: string): Promise<number> {
  const due = await ctx.m.find(LeaveRequest, {
    where: { status: In(['approved', 'returned']), makeUpDue: LessThanOrEqual(today) },
  });
  let n = 0;
  for (const r of due) {
    if (!r.makeUpDue || !(await claimReminder(ctx.m, ctx.now, r.no, 'leave-makeup', 0, r.makeUpDue))) continue;
    n++;
    await ctx.send(
      { user: r.userid },
      {
        text: `⏰ ${r.no} ${leaveLabel(r)} 为当日报告的病假，请在考勤系统补办请假手续（期限 ${shortDate(r.makeUpDue)}，rule ATT-05）。`,
      },
      `qj:${r.no}:makeup`,
    );
  }
  return n;
}
