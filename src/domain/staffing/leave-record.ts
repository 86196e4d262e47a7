import { LeaveRequest } from '../../../entities/leave-request';
import type { RecordKind } from '../../kernel/record-kind';
import { byNo, yearlyRef } from '../records/by-no';
import { SUBJECT } from './leave-model';

/**
 * 请假 QJ (ATT-05): `记录 历史 QJ140` shows the request, its approval and 销假; once decided it is evidence for
 * the 考勤与请假台账 (REC-06) — a wrong date is put right by 撤销 and a new request, only the 原因 of an undecided
 * request may be corrected.
 */
export const leaveRecord: RecordKind = {
  prefix: 'QJ',
  label: '请假',
  subjectType: SUBJECT,
  normalise: yearlyRef('QJ'),
  ...byNo(LeaveRequest, 'QJ', SUBJECT),
  draftStatuses: ['draft', 'pending'],
  evidence: (rec) => (['draft', 'pending'].includes(rec.status) ? null : '请假已审批'),
  fields: [{ name: '原因', column: 'reason', type: 'text' }],
};
