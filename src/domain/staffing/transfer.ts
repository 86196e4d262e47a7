import type { Approval } from '../../../entities/approval';
import type { Department } from '../../../entities/department';
import { Person } from '../../../entities/person';
import { roleStep } from '../../approvals/approvers';
import { startApproval } from '../../approvals/engine';
import { STF01_REASONS, checkMove, movePerson, replaceChief } from '../../directory/edits';
import type { ApprovalKind } from '../../kernel/approval-kind';
import type { Ctx } from '../../kernel/ctx';
import { findDepartment, personName } from '../../kernel/directory';
import { softWarning } from '../../kernel/errors';
import { localDate } from '../../kernel/time';
import { tellDepartment } from '../windows/common';
import { REASON_LIST, shortTenure } from './offboarding';

// STF-01 (000 调整管理 三 "首席代表或工作人员应保持稳定…派驻期限至少保持一年"; 004 第十六条(二) reason codes):
// moving a person stationed under one year, or replacing a 首席代表 who has served under one year, is a
// 中心领导 approval with a reason code; nothing moves until it is approved (D173).

export interface Reasoned {
  reasonCode?: number;
  reason?: string;
}

function needReason(p: Person, months: number, what: string, r: Reasoned): void {
  if (r.reasonCode && r.reason) return;
  throw softWarning(
    'STF-01',
    `${p.name} ${p.stationedSince} 入岗，在岗未满1年（${months}个月），原则上不得${what}，须中心领导审批。`,
    `原因码=1-5 原因=…（${REASON_LIST}）`,
  );
}

export type MoveOutcome =
  { moved: true; from: string | null; to: string } | { moved: false; months: number; approval: string };

/** `人员 调岗`: at once when stationed a year or more, else a 中心领导 approval (kind `staff-transfer`). */
export async function requestMove(ctx: Ctx, p: Person, windowNo: string, r: Reasoned): Promise<MoveOutcome> {
  const w = await checkMove(ctx, p, windowNo);
  const months = shortTenure(p.stationedSince, localDate(ctx.now));
  if (months === null) return { moved: true, ...(await movePerson(ctx, p, w.number, r)) };
  needReason(p, months, '调整', r);
  const a = await startApproval(ctx, {
    kind: 'staff-transfer',
    subjectType: 'person',
    subjectId: p.userid,
    title: `人员调岗（在岗未满1年）${p.name}`,
    departmentCode: p.departmentCode,
    payload: { userid: p.userid, window: w.number, reasonCode: r.reasonCode, reason: r.reason, months },
  });
  return { moved: false, months, approval: a.no };
}

const reasonText = (a: Approval) =>
  `原因码 ${String(a.payload.reasonCode)} ${STF01_REASONS[Number(a.payload.reasonCode)]}：${String(a.payload.reason)}`;

export const transferKind: ApprovalKind = {
  kind: 'staff-transfer',
  async steps(ctx) {
    return [await roleStep(ctx.m, '中心领导审批', 'leader')];
  },
  async card(ctx, a) {
    const p = await ctx.m.findOneOrFail(Person, { where: { userid: String(a.payload.userid) } });
    return {
      subTitle: reasonText(a),
      fields: [
        { key: '人员', value: `${p.name}（${p.departmentCode ?? '—'}）` },
        { key: '调岗', value: `${p.windowNumber ?? '—'}号窗 → ${String(a.payload.window)}号窗` },
        { key: '入岗时间', value: `${p.stationedSince ?? '—'}（${String(a.payload.months)}个月）` },
      ],
    };
  },
  async onApproved(ctx, a) {
    const p = await ctx.m.findOneOrFail(Person, { where: { userid: String(a.payload.userid) } });
    const to = String(a.payload.window);
    await movePerson(ctx, p, to, {
      reasonCode: Number(a.payload.reasonCode),
      reason: String(a.payload.reason),
      source: a.no,
    });
    const text = `✅ 人员调岗已批准（${a.no}）：${p.name} ${p.windowNumber ?? '—'}号窗 → ${to}号窗`;
    if (p.departmentCode) await tellDepartment(ctx, p.departmentCode, text, `stf01:${a.no}:moved`);
    await ctx.send({ user: a.requester }, { text }, `stf01:${a.no}:requester`);
  },
  async onRejected(ctx, a, reason) {
    await ctx.send({ user: a.requester }, { text: `人员调岗 ${a.no} 未获批准：${reason}` }, `stf01:${a.no}:rejected`);
  },
};

export type ChiefOutcome = { replaced: true; old: Person } | { replaced: false; months: number; approval: string };

/** `首席代表 更换`: the outgoing 首席代表's tenure is checked the same way (STF-01). */
export async function requestChiefChange(
  ctx: Ctx,
  d: Department,
  p: Person,
  reason: string,
  reasonCode?: number,
): Promise<ChiefOutcome> {
  const old = d.chiefRep ? await ctx.m.findOne(Person, { where: { userid: d.chiefRep } }) : null;
  const months = old ? shortTenure(old.stationedSince, localDate(ctx.now)) : null;
  if (!old || months === null || d.chiefRep === p.userid)
    return { replaced: true, old: await replaceChief(ctx, d, p, reason) };
  needReason(old, months, '更换首席代表', { reasonCode, reason });
  const a = await startApproval(ctx, {
    kind: 'chief-replace',
    subjectType: 'department',
    subjectId: d.code,
    title: `首席代表更换（在岗未满1年）${d.code}`,
    departmentCode: d.code,
    payload: { to: p.userid, from: old.userid, reasonCode, reason, months },
  });
  return { replaced: false, months, approval: a.no };
}

export const chiefReplaceKind: ApprovalKind = {
  kind: 'chief-replace',
  async steps(ctx) {
    return [await roleStep(ctx.m, '中心领导审批', 'leader')];
  },
  async card(ctx, a) {
    return {
      subTitle: reasonText(a),
      fields: [
        { key: '部门', value: a.subjectId },
        {
          key: '更换',
          value: `${await personName(ctx.m, String(a.payload.from))} → ${await personName(ctx.m, String(a.payload.to))}`,
        },
        { key: '在岗', value: `${String(a.payload.months)}个月（未满1年）` },
      ],
    };
  },
  async onApproved(ctx, a) {
    const d = await findDepartment(ctx.m, a.subjectId);
    const p = await ctx.m.findOneOrFail(Person, { where: { userid: String(a.payload.to) } });
    const old = await replaceChief(ctx, d, p, String(a.payload.reason));
    await ctx.send(
      { user: a.requester },
      { text: `✅ 首席代表更换已批准（${a.no}）：${d.code} ${old.name} → ${p.name}` },
      `stf01:${a.no}:chief`,
    );
  },
  async onRejected(ctx, a, reason) {
    await ctx.send(
      { user: a.requester },
      { text: `首席代表更换 ${a.no} 未获批准：${reason}` },
      `stf01:${a.no}:rejected`,
    );
  },
};
