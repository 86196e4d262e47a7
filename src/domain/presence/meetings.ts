import { Between, type EntityManager } from 'typeorm';
import { ChildReport } from '../../../entities/child-report';
import { GuideRollcall } from '../../../entities/guide-rollcall';
import { Person } from '../../../entities/person';
import { StaffMeeting } from '../../../entities/staff-meeting';
import type { Ctx } from '../../kernel/ctx';
import { chiefRepOf, findPerson, usersWithRole } from '../../kernel/directory';
import { UserError } from '../../kernel/errors';
import { cnDate, instantAt, localDate, localTime, type LocalDate } from '../../kernel/time';
import { getSetting } from '../../settings/settings';
import { insertRows } from '../../db';

// 晨会 (000_c8ed09c118362bcb.txt 导服 七(一) “每日上午8:20参加晨会”, ATT-04, OPEN #35; 督查通报 第四条(二) 综窗人员晨会、
// 夕会, ATT-08/DIR-16, OPEN #37) and 带小孩 报备 (窗口工作 六(五), ATT-09).

/** `晨会 到` (ATT-04): a guide present at the 晨会; after the time + grace it counts as 迟到 (OPEN #35, D162). */
export async function rollcallPresent(ctx: Ctx): Promise<string> {
  const today = localDate(ctx.now);
  if (!ctx.deps.calendar.isWorkday(today)) throw new UserError(`今天（${cnDate(today)}）不是工作日，不开晨会。`);
  const time = await getSetting(ctx.m, 'presence.guideMeetingTime');
  const grace = await getSetting(ctx.m, 'presence.guideMeetingGraceMinutes');
  const lateAfter = instantAt(today, time).getTime() + grace * 60_000;
  const late = ctx.now.getTime() > lateAfter;
  const n = await insertRows(
    ctx.m,
    GuideRollcall,
    { date: today, userid: ctx.actor.userid, at: ctx.now, late },
    { orIgnore: true },
  );
  if (n === 0) {
    const had = await ctx.m.findOneOrFail(GuideRollcall, { where: { date: today, userid: ctx.actor.userid } });
    return `今天已于 ${localTime(had.at)} 签到${had.late ? '（迟到）' : ''}。`;
  }
  await ctx.audit('rollcall.present', 'guide_rollcall', `${today}:${ctx.actor.userid}`, { late });
  const minutes = Math.ceil((ctx.now.getTime() - instantAt(today, time).getTime()) / 60_000);
  return late
    ? `⚠️ ${localTime(ctx.now)} 晨会签到，晚于${time}晨会${minutes}分钟，记迟到（rule ATT-04）。`
    : `✅ ${localTime(ctx.now)} 晨会签到`;
}

/** The 08:20 roll call to G-GUIDE: who has signed, who not yet. */
export async function rollcallCall(ctx: Ctx): Promise<number> {
  const today = localDate(ctx.now);
  const guides = await usersWithRole(ctx.m, 'guide');
  if (!guides.length) return 0;
  const signed = new Set((await ctx.m.find(GuideRollcall, { where: { date: today } })).map((r) => r.userid));
  const missing = guides.filter((g) => !signed.has(g.userid));
  const time = await getSetting(ctx.m, 'presence.guideMeetingTime');
  await ctx.send(
    { group: 'G-GUIDE' },
    {
      text: `🔔 ${cnDate(today)} ${time} 晨会点名：已签到 ${guides.length - missing.length}/${guides.length}${missing.length ? `，未签到：${missing.map((g) => g.name).join('、')}` : ''}。请到会人员回复：晨会 到`,
    },
    `rollcall:${today}`,
  );
  return 1;
}

/** `晨会 记录 类型=晨会|夕会 出席=@… 缺席=@… [日期= 内容=]` (ATT-08): one record per meeting, re-recording replaces it (D165). */
export async function recordStaffMeeting(
  ctx: Ctx,
  input: { type: '晨会' | '夕会'; date: LocalDate; present: string; absent?: string; content?: string },
): Promise<string> {
  const times = await getSetting(ctx.m, 'presence.staffMeetingTimes');
  const today = localDate(ctx.now);
  if (input.date > today || (input.date === today && ctx.now < instantAt(today, times[input.type])))
    throw new UserError(`综窗${input.type}在${times[input.type]}举行，会后再记录。`);
  const names = async (s: string | undefined) => {
    const refs = (s ?? '').split(/[,，、\s]+/u).filter(Boolean);
    const out: string[] = [];
    for (const r of refs) out.push((await findPerson(ctx.m, r)).userid);
    return [...new Set(out)];
  };
  const attendees = await names(input.present);
  const absentees = (await names(input.absent)).filter((u) => !attendees.includes(u));
  if (!attendees.length) throw new UserError('缺少出席人员。例：晨会 记录 类型=晨会 出席=@何欣,@罗宇 缺席=@冯雪');
  const row = { attendees, absentees, content: input.content?.trim() || null, recordedBy: ctx.actor.userid };
  const before = await ctx.m.findOne(StaffMeeting, { where: { date: input.date, type: input.type } });
  if (before) await ctx.m.update(StaffMeeting, { id: before.id }, row);
  else await insertRows(ctx.m, StaffMeeting, { ...row, date: input.date, type: input.type, createdAt: ctx.now });
  await ctx.audit('meeting.record', 'staff_meeting', `${input.date}:${input.type}`, {
    attendees: attendees.length,
    absentees: absentees.length,
    replaced: !!before,
  });
  const total = attendees.length + absentees.length;
  return `✅ ${cnDate(input.date)} 综窗${input.type} ${attendees.length}/${total} 人${before ? '（已更新）' : ''}`;
}

/** BRF-01 (2), D164: one department's 综窗 晨会/夕会 in a month (its people attending or absent), or [] if none. */
export async function meetingLines(m: EntityManager, dept: string, first: LocalDate, last: LocalDate) {
  const meetings = await m.find(StaffMeeting, { where: { date: Between(first, last) }, order: { date: 'ASC' } });
  const people = new Set((await m.find(Person, { where: { departmentCode: dept } })).map((p) => p.userid));
  const mine = meetings.filter((x) => [...x.attendees, ...x.absentees].some((u) => people.has(u)));
  if (!mine.length) return [];
  const count = (t: string) => mine.filter((x) => x.type === t).length;
  const absences = new Map<string, number>();
  for (const x of mine) for (const u of x.absentees) if (people.has(u)) absences.set(u, (absences.get(u) ?? 0) + 1);
  const names = await m.find(Person, { where: { departmentCode: dept } });
  const who = [...absences].map(([u, n]) => `${names.find((p) => p.userid === u)?.name ?? u}${n}次`);
  return [`召开晨会${count('晨会')}次、夕会${count('夕会')}次；缺席${who.length ? `：${who.join('、')}` : ' 无'}`];
}

/** `报备 带小孩 日期=… 原因=…` (ATT-09): to the 首席代表 and 大厅管理室, beforehand (D168). */
export async function reportChild(ctx: Ctx, date: LocalDate, reason: string): Promise<string> {
  if (date < localDate(ctx.now)) throw new UserError('报备须在带小孩到岗之前（rule ATT-09），日期不能早于今天。');
  await insertRows(ctx.m, ChildReport, { userid: ctx.actor.userid, date, reason, createdAt: ctx.now });
  const row = await ctx.m.findOneOrFail(ChildReport, { where: { userid: ctx.actor.userid }, order: { id: 'DESC' } });
  await ctx.audit('child.report', 'child_report', String(row.id), { date });
  const text = `👶 报备（rule ATT-09）：${ctx.actor.name}${ctx.actor.windowNumber ? ` ${ctx.actor.windowNumber}号窗` : ''} ${cnDate(date)} 因特殊情况需带小孩到岗：${reason}`;
  await ctx.send({ group: 'G-OFFICE' }, { text }, `child:${row.id}:office`);
  const dept = ctx.actor.departmentCode;
  const chief = dept ? await chiefRepOf(ctx.m, dept).catch(() => null) : null;
  if (chief && chief.userid !== ctx.actor.userid)
    await ctx.send({ user: chief.userid }, { text }, `child:${row.id}:chief`);
  return `✅ 已报备${chief && chief.userid !== ctx.actor.userid ? '首席代表和' : ''}大厅管理室（${cnDate(date)}）`;
}
