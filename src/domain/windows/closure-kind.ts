import { ApprovalStep } from '../../../entities/approval-step';
import type { Approval } from '../../../entities/approval';
import { WindowClosure } from '../../../entities/window-closure';
import { roleStep } from '../../approvals/approvers';
import type { ApprovalKind, StepSpec } from '../../kernel/approval-kind';
import { attachmentsOf } from '../../kernel/attachments';
import type { Ctx } from '../../kernel/ctx';
import { chiefRepOf, personName } from '../../kernel/directory';
import { UserError } from '../../kernel/errors';
import { shortDate } from '../../kernel/time';
import { capLine, capUsage, closureHardChecks } from './closure-checks';
import { applyClosure, applyReopen } from './closure-lifecycle';
import { windowsByNumber } from './common';
import { PROOF, checkClosureNotice, checkReopenNotice, windowsLabel } from './rules';

// Approval kind `window-closure` — 窗口临时关闭（重启）申请 (附件2 rows 8–10; WIN-05, WIN-09, WIN-10):
// [首席代表签字 if drafted by staff] → 大厅管理室审核 (any member, first click wins) → 有关负责人签字 (D20)
// [→ 中心领导批准超限 when 超限理由 was given, OPEN #28].

export const SIGN_LABEL = '首席代表签字';

async function closureOf(ctx: Ctx, a: Approval): Promise<WindowClosure> {
  return ctx.m.findOneOrFail(WindowClosure, { where: { no: a.subjectId } });
}

async function stepLabel(ctx: Ctx, a: Approval, idx: number): Promise<string> {
  return (await ctx.m.findOneOrFail(ApprovalStep, { where: { approvalId: a.id, idx } })).label;
}

const range = (c: WindowClosure) =>
  c.type === '临时关闭'
    ? `${shortDate(c.fromDate)}–${shortDate(c.toDate ?? c.fromDate)}`
    : `${shortDate(c.fromDate)}起`;

export const windowClosureKind: ApprovalKind = {
  kind: 'window-closure',
  async steps(ctx, a) {
    const c = await closureOf(ctx, a);
    const steps: StepSpec[] = [
      await roleStep(ctx.m, '大厅管理室审核', 'hall_office'),
      await roleStep(ctx.m, '有关负责人签字', 'leader', '有关负责人'),
    ];
    if (c.overrideReason) steps.push(await roleStep(ctx.m, '中心领导批准超限', 'leader'));
    return steps;
  },
  async card(ctx, a) {
    const c = await closureOf(ctx, a);
    const proofs = (await attachmentsOf(ctx, 'window_closure', c.no, PROOF)).length;
    const proof = proofs ? `${proofs}份${c.proofNote ? `；${c.proofNote}` : ''}` : (c.proofNote ?? '未上传（请核实）');
    const m = c.measures ?? {};
    if (c.type !== '临时关闭') {
      return {
        subTitle: `事由：${c.reason}`,
        fields: [
          { key: '窗口', value: `${c.departmentCode} ${windowsLabel(c.windows)}` },
          { key: '类型', value: c.type === '重启' ? '重启（收回后）' : '固定时间、季节重启' },
          { key: '重启日期', value: c.fromDate },
          { key: '证明材料', value: proof },
        ],
      };
    }
    const usage = await capUsage(ctx, c.departmentCode, c.windows, c.fromDate, c.toDate!, {
      includePending: false,
      excludeNo: c.no,
    });
    return {
      subTitle: `事由：${c.reason}｜宣传告知：${m.宣传告知 ?? '—'}｜高峰应对：${m.高峰应对 ?? '—'}${c.softReasons ? `｜说明：${Object.values(c.softReasons).join('；')}` : ''}`,
      fields: [
        { key: '窗口', value: `${c.departmentCode} ${windowsLabel(c.windows)}` },
        { key: '时间段', value: range(c) },
        { key: '证明材料', value: proof },
        { key: '联络人', value: `${m.联络人 ?? '—'} ${m.联络电话 ?? ''}`.trim() },
        { key: '咨询人员', value: `${m.咨询人员 ?? '—'} ${m.咨询电话 ?? ''}`.trim() },
        c.overrideReason ? { key: '超限理由', value: c.overrideReason } : { key: '上限', value: capLine(usage) },
      ],
    };
  },
  async beforeDecision(ctx, a, decision, stepIdx) {
    if (decision !== 'approve') return;
    const c = await closureOf(ctx, a);
    const signing = (await stepLabel(ctx, a, stepIdx)) === SIGN_LABEL;
    if (c.type !== '临时关闭') {
      // The 5-WD notice counts at the moment the signed form reaches 大厅管理室 (000 调整管理 二(二)2(1) "经首席代表签字…后送
      // 旗政务服务中心审核").
      if (signing) checkReopenNotice(ctx.deps.calendar, ctx.now, c.fromDate, c.type === '季节重启');
      return;
    }
    const windows = await windowsByNumber(ctx.m, c.windows);
    if (signing) checkClosureNotice(ctx.deps.calendar, ctx.now, c.fromDate);
    // Later clicks re-check only the cap (WIN-04) and the peak lock (WIN-12), on approved closures.
    await closureHardChecks(
      ctx,
      {
        departmentCode: c.departmentCode,
        windows,
        from: c.fromDate,
        to: c.toDate!,
        overrideReason: c.overrideReason,
        excludeNo: c.no,
      },
      !signing,
    );
  },
  async onStepApproved(ctx, a, stepIdx) {
    if ((await stepLabel(ctx, a, stepIdx)) !== SIGN_LABEL) return;
    const c = await closureOf(ctx, a);
    await ctx.m.update(WindowClosure, { id: c.id }, { filedAt: ctx.now });
    await ctx.audit('window_closure.signed', 'window_closure', c.no, { by: ctx.actor.userid });
  },
  async onApproved(ctx, a) {
    const c = await closureOf(ctx, a);
    if (c.status !== 'pending') throw new UserError(`${c.no} 状态已变化（${c.status}）。`);
    if (c.type === '临时关闭') await applyClosure(ctx, c);
    else await applyReopen(ctx, c);
  },
  async onRejected(ctx, a, reason) {
    const c = await closureOf(ctx, a);
    await ctx.m.update(WindowClosure, { id: c.id }, { status: 'rejected', decidedAt: ctx.now });
    await ctx.audit('window_closure.rejected', 'window_closure', c.no, { reason });
    const chief = await chiefRepOf(ctx.m, c.departmentCode).catch(() => undefined);
    if (chief && chief.userid !== a.requester) {
      await ctx.send(
        { user: chief.userid },
        {
          text: `${c.no} ${windowsLabel(c.windows)} ${range(c)} 已被驳回（${await personName(ctx.m, ctx.actor.userid)}）：${reason}`,
        },
        `gb:${c.no}:rejected:chief`,
      );
    }
  },
  async onWithdrawn(ctx, a) {
    const c = await closureOf(ctx, a);
    await ctx.m.update(WindowClosure, { id: c.id }, { status: 'withdrawn' });
    await ctx.audit('window_closure.withdrawn', 'window_closure', c.no, {});
  },
};
