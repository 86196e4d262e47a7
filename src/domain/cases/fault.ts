import { In, Like } from 'typeorm';
import { ServiceCase } from '../../../entities/case';
import { CaseEvent } from '../../../entities/case-event';
import { Complaint } from '../../../entities/complaint';
import { Finding } from '../../../entities/finding';
import { isPastDue } from '../../calendar/deadline-reminders';
import { affected, insertRows } from '../../db';
import type { Ctx } from '../../kernel/ctx';
import { UserError } from '../../kernel/errors';
import { instantAt, localStamp } from '../../kernel/time';
import { loadCase } from './store';
import { effectiveDue } from './overdue-rate';

// ACC-08 (002 运行规范 第十条1): every case fault gets a 责任方 — 审查要点 unclear/outdated → 审批部门; the
// 综窗 receiver not following them → 综窗. A case closed overdue (earlier of the two 到期日, D113) or named by a
// finding or a complaint is a fault and stays 待认定 until `办件 责任` sets it (D116).

export const FAULT_PARTIES = ['审批部门', '综窗'] as const;
const CASE_NO = /AJ\d{4}-\d{5}/g;

export interface PendingFault {
  no: string;
  reasons: string[];
}

function closedOverdue(c: ServiceCase, endOfDay: string): boolean {
  if (c.closedOverdue) return true;
  const due = effectiveDue(c);
  return !!(due && c.finishedAt && isPastDue(instantAt(due, endOfDay), c.finishedAt));
}

/** Cases without a 责任方 that need one, oldest first, with why. */
export async function pendingFaults(ctx: Ctx): Promise<PendingFault[]> {
  const out = new Map<string, Set<string>>();
  const add = (no: string, why: string) => out.set(no, (out.get(no) ?? new Set()).add(why));
  const finished = await ctx.m
    .createQueryBuilder(ServiceCase, 'c')
    .where('c.faultParty IS NULL AND c.finishedAt IS NOT NULL AND c.dueDate IS NOT NULL')
    .getMany();
  for (const c of finished) if (closedOverdue(c, ctx.deps.calendar.endOfDay)) add(c.no, '超期办结');
  const named: [string, string][] = [];
  for (const f of await ctx.m.find(Finding, { where: { description: Like('%AJ%') } }))
    for (const no of f.description.match(CASE_NO) ?? []) named.push([no, `巡查 ${f.no}`]);
  for (const c of await ctx.m.find(Complaint, { where: { matter: Like('%AJ%') } }))
    for (const no of c.matter.match(CASE_NO) ?? []) named.push([no, `投诉 ${c.no}`]);
  if (named.length) {
    const nos = [...new Set(named.map(([no]) => no))];
    const open = new Set(
      (await ctx.m.find(ServiceCase, { where: { no: In(nos) }, select: { no: true, faultParty: true } }))
        .filter((c) => c.faultParty === null)
        .map((c) => c.no),
    );
    for (const [no, why] of named) if (open.has(no)) add(no, why);
  }
  return [...out.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([no, why]) => ({ no, reasons: [...why] }));
}

/** `办件 责任` without a number: the 待认定 list (first 20, with the total). */
export async function listPendingFaults(ctx: Ctx): Promise<string> {
  const list = await pendingFaults(ctx);
  if (list.length === 0) return '没有待认定责任的办件。';
  const shown = list.slice(0, 20).map((p) => `${p.no} 待认定（${p.reasons.join('、')}）`);
  const more = list.length > 20 ? `\n…另有 ${list.length - 20} 件` : '';
  return `待认定责任 ${list.length} 件：\n${shown.join('\n')}${more}\n认定：办件 责任 <AJ号> 责任方=审批部门|综窗 说明=…`;
}

export async function setCaseFault(ctx: Ctx, typed: string, party: string, note: string): Promise<string> {
  const c = await loadCase(ctx, typed);
  if (!(FAULT_PARTIES as readonly string[]).includes(party))
    throw new UserError(`责任方应为 ${FAULT_PARTIES.join(' 或 ')}（rule ACC-08）。`);
  const changes = {
    faultParty: party,
    faultNote: note,
    faultBy: ctx.actor.userid,
    faultAt: ctx.now,
    version: c.version + 1,
    updatedAt: ctx.now,
    updatedBy: ctx.actor.userid,
  };
  const res = await ctx.m.update(ServiceCase, { id: c.id, version: c.version }, changes);
  if (affected(res) !== 1) throw new UserError(`${c.no} 刚被他人修改，请重试。`);
  await insertRows(ctx.m, CaseEvent, {
    caseNo: c.no,
    action: '责任认定',
    note: `${party}（${note}）`,
    detail: { party, previous: c.faultParty },
    by: ctx.actor.userid,
    at: ctx.now,
  });
  await ctx.audit('case.fault', 'case', c.no, { party, note, previous: c.faultParty, previousNote: c.faultNote });
  const was = c.faultParty ? `（原为 ${c.faultParty}，${localStamp(c.faultAt!)}）` : '';
  return `✅ ${c.no} 责任方：${party}（${note}）${was}`;
}
