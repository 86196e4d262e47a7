import { HallWindow } from '../../../entities/window';
import { PEAK_CHECKS, type CheckMark, type PeakPlan } from '../../../entities/peak-plan';
import type { Suspension } from '../../../entities/suspension';
import type { Ctx } from '../../kernel/ctx';
import { personName } from '../../kernel/directory';
import type { PrintForm } from '../../kernel/record-kind';
import { localDate } from '../../kernel/time';
import { fullCnDate } from '../../reports/official-doc';
import { SIGN_LABEL } from '../windows/closure-kind';
import { COPIES, NOTE, deptName, span, windowsText } from './window-forms';

// The printed forms of 000 高峰停办 (REC-08): its 附件 业务临时停办登记备案表 with the seed's rows, labels and
// 注 (一式两份); and the 业务高峰工作预案, which the seed requires (二(一)1) but gives no form for, laid out from
// the items 二(一)1–7 name, as a department filing to 大厅管理室 under the same 注 (D216).

const GAP = '\u3000';
const FILED = ['大厅管理室备案'];
const day = (at: Date) => fullCnDate(localDate(at));
const contact = (name: string | null, phone: string | null) => [name, phone].filter(Boolean).join(GAP);

/** 保障措施: the 2–3 consultation staff with phones (SUS-08) and how far the public notice got (SUS-07). */
function safeguards(s: Suspension): string {
  const staff = (s.consultants ?? []).map((c) => `${c.name} ${c.phone}`).join('、');
  const published = s.publicityAt
    ? `已于${day(s.publicityAt)}通过媒体/公众号发布${s.publicityNote ? `（${s.publicityNote}）` : ''}`
    : '尚未报送发布情况';
  const notified = s.notifiedAt ? `\n大厅管理室已于${day(s.notifiedAt)}告知群众和导服人员` : '';
  return `负责停办业务咨询人员及咨询电话：${staff}\n宣传告知：${published}${notified}`;
}

/** 业务临时停办登记备案表 (000 高峰停办 附件). */
export const suspensionPrintForm: PrintForm = {
  title: '业务临时停办登记备案表',
  async rows(ctx, rec) {
    const s = rec.row as unknown as Suspension;
    const reason = [s.reason, s.docNo ? `证明文件文号：${s.docNo}` : '', s.workPlan ? `工作预案：${s.workPlan}` : ''];
    return [
      { label: '申请单位', value: await deptName(ctx, s.departmentCode) },
      { label: '业务临时停办事由（应提供证明文件文号）及具体内容', value: reason.filter(Boolean).join('\n') },
      { label: '窗口位置编号', value: windowsText(s.windows) },
      { label: '起止时间', value: span(s.fromDate, s.toDate) },
      {
        label: '保障措施（包括负责停办业务咨询人员及咨询电话、宣传告知工作落实情况等）',
        value: safeguards(s),
      },
    ];
  },
  signatures: [
    { label: '进驻部门（单位）意见', steps: [SIGN_LABEL], applicant: true },
    { label: '旗政务服务中心大厅管理室意见', steps: FILED },
  ],
  onePage: true, // the seed's 附件 is one page
  rowsAfter(_ctx, rec) {
    const s = rec.row as unknown as Suspension;
    return Promise.resolve([
      { label: '申请部门（单位）联系人及电话', value: contact(s.contactName, s.contactPhone) },
      { label: '备注', value: s.remark ?? '' },
    ]);
  },
  note: NOTE,
  copies: COPIES,
};

async function departmentWindows(ctx: Ctx, code: string): Promise<string> {
  const ws = await ctx.m.find(HallWindow, { where: { departmentCode: code }, order: { number: 'ASC' } });
  const open = ws.filter((w) => w.status !== '季节性').map((w) => w.number);
  return open.length ? `全部开放：${windowsText(open)}，启用全部自助设备` : '启用全部自助设备';
}

async function checks(ctx: Ctx, marks: Record<string, CheckMark> | null): Promise<string> {
  const lines: string[] = [];
  for (const k of PEAK_CHECKS) {
    const m = marks?.[k];
    if (!m) continue;
    const when = fullCnDate(m.at.slice(0, 10));
    lines.push(`${k}：${when} ${await personName(ctx.m, m.by)}${m.note ? `（${m.note}）` : ''}`);
  }
  return lines.join('\n');
}

/** 业务高峰工作预案 (000 高峰停办 二(一)1–7; no seed form, D216). */
export const peakPrintForm: PrintForm = {
  title: '业务高峰工作预案',
  async rows(ctx, rec) {
    const p = rec.row as unknown as PeakPlan;
    const owner = p.riskOwner ? await personName(ctx.m, p.riskOwner) : '';
    return [
      { label: '申请单位', value: await deptName(ctx, p.departmentCode) },
      { label: '联系人及电话', value: contact(p.contactName, p.contactPhone) },
      { label: '业务高峰原因', value: [p.reasonType, p.reason].filter(Boolean).join('：') },
      { label: '起止时间', value: span(p.fromDate, p.toDate) },
      { label: '职责分工及人员安排（含派驻部门抽调人员）', value: p.staffing ?? '' },
      { label: '报派驻部门情况', value: p.reportedToParent ? '已报派驻部门（单位）' : '未报派驻部门（单位）' },
      { label: '宣传及分流引导措施', value: p.publicity ?? '' },
      { label: '设备、系统、网络检查及技术保障人员', value: p.techPerson ? `技术保障人员：${p.techPerson}` : '' },
      { label: '风险问题防范责任人', value: owner },
      { label: '开放窗口及自助设备', value: await departmentWindows(ctx, p.departmentCode) },
      { label: '秩序维护、人员疏导及业务咨询专人', value: p.orderStaff ?? '' },
      { label: '延时服务安排', value: p.extendedService ?? '' },
      { label: '每日最多可办理业务数量', value: p.dailyCapacity === null ? '' : `${p.dailyCapacity}件` },
      { label: '高峰前准备落实情况（宣传、设备、导服、技术）', value: await checks(ctx, p.checklist) },
    ];
  },
  signatures: [
    { label: '进驻部门（单位）意见', steps: [SIGN_LABEL], applicant: true },
    { label: '旗政务服务中心大厅管理室意见', steps: FILED },
  ],
  note: NOTE,
  copies: COPIES,
};
