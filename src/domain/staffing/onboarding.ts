import { AttachmentSlot } from '../../../entities/attachment-slot';
import { Department } from '../../../entities/department';
import { StaffRecord } from '../../../entities/staff-record';
import { startApproval } from '../../approvals/engine';
import { insertRows } from '../../db';
import { attachmentsOf, openAttachmentSlot, type AttachmentHook } from '../../kernel/attachments';
import type { Ctx } from '../../kernel/ctx';
import { personName } from '../../kernel/directory';
import { UserError, onField, ruleRefusal } from '../../kernel/errors';
import { nextDeptRecordNo } from '../../kernel/numbers';
import { type LocalDate, localDate, yearOf } from '../../kernel/time';
import { getSetting } from '../../settings/settings';
import { filingDepartment, isChief, ownWindows } from '../windows/common';
import { checkNotice } from '../windows/rules';
import { CITE, PROOF, SUBJECT, TRAINING_TOPICS, loadStaffRecord, md } from './records';

// 入岗 申请 RG… (000 调整管理 三(一), 附件3; STF-02, STF-03): the department files the 入岗审批表 ≥ 5 WD before
// 入岗时间 with the pre-job training proof; without proof only a 中心领导 step can let it through. Both are
// checked when the form is submitted and when the 首席代表 signs — not at later steps (D171).

export interface OnboardingInput {
  name: string;
  window: string;
  start: LocalDate;
  idNumber?: string;
  identity?: string;
  windowKind?: string;
  /** The other 附件3 rows, keyed by their labels. */
  form: Record<string, string>;
  /** STF-03 override: why there is no training proof. */
  noProofReason?: string;
}

export interface OnboardingFiled {
  no: string;
  submitted: boolean;
  next: string;
}

/** STF-02: ≥ 5 WD before 入岗时间, 17:30 cut-off. */
export function checkOnboardingNotice(ctx: Ctx, start: LocalDate): void {
  checkNotice(ctx.deps.calendar, ctx.now, start, 5, 'STF-02', CITE.stf02, '入岗', '入岗');
}

export async function fileOnboarding(ctx: Ctx, a: OnboardingInput): Promise<OnboardingFiled> {
  const dept = await filingDepartment(ctx);
  const [w] = await onField('窗口', () => ownWindows(ctx.m, dept.code, [a.window]));
  const identities = await getSetting(ctx.m, 'staffing.identities');
  if (a.identity && !identities.includes(a.identity))
    throw new UserError(`人员身份“${a.identity}”无效，可选：${identities.join('、')}（OPEN #31）。`, '人员身份');
  if (a.idNumber && !/^\d{17}[\dX]$/.test(a.idNumber))
    throw new UserError('身份证号应为18位（最后一位可为X）。', '身份证');
  checkOnboardingNotice(ctx, a.start);
  const no = await nextDeptRecordNo(ctx.m, 'RG', yearOf(localDate(ctx.now)), dept.code);
  await insertRows(ctx.m, StaffRecord, {
    no,
    kind: '入岗',
    departmentCode: dept.code,
    userid: null,
    name: a.name,
    windowNumber: w.number,
    idNumber: a.idNumber ?? null,
    identity: a.identity ?? null,
    windowKind: a.windowKind ?? w.kind ?? null,
    form: a.form,
    startDate: a.start,
    endDate: null,
    otherUserid: null,
    reasonCode: null,
    reason: null,
    noProofReason: a.noProofReason ?? null,
    status: 'draft',
    approvalNo: null,
    handover: null,
    confirmedAt: null,
    doneAt: null,
    createdBy: ctx.actor.userid,
    createdAt: ctx.now,
  });
  await ctx.audit('staff_record.create', SUBJECT, no, { kind: '入岗', window: w.number, start: a.start });
  if (a.noProofReason) {
    const next = await submitOnboarding(ctx, await loadStaffRecord(ctx, no, 'RG'));
    return { no, submitted: true, next };
  }
  await openAttachmentSlot(ctx, SUBJECT, no, PROOF);
  return { no, submitted: false, next: `请在10分钟内发送${PROOF}（${TRAINING_TOPICS}）照片或文件，收到即提交` };
}

/** STF-03: proof attached, or a written reason for the 中心领导 step. */
export async function checkTrainingProof(ctx: Ctx, r: StaffRecord): Promise<void> {
  if (r.noProofReason) return;
  if ((await attachmentsOf(ctx, SUBJECT, r.no, PROOF)).length) return;
  throw ruleRefusal(
    'STF-03',
    CITE.stf03,
    `无培训材料证明，原则上不予审核通过。请发送${PROOF}（${TRAINING_TOPICS}），或写明 无材料理由=… 由中心领导审批。`,
  );
}

/** Send a draft RG to its chain: the 首席代表 signs first unless they filed it (docs/commands.md). */
export async function submitOnboarding(ctx: Ctx, r: StaffRecord): Promise<string> {
  if (r.status !== 'draft') throw new UserError(`${r.no} 已提交（${r.approvalNo ?? r.status}）。`);
  checkOnboardingNotice(ctx, r.startDate!);
  await checkTrainingProof(ctx, r);
  const approval = await startApproval(ctx, {
    kind: 'onboarding',
    subjectType: SUBJECT,
    subjectId: r.no,
    title: `进驻人员入岗审批 ${r.no}`,
    departmentCode: r.departmentCode,
    payload: { recordNo: r.no },
    chiefSignsFirst: true,
  });
  await ctx.m.update(StaffRecord, { id: r.id }, { status: 'pending', approvalNo: approval.no });
  await ctx.audit('staff_record.submit', SUBJECT, r.no, { approval: approval.no, noProof: r.noProofReason });
  return nextStepText(ctx, r.departmentCode, '送大厅管理室审批');
}

/** `送大厅管理室…` when the 首席代表 filed it (their submission is the signature), else whose signature waits. */
export async function nextStepText(ctx: Ctx, code: string, afterChief: string): Promise<string> {
  const d = await ctx.m.findOneOrFail(Department, { where: { code } });
  return isChief(ctx, d) ? afterChief : `待首席代表 ${await personName(ctx.m, d.chiefRep)} 签字`;
}

/** `入岗 提交 <RG号> [无材料理由=]`: submit a draft whose proof came later, or without proof for a leader. */
export async function resubmitOnboarding(ctx: Ctx, ref: string, noProofReason?: string): Promise<OnboardingFiled> {
  const r = await loadStaffRecord(ctx, ref, 'RG');
  if (noProofReason) {
    await ctx.m.update(StaffRecord, { id: r.id }, { noProofReason });
    r.noProofReason = noProofReason;
  }
  // The STF-03 refusal still leaves the slot open (UserError.keep), so the proof can follow it.
  if (!r.noProofReason && (await attachmentsOf(ctx, SUBJECT, r.no, PROOF)).length === 0) {
    const slot = { userid: ctx.actor.userid, ownerType: SUBJECT, ownerId: r.no, purpose: PROOF };
    const expiresAt = new Date(ctx.now.getTime() + 10 * 60_000);
    ctx.keep.push(async (m) => void (await m.save(AttachmentSlot, { ...slot, expiresAt })));
  }
  return { no: r.no, submitted: true, next: await submitOnboarding(ctx, r) };
}

/** The training proof sent into the RG slot submits the draft (D6 slot, STF-03). */
export const trainingProofHook: AttachmentHook = {
  ownerType: SUBJECT,
  purpose: PROOF,
  async afterAttach(ctx, ownerId) {
    const r = await ctx.m.findOne(StaffRecord, { where: { no: ownerId } });
    if (!r || r.kind !== '入岗' || r.status !== 'draft') return;
    const next = await submitOnboarding(ctx, r);
    await ctx.reply(`✅ ${r.no} 已提交，${next}（${r.name} 入岗 ${md(r.startDate)}）`);
  },
};
