import type { StaffRecord } from '../../../entities/staff-record';
import { STF01_REASONS } from '../../directory/edits';
import type { PrintForm, RecordRow } from '../../kernel/record-kind';
import { fullCnDate } from '../../reports/official-doc';
import { idShown } from './records';

// The printed 附件3 and 附件4 of 000 调整管理 (REC-08): rows in the seed forms' order and labels, 一式两份 as their
// 备注 says (工作单位保存一份，政务服务局留档一份). The 身份证号 prints masked for those without the right (D18).

const COPIES = ['第一联　工作单位保存', '第二联　政务服务局留档'];
const PERSONAL = ['性别', '民族', '出生年月', '政治面貌', '学历', '联系方式', '毕业学校及专业'];
const date = (d: string | null) => (d ? fullCnDate(d) : '');

function personalRows(ctx: Parameters<PrintForm['rows']>[0], r: StaffRecord, idLabel: string) {
  return [
    { label: '姓名', value: r.name },
    ...PERSONAL.map((k) => ({ label: k, value: r.form[k] ?? '' })),
    { label: idLabel, value: idShown(ctx, r.idNumber) },
    { label: '人员身份', value: r.identity ?? '' },
    { label: '工作单位及职务', value: r.form['工作单位及职务'] ?? '' },
  ];
}

const rec = (x: RecordRow) => x.row as unknown as StaffRecord;

/** 旗政务服务中心进驻人员入岗审批表 (附件3). */
export const onboardingPrintForm: PrintForm = {
  title: '旗政务服务中心进驻人员入岗审批表',
  rows(ctx, x) {
    const r = rec(x);
    return Promise.resolve([
      ...personalRows(ctx, r, '身份证号'),
      { label: '主要工作职责', value: r.form['主要工作职责'] ?? '' },
      { label: '窗口类型', value: r.windowKind ?? '' },
      { label: '服务事项', value: r.form['服务事项'] ?? '' },
      { label: '入岗时间', value: date(r.startDate) },
    ]);
  },
  signatures: [
    { label: '工作单位审批意见', steps: ['首席代表签字'], applicant: true },
    { label: '政务服务中心审批意见', steps: ['政务服务中心审批', '中心领导审批（无培训材料）'] },
  ],
  onePage: true,
  note: '备注：此表一式两份，工作单位保存一份，政务服务局留档一份。',
  copies: COPIES,
};

/** 旗政务服务中心进驻人员离岗审批表 (附件4 = 政务大厅工作人员离岗审批表). */
export const offboardingPrintForm: PrintForm = {
  title: '旗政务服务中心进驻人员离岗审批表',
  rows(ctx, x) {
    const r = rec(x);
    const code = r.reasonCode ? `（原因码 ${r.reasonCode} ${STF01_REASONS[Number(r.reasonCode)]}）` : '';
    const signed = r.confirmedAt ? `\n本人签字：${r.name}（已确认）` : '';
    return Promise.resolve([
      ...personalRows(ctx, r, '身份证号码'),
      { label: '窗口类型', value: r.windowKind ?? '' },
      { label: '服务事项', value: r.form['服务事项'] ?? '' },
      { label: '入岗时间', value: date(r.startDate) },
      { label: '离岗时间', value: date(r.endDate) },
      { label: '离岗原因', value: `${r.reason ?? ''}${code}${signed}` },
    ]);
  },
  signatures: [
    { label: '工作单位审批意见', steps: ['首席代表签字'], applicant: true },
    { label: '政务服务中心审批意见', steps: ['中心领导审批（在岗未满1年）', '政务服务中心确认'] },
  ],
  onePage: true,
  note: '备注：离岗人员填写《政务大厅工作人员离岗审批表》，此表一式两份，工作单位保存一份，政务服务局留档一份。',
  copies: COPIES,
};
