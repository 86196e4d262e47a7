import type { RecordKind, RecordRow } from '../../kernel/record-kind';
import { StaffRecord } from '../../../entities/staff-record';
import { byNo, deptRef } from '../records/by-no';
import { offboardingPrintForm, onboardingPrintForm } from './print-forms';

// RG / LG / DG in RECORD_KINDS (D76): `记录 历史` for staff records. A filed 入岗/离岗 form is what its signers saw
// (D70): corrected by withdrawing and filing again, so none has correctable fields once submitted.

const filed = (rec: RecordRow) => (rec.status === 'draft' || rec.status === 'confirming' ? null : '审批表已提交签批');

export const onboardingRecord: RecordKind = {
  prefix: 'RG',
  label: '入岗审批',
  subjectType: 'staff_record',
  normalise: deptRef('RG'),
  ...byNo(StaffRecord, 'RG', 'staff_record'),
  draftStatuses: ['draft'],
  evidence: filed,
  printForm: onboardingPrintForm,
  fields: [
    { name: '窗口类型', column: 'windowKind', type: 'text' },
    { name: '入岗', column: 'startDate', type: 'date' },
  ],
};

export const offboardingRecord: RecordKind = {
  prefix: 'LG',
  label: '离岗审批',
  subjectType: 'staff_record',
  normalise: deptRef('LG'),
  ...byNo(StaffRecord, 'LG', 'staff_record'),
  draftStatuses: ['confirming'],
  evidence: filed,
  printForm: offboardingPrintForm,
  fields: [{ name: '原因', column: 'reason', type: 'text' }],
};

export const coverRecord: RecordKind = {
  prefix: 'DG',
  label: '顶岗登记',
  subjectType: 'staff_record',
  normalise: deptRef('DG'),
  ...byNo(StaffRecord, 'DG', 'staff_record'),
  fields: [
    { name: '从', column: 'startDate', type: 'date' },
    { name: '到', column: 'endDate', type: 'date' },
  ],
};
