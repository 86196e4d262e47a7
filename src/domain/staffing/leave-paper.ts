import { LeaveRequest } from '../../../entities/leave-request';
import { openAttachmentSlot, type AttachmentHook } from '../../kernel/attachments';
import type { Ctx } from '../../kernel/ctx';
import { personName } from '../../kernel/directory';
import { UserError } from '../../kernel/errors';
import { afterApproval } from './leave-kind';
import { leaveLabel, loadLeave, PAPER_PHOTO, STATUS_CN, SUBJECT } from './leave-model';

// D151: a 首席代表's own leave is approved by the department's 分管领导 (ATT-05, OPEN #36). When the directory has
// no WeCom account for that leader, the leader signs on paper; 大厅管理室 records it here and the photo of the
// signed paper (the conventions' "a photo of the stamped paper form") approves the request.

/**
 * `请假 纸质审批 <QJ号>` (大厅管理室): opens the 10-minute slot for the photo. `结果=驳回 原因=…` records a refusal
 * on paper at once (nothing takes effect, so no photo is needed).
 */
export async function startPaperApproval(ctx: Ctx, ref: string, reject?: { reason?: string }): Promise<string> {
  const r = await loadLeave(ctx, ref);
  if (r.approverRole !== 'paper') throw new UserError(`${r.no} 由企业微信审批卡片审批，无需纸质审批。`);
  if (r.status !== 'draft') throw new UserError(`${r.no} 当前状态不能登记纸质审批（${STATUS_CN[r.status]}）。`);
  if (reject) return paperReject(ctx, r, reject.reason);
  await openAttachmentSlot(ctx, SUBJECT, r.no, PAPER_PHOTO);
  await ctx.audit('leave.paper_started', SUBJECT, r.no, {});
  return `请在10分钟内发送分管领导签字的纸质审批照片，收到后 ${r.no} 即为已批准。`;
}

async function paperReject(ctx: Ctx, r: LeaveRequest, reason?: string): Promise<string> {
  if (!reason?.trim()) throw new UserError('请写明分管领导驳回的原因：请假 纸质审批 QJ… 结果=驳回 原因=…');
  await ctx.m.update(
    LeaveRequest,
    { id: r.id, status: 'draft' },
    { status: 'rejected', paperRecordedBy: ctx.actor.userid, decidedAt: ctx.now },
  );
  await ctx.audit('leave.rejected', SUBJECT, r.no, { paper: true, reason });
  const text = `${r.no} ${await personName(ctx.m, r.userid)} ${leaveLabel(r)} 未获分管领导批准（纸质）：${reason.trim()}`;
  await ctx.send({ user: r.userid }, { text }, `qj:${r.no}:paper:rejected`);
  await ctx.send({ group: 'G-OFFICE' }, { text }, `qj:${r.no}:rejected:office`);
  return `✅ 已登记：${text}`;
}

export const leavePaperHook: AttachmentHook = {
  ownerType: SUBJECT,
  purpose: PAPER_PHOTO,
  async afterAttach(ctx, ownerId, attachment) {
    const r = await ctx.m.findOne(LeaveRequest, { where: { no: ownerId } });
    if (!r || r.status !== 'draft' || r.approverRole !== 'paper') return;
    await ctx.m.update(
      LeaveRequest,
      { id: r.id },
      { status: 'approved', paperApproval: true, paperRecordedBy: ctx.actor.userid, decidedAt: ctx.now },
    );
    await ctx.audit('leave.approved', SUBJECT, r.no, { paper: true, attachment: attachment.id });
    const name = await personName(ctx.m, r.userid);
    await ctx.reply(`✅ ${r.no} ${name} ${leaveLabel(r)} 已按纸质审批批准（照片已存档）`);
    await ctx.send(
      { user: r.userid },
      { text: `${r.no} ${leaveLabel(r)}：分管领导纸质审批已由大厅管理室登记，已批准。` },
      `qj:${r.no}:paper:requester`,
    );
    await ctx.send(
      { group: 'G-OFFICE' },
      { text: `${r.no} ${name} ${leaveLabel(r)}：纸质审批已登记（${ctx.actor.name}），已批准。` },
      `qj:${r.no}:paper:office`,
    );
    await afterApproval(ctx, { ...r, status: 'approved' });
  },
};
