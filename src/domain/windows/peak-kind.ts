import { ApprovalStep } from '../../../entities/approval-step';
import type { Approval } from '../../../entities/approval';
import { PEAK_CHECKS, PeakPlan } from '../../../entities/peak-plan';
import { roleStep } from '../../approvals/approvers';
import type { ApprovalKind } from '../../kernel/approval-kind';
import type { Ctx } from '../../kernel/ctx';
import { chiefRepOf } from '../../kernel/directory';
import { shortDate } from '../../kernel/time';
import { SIGN_LABEL } from './closure-kind';
import { overlappingClosures } from './closure-checks';
import { tellDepartment } from './common';
import { checkPeakNotice, windowsLabel } from './rules';

// Approval kind `peak-plan` (SUS-02): [首席代表签字] → 大厅管理室备案 (first click wins). The 2-WD notice is
// re-checked only when the signed plan reaches 大厅管理室 (the filing is the form signed by the
// 首席代表, as 000 调整管理 二(二)2(1) has it for closures).

export function checklistLine(p: PeakPlan): string {
  const done = PEAK_CHECKS.filter((k) => p.checklist?.[k]);
  const missing = PEAK_CHECKS.filter((k) => !p.checklist?.[k]);
  return `准备事项 ${done.length}/${PEAK_CHECKS.length}${missing.length ? `（缺：${missing.join('、')}）` : ''}`;
}

async function peakOf(ctx: Ctx, a: Approval): Promise<PeakPlan> {
  return ctx.m.findOneOrFail(PeakPlan, { where: { no: a.subjectId } });
}

async function isSigning(ctx: Ctx, a: Approval, idx: number): Promise<boolean> {
  return (await ctx.m.findOneOrFail(ApprovalStep, { where: { approvalId: a.id, idx } })).label === SIGN_LABEL;
}

export const peakPlanKind: ApprovalKind = {
  kind: 'peak-plan',
  async steps(ctx) {
    return [await roleStep(ctx.m, '大厅管理室备案', 'hall_office')];
  },
  async card(ctx, a) {
    const p = await peakOf(ctx, a);
    return {
      subTitle: `原因：${p.reasonType}${p.reason ? ` ${p.reason}` : ''}｜人员安排：${p.staffing ?? '—'}｜宣传引导：${p.publicity ?? '—'}`,
      fields: [
        { key: '起止', value: `${p.departmentCode} ${shortDate(p.fromDate)}–${shortDate(p.toDate)}` },
        { key: '每日最大量', value: String(p.dailyCapacity ?? '—') },
        { key: '联系人', value: `${p.contactName ?? '—'} ${p.contactPhone ?? ''}`.trim() },
        { key: '技术保障', value: p.techPerson ?? '—' },
        { key: '准备事项', value: checklistLine(p) },
        { key: '派驻部门', value: p.reportedToParent ? '已报' : '未报' },
      ],
    };
  },
  async beforeDecision(ctx, a, decision, stepIdx) {
    // The 2-WD notice counts when the signed plan reaches 大厅管理室, not at later clicks.
    if (decision === 'approve' && (await isSigning(ctx, a, stepIdx)))
      checkPeakNotice(ctx.deps.calendar, ctx.now, (await peakOf(ctx, a)).fromDate);
  },
  async onStepApproved(ctx, a, stepIdx) {
    if (await isSigning(ctx, a, stepIdx)) await ctx.m.update(PeakPlan, { no: a.subjectId }, { filedAt: ctx.now });
  },
  async onApproved(ctx, a) {
    const p = await peakOf(ctx, a);
    await ctx.m.update(PeakPlan, { id: p.id }, { status: 'approved' });
    await ctx.audit('peak_plan.approved', 'peak_plan', p.no, {});
    const text = `✅ ${p.no} 业务高峰工作预案已备案：${shortDate(p.fromDate)}–${shortDate(p.toDate)}，高峰期间须开放全部窗口、启用全部自助设备（rule SUS-04）。`;
    await tellDepartment(ctx, p.departmentCode, text, `gf:${p.no}:approved`);
    // WIN-12: closures already approved for these days must end before the peak.
    const clash = await overlappingClosures(ctx, p.departmentCode, p.fromDate, p.toDate, ['approved']);
    const clashText = clash.map((c) => `${c.no} ${windowsLabel(c.windows)}`).join('；');
    await ctx.send(
      { group: 'G-OFFICE' },
      {
        text: `${text}${clashText ? `\n注意：期间已批准临时关闭 ${clashText}，须于 ${p.fromDate} 前恢复（rule WIN-12）。` : ''}\n协调交警、物业：高峰 协调 ${p.no} 交警|物业 说明=…`,
      },
      `gf:${p.no}:approved:office`,
    );
    if (clashText) {
      const chief = await chiefRepOf(ctx.m, p.departmentCode);
      await ctx.send(
        { user: chief.userid },
        { text: `⚠️ 高峰期间须开放全部窗口：${clashText} 请于 ${p.fromDate} 前安排人员到岗（rule WIN-12）。` },
        `gf:${p.no}:clash`,
      );
    }
  },
  async onRejected(ctx, a, reason) {
    await ctx.m.update(PeakPlan, { no: a.subjectId }, { status: 'rejected' });
    await ctx.audit('peak_plan.rejected', 'peak_plan', a.subjectId, { reason });
  },
  async onWithdrawn(ctx, a) {
    await ctx.m.update(PeakPlan, { no: a.subjectId }, { status: 'withdrawn' });
  },
};
