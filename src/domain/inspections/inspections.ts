import { Between, In, type EntityManager } from 'typeorm';
import { Department } from '../../../entities/department';
import { Finding } from '../../../entities/finding';
import { Inspection, type InspectionParticipant } from '../../../entities/inspection';
import { Person } from '../../../entities/person';
import type { Ctx } from '../../kernel/ctx';
import { normUserid, personName } from '../../kernel/directory';
import { UserError } from '../../kernel/errors';
import { hasRole } from '../../kernel/permissions';
import type { WorkCalendar } from '../../kernel/work-calendar';
import { insertRows } from '../../db';
import { nextRecordNo, normaliseRecordRef } from '../../kernel/numbers';
import { getSetting } from '../../settings/settings';
import { addDays, localDate, monthBounds, yearOf, type LocalDate } from '../../kernel/time';
import { type InspectionType } from './rules';

// INS-01…INS-06: inspection rounds `XC…` and the monthly quotas (daily per WD, 联合 ≥2, 领导 1).

export interface StartInput {
  type: InspectionType;
  area: string | null;
  floor: string | null;
  method?: string;
  participants: InspectionParticipant[];
  /** 领导 round recorded by 大厅管理室: the leading 中心领导. */
  leader?: Person;
  /** A 领导 round combined with a 联合 one (INS-03 可结合联合巡查方式进行). */
  combined?: boolean;
}

/** DIR-11 / INS-02: 首席代表 of departments with ≥2 stationed people (进驻两人（含）以上). */
export async function jointEligibleChiefs(m: EntityManager): Promise<{ code: string; chief: string }[]> {
  const depts = await m.find(Department, { where: { inactive: false }, order: { code: 'ASC' } });
  const people = await m.find(Person, { where: { inactive: false } });
  return depts
    .filter((d) => d.chiefRep && people.filter((p) => p.departmentCode === d.code && p.status !== '已离岗').length >= 2)
    .map((d) => ({ code: d.code, chief: d.chiefRep! }));
}

/** `@王五,黄燕,张某` → participants; names not in the directory are kept as typed (先进个人代表, 蓝马甲…). */
export async function parseParticipants(m: EntityManager, raw: string | undefined): Promise<InspectionParticipant[]> {
  const out: InspectionParticipant[] = [];
  for (const part of (raw ?? '')
    .split(/[,，、;；\s]+/)
    .map((s) => s.trim().replace(/^@/, ''))
    .filter(Boolean)) {
    const byId = await m.findOne(Person, { where: { userid: normUserid(part) } });
    const byName = byId ? [] : await m.find(Person, { where: { name: part } });
    const p = byId ?? (byName.length === 1 ? byName[0] : null);
    out.push(p ? { userid: p.userid, name: p.name } : { userid: null, name: part.slice(0, 32) });
  }
  return out;
}

export async function startInspection(
  ctx: Ctx,
  input: StartInput,
): Promise<{ round: Inspection; missingChiefs: string[] }> {
  const a = ctx.actor;
  let departmentCode: string | null = null;
  let leaderUserid: string | null = null;
  if (input.type === '自查') {
    // INS-06 "Departments may log 自查 findings": a 首席代表 for its own department.
    if (!a.departmentCode && !hasRole(a, 'hall_office')) throw new UserError('自查须由进驻部门的首席代表发起。');
    departmentCode = a.departmentCode;
  } else if (!hasRole(a, 'hall_office', 'leader')) {
    throw new UserError('首席代表只能发起自查（类型=自查）；其他巡查由大厅管理室或中心领导发起。');
  }
  if (input.type === '领导') {
    if (hasRole(a, 'leader')) leaderUserid = a.userid;
    else if (input.leader) leaderUserid = input.leader.userid;
    else throw new UserError('领导巡查须由中心领导带队：请中心领导本人发起，或补充 带队=@领导。');
  } else if (input.leader) leaderUserid = input.leader.userid;
  const participants = [...input.participants];
  if (!participants.some((p) => p.userid === a.userid)) participants.unshift({ userid: a.userid, name: a.name });
  if (leaderUserid && !participants.some((p) => p.userid === leaderUserid))
    participants.push({ userid: leaderUserid, name: await personName(ctx.m, leaderUserid) });
  const date = localDate(ctx.now);
  const no = await nextRecordNo(ctx.m, 'XC', yearOf(date));
  const joint = input.type === '联合' || (input.type === '领导' && input.combined === true);
  await insertRows(ctx.m, Inspection, {
    no,
    date,
    type: input.type,
    joint,
    leaderLed: leaderUserid !== null,
    leaderUserid,
    area: input.area,
    floor: input.floor,
    method: input.method ?? (input.type === '监控' ? '视频监控' : '现场'),
    participants,
    departmentCode,
    status: '进行中',
    startedAt: ctx.now,
    endedAt: null,
    createdBy: a.userid,
    note: null,
  });
  await ctx.audit('inspection.start', 'inspection', no, {
    type: input.type,
    joint,
    leader: leaderUserid,
    area: input.area,
    participants,
  });
  const round = await ctx.m.findOneOrFail(Inspection, { where: { no } });
  // INS-02 / DIR-11 (seed 巡查 一(二)): a joint round includes the 首席代表 of departments with ≥2 staff.
  const missingChiefs = joint
    ? (await jointEligibleChiefs(ctx.m))
        .filter((c) => !participants.some((p) => p.userid === c.chief))
        .map((c) => c.code)
    : [];
  return { round, missingChiefs };
}

/** `XC31`, `XC2026-0031`, or the actor's open round today when omitted. */
export async function findInspection(
  ctx: Ctx,
  ref: string | undefined,
  mustBeOpen = false,
): Promise<Inspection | null> {
  if (ref) {
    const no = normaliseRecordRef(ref, 'XC', yearOf(localDate(ctx.now)));
    const r = no ? await ctx.m.findOne(Inspection, { where: { no } }) : null;
    if (!r) throw new UserError(`没有找到巡查记录“${ref}”。`);
    if (mustBeOpen && r.status !== '进行中') throw new UserError(`${r.no} 已结束。`);
    return r;
  }
  const open = await ctx.m.find(Inspection, {
    where: { createdBy: ctx.actor.userid, status: '进行中', date: localDate(ctx.now) },
    order: { id: 'DESC' },
    take: 1,
  });
  return open[0] ?? null;
}

export async function endInspection(
  ctx: Ctx,
  ref: string | undefined,
): Promise<{ round: Inspection; problems: number; praise: number }> {
  const round = await findInspection(ctx, ref);
  if (!round) throw new UserError('你今天没有进行中的巡查。用法：巡查 结束 <XC号>');
  if (round.createdBy !== ctx.actor.userid && !hasRole(ctx.actor, 'hall_office'))
    throw new UserError(
      `${round.no} 由 ${await personName(ctx.m, round.createdBy)} 发起，只能由其本人或大厅管理室结束。`,
    );
  if (round.status === '进行中') {
    await ctx.m.update(Inspection, { id: round.id }, { status: '已结束', endedAt: ctx.now });
    await ctx.audit('inspection.end', 'inspection', round.no, {});
  }
  const findings = await ctx.m.find(Finding, { where: { inspectionNo: round.no } });
  const live = findings.filter((f) => f.status !== '已撤销' && f.status !== '不成立');
  return { round, problems: live.filter((f) => !f.positive).length, praise: live.filter((f) => f.positive).length };
}

export interface MonthStats {
  month: string;
  /** Days counted for INS-01 so far (WD, or every day per OPEN #55) and those with a 日常 round. */
  dailyDays: number;
  dailyDone: number;
  missingDays: LocalDate[];
  joint: number;
  leader: number;
}

/** Days of `month` up to `until` that need a 日常巡查 (INS-01, OPEN #55). */
export function dailyInspectionDays(
  cal: WorkCalendar,
  month: string,
  until: LocalDate,
  everyday: boolean,
): LocalDate[] {
  const { first, last } = monthBounds(`${month}-01`);
  const end = until < last ? until : last;
  const out: LocalDate[] = [];
  for (let d = first; d <= end; d = addDays(d, 1)) if (everyday || cal.isWorkday(d)) out.push(d);
  return out;
}

/** INS-01/02/03 quotas for `month`, counting days up to `until` (today for the current month). */
export async function monthStats(
  m: EntityManager,
  cal: WorkCalendar,
  month: string,
  until: LocalDate,
): Promise<MonthStats> {
  const { first, last } = monthBounds(`${month}-01`);
  const rounds = await m.find(Inspection, { where: { date: Between(first, last) } });
  const combinedCounts = await getSetting(m, 'inspection.leaderCountsAsJoint');
  const everyday = (await getSetting(m, 'inspection.dailyOn')) === 'everyday';
  const days = dailyInspectionDays(cal, month, until, everyday);
  const dailyDates = new Set(rounds.filter((r) => r.type === '日常').map((r) => r.date));
  return {
    month,
    dailyDays: days.length,
    dailyDone: days.filter((d) => dailyDates.has(d)).length,
    missingDays: days.filter((d) => !dailyDates.has(d)),
    joint: rounds.filter((r) => r.type === '联合' || (r.joint && combinedCounts)).length,
    leader: rounds.filter((r) => r.type === '领导' || (r.leaderLed && combinedCounts)).length,
  };
}

export async function inspectionsOn(m: EntityManager, date: LocalDate, types: string[]): Promise<Inspection[]> {
  return m.find(Inspection, { where: { date, type: In(types) } });
}
