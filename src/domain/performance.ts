import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AwardFlag } from '../../entities/award-flag';
import { DeductionEvent } from '../../entities/deduction-event';
import { Department } from '../../entities/department';
import type { CardClick } from '../kernel/card';
import { greyClickedCard } from '../kernel/card-reply';
import type { Ctx } from '../kernel/ctx';
import { personName, usersWithRole } from '../kernel/directory';
import { UserError } from '../kernel/errors';
import { insertRows } from '../db';
import { nextRecordNo } from '../kernel/numbers';
import { localDate, yearOf } from '../kernel/time';
import { buttonCard, taskIdFor } from '../wecom/cards';
import { getSetting } from '../settings/settings';

// PRF-14 deduction events and PRF-17 评优 eligibility: the places where complaints (CMP-19), inspections
// (INS-11), windows (WIN-13), suspensions (SUS-10) and staffing (STF-10) record their consequences.

export interface DeductionInput {
  departmentCode?: string | null;
  personUserid?: string | null;
  rule: string;
  source: string;
  note?: string;
  /** An explicit value (`分值=`); otherwise `performance.points` by rule ID (OPEN #12, D180; unlisted = 0). */
  points?: number;
}

/** Record a 扣分事件 (PRF-14); the department's 首席代表 is notified. Returns its KF number. */
export async function recordDeduction(ctx: Ctx, input: DeductionInput): Promise<string> {
  const no = await nextRecordNo(ctx.m, 'KF', yearOf(localDate(ctx.now)));
  const points = input.points ?? (await getSetting(ctx.m, 'performance.points'))[input.rule] ?? 0;
  await insertRows(ctx.m, DeductionEvent, {
    no,
    date: localDate(ctx.now),
    departmentCode: input.departmentCode ?? null,
    personUserid: input.personUserid ?? null,
    rule: input.rule,
    source: input.source,
    points,
    note: input.note ?? null,
    status: 'active',
    createdBy: ctx.actor.userid,
    createdAt: ctx.now,
  });
  await ctx.audit('deduction.record', 'deduction', no, { ...input, points });
  const dept = input.departmentCode ? await ctx.m.findOne(Department, { where: { code: input.departmentCode } }) : null;
  if (dept?.chiefRep) {
    const who = input.personUserid ? ` ${await personName(ctx.m, input.personUserid)}` : '';
    await ctx.send(
      { user: dept.chiefRep },
      {
        text: `扣分事件 ${no}：${dept.code}${who}（rule ${input.rule}，来源 ${input.source}）${input.note ? `\n${input.note}` : ''}\n如有异议可发送：问效 申辩 ${input.source} 理由=…`,
      },
      `deduction:${no}:chief`,
    );
  }
  return no;
}

/** ACC-07 / ACC-03: an unfounded matter is cleared and excluded from deductions. */
export async function clearDeductions(ctx: Ctx, source: string, note: string): Promise<number> {
  const rows = await ctx.m.find(DeductionEvent, { where: { source, status: 'active' } });
  for (const r of rows) {
    await ctx.m.update(
      DeductionEvent,
      { id: r.id },
      { status: 'cleared', note: `${r.note ?? ''}｜澄清：${note}`.slice(0, 2000) },
    );
    await ctx.audit('deduction.clear', 'deduction', r.no, { note });
  }
  return rows.length;
}

export interface AwardFlagInput {
  subjectType: 'person' | 'department';
  subjectId: string;
  rule: string;
  source: string;
  note?: string;
  /** Who decides (default: the actor, e.g. the registering hall_office member — docs/commands.md). */
  decider?: string;
}

/** Raise a 评优 decision (PRF-17): a pending flag and a card `cancel_award:<id>` / `keep_award:<id>` to the decider. */
export async function raiseAwardDecision(ctx: Ctx, input: AwardFlagInput): Promise<number> {
  const year = yearOf(localDate(ctx.now));
  const decider = input.decider ?? ctx.actor.userid;
  await insertRows(ctx.m, AwardFlag, {
    year,
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    rule: input.rule,
    source: input.source,
    status: 'pending',
    decider,
    decidedBy: null,
    decidedAt: null,
    note: input.note ?? null,
    createdAt: ctx.now,
  });
  const flag = await ctx.m.findOneOrFail(AwardFlag, {
    where: { source: input.source, rule: input.rule, subjectId: input.subjectId, year },
    order: { id: 'DESC' },
  });
  const subject = input.subjectType === 'person' ? await personName(ctx.m, input.subjectId) : input.subjectId;
  const card = buttonCard({
    taskId: taskIdFor('award', flag.id, randomBytes(3).toString('hex')),
    title: `${input.source}：是否取消评优资格`,
    desc: `rule ${input.rule}｜${year}年度`,
    subTitle: input.note,
    fields: [
      { key: '对象', value: subject },
      { key: '来源', value: input.source },
    ],
    buttons: [
      { text: '取消评优', key: `cancel_award:${flag.id}`, style: 2 },
      { text: '保留', key: `keep_award:${flag.id}`, style: 1 },
    ],
  });
  await ctx.send({ user: decider }, { card }, `award:${flag.id}:card`);
  await ctx.audit('award.raise', 'award_flag', String(flag.id), { ...input, year });
  return flag.id;
}

/** The decision on a 评优 card (or its text fallback `评优 取消`). */
export async function decideAward(ctx: Ctx, id: number, cancel: boolean, click?: CardClick): Promise<void> {
  const flag = await ctx.m.findOne(AwardFlag, { where: { id } });
  if (!flag) throw new UserError('没有找到该评优资格事项。');
  if (flag.status !== 'pending') {
    await ctx.reply(`已处理：${flag.source} 评优资格已${flag.status === 'cancelled' ? '取消' : '保留'}。`);
    return;
  }
  const res = await ctx.m
    .createQueryBuilder()
    .update(AwardFlag)
    .set({ status: cancel ? 'cancelled' : 'kept', decidedBy: ctx.actor.userid, decidedAt: ctx.now })
    .where('id = :id AND status = :p', { id, p: 'pending' })
    .execute();
  if ((res.affected ?? 0) !== 1) {
    await ctx.reply('已处理。');
    return;
  }
  await ctx.audit(cancel ? 'award.cancel' : 'award.keep', 'award_flag', String(id), {
    source: flag.source,
    rule: flag.rule,
  });
  const subject = flag.subjectType === 'person' ? await personName(ctx.m, flag.subjectId) : flag.subjectId;
  if (click) await greyClickedCard(ctx, click, cancel ? '已取消评优' : '已保留');
  await ctx.reply(`✅ ${subject} ${flag.year}年评优资格${cancel ? '已取消' : '保留'}（${flag.rule}，${flag.source}）`);
}

/** PRF-16/17: may this person or department be nominated for `year`? */
export async function isAwardEligible(
  m: EntityManager,
  subjectType: 'person' | 'department',
  subjectId: string,
  year: number,
): Promise<boolean> {
  return (await m.count(AwardFlag, { where: { subjectType, subjectId, year, status: 'cancelled' } })) === 0;
}

/** Who may press `cancel_award:`/`keep_award:` (PRF-17): the flag's named decider and 大厅管理室. */
export async function awardDeciders(ctx: Ctx, id: string): Promise<string[]> {
  const flag = /^\d+$/.test(id) ? await ctx.m.findOne(AwardFlag, { where: { id: Number(id) } }) : null;
  if (!flag) return [];
  const office = await usersWithRole(ctx.m, 'hall_office');
  return [flag.decider, ...office.map((p) => p.userid)];
}
