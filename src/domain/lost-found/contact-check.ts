import { In, Not, IsNull } from 'typeorm';
import { LostItem } from '../../../entities/lost-item';
import { CalendarCoverageError } from '../../kernel/work-calendar';
import type { Ctx } from '../../kernel/ctx';
import { claimReminder } from '../../kernel/reminders';
import { cnDate, localDate } from '../../kernel/time';
import { getSetting } from '../../settings/settings';
import { OPEN_STATUSES } from './model';
import { itemLabel, shortNo } from './store';

// LST-04 entry of handover-contact-check (16:30 each WD, D39): items with 失主 information and no contact
// attempt logged by their contact day — the registration day (OPEN #24 "same WD"; the next WD if registered
// on a non-WD), or N WD later per setting lostFound.contactWorkdays. Each item once per WD until contacted.

function contactDay(ctx: Ctx, registered: string, workdays: number): string {
  const cal = ctx.deps.calendar;
  try {
    if (workdays > 0) return cal.addWorkdays(registered, workdays);
    return cal.isWorkday(registered) ? registered : cal.nextWorkday(registered);
  } catch (err) {
    // D13: outside the confirmed calendar the registration day itself is the (earliest) contact day.
    if (err instanceof CalendarCoverageError) return registered;
    throw err;
  }
}

export async function checkOwnerContacts(ctx: Ctx): Promise<number> {
  const today = localDate(ctx.now);
  const workdays = await getSetting(ctx.m, 'lostFound.contactWorkdays');
  const items = await ctx.m.find(LostItem, {
    where: { status: In(OPEN_STATUSES), ownerInfo: Not(IsNull()) },
    order: { id: 'ASC' },
  });
  const lines: string[] = [];
  for (const i of items) {
    if (i.contacts.length) continue;
    const registered = localDate(i.createdAt);
    if (contactDay(ctx, registered, workdays) > today) continue;
    if (!(await claimReminder(ctx.m, ctx.now, i.no, 'lst-contact', 0, today))) continue;
    lines.push(
      `${shortNo(i.no, ctx.now)} ${itemLabel(i)}（${cnDate(registered)}登记）→ 失物 通知 ${shortNo(i.no, ctx.now)} 方式=电话 结果=…`,
    );
  }
  if (!lines.length) return 0;
  await ctx.send(
    { group: 'G-GUIDE' },
    { text: `⏰ 以下失物有失主信息，尚未记录通知失主（rule LST-04，应尽快通知）：\n${lines.join('\n')}` },
    `lost-contact:${today}`,
  );
  return lines.length;
}
