import type { Approval } from '../../../entities/approval';
import { ApprovalStep } from '../../../entities/approval-step';
import { StaffRecord } from '../../../entities/staff-record';
import { roleStep } from '../../approvals/approvers';
import type { ApprovalKind, StepSpec } from '../../kernel/approval-kind';
import { attachmentsOf } from '../../kernel/attachments';
import type { Ctx } from '../../kernel/ctx';
import { SIGN_LABEL } from '../windows/closure-kind';
import { tellDepartment } from '../windows/common';
import { createDeviceTasks, taskLine } from '../windows/device-tasks';
import { checkOnboardingNotice, checkTrainingProof } from './onboarding';
import { PROOF, SUBJECT, idShown, md } from './records';

// Approval kind `onboarding` — 进驻人员入岗审批表 (附件3 rows 16–17): [首席代表签字 = 工作单位审批意见] →
// 政务服务中心审批 (大厅管理室) [→ 中心领导 when there is no training proof, STF-03]. Approval opens the
// 考勤系统 and 评价器 tasks (STF-04); the person starts only with `入岗 到岗` (STF-05).

/** STF-04: what 大厅管理室 enters before the newcomer may start (000 调整管理 三(一)3). */
export const ONBOARD_ITEMS = ['考勤系统', '评价器'] as const;

const recordOf = (ctx: Ctx, a: Approval) => ctx.m.findOneOrFail(StaffRecord, { where: { no: a.subjectId } });

export const onboardingKind: ApprovalKind = {
  kind: 'onboarding',
  async steps(ctx, a) {
    const r = await recordOf(ctx, a);
    const steps: StepSpec[] = [await roleStep(ctx.m, '政务服务中心审批', 'hall_office')];
    if (r.noProofReason) steps.push(await roleStep(ctx.m, '中心领导审批（无培训材料）', 'leader'));
    return steps;
  },
  async card(ctx, a) {
    const r = await recordOf(ctx, a);
    const proofs = (await attachmentsOf(ctx, SUBJECT, r.no, PROOF)).length;
    return {
      subTitle: `${r.name}｜${r.departmentCode} ${r.windowNumber ?? '—'}号窗｜入岗 ${md(r.startDate)}`,
      fields: [
        { key: '人员身份', value: r.identity ?? '—' },
        { key: '窗口类型', value: r.windowKind ?? '—' },
        { key: '服务事项', value: r.form['服务事项'] ?? '—' },
        { key: '身份证号', value: idShown(ctx, r.idNumber) },
        { key: '培训材料', value: proofs ? `${proofs}份` : `无（${r.noProofReason ?? '—'}）` },
      ],
    };
  },
  // D171: the date and the proof are checked at drafting and at the 首席代表's signature only.
  async beforeDecision(ctx, a, decision, stepIdx) {
    if (decision !== 'approve') return;
    const step = await ctx.m.findOneOrFail(ApprovalStep, { where: { approvalId: a.id, idx: stepIdx } });
    if (step.label !== SIGN_LABEL) return;
    const r = await recordOf(ctx, a);
    checkOnboardingNotice(ctx, r.startDate!);
    await checkTrainingProof(ctx, r);
  },
  async onApproved(ctx, a) {
    const r = await recordOf(ctx, a);
    await ctx.m.update(StaffRecord, { id: r.id }, { status: 'approved' });
    const tasks = await createDeviceTasks(ctx, {
      subjectType: SUBJECT,
      subjectId: r.no,
      windows: r.windowNumber ? [r.windowNumber] : [],
      items: ONBOARD_ITEMS,
      purpose: `${r.name}入岗`,
      dueOn: r.startDate ?? undefined,
    });
    const text = `✅ ${r.no} 入岗已批准：${r.name} ${r.windowNumber ?? ''}号窗，${md(r.startDate)} 入岗（拟入岗）`;
    await tellDepartment(ctx, r.departmentCode, text, `rg:${r.no}:approved`);
    await ctx.send(
      { group: 'G-OFFICE' },
      {
        text: `${text}\n请录入：\n${tasks.map(taskLine).join('\n')}\n逐项完成后发送：任务 完成 <RW号>；到岗后发送：入岗 到岗 ${r.no} 账号=…`,
      },
      `rg:${r.no}:approved:office`,
    );
    await ctx.audit('staff_record.approved', SUBJECT, r.no, { tasks: tasks.map((t) => t.no) });
  },
  async onRejected(ctx, a, reason) {
    const r = await recordOf(ctx, a);
    await ctx.m.update(StaffRecord, { id: r.id }, { status: 'rejected' });
    await tellDepartment(ctx, r.departmentCode, `${r.no} 入岗申请已被驳回：${reason}`, `rg:${r.no}:rejected`);
  },
  async onWithdrawn(ctx, a) {
    await ctx.m.update(StaffRecord, { no: a.subjectId }, { status: 'withdrawn' });
  },
};
