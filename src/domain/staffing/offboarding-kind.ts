import type { Approval } from '../../../entities/approval';
import { ApprovalStep } from '../../../entities/approval-step';
import { Person } from '../../../entities/person';
import { StaffRecord } from '../../../entities/staff-record';
import { roleStep } from '../../approvals/approvers';
import { STF01_REASONS } from '../../directory/edits';
import type { ApprovalKind, StepSpec } from '../../kernel/approval-kind';
import type { Ctx } from '../../kernel/ctx';
import { personName } from '../../kernel/directory';
import { SIGN_LABEL } from '../windows/closure-kind';
import { tellDepartment } from '../windows/common';
import { checkNotice } from '../windows/rules';
import { HANDOVER_STEPS } from './handover';
import { shortTenure } from './offboarding';
import { CITE, SUBJECT, idShown, md } from './records';

// Approval kind `offboarding` — 进驻人员离岗审批表 (附件4 rows 17–18): [首席代表签字 = 工作单位审批意见]
// [→ 中心领导 when stationed under one year, STF-01] → 政务服务中心确认 (大厅管理室). Approval makes the person
// 拟离岗 and opens the 离岗交接 checklist a–f (STF-08).

const recordOf = (ctx: Ctx, a: Approval) => ctx.m.findOneOrFail(StaffRecord, { where: { no: a.subjectId } });

export const offboardingKind: ApprovalKind = {
  kind: 'offboarding',
  async steps(ctx, a) {
    const r = await recordOf(ctx, a);
    const steps: StepSpec[] = [];
    if (shortTenure(r.startDate, r.endDate!) !== null)
      steps.push(await roleStep(ctx.m, '中心领导审批（在岗未满1年）', 'leader'));
    steps.push(await roleStep(ctx.m, '政务服务中心确认', 'hall_office'));
    return steps;
  },
  async card(ctx, a) {
    const r = await recordOf(ctx, a);
    const months = shortTenure(r.startDate, r.endDate!);
    return {
      subTitle: `${r.name}｜${r.departmentCode} ${r.windowNumber ?? '—'}号窗｜离岗 ${md(r.endDate)}${r.reason ? `｜原因：${r.reason}` : ''}`,
      fields: [
        { key: '入岗时间', value: r.startDate ?? '—' },
        { key: '在岗', value: months === null ? '满1年' : `${months}个月（未满1年）` },
        { key: '原因码', value: r.reasonCode ? `${r.reasonCode} ${STF01_REASONS[Number(r.reasonCode)]}` : '—' },
        { key: '接替人员', value: r.otherUserid ? await personName(ctx.m, r.otherUserid) : '—' },
        { key: '身份证号', value: idShown(ctx, r.idNumber) },
      ],
    };
  },
  // D171: the 15 WD notice is checked at drafting and at the 首席代表's signature only.
  async beforeDecision(ctx, a, decision, stepIdx) {
    if (decision !== 'approve') return;
    const step = await ctx.m.findOneOrFail(ApprovalStep, { where: { approvalId: a.id, idx: stepIdx } });
    if (step.label !== SIGN_LABEL) return;
    const r = await recordOf(ctx, a);
    checkNotice(ctx.deps.calendar, ctx.now, r.endDate!, 15, 'STF-07', CITE.stf07, '离岗');
  },
  async onApproved(ctx, a) {
    const r = await recordOf(ctx, a);
    await ctx.m.update(StaffRecord, { id: r.id }, { status: 'approved' });
    if (r.userid) {
      await ctx.m.update(Person, { userid: r.userid }, { status: '拟离岗' });
      await ctx.audit('person.status', 'person', r.userid, { to: '拟离岗', source: r.no });
    }
    const list = HANDOVER_STEPS.map((s) => `${s.key} ${s.action}（${s.ownerText}）`).join('\n');
    const text = `✅ ${r.no} 离岗已批准：${r.name}，${md(r.endDate)} 离岗（拟离岗）。离岗交接：\n${list}\n逐项完成后发送：交接 ${r.no} <a-f>`;
    await tellDepartment(ctx, r.departmentCode, text, `lg:${r.no}:approved`);
    await ctx.send({ group: 'G-OFFICE' }, { text }, `lg:${r.no}:approved:office`);
    await ctx.audit('staff_record.approved', SUBJECT, r.no, {});
  },
  async onRejected(ctx, a, reason) {
    const r = await recordOf(ctx, a);
    await ctx.m.update(StaffRecord, { id: r.id }, { status: 'rejected' });
    await tellDepartment(ctx, r.departmentCode, `${r.no} 离岗申请已被驳回：${reason}`, `lg:${r.no}:rejected`);
  },
  async onWithdrawn(ctx, a) {
    await ctx.m.update(StaffRecord, { no: a.subjectId }, { status: 'withdrawn' });
  },
};
