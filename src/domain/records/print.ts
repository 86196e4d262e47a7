import { Approval } from '../../../entities/approval';
import { ApprovalStep } from '../../../entities/approval-step';
import type { Ctx } from '../../kernel/ctx';
import { personName } from '../../kernel/directory';
import { UserError } from '../../kernel/errors';
import type { PrintForm, PrintRow, RecordRow } from '../../kernel/record-kind';
import { localDate, localTime } from '../../kernel/time';
import { fullCnDate } from '../../reports/official-doc';
import type { FormCopy } from '../../reports/form-docx';
import { assertMayView, type FoundRecord } from './find';

/** A full-width space between the parts of a printed cell, as typed on paper forms. */
const GAP = '\u3000';

// `导出 表单 <号>` (REC-08): a record's seed form as label/value rows plus its approval trail — each step's signer
// (代 for a delegate, DIR-02), decision, time and reason — ready for the shared renderer (src/reports/form-docx.ts).

const DECISION: Record<string, string> = { approved: '同意', rejected: '驳回', withdrawn: '撤回' };

const stamp = (at: Date) => `${fullCnDate(localDate(at))} ${localTime(at)}`;

async function stepText(ctx: Ctx, s: ApprovalStep): Promise<string> {
  const decided = DECISION[s.status];
  if (!decided || !s.decidedBy || !s.decidedAt) return '（未签）';
  const signer = await personName(ctx.m, s.decidedBy);
  const behalf = s.onBehalfOf && s.onBehalfOf !== s.decidedBy ? `（代 ${await personName(ctx.m, s.onBehalfOf)}）` : '';
  const reason = s.reason ? `\n意见：${s.reason}` : '';
  return `${decided}\n签字：${signer}${behalf}${GAP}${stamp(s.decidedAt)}${reason}`;
}

/** When the department signed: the submission of a draft it kept (filedAt), else the filing itself. */
function signedAt(rec: RecordRow): Date | null {
  const { filedAt, createdAt } = rec.row;
  if (filedAt instanceof Date) return filedAt;
  return createdAt instanceof Date ? createdAt : null;
}

/** The trail rows: the declared signature rows in order, then any step the form has no row for (中心领导审批). */
async function trailRows(ctx: Ctx, form: PrintForm, rec: RecordRow): Promise<PrintRow[]> {
  const subjectId = form.approvalSubject ? form.approvalSubject(rec) : rec.no;
  const approval = await ctx.m.findOne(Approval, { where: { subjectId }, order: { id: 'DESC' } });
  const steps = approval
    ? await ctx.m.find(ApprovalStep, { where: { approvalId: approval.id }, order: { idx: 'ASC' } })
    : [];
  const used = new Set<number>();
  const rows: PrintRow[] = [];
  for (const sig of form.signatures) {
    const step = steps.find((s) => sig.steps.includes(s.label));
    if (step) {
      used.add(step.id);
      rows.push({ label: sig.label, value: await stepText(ctx, step) });
    } else if (sig.applicant && typeof rec.row.createdBy === 'string' && signedAt(rec)) {
      // The 首席代表 filed it: the filing itself is the department's signature (000 调整管理 二(二)2(1)).
      const who = await personName(ctx.m, rec.row.createdBy);
      rows.push({ label: sig.label, value: `同意\n签字：${who}${GAP}${stamp(signedAt(rec)!)}` });
    } else {
      rows.push({ label: sig.label, value: '' });
    }
  }
  for (const s of steps) if (!used.has(s.id)) rows.push({ label: s.label, value: await stepText(ctx, s) });
  return rows;
}

export async function printableForm(ctx: Ctx, f: FoundRecord): Promise<FormCopy> {
  await assertMayView(ctx, f);
  const form = f.kind.printForm;
  if (!form || (form.appliesTo && !form.appliesTo(f.rec))) {
    const printable = ctx.deps.tables.recordKinds.filter((k) => k.printForm).map((k) => `${k.prefix}（${k.label}）`);
    throw new UserError(`${f.rec.no}（${f.kind.label}）没有可打印的表单。可导出表单的记录：${printable.join('、')}`);
  }
  return {
    title: form.title,
    no: f.rec.no,
    headerLine: form.headerLine ? await form.headerLine(ctx, f.rec) : undefined,
    rows: [
      ...(await form.rows(ctx, f.rec)),
      ...(await trailRows(ctx, form, f.rec)),
      ...(form.rowsAfter ? await form.rowsAfter(ctx, f.rec) : []),
    ],
    note: form.note,
    copies: [...form.copies],
  };
}
