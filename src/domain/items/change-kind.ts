import type { Approval } from '../../../entities/approval';
import { ItemChange } from '../../../entities/item-change';
import { roleStep } from '../../approvals/approvers';
import { describeDue } from '../../calendar/deadline-due';
import { openDeadline } from '../../calendar/deadlines';
import { attachmentsOf } from '../../kernel/attachments';
import type { ApprovalKind } from '../../kernel/approval-kind';
import type { Ctx } from '../../kernel/ctx';
import { personName } from '../../kernel/directory';
import { getSetting } from '../../settings/settings';
import { tellDepartment } from '../windows/common';
import { REQUEST_FILE } from './changes';
import { CHANGE_KIND, REASONS, SX, SX_SUBJECT, UPDATE_CLOCK } from './model';

// Approval kind `item-change` (ITM-10; 000 全过程监督 第六条): 中心初审 by 大厅管理室. Approval opens the SX task
// the 旗政务服务局 owes — update the list within item.updateWorkdays WD (ITM-04, OPEN #39), watched by
// item-tasks-overdue; rejection goes back to the department with the reason.

async function changeOf(ctx: Ctx, a: Approval): Promise<ItemChange> {
  return ctx.m.findOneOrFail(ItemChange, { where: { no: a.subjectId } });
}

export const itemChangeKind: ApprovalKind = {
  kind: CHANGE_KIND,
  async steps(ctx) {
    return [await roleStep(ctx.m, '中心初审', 'hall_office')];
  },
  async card(ctx, a) {
    const c = await changeOf(ctx, a);
    const files = await attachmentsOf(ctx, SX_SUBJECT, c.no, REQUEST_FILE);
    return {
      subTitle: `${c.changeType}｜${c.departmentCode}${c.filedLate ? '｜逾期提交' : ''}`,
      fields: [
        { key: '事项', value: `${c.itemName}${c.itemCode ? `（${c.itemCode}）` : ''}` },
        { key: '原因', value: `${c.reasonCode} ${REASONS[c.reasonCode]}` },
        { key: '生效日期', value: c.effectiveDate },
        { key: '审批人员', value: c.approvers ?? '—' },
        { key: '申请人', value: await personName(ctx.m, c.filedBy) },
        { key: '文件', value: files.length ? `${files.length}份` : '未附' },
      ],
    };
  },
  async onApproved(ctx, a) {
    const c = await changeOf(ctx, a);
    const amount = await getSetting(ctx.m, 'item.updateWorkdays');
    const d = await openDeadline(ctx.m, ctx.now, ctx.actor.userid, ctx.deps.calendar, {
      subjectType: SX_SUBJECT,
      subjectId: c.no,
      kind: UPDATE_CLOCK,
      startAt: ctx.now,
      amount,
      unit: 'WD',
    });
    await ctx.m.update(ItemChange, { id: c.id }, { status: SX.due, updatedAt: ctx.now });
    await ctx.audit('item.change.approved', SX_SUBJECT, c.no, { due: d.dueDate });
    await tellDepartment(
      ctx,
      c.departmentCode,
      `✅ ${c.no} 事项调整（${c.changeType} ${c.itemName}）已通过中心初审，待旗政务服务局更新清单（${describeDue(d)} 前）。`,
      `sx:${c.no}:approved`,
    );
    await ctx.send(
      { group: 'G-OFFICE' },
      {
        text: `📋 ${c.no} 待更新事项清单：${c.changeType} ${c.itemName}（${c.departmentCode}），${describeDue(d)} 前（rule ITM-04）。完成后发送：事项 更新 ${c.no}`,
      },
      `sx:${c.no}:task`,
    );
  },
  async onRejected(ctx, a, reason) {
    const c = await changeOf(ctx, a);
    await ctx.m.update(ItemChange, { id: c.id }, { status: SX.rejected, rejectReason: reason, updatedAt: ctx.now });
    await ctx.audit('item.change.rejected', SX_SUBJECT, c.no, { reason });
    await ctx.send(
      { user: c.filedBy },
      { text: `${c.no} 事项调整（${c.changeType} ${c.itemName}）未通过中心初审：${reason}` },
      `sx:${c.no}:rejected`,
    );
  },
  async onWithdrawn(ctx, a) {
    await ctx.m.update(ItemChange, { no: a.subjectId }, { status: SX.withdrawn, updatedAt: ctx.now });
  },
};
