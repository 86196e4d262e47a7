import { Approval } from '../../entities/approval';
import { ApprovalStep } from '../../entities/approval-step';
import { ChatState } from '../../entities/chat-state';
import type { Ctx } from '../kernel/ctx';
import { personName } from '../kernel/directory';
import { UserError } from '../kernel/errors';
import { affected, insertRows } from '../db';
import { nextRecordNo } from '../kernel/numbers';
import { yearOf, localDate } from '../kernel/time';
import { chiefRepStep, decidesFor } from './approvers';
import { closeStepCard, sendStepCard } from './cards';
import { approvalKind, type StartRequest, type StepSpec } from '../kernel/approval-kind';
import { crashPoint } from '../crash-point';

// The approval engine (D12, D17): request → card → click → guarded transition →
// notify → card update. All functions run inside the caller's transaction (Ctx.m). A job-started approval
// (requester `job:<name>`, e.g. the 口头通报) has no chat: its kind tells the office itself.

const STATUS_CN = { pending: '审批中', approved: '已通过', rejected: '已驳回', withdrawn: '已撤回' } as const;
export const REJECT_REASON_TTL_MS = 10 * 60_000;

export async function loadApproval(ctx: Ctx, no: string): Promise<Approval> {
  const a = await ctx.m.findOne(Approval, { where: { no: no.toUpperCase() } });
  if (!a) throw new UserError(`没有找到审批 ${no}。发送“待办”查看你的待审批事项。`);
  return a;
}

export async function stepsOf(ctx: Ctx, a: Approval): Promise<ApprovalStep[]> {
  return ctx.m.find(ApprovalStep, { where: { approvalId: a.id }, order: { idx: 'ASC' } });
}

async function names(ctx: Ctx, ids: string[]): Promise<string> {
  return (await Promise.all(ids.map((id) => personName(ctx.m, id)))).join('、');
}

/** Start an approval; returns it with its SP number. One open approval per (kind, subject). */
export async function startApproval(ctx: Ctx, req: StartRequest): Promise<Approval> {
  const kind = approvalKind(ctx.deps.tables.approvalKinds, req.kind);
  const openKey = `${req.kind}:${req.subjectId}`.slice(0, 128);
  const existing = await ctx.m.findOne(Approval, { where: { openKey } });
  if (existing) throw new UserError(`该事项已有审批在进行中（${existing.no}），请等待处理完毕或先撤回。`);
  const no = await nextRecordNo(ctx.m, 'SP', yearOf(localDate(ctx.now)), 5);
  const draft: Partial<Approval> = {
    no,
    kind: req.kind,
    subjectType: req.subjectType,
    subjectId: req.subjectId,
    openKey,
    status: 'pending',
    step: 0,
    requester: ctx.actor.userid,
    departmentCode: req.departmentCode ?? null,
    title: req.title.slice(0, 128),
    payload: req.payload ?? {},
    createdAt: ctx.now,
    finishedAt: null,
    reason: null,
  };
  // The unique open_key makes a concurrent second start a no-op here: we then refuse it.
  if ((await insertRows(ctx.m, Approval, draft, { orIgnore: true })) !== 1) {
    // A locking read sees the winner's committed row (a plain read under MySQL's REPEATABLE READ would not).
    const winner = await ctx.m.findOne(Approval, {
      where: { openKey },
      ...(ctx.deps.db.isSqlite ? {} : { lock: { mode: 'pessimistic_read' as const } }),
    });
    throw new UserError(`该事项已有审批在进行中（${winner?.no ?? '审批中'}），请勿重复提交。`);
  }
  const a = await ctx.m.findOneOrFail(Approval, { where: { no } });
  const specs: StepSpec[] = [];
  if (req.chiefSignsFirst && req.departmentCode) {
    const chief = await chiefRepStep(ctx.m, '首席代表签字', req.departmentCode);
    // A request drafted by the 首席代表 counts as signed (docs/commands.md).
    if (!chief.approvers.includes(ctx.actor.userid)) specs.push(chief);
  }
  specs.push(...(await kind.steps(ctx, a)));
  if (specs.length === 0) throw new Error(`approval kind ${req.kind} has no steps`);
  for (const [idx, s] of specs.entries()) {
    await insertRows(ctx.m, ApprovalStep, {
      approvalId: a.id,
      idx,
      label: s.label,
      approvers: s.approvers,
      status: idx === 0 ? 'pending' : 'waiting',
      activatedAt: idx === 0 ? ctx.now : null,
      reminders: 0,
    });
  }
  const first = await ctx.m.findOneOrFail(ApprovalStep, { where: { approvalId: a.id, idx: 0 } });
  await sendStepCard(ctx, kind, a, first);
  await ctx.m.update(ApprovalStep, { id: first.id }, { taskId: first.taskId });
  await ctx.audit('approval.start', 'approval', a.no, {
    kind: req.kind,
    subject: `${req.subjectType}:${req.subjectId}`,
    steps: specs.map((s) => s.label),
  });
  return a;
}

/** Who must decide now, for replies like “待 赵 审批”. */
export async function currentDeciders(ctx: Ctx, a: Approval): Promise<string> {
  const step = await ctx.m.findOne(ApprovalStep, { where: { approvalId: a.id, idx: a.step } });
  return step ? `${step.label}（${await names(ctx, step.approvers)}）` : '';
}

export interface DecisionInput {
  decision: 'approve' | 'reject';
  reason?: string;
  /** From a card click: the response code (D12) and the task id identifying the step clicked. */
  click?: { responseCode: string; taskId: string };
}

/** Decide the current step. Guarded: a second click, or one on a finished approval, changes nothing. */
export async function decide(ctx: Ctx, no: string, input: DecisionInput): Promise<void> {
  const a = await loadApproval(ctx, no);
  if (a.status !== 'pending') {
    await ctx.reply(`已处理：${a.no} ${STATUS_CN[a.status]}。`);
    return;
  }
  const step = await ctx.m.findOneOrFail(ApprovalStep, { where: { approvalId: a.id, idx: a.step } });
  if (input.click && step.taskId && input.click.taskId !== step.taskId) {
    await ctx.reply(`已处理：${a.no} 的这一步已完成，当前为“${step.label}”。`);
    return;
  }
  const principal = await decidesFor(ctx.m, step.approvers, ctx.actor.userid, ctx.now);
  if (!principal) {
    await ctx.reply(`无权审批：${a.no} 当前由 ${await currentDeciders(ctx, a)} 处理。`);
    return;
  }
  if (input.decision === 'reject' && !input.reason?.trim()) {
    // D2: a reject click asks for the reason; the next text within 10 minutes records it.
    await ctx.m.save(ChatState, {
      userid: ctx.actor.userid,
      kind: 'reject_reason',
      data: { no: a.no, responseCode: input.click?.responseCode ?? null, taskId: input.click?.taskId ?? null },
      expiresAt: new Date(ctx.now.getTime() + REJECT_REASON_TTL_MS),
    });
    await ctx.reply(`请在10分钟内直接回复驳回 ${a.no} 的原因；或发送：审批 ${a.no} 驳回 原因=…`);
    return;
  }
  const kind = approvalKind(ctx.deps.tables.approvalKinds, a.kind);
  await kind.beforeDecision?.(ctx, a, input.decision, a.step);
  const stepDone = await ctx.m
    .createQueryBuilder()
    .update(ApprovalStep)
    .set({
      status: input.decision === 'approve' ? 'approved' : 'rejected',
      decidedBy: ctx.actor.userid,
      onBehalfOf: principal === ctx.actor.userid ? null : principal,
      decidedAt: ctx.now,
      reason: input.reason?.trim() || null,
    })
    .where('id = :id AND status = :pending', { id: step.id, pending: 'pending' })
    .execute();
  if (affected(stepDone) !== 1) {
    await ctx.reply(`已处理：${a.no} 的这一步已有人处理。`);
    return;
  }
  const proxy = principal === ctx.actor.userid ? '' : `（代 ${await personName(ctx.m, principal)}）`;
  const who = `${ctx.actor.name}${proxy}`;
  await ctx.m.delete(ChatState, { userid: ctx.actor.userid, kind: 'reject_reason' });
  await closeStepCard(
    ctx,
    a,
    step,
    `${input.decision === 'approve' ? '已同意' : '已驳回'}·${ctx.actor.name}`,
    input.click?.responseCode,
  );
  await ctx.m.update(ApprovalStep, { id: step.id }, { extra: step.extra as never });
  await ctx.audit(`approval.${input.decision}`, 'approval', a.no, {
    step: step.idx,
    label: step.label,
    onBehalfOf: principal,
    reason: input.reason ?? null,
  });

  const steps = await stepsOf(ctx, a);
  const next = steps.find((s) => s.idx === a.step + 1);
  if (input.decision === 'approve' && next) {
    const moved = await ctx.m
      .createQueryBuilder()
      .update(Approval)
      .set({ step: next.idx })
      .where('id = :id AND status = :pending AND step = :step', { id: a.id, pending: 'pending', step: a.step })
      .execute();
    if (affected(moved) !== 1) throw new Error(`approval ${a.no} moved concurrently`);
    a.step = next.idx;
    next.status = 'pending';
    next.activatedAt = ctx.now;
    const to = await sendStepCard(ctx, kind, a, next);
    crashPoint('mid-approval'); // step decided, approval moved, next card queued — none of it committed yet
    await ctx.m.update(ApprovalStep, { id: next.id }, { status: 'pending', activatedAt: ctx.now, taskId: next.taskId });
    await kind.onStepApproved?.(ctx, a, step.idx);
    const nextNames = await names(ctx, to);
    await ctx.reply(`✅ ${a.no} 已同意，送${next.label}（${nextNames}）`);
    if (a.requester !== ctx.actor.userid && !a.requester.includes(':')) {
      await ctx.send(
        { user: a.requester },
        { text: `${a.no} ${a.title}：${step.label} 已由 ${who} 同意，送${next.label}（${nextNames}）。` },
        `appr:${a.no}:s${step.idx}:requester`,
      );
    }
    return;
  }
  const status = input.decision === 'approve' ? 'approved' : 'rejected';
  const finished = await ctx.m
    .createQueryBuilder()
    .update(Approval)
    .set({ status, openKey: null, finishedAt: ctx.now, reason: input.reason?.trim() || null })
    .where('id = :id AND status = :pending AND step = :step', { id: a.id, pending: 'pending', step: a.step })
    .execute();
  if (affected(finished) !== 1) throw new Error(`approval ${a.no} finished concurrently`);
  a.status = status;
  a.reason = input.reason?.trim() || null;
  for (const s of steps.filter((s) => s.status === 'waiting'))
    await ctx.m.update(ApprovalStep, { id: s.id }, { status: 'skipped' });
  if (status === 'approved') await kind.onApproved(ctx, a);
  else await kind.onRejected(ctx, a, a.reason ?? '');
  const verdict = status === 'approved' ? '已批准' : `已驳回（原因：${a.reason}）`;
  await ctx.reply(`✅ ${a.no} ${status === 'approved' ? '已同意，审批完成' : '已驳回'}`);
  if (a.requester !== ctx.actor.userid && !a.requester.includes(':')) {
    await ctx.send(
      { user: a.requester },
      { text: `${a.no} ${a.title}：${verdict}，${step.label} ${who}。` },
      `appr:${a.no}:final:requester`,
    );
  }
  const group = kind.finalGroup?.(a);
  if (group) await ctx.send({ group }, { text: `${a.no} ${a.title}：${verdict}。` }, `appr:${a.no}:final:group`);
}

/** The requester withdraws a pending approval (`撤回`). */
export async function withdraw(ctx: Ctx, no: string): Promise<void> {
  const a = await loadApproval(ctx, no);
  if (a.requester !== ctx.actor.userid) throw new UserError(`只有申请人可以撤回 ${a.no}。`);
  if (a.status !== 'pending') {
    await ctx.reply(`已处理：${a.no} ${STATUS_CN[a.status]}，不能撤回。`);
    return;
  }
  const res = await ctx.m
    .createQueryBuilder()
    .update(Approval)
    .set({ status: 'withdrawn', openKey: null, finishedAt: ctx.now })
    .where('id = :id AND status = :pending', { id: a.id, pending: 'pending' })
    .execute();
  if (affected(res) !== 1) {
    await ctx.reply(`已处理：${a.no} 状态已变化。`);
    return;
  }
  a.status = 'withdrawn';
  const steps = await stepsOf(ctx, a);
  for (const s of steps.filter((s) => s.status === 'pending' || s.status === 'waiting')) {
    if (s.status === 'pending') {
      await closeStepCard(ctx, a, s, '已撤回', undefined);
      await ctx.m.update(ApprovalStep, { id: s.id }, { status: 'withdrawn', extra: s.extra as never });
    } else await ctx.m.update(ApprovalStep, { id: s.id }, { status: 'withdrawn' });
  }
  await approvalKind(ctx.deps.tables.approvalKinds, a.kind).onWithdrawn?.(ctx, a);
  await ctx.audit('approval.withdraw', 'approval', a.no, {});
  await ctx.reply(`✅ ${a.no} 已撤回`);
}
