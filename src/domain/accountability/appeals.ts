import { Accountability } from '../../../entities/accountability';
import { Appeal } from '../../../entities/appeal';
import { DeductionEvent } from '../../../entities/deduction-event';
import { Department } from '../../../entities/department';
import { Finding } from '../../../entities/finding';
import { openAttachmentSlot } from '../../kernel/attachments';
import type { Ctx } from '../../kernel/ctx';
import { personName } from '../../kernel/directory';
import { UserError } from '../../kernel/errors';
import { hasRole } from '../../kernel/permissions';
import { closeDeadline, findDeadline } from '../../calendar/deadlines';
import { insertRows } from '../../db';
import { clearDeductions } from '../performance';
import { refreshOralDraftsFor } from '../briefings/oral-notice';
import { DISPUTE_CLOCK } from '../inspections/findings';
import { resolveSource, type SourceRef } from './sources';

// ACC-03 (000 全过程监督 第十二条): the supervised party may explain, present evidence and appeal — with no time
// limit in the seed (D32), so a finding past its 2-WD dispute window (OPEN #17) is still appealable
// here; unfounded matters are explicitly notified to the department ("不成立"). ACC-07 (003 措施14): 澄清 is
// recorded and the matter is excluded from deductions.

export type Outcome = '不成立' | '澄清';

/** `问效 申辩 <号> 理由=…` (also a `巡查 异议` after the window): the department or the named person appeals. */
export async function fileAppeal(ctx: Ctx, ref: string, reason: string, src?: SourceRef): Promise<Appeal> {
  const s = src ?? (await resolveSource(ctx.m, ref, ctx.now));
  const own = s.departmentCode !== null && s.departmentCode === ctx.actor.departmentCode;
  if (!own && s.personUserid !== ctx.actor.userid && !hasRole(ctx.actor, 'hall_office')) {
    throw new UserError(
      `只能对本部门或涉及本人的事项提出申辩（${s.no}${s.departmentCode ? ` 属于 ${s.departmentCode}` : ''}）。`,
    );
  }
  if (s.type === 'finding' && (s.findingStatus === '已撤销' || s.findingStatus === '不成立'))
    throw new UserError(`${s.no} 已${s.findingStatus}，无需申辩。`);
  const pending = await ctx.m.findOne(Appeal, { where: { source: s.no, status: '待处理' } });
  if (pending) throw new UserError(`${s.no} 已有申辩待大厅管理室处理（${await personName(ctx.m, pending.by)} 提交）。`);
  await insertRows(ctx.m, Appeal, {
    source: s.no,
    departmentCode: s.departmentCode,
    by: ctx.actor.userid,
    reason,
    at: ctx.now,
    status: '待处理',
  });
  const appeal = await ctx.m.findOneOrFail(Appeal, { where: { source: s.no, status: '待处理' } });
  await ctx.audit('appeal.file', s.type, s.no, { reason, appeal: appeal.id });
  await openAttachmentSlot(ctx, 'appeal', String(appeal.id), '申辩证据');
  await ctx.send(
    { group: 'G-OFFICE' },
    {
      text: `📝 申辩 ${s.no}（${s.departmentCode ?? ''} ${ctx.actor.name}）：${reason}\n处理：问效 不成立 ${s.no} 说明=… ／ 问效 澄清 ${s.no} 说明=… ／ 问效 维持 ${s.no} 说明=…`,
    },
    `appeal:${appeal.id}:office`,
  );
  return appeal;
}

async function closeAppeals(ctx: Ctx, source: string, status: string, note: string): Promise<number[]> {
  const rows = await ctx.m.find(Appeal, { where: { source, status: '待处理' } });
  for (const r of rows) {
    await ctx.m.update(
      Appeal,
      { id: r.id, status: '待处理' },
      { status, decidedBy: ctx.actor.userid, decidedAt: ctx.now, note },
    );
    await ctx.audit(`appeal.${status}`, 'appeal', String(r.id), { source, note });
  }
  return rows.map((r) => r.id);
}

/** Tell the department (首席代表) and the person concerned, explicitly (000 全过程监督 第十二条). */
async function notifyOutcome(ctx: Ctx, s: SourceRef, text: string, key: string): Promise<void> {
  const dept = s.departmentCode ? await ctx.m.findOne(Department, { where: { code: s.departmentCode } }) : null;
  const to = [...new Set([dept?.chiefRep, s.personUserid].filter((x): x is string => !!x))];
  if (to.length) await ctx.send({ user: to }, { text }, key);
}

/** `问效 不成立` / `问效 澄清`: the matter is unfounded; deductions of the source are cleared (ACC-07). */
export async function resolveUnfounded(ctx: Ctx, ref: string, note: string, outcome: Outcome): Promise<SourceRef> {
  const s = await resolveSource(ctx.m, ref, ctx.now);
  if (s.type === 'finding') {
    const f = await ctx.m.findOneOrFail(Finding, { where: { no: s.no } });
    if (f.positive) throw new UserError(`${s.no} 是表扬，不适用。`);
    if (f.status !== '不成立' && f.status !== '已撤销') {
      await ctx.m.update(
        Finding,
        { id: f.id },
        { status: '不成立', decidedBy: ctx.actor.userid, decidedAt: ctx.now, decisionNote: `${outcome}：${note}` },
      );
      const clock = await findDeadline(ctx.m, 'finding', s.no, DISPUTE_CLOCK);
      if (clock) await closeDeadline(ctx.m, ctx.now, ctx.actor.userid, clock, outcome);
      await refreshOralDraftsFor(ctx, s.no);
    }
  } else if (s.type === 'accountability') {
    await ctx.m.update(
      Accountability,
      { no: s.no },
      { status: outcome, outcomeNote: note, outcomeBy: ctx.actor.userid, outcomeAt: ctx.now },
    );
  } else if (s.type === 'deduction') {
    const k = await ctx.m.findOne(DeductionEvent, { where: { no: s.no, status: 'active' } });
    if (k) {
      await ctx.m.update(
        DeductionEvent,
        { id: k.id },
        { status: 'cleared', note: `${k.note ?? ''}｜${outcome}：${note}`.slice(0, 2000) },
      );
      await ctx.audit('deduction.clear', 'deduction', k.no, { note, outcome });
    }
  } else if (!s.known && s.type !== 'other' && s.type !== 'review' && s.type !== 'complaint') {
    throw new UserError(`没有找到“${ref}”。`);
  }
  const cleared = await clearDeductions(ctx, s.no, `${outcome}：${note}`);
  // WX records that rest on this source fall with it.
  const measures = await ctx.m.find(Accountability, { where: { source: s.no, status: '有效' } });
  for (const x of measures)
    await ctx.m.update(
      Accountability,
      { id: x.id },
      { status: outcome, outcomeNote: note, outcomeBy: ctx.actor.userid, outcomeAt: ctx.now },
    );
  const appeals = await closeAppeals(ctx, s.no, outcome, note);
  await ctx.audit(outcome === '不成立' ? 'accountability.unfounded' : 'accountability.clarify', s.type, s.no, {
    note,
    cleared,
    appeals: appeals.length,
    measures: measures.map((x) => x.no),
  });
  const who = s.personUserid ? ` ${await personName(ctx.m, s.personUserid)}` : '';
  const text =
    outcome === '不成立'
      ? `经调查核实，${s.no}${who} 反映的问题不成立（rule ACC-03）：${note}`
      : `澄清：${s.no}${who} 经核实予以澄清，不纳入扣分（rule ACC-07）：${note}`;
  await notifyOutcome(ctx, s, text, `acc:${outcome}:${s.no}`);
  return s;
}

/** `问效 维持` (or `巡查 裁定 … 维持` on a confirmed finding): the appeal is turned down. */
export async function upholdAppeals(ctx: Ctx, ref: string, note: string): Promise<number> {
  const s = await resolveSource(ctx.m, ref, ctx.now);
  const ids = await closeAppeals(ctx, s.no, '维持', note);
  if (ids.length === 0) throw new UserError(`${s.no} 没有待处理的申辩。`);
  await notifyOutcome(ctx, s, `${s.no} 申辩经核实不予采纳，维持原认定：${note}`, `acc:uphold:${s.no}:${ids.join('-')}`);
  return ids.length;
}
