import type { Approval } from '../../../entities/approval';
import { Complaint } from '../../../entities/complaint';
import { roleStep } from '../../approvals/approvers';
import type { ApprovalKind } from '../../kernel/approval-kind';
import type { Ctx } from '../../kernel/ctx';
import { UserError } from '../../kernel/errors';
import { cnDate } from '../../kernel/time';
import { SERIOUS_KIND, ST, redact } from './model';
import { sendReferral } from './referral';
import { updateComplaint } from './store';
import { complainantText, opinionText, summaryOf } from './view';

// CMP-12 (000 投诉处理 三(三)2): the 处理意见 of a 情节较重、影响较大 complaint is approved by the center's 分管领导
// (`supervisor`) and then the 主要领导 (`leader` flagged 主要领导) before it goes to the department and its
// 分管领导; the 10 WD run from sending. Rejected → back to the handler, nothing sent. The card shows the
// complainant masked (docs/commands.md).

interface Payload {
  depts: string[];
  mode: '转交办理' | '协同办理';
  prevStatus: string;
}

async function complaintOf(ctx: Ctx, a: Approval): Promise<Complaint> {
  return ctx.m.findOneOrFail(Complaint, { where: { no: a.subjectId } });
}

async function backToHandler(ctx: Ctx, a: Approval, action: string, reason: string): Promise<void> {
  const c = await complaintOf(ctx, a);
  if (c.status !== ST.approving) return;
  const p = a.payload as unknown as Payload;
  await updateComplaint(ctx, c, { status: p.prevStatus, approvalNo: null }, action, {
    approval: a.no,
    reason: redact(reason, c),
  });
}

export const complaintSeriousKind: ApprovalKind = {
  kind: SERIOUS_KIND,
  async steps(ctx) {
    return [
      await roleStep(ctx.m, '分管领导审批', 'supervisor'),
      await roleStep(ctx.m, '主要领导审批', 'leader', '主要领导'),
    ];
  },
  async card(ctx, a) {
    const c = await complaintOf(ctx, a);
    const p = a.payload as unknown as Payload;
    const investigated = [c.recordComplainant, c.recordRespondent].filter(Boolean).length;
    return {
      subTitle: `处理意见：${opinionText(c)}`,
      fields: [
        { key: '被投诉对象', value: c.respondentLabel },
        { key: '事项', value: summaryOf(c, 24) },
        { key: '投诉人', value: complainantText(c, null, true) },
        { key: '调查记录', value: `${investigated}/2${investigated < 2 ? '（未齐，已说明理由）' : ''}` },
        { key: '转交部门', value: `${p.depts.join('、')}（${p.mode}）` },
        { key: '落实期限', value: '转交后10个工作日' },
      ],
    };
  },
  async beforeDecision(ctx, a) {
    const c = await complaintOf(ctx, a);
    if (c.status !== ST.approving) throw new UserError(`${c.no} 当前为“${c.status}”，该审批已无需处理。`);
  },
  async onApproved(ctx, a) {
    const c = await complaintOf(ctx, a);
    const p = a.payload as unknown as Payload;
    const sent = await sendReferral(ctx, c, { depts: p.depts, serious: true, mode: p.mode });
    await ctx.send(
      { user: c.handler },
      {
        text: `${c.no} 处理意见已获批准（${a.no}），已转交 ${sent.map((s) => `${s.dept} 期限${cnDate(s.dueDate)}`).join('、')}。`,
      },
      `cmp:${c.no}:${a.no}:sent`,
    );
  },
  onRejected: (ctx, a, reason) => backToHandler(ctx, a, 'complaint.approval-rejected', reason),
  onWithdrawn: (ctx, a) => backToHandler(ctx, a, 'complaint.approval-withdrawn', ''),
  finalGroup: () => 'G-OFFICE',
};
