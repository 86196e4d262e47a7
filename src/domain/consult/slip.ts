import { ServiceCase } from '../../../entities/case';
import { ServiceItem } from '../../../entities/item';
import type { Ctx } from '../../kernel/ctx';
import { personName } from '../../kernel/directory';
import { UserError } from '../../kernel/errors';
import { maskPhone, seesPersonalData } from '../../kernel/mask';
import { hasRole } from '../../kernel/permissions';
import { normaliseRecordRef } from '../../kernel/numbers';
import type { PrintForm, RecordKind, RecordRow } from '../../kernel/record-kind';
import { localDate, localStamp, yearOf } from '../../kernel/time';
import { CASE_PREFIX, CASE_SUBJECT } from './case-ref';
import { handovers } from './handover';

// 《材料证照流转单》 (CAS-14; 002 运行规范 第十一、十二条 name it without a field list, OPEN #48): one per 办件,
// numbered `LZ` + the case's own year and sequence (LZ2026-01234 travels with AJ2026-01234, D133), filled from
// the case and its 交接 events, printed by `导出 表单 LZ…` (REC-08). It is a view of the case, so it has no
// correctable fields of its own: the case's events are corrected where they are recorded.

export const SLIP_PREFIX = 'LZ';

const caseNoOf = (slipNo: string) => `${CASE_PREFIX}${slipNo.slice(SLIP_PREFIX.length)}`;
const slipNoOf = (caseNo: string) => `${SLIP_PREFIX}${caseNo.slice(CASE_PREFIX.length)}`;

/** A full-width space between the parts of a printed cell, as on paper forms. */
const GAP = '\u3000';

const RESULT: Record<string, string> = { 不予受理: '不予许可', 已撤回: '审批不通过（撤回）' };

async function slipRows(ctx: Ctx, rec: RecordRow) {
  const c = rec.row as unknown as ServiceCase;
  const item = await ctx.m.findOne(ServiceItem, { where: { id: c.itemId } });
  const stamps = await handovers(ctx, c.no);
  const stage = (s: string) => stamps.find((e) => e.detail.stage === s);
  const sign = async (who: string | null | undefined, at: Date | null | undefined) =>
    who && at ? `${await personName(ctx.m, who)}${GAP}${localStamp(at)}` : '';
  const toDept = stage('审批');
  const toDesk = stage('出件');
  const phone = seesPersonalData(ctx.actor.roles) ? (c.applicantPhone ?? '') : maskPhone(c.applicantPhone);
  const materials = toDept?.detail.materials ?? (item?.materials?.length ? item.materials.join('、') : '');
  const result = RESULT[c.status] ? `${RESULT[c.status]}${c.result ? `：${c.result}` : ''}` : (c.result ?? '');
  return [
    { label: '1 流转单号', value: rec.no },
    {
      label: '2 事项名称 · 办件编号',
      value: `${c.itemName}${GAP}${c.no}${c.platformNo ? `（平台 ${c.platformNo}）` : ''}`,
    },
    { label: '3 申请人 · 联系电话', value: `${c.applicant}${GAP}${phone}` },
    { label: '4 件类型', value: `${c.type}件` },
    {
      label: '5 受理时间 · 承诺时限 · 到期日',
      value: `${c.acceptedAt ? localStamp(c.acceptedAt) : '未受理'}${GAP}${c.limitWd}个工作日${GAP}${c.dueDate ?? ''}`,
    },
    { label: '6 材料清单及份数', value: materials },
    { label: '7 综窗受理人签字 · 时间', value: await sign(c.firstResponder, c.acceptedAt) },
    { label: '8 审批部门接收人签字 · 时间', value: await sign(toDept?.detail.receiver, toDept?.at) },
    { label: '9 办理结果', value: `${result}${c.licenceNo ? `${GAP}${c.licenceNo}` : ''}` },
    { label: '10 出件窗口接收人签字 · 时间', value: await sign(toDesk?.detail.receiver, toDesk?.at) },
    { label: '11 领取方式', value: c.deliveryMethod === '专递' ? '政务专递' : (c.deliveryMethod ?? '') },
    { label: '12 领取人签字 · 时间 或 EMS 单号', value: c.deliveredAt ? localStamp(c.deliveredAt) : '' },
  ];
}

export const caseSlipForm: PrintForm = {
  title: '材料证照流转单',
  rows: slipRows,
  signatures: [],
  note: '注：一件一单，随材料流转；每次交接由接收人签字并注明时间（002 运行规范 第十一条）。',
  copies: ['随件流转'],
};

export const caseSlipRecord: RecordKind = {
  prefix: SLIP_PREFIX,
  label: '材料证照流转单',
  subjectType: CASE_SUBJECT,
  normalise: (ctx, ref) => Promise.resolve(normaliseRecordRef(ref, SLIP_PREFIX, yearOf(localDate(ctx.now)), 5)),
  async load(ctx, no) {
    const c = await ctx.m.findOne(ServiceCase, { where: { no: caseNoOf(no) } });
    return c ? { no, departmentCode: c.departmentCode, status: c.status, row: c as never, aliases: [c.no] } : null;
  },
  async numbers(ctx) {
    const rows = await ctx.m.find(ServiceCase, { select: { no: true } });
    return rows.map((r) => slipNoOf(r.no));
  },
  // The slip travels through the 综窗, the 审批部门 and 统一出件: any of them, and the receiver, may read it.
  async assertMayView(ctx, rec) {
    const c = rec.row as unknown as ServiceCase;
    if (seesPersonalData(ctx.actor.roles) || hasRole(ctx.actor, 'provider')) return;
    if (c.firstResponder === ctx.actor.userid || c.departmentCode === ctx.actor.departmentCode) return;
    const named = (await handovers(ctx, c.no)).some((e) => e.detail.receiver === ctx.actor.userid);
    if (!named) throw new UserError(`你不能查看 ${rec.no}（只限综窗、审批部门和大厅管理室）。`);
  },
  fields: [],
  printForm: caseSlipForm,
};
