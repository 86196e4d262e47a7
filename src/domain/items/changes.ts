import { ServiceItem } from '../../../entities/item';
import { ItemChange } from '../../../entities/item-change';
import { startApproval } from '../../approvals/engine';
import { insertRows } from '../../db';
import { openAttachmentSlot } from '../../kernel/attachments';
import type { Ctx } from '../../kernel/ctx';
import { findDepartment, findPerson } from '../../kernel/directory';
import { ruleRefusal, UserError } from '../../kernel/errors';
import { nextRecordNo } from '../../kernel/numbers';
import { instantAt, type LocalDate, localDate, yearOf } from '../../kernel/time';
import { getSetting } from '../../settings/settings';
import {
  CHANGE_KIND,
  CHANGE_TYPES,
  type ChangeType,
  findItem,
  REASONS,
  secretRefusal,
  SX,
  SX_PREFIX,
  SX_SUBJECT,
} from './model';

// 事项 调整 (000 事项动态 第二、三条; ITM-02, ITM-03, ITM-10): a department's written adjustment request, filed by
// its 首席代表, numbered SX, sent to 中心初审 (hall_office; D121). The request document may follow as a file.

export const REQUEST_FILE = '调整申请文件';

export interface ChangeInput {
  type: string;
  item: string;
  reason: string;
  effective: LocalDate;
  approvers?: string;
  code?: string;
  note?: string;
  secret?: boolean;
  department?: string;
}

function parseReason(s: string): number {
  const n = Number(s.trim().replace(/^[（(]?|[)）]$/g, ''));
  if (Number.isInteger(n) && REASONS[n]) return n;
  const hit = Object.entries(REASONS).find(([, label]) => label.startsWith(s.trim()) || s.trim().startsWith(label));
  if (hit) return Number(hit[0]);
  throw new UserError(
    `“原因=${s}”无效，应为 1–6（rule ITM-02）：${Object.entries(REASONS)
      .map(([k, v]) => `${k} ${v}`)
      .join('；')}`,
    '原因',
  );
}

/** 审批人员 (ITM-03): @mentions or names, each resolved to a directory name where possible. */
async function approverNames(ctx: Ctx, list: string): Promise<string[]> {
  const names: string[] = [];
  for (const ref of list.split(/[,，、;；\s]+/).filter(Boolean)) {
    const p = await findPerson(ctx.m, ref.replace(/^@/, '')).catch(() => null);
    names.push(p?.name ?? ref.replace(/^@/, '').slice(0, 32));
  }
  return names;
}

export async function fileChange(ctx: Ctx, a: ChangeInput): Promise<string> {
  if (a.secret) throw secretRefusal('');
  const type = CHANGE_TYPES.find((t): t is ChangeType => t === a.type.trim());
  if (!type)
    throw new UserError(
      `调整类型“${a.type}”无效，应为 新增、取消 或 变更。例：事项 调整 新增 事项=… 原因=1 生效=3月10日 审批人员=@李四`,
    );
  const reasonCode = parseReason(a.reason);
  const deptCode = a.department ?? ctx.actor.departmentCode;
  if (!deptCode) throw new UserError('无法确定部门：请加 部门=<代码>（例：部门=GA）。');
  const dept = await findDepartment(ctx.m, deptCode);
  if (!ctx.actor.roles.includes('hall_office') && ctx.actor.departmentCode !== dept.code)
    throw new UserError(`只能为本部门（${ctx.actor.departmentCode ?? '无'}）提交事项调整申请。`);
  const approvers = a.approvers?.trim() ? await approverNames(ctx, a.approvers) : [];
  if (type === '新增' && approvers.length === 0)
    throw ruleRefusal('ITM-03', '000 事项动态 第三条', '新增事项须明确审批人员。请加 审批人员=@… 后重发。', '审批人员');

  let itemName = a.item.trim().slice(0, 128);
  let itemCode = a.code?.trim().slice(0, 64) || null;
  if (type === '新增') {
    const existing =
      (itemCode && (await ctx.m.findOne(ServiceItem, { where: { code: itemCode } }))) ||
      (await ctx.m.findOne(ServiceItem, { where: { name: itemName, status: '在用' } }));
    if (existing?.status === '在用')
      throw new UserError(`“${existing.name}”（${existing.code}）已在事项清单中；如需修改请用 事项 调整 变更。`);
  } else {
    const item = await findItem(ctx.m, itemCode ?? itemName);
    if (item.departmentCode !== dept.code)
      throw new UserError(`“${item.name}”属于 ${item.departmentCode}，不是 ${dept.code} 的事项。`);
    if (type === '取消' && item.status === '已取消') throw new UserError(`“${item.name}”已取消。`);
    itemName = item.name;
    itemCode = item.code;
  }

  // OPEN #39: "及时" = within N WD of the change taking effect; a late request is still taken, and marked.
  const days = await getSetting(ctx.m, 'item.filingWorkdays');
  const due = ctx.deps.calendar.dueAt(instantAt(a.effective), days, 'WD');
  const filedLate = ctx.now.getTime() > due.at.getTime();
  const today = localDate(ctx.now);
  const no = await nextRecordNo(ctx.m, SX_PREFIX, yearOf(today));
  await insertRows(ctx.m, ItemChange, {
    no,
    departmentCode: dept.code,
    changeType: type,
    itemName,
    itemCode,
    reasonCode,
    reasonText: a.note?.trim().slice(0, 2000) || null,
    effectiveDate: a.effective,
    approvers: approvers.join('、').slice(0, 255) || null,
    filedLate,
    filedBy: ctx.actor.userid,
    status: SX.review,
    approvalNo: null,
    rejectReason: null,
    listUpdatedDate: null,
    listUpdatedBy: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  const approval = await startApproval(ctx, {
    kind: CHANGE_KIND,
    subjectType: SX_SUBJECT,
    subjectId: no,
    title: `事项调整初审 ${no}｜${type}｜${dept.code}`,
    departmentCode: dept.code,
    payload: { changeNo: no },
  });
  await ctx.m.update(ItemChange, { no }, { approvalNo: approval.no });
  await ctx.audit('item.change.file', SX_SUBJECT, no, {
    type,
    itemName,
    itemCode,
    reasonCode,
    effective: a.effective,
    filedLate,
    approval: approval.no,
  });
  await openAttachmentSlot(ctx, SX_SUBJECT, no, REQUEST_FILE);
  const lines = [
    `✅ ${no} 已提交中心初审（${approval.no}）｜${type}｜${itemName}｜原因 ${reasonCode} ${REASONS[reasonCode]}`,
  ];
  if (filedLate)
    lines.push(`⚠️ 生效 ${a.effective} 后应在${days}个工作日内（${due.date} 前）提交（rule ITM-03），已标注逾期提交。`);
  lines.push('可在10分钟内发送书面申请文件（照片或 PDF）。');
  return lines.join('\n');
}
