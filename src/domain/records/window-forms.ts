import { Department } from '../../../entities/department';
import type { WindowChange } from '../../../entities/window-change';
import type { WindowClosure } from '../../../entities/window-closure';
import type { Ctx } from '../../kernel/ctx';
import type { PrintForm } from '../../kernel/record-kind';
import { fullCnDate } from '../../reports/official-doc';

/** A full-width space between the parts of a printed cell, as typed on paper forms. */
const GAP = '\u3000';

// The printed 附件1 and 附件2 of 000 调整管理 (REC-08): rows and labels exactly as the seed forms, 一式两份.

export const NOTE = '注：此表一式两份，进驻部门（单位）、旗政务服务中心大厅管理室各存档一份。';
export const COPIES = ['第一联　进驻部门（单位）存档', '第二联　旗政务服务中心大厅管理室存档'];
export const OFFICE = ['大厅管理室审核'];
const LEADER = ['有关负责人签字'];

export async function deptName(ctx: Ctx, code: string): Promise<string> {
  return (await ctx.m.findOne(Department, { where: { code } }))?.name ?? code;
}

export const windowsText = (ws: readonly string[]) => `${ws.map((w) => `${w}号窗`).join('、')}（共${ws.length}个）`;
export const span = (from: string, to: string | null) =>
  to && to !== from ? `${fullCnDate(from)}至${fullCnDate(to)}` : fullCnDate(from);

/** 旗政务服务中心窗口临时关闭（重启）申请表 (000 调整管理 附件2). */
export const closurePrintForm: PrintForm = {
  title: '旗政务服务中心窗口临时关闭（重启）申请表',
  async rows(ctx, rec) {
    const c = rec.row as unknown as WindowClosure;
    const m = c.measures ?? {};
    const measures = [
      m.联络人 || m.联络电话 ? `联络人：${m.联络人 ?? ''}${GAP}联络电话：${m.联络电话 ?? ''}` : '',
      m.咨询人员 || m.咨询电话 ? `业务咨询人员：${m.咨询人员 ?? ''}${GAP}咨询电话：${m.咨询电话 ?? ''}` : '',
      m.宣传告知 ? `宣传告知：${m.宣传告知}` : '',
      m.高峰应对 ? `业务高峰应对措施：${m.高峰应对}` : '',
    ].filter(Boolean);
    const period = '时间段';
    return [
      { label: '部门（单位）名称', value: await deptName(ctx, c.departmentCode) },
      {
        label: '事由（需提供证明材料或文件）',
        value: c.proofNote ? `${c.reason}\n证明材料：${c.proofNote}` : c.reason,
      },
      { label: '窗口位置编号', value: windowsText(c.windows) },
      { group: period, label: '临时关闭', value: c.type === '临时关闭' ? span(c.fromDate, c.toDate) : '' },
      { group: period, label: '重启', value: c.type === '重启' ? fullCnDate(c.fromDate) : '' },
      { group: period, label: '固定时间、季节重启', value: c.type === '季节重启' ? fullCnDate(c.fromDate) : '' },
      {
        label: '保障措施（包括联络人及联络电话、业务咨询人员及咨询电话、宣传告知、业务高峰应对措施等情况）',
        value: measures.join('\n'),
      },
    ];
  },
  signatures: [
    { label: '申请部门（单位）意见（分管领导或首席代表签字）', steps: ['首席代表签字'], applicant: true },
    { label: '旗政务服务中心大厅管理室意见', steps: OFFICE },
    { label: '旗政务服务中心有关负责人签字', steps: LEADER },
  ],
  onePage: true,
  note: NOTE,
  copies: COPIES,
};

/** 旗政务服务中心窗口变更登记备案表 (000 调整管理 附件1). */
export const changePrintForm: PrintForm = {
  title: '旗政务服务中心窗口变更登记备案表',
  headerLine: async (ctx, rec) => `部门（单位）：${await deptName(ctx, rec.departmentCode ?? '')}`,
  rows(_ctx, rec) {
    const c = rec.row as unknown as WindowChange;
    return Promise.resolve([
      { label: '变更原因（新增或调减）', value: c.reason ? `${c.changeType}：${c.reason}` : c.changeType },
      { label: '新增（调减）窗口位置（编号）及数量', value: windowsText(c.windows) },
      { label: '新增（调减）窗口起始日期', value: fullCnDate(c.startDate) },
      { label: '窗口办理业务内容（幅面不够可附表）', value: c.business },
      { label: '自带（撤离）设施设备', value: c.equipment ?? '' },
    ]);
  },
  signatures: [
    { label: '申请部门（单位）意见（首席代表签字）', steps: ['首席代表签字'], applicant: true },
    { label: '旗政务服务中心大厅管理室意见', steps: OFFICE },
    { label: '旗政务服务中心有关负责人签字', steps: LEADER },
  ],
  onePage: true,
  note: NOTE,
  copies: COPIES,
};
