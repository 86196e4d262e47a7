import { ShortAbsence } from '../../../entities/short-absence';
import type { Ctx } from '../../kernel/ctx';
import { chiefRepOf, personName, zoneLeads } from '../../kernel/directory';
import { Person } from '../../../entities/person';
import { claimReminder } from '../../kernel/reminders';
import { approvedLeaveOn } from '../staffing/leave-queries';
import { localDate, localTime } from '../../kernel/time';

// The 暂离 clocks (ATT-03 15 min, ATT-04 10 min), run by presence-timers every minute (D93). Two reminders per
// absence, each claimed once in reminder_log: at the limit the person is told to come back; past it (OPEN #34,
// “超过15分钟”) the absence is flagged 超时离岗 — to 大厅管理室 and the 首席代表 for window staff, to the guide's
// 区域领导 (D160, else 大厅管理室) for guides (D161).

const minutesAway = (a: ShortAbsence, now: Date) => Math.floor((now.getTime() - a.startedAt!.getTime()) / 60_000);

async function place(ctx: Ctx, userid: string): Promise<string> {
  const p = await ctx.m.findOne(Person, { where: { userid } });
  if (!p) return userid;
  return `${p.name}${p.departmentCode ? ` ${p.departmentCode}` : ''}${p.windowNumber ? ` ${p.windowNumber}号窗` : ''}`;
}

async function flagOvertime(ctx: Ctx, a: ShortAbsence, away: number): Promise<void> {
  await ctx.m.update(ShortAbsence, { id: a.id }, { overtime: true });
  const rule = a.kind === '窗口' ? 'ATT-03' : 'ATT-04';
  const who = await place(ctx, a.userid);
  // OPEN #34: 擅自离岗 unless a leave is approved — an approved 请假/出差 covering today is named instead.
  const leave = await approvedLeaveOn(ctx.m, a.userid, localDate(ctx.now));
  const verdict = leave
    ? `当日有已批准的${leave.kind}（${leave.no}），不按擅自离岗处理。`
    : '未经批准请假，按擅自离岗处理。';
  await ctx.audit('absence.overtime', 'short_absence', a.no, {
    minutes: away,
    limit: a.minutes,
    leave: leave?.no ?? null,
  });
  const text = `⚠️ 超时离岗（rule ${rule}）：${who} ${localTime(a.startedAt!)} 起暂离，已超过${a.minutes}分钟未回岗（${a.no}）。${verdict}`;
  await ctx.send(
    { user: a.userid },
    { text: `⚠️ 你已暂离超过${a.minutes}分钟（${a.no}），已记超时离岗，请立即回岗并发送：回岗` },
    `zl:${a.no}:over:self`,
  );
  if (a.kind === '导服') {
    const leads = await zoneLeads(ctx.m, a.userid);
    if (leads.length) await ctx.send({ user: leads.map((p) => p.userid) }, { text }, `zl:${a.no}:over:lead`);
    else await ctx.send({ group: 'G-OFFICE' }, { text }, `zl:${a.no}:over:office`);
    return;
  }
  await ctx.send({ group: 'G-OFFICE' }, { text }, `zl:${a.no}:over:office`);
  const dept = (await ctx.m.findOne(Person, { where: { userid: a.userid } }))?.departmentCode;
  if (!dept) return;
  const chief = await chiefRepOf(ctx.m, dept).catch(() => null);
  if (chief && chief.userid !== a.userid) await ctx.send({ user: chief.userid }, { text }, `zl:${a.no}:over:chief`);
}

/** presence-timers row: returns the reminders sent at this minute. */
export async function absenceTimers(ctx: Ctx): Promise<number> {
  const running = await ctx.m.find(ShortAbsence, { where: { status: '暂离中' }, order: { id: 'ASC' } });
  let sent = 0;
  for (const a of running) {
    if (a.overtime) continue; // both reminders already claimed: no further writes while it stays open
    const away = minutesAway(a, ctx.now);
    if (away < a.minutes) continue;
    const subject = `zl:${a.no}`;
    const day = localDate(a.startedAt!);
    if (away > a.minutes) {
      // Claim the at-limit reminder too, so a fire missed at the limit minute never sends it afterwards.
      await claimReminder(ctx.m, ctx.now, subject, 'absence-limit', 0, day);
      if (await claimReminder(ctx.m, ctx.now, subject, 'absence-over', 0, day)) {
        await flagOvertime(ctx, a, away);
        sent++;
      }
      continue;
    }
    if (await claimReminder(ctx.m, ctx.now, subject, 'absence-limit', 0, day)) {
      const back = a.kind === '导服' ? `请回岗，并告知接替人员 ${await personName(ctx.m, a.replacement)}` : '请回岗';
      await ctx.send(
        { user: a.userid },
        { text: `⏰ 暂离已满${a.minutes}分钟（${a.no}），${back}；回岗后发送：回岗` },
        `zl:${a.no}:limit`,
      );
      sent++;
    }
  }
  return sent;
}
