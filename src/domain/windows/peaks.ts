import { PeakPlan } from '../../../entities/peak-plan';
import { startApproval } from '../../approvals/engine';
import type { Ctx } from '../../kernel/ctx';
import { personName } from '../../kernel/directory';
import { UserError } from '../../kernel/errors';
import { formLink } from '../../kernel/forms';
import { insertRows } from '../../db';
import { nextDeptRecordNo } from '../../kernel/numbers';
import { type LocalDate, localDate, shortDate, yearOf } from '../../kernel/time';
import { filingDepartment, isChief } from './common';
import { normaliseDeptRef } from './refs';
import { checkPeakNotice } from './rules';

export { peakOverlapping } from './peak-lock';
export { checklistLine } from './peak-kind';

// 业务高峰工作预案 GF… (000 高峰停办 一, 二(一); SUS-01…SUS-05; record fields OPEN #30). HARD ≥ 2 WD before the
// peak (SUS-02); chain [首席代表签字] → 大厅管理室备案; an approved plan locks the department's closures (WIN-12).

export interface PeakArgs {
  编号?: string;
  从?: LocalDate;
  到?: LocalDate;
  原因?: string;
  说明?: string;
  联系人?: string;
  联系电话?: string;
  人员安排?: string;
  宣传引导?: string;
  技术保障?: string;
  风险责任人?: string;
  秩序专人?: string;
  延时服务?: string;
  最大办理量?: number;
  已报派驻部门?: string;
}

const REQUIRED: (keyof PeakArgs)[] = ['联系人', '联系电话', '人员安排', '宣传引导', '最大办理量', '已报派驻部门'];

export async function loadPeak(ctx: Ctx, ref: string): Promise<PeakPlan> {
  const no = normaliseDeptRef(ctx, ref, ['GF']);
  const p = await ctx.m.findOne(PeakPlan, { where: { no } });
  if (!p) throw new UserError(`没有找到 ${no}。发送“高峰 列表”查看。`);
  return p;
}

function fieldsFrom(a: PeakArgs, d?: PeakPlan): Partial<PeakPlan> {
  return {
    fromDate: a.从 ?? d?.fromDate,
    toDate: a.到 ?? d?.toDate,
    reasonType: a.原因 ?? d?.reasonType,
    reason: a.说明 ?? d?.reason ?? null,
    contactName: a.联系人 ?? d?.contactName ?? null,
    contactPhone: a.联系电话 ?? d?.contactPhone ?? null,
    staffing: a.人员安排 ?? d?.staffing ?? null,
    publicity: a.宣传引导 ?? d?.publicity ?? null,
    techPerson: a.技术保障 ?? d?.techPerson ?? null,
    riskOwner: a.风险责任人 ?? d?.riskOwner ?? null,
    orderStaff: a.秩序专人 ?? d?.orderStaff ?? null,
    extendedService: a.延时服务 ?? d?.extendedService ?? null,
    dailyCapacity: a.最大办理量 ?? d?.dailyCapacity ?? null,
    reportedToParent:
      a.已报派驻部门 !== undefined ? /^(是|已报)$/.test(a.已报派驻部门.trim()) : (d?.reportedToParent ?? false),
  };
}

export async function filePeak(ctx: Ctx, a: PeakArgs): Promise<string> {
  const dept = await filingDepartment(ctx);
  let draft: PeakPlan | undefined;
  if (a.编号) {
    draft = await loadPeak(ctx, a.编号);
    if (draft.departmentCode !== dept.code || draft.status !== 'draft')
      throw new UserError(`${draft.no} 不是本部门的草稿。`);
  }
  const f = fieldsFrom(a, draft);
  if (!f.fromDate || !f.toDate || !f.reasonType)
    throw new UserError('缺少参数“从/到/原因”。例：高峰 预案 从=3月16日 到=3月20日 原因=政策');
  if (f.toDate < f.fromDate) throw new UserError(`结束日期 ${f.toDate} 早于开始日期 ${f.fromDate}。`);
  // rule SUS-02: the plan reaches 大厅管理室 ≥ 2 WD before the peak.
  checkPeakNotice(ctx.deps.calendar, ctx.now, f.fromDate);
  f.riskOwner ??= dept.chiefRep; // 二(一)4: the 首席代表 owns risk prevention
  const missing = REQUIRED.filter((k) =>
    k === '已报派驻部门' ? !f.reportedToParent : f[keyOf(k)] === null || f[keyOf(k)] === undefined,
  );
  f.status = missing.length ? 'draft' : 'pending';
  let no = draft?.no;
  if (draft) await ctx.m.update(PeakPlan, { id: draft.id }, f);
  else {
    no = await nextDeptRecordNo(ctx.m, 'GF', yearOf(localDate(ctx.now)), dept.code);
    await insertRows(ctx.m, PeakPlan, {
      ...f,
      no,
      departmentCode: dept.code,
      checklist: null,
      coordination: null,
      approvalNo: null,
      filedAt: null,
      causeClass: null,
      causeNote: null,
      createdBy: ctx.actor.userid,
      createdAt: ctx.now,
    });
  }
  if (missing.length) {
    await ctx.audit('peak_plan.draft', 'peak_plan', no!, { missing });
    const prefill: Record<string, string> = { 编号: no!, 从: f.fromDate, 到: f.toDate, 原因: f.reasonType };
    for (const [k, v] of Object.entries(a)) if (v !== undefined && typeof v !== 'object') prefill[k] = String(v);
    return `📝 ${no} 已保存草稿，缺少：${missing.join('、')}\n请填写业务高峰工作预案：${await formLink(ctx, 'peak-plan', prefill)}`;
  }
  const chief = isChief(ctx, dept);
  const approval = await startApproval(ctx, {
    kind: 'peak-plan',
    subjectType: 'peak_plan',
    subjectId: no!,
    title: `业务高峰工作预案 ${no}`,
    departmentCode: dept.code,
    payload: { peakNo: no },
    chiefSignsFirst: true,
  });
  await ctx.m.update(PeakPlan, { no }, { approvalNo: approval.no, filedAt: chief ? ctx.now : null });
  await ctx.audit('peak_plan.submit', 'peak_plan', no!, {
    from: f.fromDate,
    to: f.toDate,
    approval: approval.no,
    signed: chief,
  });
  const next = chief ? '已提交大厅管理室' : `待首席代表 ${await personName(ctx.m, dept.chiefRep)} 签字`;
  return `✅ ${no} ${next}（${shortDate(f.fromDate)}–${shortDate(f.toDate)}）\n高峰前请逐项完成准备：高峰 检查 ${no} 宣传|设备|导服|技术`;
}

function keyOf(k: keyof PeakArgs): keyof PeakPlan {
  const map: Partial<Record<keyof PeakArgs, keyof PeakPlan>> = {
    联系人: 'contactName',
    联系电话: 'contactPhone',
    人员安排: 'staffing',
    宣传引导: 'publicity',
    最大办理量: 'dailyCapacity',
  };
  return map[k]!;
}
