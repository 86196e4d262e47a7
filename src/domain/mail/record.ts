import { MailItem } from '../../../entities/mail-item';
import type { RecordKind } from '../../kernel/record-kind';
import { byNo, yearlyRef } from '../records/by-no';
import { MAIL_SUBJECT, YJ_PREFIX } from './model';

/**
 * 邮寄台账 entry YJ (MAIL-01…07) for `记录 历史` / `记录 更正` (REC-09): a mistyped EMS number or address is
 * corrected with a reason; once spot-checked (MAIL-06) the entry is the evidence of the 判定 (REC-06).
 */
export const mailRecord: RecordKind = {
  prefix: YJ_PREFIX,
  label: '政务专递',
  subjectType: MAIL_SUBJECT,
  normalise: yearlyRef(YJ_PREFIX, 4),
  ...byNo(MailItem, YJ_PREFIX, MAIL_SUBJECT),
  evidence: (rec) => (rec.row.checkResult ? `已抽查判定为${String(rec.row.checkResult)}` : null),
  fields: [
    { name: '单号', column: 'emsNo', type: 'text' },
    { name: '联系人', column: 'contactName', type: 'text' },
    { name: '电话', column: 'contactPhone', type: 'text' },
    { name: '地址', column: 'address', type: 'text' },
  ],
};
