import { randomBytes } from 'node:crypto';
import { ShortAbsence } from '../../../entities/short-absence';
import { roleStep } from '../../approvals/approvers';
import { startApproval } from '../../approvals/engine';
import type { ApprovalKind } from '../../kernel/approval-kind';
import type { Ctx } from '../../kernel/ctx';
import { loadActor, personName, zoneLeads } from '../../kernel/directory';
import { UserError } from '../../kernel/errors';
import { makeCtx } from '../../kernel/make-ctx';
import { localDate, localTime } from '../../kernel/time';
import { buttonCard, taskIdFor } from '../../wecom/cards';
import { getSetting } from '../../settings/settings';
import { insertRows } from '../../db';
import { absenceNo, loadAbsence, openAbsenceOf, replacementFor } from './absence';

// ATT-04 (000_c8ed09c118362bcb.txt 导服 七(二)): “确需短暂离开岗位的，须事先经所在区域有关领导同意，并安排其他人员
// 接替后方可离开，离开时间不得超过10分钟”. Order (HARD): the replacement confirms (confirm:<ZL号>), then the
// guide's own 区域领导 (D160) approves; the 10-minute clock starts at approval.

export const GUIDE_ABSENCE_KIND = 'guide-absence';

/** `暂离 申请 替=@… [分钟=] [原因=]`: record + confirm card to the replacement. */
export async function requestGuideAbsence(
  ctx: Ctx,
  input: { replacement: string; minutes?: number; reason?: string },
): Promise<string> {
  const max = await getSetting(ctx.m, 'presence.guideAbsenceMinutes');
  const minutes = input.minutes ?? max;
  if (minutes < 1 || minutes > max)
    throw new UserError(
      `不符合规定（rule ATT-04；000 导服 七(二)）：导服人员暂离时间不得超过${max}分钟，请改为 分钟=${max} 以内。`,
    );
  const open = await openAbsenceOf(ctx, ctx.actor.userid);
  if (open) throw new UserError(`你已有一条暂离记录（${open.no}，${open.status}）。撤回或回岗请发送：回岗`);
  const who = await replacementFor(ctx, input.replacement);
  const no = await absenceNo(ctx.m, ctx.now);
  await insertRows(ctx.m, ShortAbsence, {
    no,
    userid: ctx.actor.userid,
    kind: '导服',
    reason: input.reason?.trim() || null,
    replacement: who.userid,
    minutes,
    status: '待接替确认',
    requestedAt: ctx.now,
    startedAt: null,
    endedAt: null,
    overtime: false,
    approvalNo: null,
  });
  await ctx.audit('absence.request', 'short_absence', no, { replacement: who.userid, minutes });
  const card = buttonCard({
    taskId: taskIdFor(no, 'confirm', randomBytes(3).toString('hex')),
    title: `请接替 ${ctx.actor.name} 的岗位`,
    desc: `rule ATT-04｜${no}`,
    subTitle: `${ctx.actor.name} 申请暂离${minutes}分钟${input.reason ? `（${input.reason}）` : ''}，指定你接替。确认后送区域领导同意。`,
    fields: [{ key: '申请时间', value: localTime(ctx.now) }],
    buttons: [{ text: '确认接替', key: `confirm:${no}`, style: 1 }],
  });
  await ctx.send({ user: who.userid }, { card }, `zl:${no}:confirm`);
  return `✅ 已请 ${who.name} 接替（${no}），待其确认后送区域领导同意；同意前请勿离岗。`;
}

/** Who may press confirm:<ZL号>: the named replacement only. */
export async function absenceConfirmers(ctx: Ctx, no: string): Promise<readonly string[]> {
  const a = await ctx.m.findOne(ShortAbsence, { where: { no: no.toUpperCase() } });
  return a?.replacement ? [a.replacement] : [];
}

/** The replacement's click: status moves on once (guarded update), then the approval starts as the guide's. */
export async function confirmReplacement(ctx: Ctx, no: string): Promise<string> {
  const a = await loadAbsence(ctx, no);
  if (a.replacement !== ctx.actor.userid) throw new UserError(`只有被指定的接替人员可以确认 ${a.no}。`);
  if (a.status !== '待接替确认') return `${a.no} 已处理（${a.status}）。`;
  const moved = await ctx.m.update(ShortAbsence, { id: a.id, status: '待接替确认' }, { status: '待区域审批' });
  if ((moved.affected ?? 0) !== 1) return `${a.no} 已处理。`;
  await ctx.audit('absence.replacement_confirm', 'short_absence', a.no, { replacement: a.replacement });
  const guide = await loadActor(ctx.m, a.userid);
  if (!guide) throw new UserError(`${a.no} 的申请人已不在名录中。`);
  const asGuide = makeCtx(ctx.deps, ctx.m, ctx.now, guide, `zl:${a.no}:start`);
  const approval = await startApproval(asGuide, {
    kind: GUIDE_ABSENCE_KIND,
    subjectType: 'short_absence',
    subjectId: a.no,
    title: `导服暂离 ${guide.name} ${a.minutes}分钟`,
    payload: { no: a.no },
  });
  await ctx.m.update(ShortAbsence, { id: a.id }, { approvalNo: approval.no });
  await ctx.send(
    { user: a.userid },
    { text: `${ctx.actor.name} 已确认接替（${a.no}），已送区域领导同意（${approval.no}）。同意后方可离岗。` },
    `zl:${a.no}:confirmed`,
  );
  return `✅ 已确认接替 ${guide.name}（${a.no}），待区域领导同意。`;
}

async function absenceOf(ctx: Ctx, payload: Record<string, unknown>): Promise<ShortAbsence> {
  return loadAbsence(ctx, String(payload.no));
}

/** ATT-04 approval: one step, the guide's 区域领导 (D160), else 大厅管理室. */
export const guideAbsenceKind: ApprovalKind = {
  kind: GUIDE_ABSENCE_KIND,
  async steps(ctx, approval) {
    const leads = await zoneLeads(ctx.m, approval.requester);
    if (leads.length) return [{ label: '区域领导同意', approvers: leads.map((p) => p.userid) }];
    return [await roleStep(ctx.m, '大厅管理室同意（本区域无区域领导）', 'hall_office')];
  },
  async card(ctx, approval) {
    const a = await absenceOf(ctx, approval.payload);
    return {
      subTitle: `接替人员已确认；同意后计时${a.minutes}分钟（rule ATT-04）`,
      fields: [
        { key: '申请人', value: await personName(ctx.m, a.userid) },
        { key: '接替', value: await personName(ctx.m, a.replacement) },
        { key: '时长', value: `${a.minutes}分钟` },
        { key: '原因', value: a.reason ?? '—' },
        { key: '申请时间', value: `${localDate(a.requestedAt)} ${localTime(a.requestedAt)}` },
      ],
    };
  },
  async beforeDecision(ctx, approval, decision) {
    const a = await absenceOf(ctx, approval.payload);
    if (decision === 'approve' && a.status !== '待区域审批') throw new UserError(`${a.no} 已${a.status}，无需再同意。`);
  },
  async onApproved(ctx, approval) {
    const a = await absenceOf(ctx, approval.payload);
    await ctx.m.update(ShortAbsence, { id: a.id, status: '待区域审批' }, { status: '暂离中', startedAt: ctx.now });
    await ctx.audit('absence.start', 'short_absence', a.no, { kind: '导服', approval: approval.no });
    const replacement = await personName(ctx.m, a.replacement);
    await ctx.send(
      { user: a.userid },
      {
        text: `✅ ${localTime(ctx.now)} 区域领导已同意暂离（${a.no}），由 ${replacement} 接替，请${a.minutes}分钟内回岗；回岗后发送：回岗`,
      },
      `zl:${a.no}:approved`,
    );
    if (a.replacement)
      await ctx.send(
        { user: a.replacement },
        {
          text: `${localTime(ctx.now)} 起请接替 ${await personName(ctx.m, a.userid)} 的岗位（${a.no}，${a.minutes}分钟）。`,
        },
        `zl:${a.no}:approved:replacement`,
      );
  },
  async onRejected(ctx, approval, reason) {
    const a = await absenceOf(ctx, approval.payload);
    await ctx.m.update(ShortAbsence, { id: a.id, status: '待区域审批' }, { status: '已驳回', endedAt: ctx.now });
    await ctx.audit('absence.reject', 'short_absence', a.no, { reason });
    if (a.replacement)
      await ctx.send(
        { user: a.replacement },
        { text: `${a.no} 暂离未获同意（${reason}），无需接替。` },
        `zl:${a.no}:rejected:replacement`,
      );
  },
  async onWithdrawn(ctx, approval) {
    const a = await absenceOf(ctx, approval.payload);
    await ctx.m.update(ShortAbsence, { id: a.id, status: '待区域审批' }, { status: '已撤回', endedAt: ctx.now });
  },
};
