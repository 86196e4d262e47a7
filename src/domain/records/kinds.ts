import { Accountability } from '../../../entities/accountability';
import { BadReview } from '../../../entities/bad-review';
import { DeductionEvent } from '../../../entities/deduction-event';
import { DeviceTask } from '../../../entities/device-task';
import { Finding } from '../../../entities/finding';
import { Inspection } from '../../../entities/inspection';
import { KeyTask } from '../../../entities/key-task';
import { PeakPlan } from '../../../entities/peak-plan';
import { Rectification } from '../../../entities/rectification';
import { Suspension } from '../../../entities/suspension';
import { WindowChange } from '../../../entities/window-change';
import { WindowClosure } from '../../../entities/window-closure';
import type { RecordKind, RecordRow } from '../../kernel/record-kind';
import { byNo, deptRef, yearlyRef } from './by-no';
import { inspectionPrintForm } from './inspection-form';
import { peakPrintForm, suspensionPrintForm } from './peak-forms';
import { changePrintForm, closurePrintForm } from './window-forms';

// Every numbered record the bot keeps (docs/commands.md), with the fields `记录 更正` may change (REC-09) and
// when it becomes read-only evidence (REC-06). One row per prefix; the list is RECORD_KINDS in src/tables.ts.

/**
 * A department filing is what its signers saw (000 调整管理 附件1/附件2 are signed forms): once submitted it is
 * corrected by withdrawing and filing again, never by changing the signed text (D70).
 */
const signedOnceFiled = (rec: RecordRow) => (rec.status === 'draft' ? null : '申请表已提交签批');

export const windowClosureRecord: RecordKind = {
  prefix: 'GB',
  label: '窗口临时关闭',
  subjectType: 'window_closure',
  normalise: deptRef('GB'),
  ...byNo(WindowClosure, 'GB', 'window_closure'),
  draftStatuses: ['draft'],
  evidence: signedOnceFiled,
  printForm: closurePrintForm,
  fields: [
    { name: '事由', column: 'reason', type: 'text' },
    { name: '从', column: 'fromDate', type: 'date' },
    { name: '到', column: 'toDate', type: 'date' },
    { name: '证明', column: 'proofNote', type: 'text' },
  ],
};

export const windowChangeRecord: RecordKind = {
  prefix: 'BG',
  label: '窗口变更',
  subjectType: 'window_change',
  normalise: deptRef('BG'),
  ...byNo(WindowChange, 'BG', 'window_change'),
  evidence: signedOnceFiled,
  printForm: changePrintForm,
  fields: [],
};

export const suspensionRecord: RecordKind = {
  prefix: 'TB',
  label: '停办备案',
  subjectType: 'suspension',
  normalise: deptRef('TB'),
  ...byNo(Suspension, 'TB', 'suspension'),
  draftStatuses: ['draft'],
  evidence: signedOnceFiled,
  printForm: suspensionPrintForm,
  fields: [
    { name: '事由', column: 'reason', type: 'text' },
    { name: '工作方案', column: 'workPlan', type: 'text' },
    { name: '备注', column: 'remark', type: 'text' },
  ],
};

export const peakPlanRecord: RecordKind = {
  prefix: 'GF',
  label: '业务高峰预案',
  subjectType: 'peak_plan',
  normalise: deptRef('GF'),
  ...byNo(PeakPlan, 'GF', 'peak_plan'),
  draftStatuses: ['draft'],
  evidence: signedOnceFiled,
  printForm: peakPrintForm,
  fields: [
    { name: '事由', column: 'reason', type: 'text' },
    { name: '人员安排', column: 'staffing', type: 'text' },
    { name: '宣传', column: 'publicity', type: 'text' },
  ],
};

export const inspectionRecord: RecordKind = {
  prefix: 'XC',
  label: '巡查记录',
  subjectType: 'inspection',
  normalise: yearlyRef('XC'),
  ...byNo(Inspection, 'XC', 'inspection'),
  printForm: inspectionPrintForm,
  fields: [
    { name: '方式', column: 'method', type: 'text' },
    { name: '区域', column: 'area', type: 'text' },
    { name: '备注', column: 'note', type: 'text' },
  ],
};

export const findingRecord: RecordKind = {
  prefix: 'WT',
  label: '巡查发现',
  subjectType: 'finding',
  normalise: yearlyRef('WT'),
  ...byNo(Finding, 'WT', 'finding'),
  // No form of its own (D215): a finding prints as a line of its round's 巡查记录.
  // REC-06 (000 巡查 四(二)): a confirmed finding is evidence; the way forward is 巡查 异议 or a new finding.
  evidence: (rec) => (rec.status === '已确认' ? '巡查发现已确认' : null),
  fields: [
    { name: '问题', column: 'description', type: 'text' },
    { name: '当场处理', column: 'action', type: 'text' },
  ],
};

const plain = <T extends Parameters<typeof byNo>[0]>(
  prefix: string,
  label: string,
  subjectType: string,
  entity: T,
  width = 4,
) =>
  ({
    prefix,
    label,
    subjectType,
    normalise: yearlyRef(prefix, width),
    ...byNo(entity, prefix, subjectType),
    fields: [],
  }) satisfies RecordKind;

/** 设备任务 RW, 扣分 KF, 整改 ZG, 督办 DB, 问效 WX: history only; a mistake is put right by a new record. */
export const deviceTaskRecord = plain('RW', '设备任务', 'device_task', DeviceTask);
export const deductionRecord = plain('KF', '扣分', 'deduction', DeductionEvent);
export const rectificationRecord = plain('ZG', '整改', 'rectification', Rectification);
export const keyTaskRecord = plain('DB', '督办', 'key_task', KeyTask, 3);
export const measureRecord = plain('WX', '问效', 'accountability', Accountability, 3);
/** 差评 CP (REV-02): the rating is the 好差评 system's record; a mistake is put right there, not here (REC-06). */
export const badReviewRecord = plain('CP', '差评', 'bad_review', BadReview);
