import type { Approval } from '../../../entities/approval';
import { ApprovalStep } from '../../../entities/approval-step';
import { WindowChange } from '../../../entities/window-change';
import { roleStep } from '../../approvals/approvers';
import type { ApprovalKind } from '../../kernel/approval-kind';
import type { Ctx } from '../../kernel/ctx';
import { chiefRepOf } from '../../kernel/directory';
import { SIGN_LABEL } from './closure-kind';
import { tellDepartment } from './common';
import { CHANGE_ITEMS, createDeviceTasks, taskLine } from './device-tasks';
import { windowsLabel } from './rules';

// Approval kind `window-change` — 窗口变更登记备案表 (附件1 rows 6–8; WIN-02): [首席代表签字] → 大厅管理室审核 →
// 有关负责人签字 (D20). Kept apart from the filing code so the approvals table never imports the engine back.

async function changeOf(ctx: Ctx, a: Approval): Promise<WindowChange> {
  return ctx.m.findOneOrFail(WindowChange, { where: { no: a.subjectId } });
}

export const windowChangeKind: ApprovalKind = {
  kind: 'window-change',
  async steps(ctx) {
    return [
      await roleStep(ctx.m, '大厅管理室审核', 'hall_office'),
      await roleStep(ctx.m, '有关负责人签字', 'leader', '有关负责人'),
    ];
  },
  async card(ctx, a) {
    const c = await changeOf(ctx, a);
    return {
      subTitle: `业务：${c.business}${c.reason ? `｜原因：${c.reason}` : ''}${c.softReason ? `｜说明：${c.softReason}` : ''}`,
      fields: [
        { key: '部门', value: c.departmentCode },
        { key: '变更', value: `${c.changeType} ${windowsLabel(c.windows)}（${c.windows.length}个）` },
        { key: '起始日期', value: c.startDate },
        { key: '设施设备', value: c.equipment ?? '—' },
      ],
    };
  },
  async onStepApproved(ctx, a, stepIdx) {
    const step = await ctx.m.findOneOrFail(ApprovalStep, { where: { approvalId: a.id, idx: stepIdx } });
    if (step.label === SIGN_LABEL) await ctx.m.update(WindowChange, { no: a.subjectId }, { filedAt: ctx.now });
  },
  async onApproved(ctx, a) {
    const c = await changeOf(ctx, a);
    await ctx.m.update(WindowChange, { id: c.id }, { status: 'approved' });
    const tasks = await createDeviceTasks(ctx, {
      subjectType: 'window_change',
      subjectId: c.no,
      windows: c.windows,
      items: CHANGE_ITEMS,
      purpose: c.changeType,
    });
    const text = `✅ ${c.no} 已批准：${c.changeType} ${windowsLabel(c.windows)}，${c.startDate}起`;
    await tellDepartment(ctx, c.departmentCode, `${text}；大厅管理室录入信息后生效。`, `bg:${c.no}:approved`);
    await ctx.send(
      { group: 'G-OFFICE' },
      { text: `${text}\n设备任务：\n${tasks.map(taskLine).join('\n')}\n逐项完成后发送：任务 完成 <RW号>` },
      `bg:${c.no}:approved:office`,
    );
    await ctx.audit('window_change.approved', 'window_change', c.no, { tasks: tasks.map((t) => t.no) });
  },
  async onRejected(ctx, a, reason) {
    const c = await changeOf(ctx, a);
    await ctx.m.update(WindowChange, { id: c.id }, { status: 'rejected' });
    const chief = await chiefRepOf(ctx.m, c.departmentCode).catch(() => undefined);
    if (chief && chief.userid !== a.requester)
      await ctx.send({ user: chief.userid }, { text: `${c.no} 已被驳回：${reason}` }, `bg:${c.no}:rejected:chief`);
  },
  async onWithdrawn(ctx, a) {
    await ctx.m.update(WindowChange, { no: a.subjectId }, { status: 'withdrawn' });
  },
};
