import { ItemChange } from '../../../entities/item-change';
import type { RecordKind } from '../../kernel/record-kind';
import { byNo, yearlyRef } from '../records/by-no';
import { SX, SX_PREFIX, SX_SUBJECT } from './model';

/**
 * 事项调整 SX (ITM-02…04, ITM-10) for `记录 历史` / `记录 更正`: the 说明 may be corrected while the request is in
 * 中心初审; once decided it is what the reviewer saw (REC-06), and a new request puts a mistake right.
 */
export const itemChangeRecord: RecordKind = {
  prefix: SX_PREFIX,
  label: '事项调整',
  subjectType: SX_SUBJECT,
  normalise: yearlyRef(SX_PREFIX, 4),
  ...byNo(ItemChange, SX_PREFIX, SX_SUBJECT),
  evidence: (rec) => (rec.status === SX.review ? null : `中心初审已${rec.status === SX.rejected ? '驳回' : '通过'}`),
  fields: [{ name: '说明', column: 'reasonText', type: 'text' }],
};
