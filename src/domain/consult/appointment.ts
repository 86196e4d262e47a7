import { Between } from 'typeorm';
import { Appointment } from '../../../entities/appointment';
import { insertRows } from '../../db';
import type { Ctx } from '../../kernel/ctx';
import { DATE_EXAMPLES, parseCnDate } from '../../kernel/dates';
import { findDepartment } from '../../kernel/directory';
import { ruleRefusal, UserError } from '../../kernel/errors';
import { maskName, seesPersonalData } from '../../kernel/mask';
import { isoWeekday, localDate, localTime, shortDate, addDays } from '../../kernel/time';
import { getSetting } from '../../settings/settings';

// 预约 登记 (CAS-17; 000 窗口工作 四(四); 002 运行规范 第七条 "预约服务(周一至周六上午预约)"): appointments are for a
// 周一至周六 morning; a Sunday, a holiday or a 闭馆 day only by prior agreement (公休日=是, for urgent or special
// needs); a matter of several departments is coordinated by 大厅管理室, which is told at once (D135).

export interface AppointmentArgs {
  日期: string;
  时间: string;
  事项: string;
  申请人: string;
  电话?: string;
  公休日?: string;
  部门?: string;
  说明?: string;
}

const WEEKDAY = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];

function parseClock(text: string): string | undefined {
  const m = /^(\d{1,2})[:：点](\d{2})?分?$/.exec(text.trim());
  if (!m || +m[1] > 23 || +(m[2] ?? 0) > 59) return undefined;
  return `${m[1].padStart(2, '0')}:${m[2] ?? '00'}`;
}

export async function registerAppointment(ctx: Ctx, a: AppointmentArgs): Promise<string> {
  const date = parseCnDate(a.日期, ctx.now);
  if (!date) throw new UserError(`日期“${a.日期}”无法识别（例：${DATE_EXAMPLES}）。`);
  const time = parseClock(a.时间);
  if (!time) throw new UserError(`时间“${a.时间}”无法识别（例：09:30）。`);
  const today = localDate(ctx.now);
  if (date < today || (date === today && time <= localTime(ctx.now)))
    throw new UserError(`预约时间 ${date} ${time} 已过。`);
  const morningEnd = await getSetting(ctx.m, 'consult.appointmentMorningEnd');
  if (time >= morningEnd)
    throw ruleRefusal(
      'CAS-17',
      '002 运行规范 第七条',
      `预约服务为周一至周六上午（${morningEnd} 前），${time} 不在预约时段。`,
    );
  const day = ctx.deps.calendar.dayInfo(date);
  const workday = ctx.deps.calendar.isWorkday(date);
  const saturday = isoWeekday(date) === 6 && day.kind === 'weekend';
  const restDay = a.公休日?.trim() === '是';
  if (!workday && !saturday && !restDay)
    throw ruleRefusal(
      'CAS-17',
      '000 窗口工作 四(四)',
      `${shortDate(date)}（${WEEKDAY[isoWeekday(date)]}${day.name ? `，${day.name}` : ''}）是公休日，仅限因特殊、紧急需要事先约定办理：确已约定请加 公休日=是。`,
    );
  const codes = a.部门?.trim()
    ? [
        ...new Set(
          await Promise.all(
            a.部门
              .split(/[,，、\s]+/)
              .filter(Boolean)
              .map(async (d) => (await findDepartment(ctx.m, d)).code),
          ),
        ),
      ]
    : ctx.actor.departmentCode
      ? [ctx.actor.departmentCode]
      : [];
  if (!codes.length) throw new UserError('请写明办理部门：部门=GA（多个部门用逗号分隔）。');
  const several = codes.length > 1;
  await insertRows(ctx.m, Appointment, {
    date,
    time,
    item: a.事项.trim().slice(0, 64),
    applicant: a.申请人.trim().slice(0, 64),
    phone: a.电话?.trim().slice(0, 32) || null,
    departments: codes.join(','),
    restDay: restDay && !workday,
    coordinator: several ? '大厅管理室' : null,
    note: a.说明?.trim() || null,
    status: '已预约',
    createdBy: ctx.actor.userid,
    createdAt: ctx.now,
  });
  const row = await ctx.m.findOneOrFail(Appointment, { where: { createdBy: ctx.actor.userid }, order: { id: 'DESC' } });
  await ctx.audit('appointment.register', 'appointment', String(row.id), {
    date,
    time,
    departments: codes,
    restDay: row.restDay,
  });
  const when = `${shortDate(date)}（${WEEKDAY[isoWeekday(date)]}）${time}`;
  if (several || row.restDay)
    await ctx.send(
      { group: 'G-OFFICE' },
      {
        text: `📅 预约 #${row.id} ${when}｜${row.item}｜${codes.join('、')}${row.restDay ? '｜公休日约定办理' : ''}${several ? '｜涉及多个部门，请大厅管理室协调统筹安排（rule CAS-17）' : '｜请安排开门与值守'}｜登记人 ${ctx.actor.name}`,
      },
      `appointment:${row.id}:office`,
    );
  const extra = several ? '\n涉及多个部门，已通知大厅管理室协调统筹安排（rule CAS-17）。' : '';
  return `✅ ${when} 预约已登记（#${row.id}｜${codes.join('、')}${row.restDay ? '｜公休日约定' : ''}）${extra}`;
}

export async function listAppointments(ctx: Ctx, from: string, days: number): Promise<string[]> {
  const rows = await ctx.m.find(Appointment, {
    where: { date: Between(from, addDays(from, days - 1)), status: '已预约' },
    order: { date: 'ASC', time: 'ASC', id: 'ASC' },
  });
  const dept = ctx.actor.departmentCode;
  const wide = seesPersonalData(ctx.actor.roles);
  return rows
    .filter((r) => wide || r.createdBy === ctx.actor.userid || (!!dept && r.departments.split(',').includes(dept)))
    .map(
      (r) =>
        `#${r.id} ${shortDate(r.date)}（${WEEKDAY[isoWeekday(r.date)]}）${r.time}｜${r.item}｜${wide ? r.applicant : maskName(r.applicant)}｜${r.departments.replace(/,/g, '、')}${r.restDay ? '｜公休日' : ''}${r.coordinator ? '｜大厅管理室协调' : ''}`,
    );
}
