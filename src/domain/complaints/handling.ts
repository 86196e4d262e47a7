import type { Complaint } from '../../../entities/complaint';
import { ComplaintParty } from '../../../entities/complaint-party';
import { startApproval } from '../../approvals/engine';
import { attachmentsOf, openAttachmentSlot } from '../../kernel/attachments';
import type { Ctx } from '../../kernel/ctx';
import { chiefRepOf } from '../../kernel/directory';
import { UserError, ruleRefusal, softWarning } from '../../kernel/errors';
import { findDeadline } from '../../calendar/deadlines';
import { DL, SERIOUS_KIND, ST, SUBJECT, redact } from './model';
import { type SentReferral, sendReferral } from './referral';
import { closeClock, implementKind, openClock, partiesOf, requireOpen, updateComplaint } from './store';
import { summaryOf } from './view';

// 调查核实 and 协调处理 (000 投诉处理 三(二)–(三); CMP-03, CMP-08, CMP-09…13).

export const MATERIAL = '书面投诉材料';
export const signedReportPurpose = (dept: string, round: number) => `落实情况${dept}第${round}轮`;

/** CMP-03: a 重大 complaint moves on only once its written material is attached. */
export async function requireMaterial(ctx: Ctx, c: Complaint): Promise<void> {
  if (c.status !== ST.needsMaterial) return;
  const files = await attachmentsOf(ctx, SUBJECT, c.no, MATERIAL);
  if (files.length === 0) {
    throw ruleRefusal(
      'CMP-03',
      '000 投诉处理 二(六)',
      `重大事项投诉须提供书面材料，${c.no} 尚未收到。请发送“投诉 材料 ${c.no}”后上传照片或文件。`,
    );
  }
  await updateComplaint(ctx, c, { status: ST.registered }, 'complaint.material', { files: files.length });
}

/** States from which the office may investigate and decide the 处理方式. */
async function requireHandleable(ctx: Ctx, c: Complaint, what: string): Promise<void> {
  requireOpen(c, what);
  await requireMaterial(ctx, c);
  if (![ST.registered, ST.investigating].includes(c.status as never)) {
    throw new UserError(`${c.no} 当前为“${c.status}”，不能再${what}。`);
  }
}

/** `投诉 调查` (CMP-09): one side's interview record; a photo of the signed record may follow. */
export async function investigate(
  ctx: Ctx,
  c: Complaint,
  side: '投诉人' | '被投诉人',
  record: string,
): Promise<number> {
  requireOpen(c, '调查');
  await requireMaterial(ctx, c);
  const changes: Partial<Complaint> = side === '投诉人' ? { recordComplainant: record } : { recordRespondent: record };
  if (c.status === ST.registered) changes.status = ST.investigating;
  await updateComplaint(ctx, c, changes, 'complaint.investigate', { side });
  await openAttachmentSlot(ctx, SUBJECT, c.no, `调查记录（${side}）`);
  return [c.recordComplainant, c.recordRespondent].filter(Boolean).length;
}

/** CMP-09 SOFT: both interview records before 处理, unless a written reason is given (logged). */
async function checkInvestigation(ctx: Ctx, c: Complaint, reason?: string): Promise<void> {
  const missing = [!c.recordComplainant && '投诉人', !c.recordRespondent && '被投诉人'].filter(Boolean);
  if (missing.length === 0) return;
  if (!reason?.trim()) {
    throw softWarning(
      'CMP-09',
      `${c.no} 调查记录未齐（缺${missing.join('、')}记录），处理前应询问双方并做好记录（000 投诉处理 三(二)）。`,
    );
  }
  await ctx.audit('complaint.soft-override', SUBJECT, c.no, { rule: 'CMP-09', missing, reason: redact(reason, c) });
}

/** `投诉 现场协调` (CMP-10): resolved on the spot; the 2 WD reply clock starts now (CMP-15). */
export async function resolveOnSite(ctx: Ctx, c: Complaint, result: string, reason?: string): Promise<string> {
  await requireHandleable(ctx, c, '现场协调');
  await checkInvestigation(ctx, c, reason);
  await updateComplaint(
    ctx,
    c,
    { handlingMode: '现场协调', opinion: result, processedAt: ctx.now, status: ST.toReply },
    'complaint.onsite',
    {},
  );
  const d = await openClock(ctx, c.no, DL.reply, ctx.now, 2);
  return d.dueDate;
}

export interface ReferInput {
  depts: string[];
  opinion: string;
  serious: boolean;
  mode: '转交办理' | '协同办理';
  reason?: string;
}

/**
 * `投诉 转交` / `投诉 协同` (CMP-11/12/13): ordinary → straight to the departments (5 WD); 情节较重 → the
 * 分管领导 → 主要领导 chain first (`complaint-serious`), sent on final approval (10 WD from sending).
 */
export async function refer(
  ctx: Ctx,
  c: Complaint,
  input: ReferInput,
): Promise<{ sent?: SentReferral[]; approvalNo?: string }> {
  await requireHandleable(ctx, c, input.mode === '协同办理' ? '协同办理' : '转交');
  if (c.nature === '意见建议类')
    throw new UserError(`${c.no} 为意见建议类，请用：投诉 建议 ${c.no} 去向=…（rule CMP-08）`);
  const depts = [...new Set(input.depts.length ? input.depts : c.departmentCode ? [c.departmentCode] : [])];
  if (depts.length === 0) throw new UserError(`${c.no} 的被投诉对象不属于进驻部门，请写明 部门=… 或用 投诉 现场协调。`);
  if (input.mode === '协同办理' && depts.length < 2 && c.nature !== '重大')
    throw new UserError('协同办理须有两个以上部门（部门=GA,SB），或为重大投诉事项（rule CMP-13）。');
  for (const d of depts) await chiefRepOf(ctx.m, d);
  await checkInvestigation(ctx, c, input.reason);
  await updateComplaint(ctx, c, { opinion: input.opinion }, 'complaint.opinion', {
    mode: input.mode,
    departments: depts,
    serious: input.serious,
  });
  if (!input.serious) return { sent: await sendReferral(ctx, c, { depts, serious: false, mode: input.mode }) };
  const a = await startApproval(ctx, {
    kind: SERIOUS_KIND,
    subjectType: SUBJECT,
    subjectId: c.no,
    title: `投诉处理意见审批 ${c.no}（情节较重）`,
    departmentCode: depts[0],
    payload: { depts, mode: input.mode, prevStatus: c.status },
  });
  await updateComplaint(ctx, c, { status: ST.approving, serious: true, approvalNo: a.no }, 'complaint.approval', {
    approval: a.no,
  });
  return { approvalNo: a.no };
}

/** `投诉 建议` (CMP-08): an 意见建议类 item goes to the respondent or a competent department as reference. */
export async function forwardSuggestion(
  ctx: Ctx,
  c: Complaint,
  dept: string | null,
  destLabel: string,
): Promise<string | null> {
  requireOpen(c, '转参考');
  await requireMaterial(ctx, c);
  if (c.nature !== '意见建议类') throw new UserError(`${c.no} 不是意见建议类（${c.nature}），请用 投诉 转交。`);
  if (dept) {
    const chief = await chiefRepOf(ctx.m, dept);
    await ctx.send(
      { user: chief.userid },
      { text: `【意见建议 ${c.no}】供服务整改参考（rule CMP-08）\n${c.respondentLabel}｜${summaryOf(c, 80)}` },
      `cmp:${c.no}:suggest:${dept}`,
    );
  }
  await updateComplaint(
    ctx,
    c,
    { handlingMode: '意见建议', opinion: `转${destLabel}参考`, status: ST.suggestion, processedAt: ctx.now },
    'complaint.suggest',
    { department: dept },
  );
  const clock = await findDeadline(ctx.m, SUBJECT, c.no, DL.suggestion);
  return clock?.dueDate ?? null;
}

export type ImplementResult =
  { refused: string } | { dept: string; late: boolean; allDone: boolean; replyDue?: string };

/**
 * `投诉 落实` (CMP-11/12): the 首席代表 reports for their department. For the serious tier the report must carry
 * the department 分管领导's signed and stamped document (HARD): without it the bot opens the upload slot and
 * records nothing.
 */
export async function reportImplementation(ctx: Ctx, c: Complaint, text: string): Promise<ImplementResult> {
  requireOpen(c, '报送落实情况');
  const dept = ctx.actor.departmentCode;
  const party = dept
    ? await ctx.m.findOne(ComplaintParty, {
        where: { complaintNo: c.no, departmentCode: dept },
        order: { round: 'DESC' },
      })
    : null;
  if (!dept || !party || party.status !== '已转交' || c.status !== ST.referred) {
    throw new UserError(`${c.no} 没有转交给${dept ?? '你的部门'}待落实的处理意见。`);
  }
  if (party.serious) {
    const purpose = signedReportPurpose(dept, party.round);
    if ((await attachmentsOf(ctx, SUBJECT, c.no, purpose)).length === 0) {
      await openAttachmentSlot(ctx, SUBJECT, c.no, purpose);
      return {
        refused: `❌ 不符合规定（rule CMP-12；000 投诉处理 三(三)2）：情节较重投诉的落实情况须经进驻部门分管领导签字并加盖公章。请在10分钟内发送签字盖章件的照片或扫描件，再重新发送本命令。`,
      };
    }
  }
  await ctx.m.update(
    ComplaintParty,
    { id: party.id },
    { status: '已落实', report: text, reportedAt: ctx.now, reportedBy: ctx.actor.userid },
  );
  const closed = await closeClock(ctx, c.no, implementKind(dept), '已落实');
  if (closed.late) await ctx.m.update(ComplaintParty, { id: party.id }, { reportOverdue: true });
  await ctx.audit('complaint.implement', SUBJECT, c.no, { department: dept, round: party.round, late: closed.late });
  await ctx.send(
    { user: c.handler },
    { text: `${c.no} ${dept} 已报送落实情况${closed.late ? '（超期）' : ''}：${text}` },
    `cmp:${c.no}:r${party.round}:${dept}:report`,
  );
  const open = (await partiesOf(ctx, c.no, party.round)).filter((p) => p.status === '已转交');
  if (open.length > 0) {
    if (closed.late) await updateComplaint(ctx, c, { overdue: true }, 'complaint.overdue', { department: dept });
    return { dept, late: closed.late, allDone: false };
  }
  // 处理完毕: the 2 WD reply clock starts (CMP-15).
  // `overdue` is only ever set, never cleared (the job sets it concurrently).
  await updateComplaint(
    ctx,
    c,
    { status: ST.toReply, processedAt: ctx.now, ...(closed.late ? { overdue: true } : {}) },
    'complaint.processed',
    { round: party.round },
  );
  const d = await openClock(ctx, c.no, DL.reply, ctx.now, 2);
  return { dept, late: closed.late, allDone: true, replyDue: d.dueDate };
}
