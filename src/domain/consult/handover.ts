import { CaseEvent } from '../../../entities/case-event';
import type { ServiceCase } from '../../../entities/case';
import { insertRows } from '../../db';
import type { Ctx } from '../../kernel/ctx';
import { findPerson, personName } from '../../kernel/directory';
import { ruleRefusal, UserError } from '../../kernel/errors';
import { localStamp, localTime } from '../../kernel/time';
import { CASE_SUBJECT, loadCase } from './case-ref';

// 办件 交接 (CAS-13, CAS-14; 002 运行规范 第十条1–2, 第十一条): each transfer of the file is a signed handover —
// 受理 (the 综窗 receiver's 受理 itself) → 审批 (paper materials + 《材料证照流转单》 to the 审批部门, the same day)
// → 出件 (result + 流转单 to 统一出件). A handover is a case_event `交接` whose detail names the stage, the
// receiver and the materials; the 流转单 (LZ…) is printed from these events (D133).

export const STAGES = ['审批', '出件'] as const;
export type Stage = (typeof STAGES)[number];
export const HANDOVER = '交接';

export interface HandoverDetail {
  stage: Stage;
  receiver: string;
  materials: string | null;
}

/** Statuses in which the materials are with the 审批部门 side (accepted, not refused or withdrawn). */
const ACCEPTED = ['已受理', '中止', '办结', '已出件'];

export async function handovers(ctx: Ctx, caseNo: string): Promise<(CaseEvent & { detail: HandoverDetail })[]> {
  const rows = await ctx.m.find(CaseEvent, { where: { caseNo, action: HANDOVER }, order: { id: 'ASC' } });
  return rows as (CaseEvent & { detail: HandoverDetail })[];
}

function assertStage(c: ServiceCase, stage: Stage, done: HandoverDetail[]): void {
  if (!ACCEPTED.includes(c.status))
    throw new UserError(
      c.status === '收件' || c.status === '待补正'
        ? `${c.no} 尚未受理（${c.status}），受理后再交接材料：办件 受理 ${c.no}`
        : `${c.no} ${c.status}，无需交接。`,
    );
  if (stage === '出件') {
    if (!done.some((d) => d.stage === '审批'))
      throw ruleRefusal(
        'CAS-14',
        '002 运行规范 第十一条',
        `${c.no} 还没有记录交审批部门（办件 交接 ${c.no} 审批 接收人=@…），流转单须逐环节签收。`,
      );
    if (c.status !== '办结' && c.status !== '已出件')
      throw new UserError(`${c.no} 尚未办结（${c.status}），办结后再将结果及流转单交统一出件窗口。`);
  }
}

export async function handOver(
  ctx: Ctx,
  a: { 编号: string; 环节: string; 接收人: string; 材料?: string },
): Promise<string> {
  const stage = a.环节.trim() as Stage;
  if (!STAGES.includes(stage)) throw new UserError(`环节“${a.环节}”无效，可选：审批、出件（rule CAS-14）。`);
  const c = await loadCase(ctx, a.编号);
  const done = (await handovers(ctx, c.no)).map((e) => ({ ...e.detail, at: e.at }));
  const again = done.find((d) => d.stage === stage);
  if (again)
    throw new UserError(
      `${c.no} 已于 ${localStamp(again.at)} 交${stage === '审批' ? '审批部门' : '统一出件'} ${await personName(ctx.m, again.receiver)}，流转单不重复签收。`,
    );
  assertStage(c, stage, done);
  const receiver = await findPerson(ctx.m, a.接收人);
  if (stage === '审批') {
    const depts = [c.departmentCode, ...(c.parallel ?? []).map((p) => p.department)];
    if (!receiver.departmentCode || !depts.includes(receiver.departmentCode))
      throw new UserError(
        `${receiver.name} 不是审批部门（${depts.join('、')}）的人员，纸质材料应交审批部门接收人签收（rule CAS-13）。`,
      );
  }
  const detail: HandoverDetail = { stage, receiver: receiver.userid, materials: a.材料?.trim().slice(0, 500) || null };
  await insertRows(ctx.m, CaseEvent, {
    caseNo: c.no,
    action: HANDOVER,
    note: `${stage === '审批' ? '纸质材料交审批部门' : '结果及流转单交统一出件'} ${receiver.name}`,
    detail: detail as unknown as Record<string, unknown>,
    by: ctx.actor.userid,
    at: ctx.now,
  });
  await ctx.audit('case.handover', CASE_SUBJECT, c.no, { stage, receiver: receiver.userid });
  const what =
    stage === '审批'
      ? `纸质材料 ${localTime(ctx.now)} 交 ${receiver.departmentCode}`
      : `结果及流转单 ${localTime(ctx.now)} 交 统一出件`;
  return `✅ ${c.no} ${what} ${receiver.name}`;
}
