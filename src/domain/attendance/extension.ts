import { Between } from 'typeorm';
import { AttendanceDay } from '../../../entities/attendance-day';
import { Person } from '../../../entities/person';
import { ServiceExtension } from '../../../entities/service-extension';
import type { Ctx } from '../../kernel/ctx';
import { findWindow } from '../../kernel/directory';
import { UserError } from '../../kernel/errors';
import { hasRole } from '../../kernel/permissions';
import { localDate, shortDate, type LocalDate } from '../../kernel/time';
import { loadPeak } from '../windows/peaks';
import { hhmmOf, loadLimits, minutesOf } from './rules';

// 延时服务 log (SUS-05: 000 高峰停办 二(一)7 "如下班时仍有办事群众，开展延时服务"; CAS-17: 000 窗口工作 四(四)). One per
// window and day; a second entry corrects the first (audited with both values). It validates a sign-out after
// 19:30 of that window's staff (ATT-01, OPEN #33, D143) and the cases domain reads it for CAS-17.

export interface ExtensionInput {
  peak?: string;
  window: string;
  end: string;
  served: number;
  date?: LocalDate;
}

const HHMM = /^([01]?\d|2[0-3])[:：]([0-5]\d)$/;

/** `18:40`, `18：40`, `9:05` → `HH:MM`, or null. */
export function normaliseHhmm(s: string): string | null {
  const m = HHMM.exec(s.trim());
  return m ? `${m[1].padStart(2, '0')}:${m[2]}` : null;
}

export async function registerExtension(ctx: Ctx, a: ExtensionInput): Promise<string> {
  const w = await findWindow(ctx.m, a.window);
  const own = ctx.actor.windowNumber === w.number;
  const ownDept = !!w.departmentCode && ctx.actor.departmentCode === w.departmentCode;
  if (!hasRole(ctx.actor, 'hall_office') && !(hasRole(ctx.actor, 'chief_rep') && ownDept) && !own) {
    throw new UserError(`只能登记本窗口的延时服务（${w.number}号窗属${w.departmentCode ?? '未分配部门'}）。`);
  }
  const today = localDate(ctx.now);
  const date = a.date ?? today;
  if (date > today) throw new UserError(`延时服务在当天结束后登记，日期不能晚于今天（${shortDate(today)}）。`);
  const end = normaliseHhmm(a.end);
  if (!end) throw new UserError(`“结束=${a.end}”无效：请写时刻，例：结束=18:40。`);
  const limits = await loadLimits(ctx.m);
  if (minutesOf(end) <= limits.signOutFrom) {
    throw new UserError(
      `延时服务指下班（${hhmmOf(limits.signOutFrom)}）后继续办理，结束时刻应晚于${hhmmOf(limits.signOutFrom)}。`,
    );
  }
  let peakNo: string | null = null;
  if (a.peak) {
    const p = await loadPeak(ctx, a.peak);
    if (p.departmentCode !== w.departmentCode) throw new UserError(`${p.no} 不是${w.number}号窗所属部门的高峰预案。`);
    if (p.status !== 'approved') throw new UserError(`${p.no} 尚未批准，不能关联延时服务。`);
    if (date < p.fromDate || date > p.toDate) {
      throw new UserError(
        `${p.no} 的高峰期为 ${shortDate(p.fromDate)}–${shortDate(p.toDate)}，不含 ${shortDate(date)}。`,
      );
    }
    peakNo = p.no;
  }
  const before = await ctx.m.findOne(ServiceExtension, { where: { date, windowNumber: w.number } });
  const values = { endTime: end, served: a.served, peakPlanNo: peakNo, recordedBy: ctx.actor.userid };
  let saved: ServiceExtension;
  if (before) {
    const old = { endTime: before.endTime, served: before.served, peakPlanNo: before.peakPlanNo };
    saved = await ctx.m.save(Object.assign(before, values, { updatedAt: ctx.now }));
    await ctx.audit('extension.correct', 'service_extension', String(saved.id), { old, new: values, date });
  } else {
    saved = await ctx.m.save(
      ctx.m.create(ServiceExtension, {
        ...values,
        date,
        windowNumber: w.number,
        departmentCode: w.departmentCode,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      }),
    );
    await ctx.audit('extension.register', 'service_extension', String(saved.id), { ...values, date, window: w.number });
  }
  const covered = await coveredSignOuts(ctx, w.number, date, end, limits.signOutUntil, limits.graceMinutes);
  const day = date === today ? '' : `${shortDate(date)} `;
  return [
    `✅ ${day}${w.number}号窗延时至${end}，办理${a.served}人${peakNo ? `（${peakNo}）` : ''}${before ? '（已更正）' : ''}`,
    covered.length ? `晚于${hhmmOf(limits.signOutUntil)}的签退据此有效：${covered.join('、')}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/** Already-imported late sign-outs of the window's staff that this log now makes valid. */
async function coveredSignOuts(
  ctx: Ctx,
  window: string,
  date: LocalDate,
  end: string,
  until: number,
  grace: number,
): Promise<string[]> {
  const staff = await ctx.m.find(Person, { where: { windowNumber: window } });
  const rows = await ctx.m.find(AttendanceDay, { where: { date: Between(date, date) } });
  return rows
    .filter((r) => staff.some((p) => p.userid === r.userid) && r.signOut)
    .filter((r) => minutesOf(r.signOut!) > until && minutesOf(r.signOut!) <= minutesOf(end) + grace)
    .map((r) => `${staff.find((p) => p.userid === r.userid)?.name ?? r.userid} ${r.signOut}`);
}
