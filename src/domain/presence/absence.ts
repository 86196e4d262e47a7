import { In } from 'typeorm';
import { ShortAbsence } from '../../../entities/short-absence';
import { withdraw } from '../../approvals/engine';
import type { Ctx } from '../../kernel/ctx';
import { findPerson, personName } from '../../kernel/directory';
import { UserError } from '../../kernel/errors';
import { hasRole } from '../../kernel/permissions';
import { localDate, localTime, yearOf } from '../../kernel/time';
import { nextRecordNo } from '../../kernel/numbers';
import { getSetting } from '../../settings/settings';
import { insertRows } from '../../db';

// 暂离 (000_c8ed09c118362bcb.txt 窗口工作 五(四), 六(三); 导服 七(二)). Window staff (ATT-03) log the start
// themselves: 暂停服务牌 out, 评价器 to “停止服务” (REV-05), back within 15 minutes. Guides (ATT-04) need a
// replacement who has taken over and their 区域领导's consent first, for at most 10 minutes (D161).

/** Statuses in which the person is (or is about to be) away: one open record per person. */
export const OPEN_STATUSES = ['待接替确认', '待区域审批', '暂离中'];

export const absenceNo = (m: Ctx['m'], now: Date) => nextRecordNo(m, 'ZL', yearOf(localDate(now)));

export async function openAbsenceOf(ctx: Ctx, userid: string): Promise<ShortAbsence | null> {
  return ctx.m.findOne(ShortAbsence, { where: { userid, status: In(OPEN_STATUSES) }, order: { id: 'DESC' } });
}

export async function loadAbsence(ctx: Ctx, no: string): Promise<ShortAbsence> {
  const a = await ctx.m.findOne(ShortAbsence, { where: { no: no.trim().toUpperCase() } });
  if (!a) throw new UserError(`没有找到暂离记录 ${no}。`);
  return a;
}

async function refuseIfOpen(ctx: Ctx): Promise<void> {
  const open = await openAbsenceOf(ctx, ctx.actor.userid);
  if (!open) return;
  const since = open.startedAt ? `${localTime(open.startedAt)}起暂离中` : open.status;
  throw new UserError(`你已有一条暂离记录（${open.no}，${since}）。回到岗位请发送：回岗`);
}

/** `暂离 [原因=]` (ATT-03): the clock starts now; REV-05 the 评价器 must show “停止服务”. */
export async function startStaffAbsence(ctx: Ctx, reason: string | undefined): Promise<string> {
  if (hasRole(ctx.actor, 'guide') && !hasRole(ctx.actor, 'staff', 'window_lead'))
    throw new UserError(
      '不符合规定（rule ATT-04；000 导服 七(二)）：导服人员暂离须事先经区域领导同意并安排接替人员。请发送：暂离 申请 替=@接替人',
    );
  await refuseIfOpen(ctx);
  const minutes = await getSetting(ctx.m, 'presence.staffAbsenceMinutes');
  const no = await absenceNo(ctx.m, ctx.now);
  await insertRows(ctx.m, ShortAbsence, {
    no,
    userid: ctx.actor.userid,
    kind: '窗口',
    reason: reason?.trim() || null,
    replacement: null,
    minutes,
    status: '暂离中',
    requestedAt: ctx.now,
    startedAt: ctx.now,
    endedAt: null,
    overtime: false,
    approvalNo: null,
  });
  await ctx.audit('absence.start', 'short_absence', no, { kind: '窗口', reason: reason ?? null, minutes });
  return `✅ ${localTime(ctx.now)} 暂离（${no}），请放置暂停服务牌，并将评价器切换为“停止服务”，${minutes}分钟内回岗。回岗后发送：回岗`;
}

/** `回岗`: closes the running absence (or withdraws a guide's request not yet approved). */
export async function returnToPost(ctx: Ctx): Promise<string> {
  const a = await openAbsenceOf(ctx, ctx.actor.userid);
  if (!a) throw new UserError('你没有进行中的暂离。');
  if (a.status !== '暂离中') {
    // Withdrawing the pending approval also closes the 区域领导's card (the kind's onWithdrawn marks the record).
    if (a.approvalNo) await withdraw(ctx, a.approvalNo);
    await ctx.m.update(ShortAbsence, { id: a.id, status: a.status }, { status: '已撤回', endedAt: ctx.now });
    await ctx.audit('absence.withdraw', 'short_absence', a.no, { from: a.status });
    if (a.replacement)
      await ctx.send(
        { user: a.replacement },
        { text: `${ctx.actor.name} 的暂离申请 ${a.no} 已撤回，无需接替。` },
        `zl:${a.no}:withdrawn:replacement`,
      );
    return `✅ 暂离申请 ${a.no} 已撤回（尚未同意，无需离岗）。`;
  }
  const away = Math.floor((ctx.now.getTime() - a.startedAt!.getTime()) / 60_000);
  const overtime = a.overtime || away > a.minutes;
  await ctx.m.update(ShortAbsence, { id: a.id, status: '暂离中' }, { status: '已回岗', endedAt: ctx.now, overtime });
  await ctx.audit('absence.end', 'short_absence', a.no, { minutes: away, overtime });
  const tail = a.kind === '窗口' ? '请收回暂停服务牌，评价器恢复服务。' : '请向接替人员交回岗位。';
  const flag = overtime
    ? `，超过${a.minutes}分钟，已记超时离岗（rule ${a.kind === '窗口' ? 'ATT-03' : 'ATT-04'}）`
    : '';
  return `✅ ${localTime(ctx.now)} 回岗（${a.no}，暂离${away}分钟${flag}）。${tail}`;
}

/** The named replacement of a guide's request, checked at `暂离 申请`. */
export async function replacementFor(ctx: Ctx, ref: string): Promise<{ userid: string; name: string }> {
  const p = await findPerson(ctx.m, ref);
  if (p.userid === ctx.actor.userid) throw new UserError('接替人员不能是本人。');
  if (p.inactive || p.status === '已离岗') throw new UserError(`${p.name} 已不在岗，不能接替。`);
  const busy = await openAbsenceOf(ctx, p.userid);
  if (busy?.status === '暂离中') throw new UserError(`${p.name} 正在暂离（${busy.no}），不能接替。`);
  return { userid: p.userid, name: await personName(ctx.m, p.userid) };
}
