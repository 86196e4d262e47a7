import { ApprovalStep } from '../../../entities/approval-step';
import type { Approval } from '../../../entities/approval';
import { Suspension } from '../../../entities/suspension';
import { roleStep } from '../../approvals/approvers';
import type { ApprovalKind } from '../../kernel/approval-kind';
import type { Ctx } from '../../kernel/ctx';
import { localDate, shortDate } from '../../kernel/time';
import { SIGN_LABEL } from './closure-kind';
import { tellDepartment } from './common';
import { checkSuspensionNotice, publicityDue, windowsLabel } from './rules';
import { noticeText } from './suspension-text';

// Approval kind `suspension` (SUS-06, 附件 rows 6–7): [首席代表签字] → 大厅管理室备案. The 5-WD notice is
// re-checked only at the 首席代表's signature (the filing is the form signed by the
// 首席代表, as 000 调整管理 二(二)2(1) has it for closures).

async function suspensionOf(ctx: Ctx, a: Approval): Promise<Suspension> {
  return ctx.m.findOneOrFail(Suspension, { where: { no: a.subjectId } });
}

async function isSigning(ctx: Ctx, a: Approval, idx: number): Promise<boolean> {
  return (await ctx.m.findOneOrFail(ApprovalStep, { where: { approvalId: a.id, idx } })).label === SIGN_LABEL;
}

export const suspensionKind: ApprovalKind = {
  kind: 'suspension',
  async steps(ctx) {
    return [await roleStep(ctx.m, '大厅管理室备案', 'hall_office')];
  },
  async card(ctx, a) {
    const s = await suspensionOf(ctx, a);
    return {
      subTitle: `事由：${s.reason}（${s.docNo ?? '无文号'}）｜预案：${s.workPlan ?? '—'}`,
      fields: [
        { key: '窗口', value: `${s.departmentCode} ${windowsLabel(s.windows)}` },
        { key: '起止', value: `${shortDate(s.fromDate)}–${shortDate(s.toDate)}` },
        { key: '咨询人员', value: (s.consultants ?? []).map((c) => `${c.name} ${c.phone}`).join('；') },
        { key: '联系人', value: `${s.contactName ?? '—'} ${s.contactPhone ?? ''}`.trim() },
        {
          key: '宣传告知',
          value: s.publicityAt
            ? `已报 ${localDate(s.publicityAt)}`
            : `未报（须 ${publicityDue(ctx.deps.calendar, s.fromDate)} 前）`,
        },
      ],
    };
  },
  async beforeDecision(ctx, a, decision, stepIdx) {
    if (decision === 'approve' && (await isSigning(ctx, a, stepIdx)))
      checkSuspensionNotice(ctx.deps.calendar, ctx.now, (await suspensionOf(ctx, a)).fromDate);
  },
  async onStepApproved(ctx, a, stepIdx) {
    if (await isSigning(ctx, a, stepIdx)) await ctx.m.update(Suspension, { no: a.subjectId }, { filedAt: ctx.now });
  },
  async onApproved(ctx, a) {
    const s = await suspensionOf(ctx, a);
    await ctx.m.update(Suspension, { id: s.id }, { status: 'approved' });
    await ctx.audit('suspension.approved', 'suspension', s.no, {});
    const due = publicityDue(ctx.deps.calendar, s.fromDate);
    await tellDepartment(
      ctx,
      s.departmentCode,
      `✅ ${s.no} 业务临时停办已备案：${windowsLabel(s.windows)} ${shortDate(s.fromDate)}–${shortDate(s.toDate)}。请于 ${due} 前发布停办公告：停办 公告 ${s.no} 链接=…`,
      `tb:${s.no}:approved`,
    );
    await ctx.send(
      { group: 'G-OFFICE' },
      {
        text: `${s.no} 已备案。公告文本（宣传屏/公众号/前后门张贴）：\n${await noticeText(ctx, s)}\n告知导服人员后发送：停办 告知 ${s.no}`,
      },
      `tb:${s.no}:approved:office`,
    );
  },
  async onRejected(ctx, a, reason) {
    await ctx.m.update(Suspension, { no: a.subjectId }, { status: 'rejected' });
    await ctx.audit('suspension.rejected', 'suspension', a.subjectId, { reason });
  },
  async onWithdrawn(ctx, a) {
    await ctx.m.update(Suspension, { no: a.subjectId }, { status: 'withdrawn' });
  },
};
