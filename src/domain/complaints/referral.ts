import { randomBytes } from 'node:crypto';
import type { Complaint } from '../../../entities/complaint';
import { ComplaintParty } from '../../../entities/complaint-party';
import { Department } from '../../../entities/department';
import type { Ctx } from '../../kernel/ctx';
import { chiefRepOf } from '../../kernel/directory';
import { insertRows } from '../../db';
import { cnDate } from '../../kernel/time';
import { buttonCard, taskIdFor } from '../../wecom/cards';
import { ST } from './model';
import { implementKind, openClock, updateComplaint } from './store';
import { complainantText, opinionText, summaryOf } from './view';

// 转交办理 / 协同办理 (CMP-11, CMP-12, CMP-13, CMP-16): the 处理意见 goes to each respondent department's
// 首席代表 as a card with 已收到 (`ack:<TS号>`), each department on its own 落实 clock. For the serious tier the
// department's 分管领导 gets it too (000 投诉处理 三(三)2 "转交相关进驻部门（单位）及其分管领导").
// Everything sent here is respondent side: the complainant is masked, a 保密 one shown as "保密" (REC-01, D18).

export interface SentReferral {
  dept: string;
  dueDate: string;
}

export async function sendReferral(
  ctx: Ctx,
  c: Complaint,
  opts: { depts: string[]; serious: boolean; mode: '转交办理' | '协同办理'; workdays?: number; round?: number },
): Promise<SentReferral[]> {
  const round = opts.round ?? c.round;
  const amount = opts.workdays ?? (opts.serious ? 10 : 5);
  const sent: SentReferral[] = [];
  for (const dept of opts.depts) {
    const chief = await chiefRepOf(ctx.m, dept);
    await insertRows(ctx.m, ComplaintParty, {
      complaintNo: c.no,
      departmentCode: dept,
      round,
      serious: opts.serious,
      status: '已转交',
      sentAt: ctx.now,
      ackAt: null,
      ackBy: null,
      reportedAt: null,
      reportedBy: null,
      report: null,
      reportOverdue: false,
      createdAt: ctx.now,
    });
    const d = await openClock(ctx, c.no, implementKind(dept), ctx.now, amount);
    const department = await ctx.m.findOneOrFail(Department, { where: { code: dept } });
    const leaderNote =
      opts.serious && !department.deptLeaderUserid && department.deptLeaderName
        ? `；请送分管领导 ${department.deptLeaderName} 签字盖章`
        : '';
    const card = buttonCard({
      taskId: taskIdFor(c.no, `r${round}`, dept, randomBytes(3).toString('hex')),
      title: `投诉处理意见 ${c.no}${opts.serious ? '（情节较重）' : ''}`,
      desc: `${round > 1 ? `第${round}轮整改｜` : ''}落实期限 ${cnDate(d.dueDate)}`,
      subTitle: `处理意见：${opinionText(c)}${leaderNote}`,
      fields: [
        { key: '被投诉对象', value: c.respondentLabel },
        { key: '事项', value: summaryOf(c, 24) },
        { key: '投诉人', value: complainantText(c, null, true) },
        { key: '方式', value: opts.mode === '协同办理' ? `协同办理（${opts.depts.join('、')}）` : '转交办理' },
        { key: '落实期限', value: `${cnDate(d.dueDate)}（${amount}个工作日）` },
      ],
      buttons: [{ text: '已收到', key: `ack:${c.no}`, style: 1 }],
    });
    await ctx.send({ user: chief.userid }, { card }, `cmp:${c.no}:r${round}:${dept}:card`);
    if (opts.serious && department.deptLeaderUserid) {
      await ctx.send(
        { user: department.deptLeaderUserid },
        {
          text: `【投诉处理意见 ${c.no}（情节较重）】${c.respondentLabel}｜投诉人：${complainantText(c, null, true)}\n事项：${summaryOf(c, 60)}\n处理意见：${opinionText(c)}\n请督促于 ${cnDate(d.dueDate)} 前落实，落实情况须分管领导签字并盖章后报政务服务中心（rule CMP-12）。`,
        },
        `cmp:${c.no}:r${round}:${dept}:deptlead`,
      );
    }
    await ctx.audit('complaint.refer', 'complaint', c.no, {
      department: dept,
      round,
      serious: opts.serious,
      mode: opts.mode,
      dueDate: d.dueDate,
      chief: chief.userid,
    });
    sent.push({ dept, dueDate: d.dueDate });
  }
  await updateComplaint(
    ctx,
    c,
    { status: ST.referred, handlingMode: opts.mode, serious: opts.serious },
    'complaint.referred',
    { departments: opts.depts, round },
  );
  return sent;
}

/** `已收到` on the 处理意见 card (or its text): the 首席代表 of a department with an open referral. */
/**
 * Who may press `ack:<TS>` (CMP-11): the 首席代表 of a department the complaint's 处理意见 went to. Other staff of
 * that department receive the opinion but do not confirm it.
 */
export async function complaintAckers(ctx: Ctx, no: string): Promise<string[]> {
  const parties = await ctx.m.find(ComplaintParty, { where: { complaintNo: no } });
  const chiefs = await Promise.all(
    [...new Set(parties.map((p) => p.departmentCode))].map((code) =>
      ctx.m.findOne(Department, { where: { code } }).then((d) => d?.chiefRep ?? null),
    ),
  );
  return chiefs.filter((u): u is string => !!u);
}

export async function acknowledge(
  ctx: Ctx,
  c: Complaint,
): Promise<{ party: ComplaintParty; fresh: boolean } | undefined> {
  const dept = ctx.actor.departmentCode;
  if (!dept) return undefined;
  const party = await ctx.m.findOne(ComplaintParty, {
    where: { complaintNo: c.no, departmentCode: dept },
    order: { round: 'DESC' },
  });
  if (!party) return undefined;
  if (party.ackAt) return { party, fresh: false };
  await ctx.m.update(ComplaintParty, { id: party.id }, { ackAt: ctx.now, ackBy: ctx.actor.userid });
  await ctx.audit('complaint.ack', 'complaint', c.no, { department: dept, round: party.round });
  party.ackAt = ctx.now;
  party.ackBy = ctx.actor.userid;
  await ctx.send(
    { user: c.handler },
    { text: `${c.no} ${dept} ${ctx.actor.name} 已确认收到处理意见（第${party.round}轮）。` },
    `cmp:${c.no}:r${party.round}:${dept}:ack`,
  );
  return { party, fresh: true };
}
