import { Between } from 'typeorm';
import { ItemChange } from '../../../entities/item-change';
import type { Ledger, Sheet } from '../../kernel/ledger';
import { localDate } from '../../kernel/time';
import { REASONS } from './model';

// 事项调整台账 (ITM-02…04, ITM-10): every SX request filed in the range — type, ITM-02 reason code, effective
// date, 中心初审 and the date the list was updated. The centre's register, not kept per department (D225).

const COLUMNS: Sheet['columns'] = [
  { header: 'SX 编号', key: 'no', width: 14 },
  { header: '部门', key: 'dept', width: 8 },
  { header: '事项', key: 'item', width: 28 },
  { header: '类型', key: 'type', width: 6 },
  { header: '原因码', key: 'reason', width: 30 },
  { header: '生效日期', key: 'effective', width: 11, type: 'date' },
  { header: '审批人员', key: 'approvers', width: 16 },
  { header: '提交日期', key: 'filed', width: 11, type: 'date' },
  { header: '逾期提交', key: 'late', width: 8 },
  { header: '初审', key: 'review', width: 22 },
  { header: '清单更新日期', key: 'updated', width: 12, type: 'date' },
];

export const itemChangeLedger: Ledger = {
  name: '事项调整台账',
  aliases: ['事项调整', 'item-changes'],
  async build(db, range, opts) {
    const from = new Date(`${range.from}T00:00:00+08:00`).toISOString();
    const to = new Date(`${range.to}T23:59:59.999+08:00`).toISOString();
    const rows = await db.manager.find(ItemChange, {
      where: { createdAt: Between(from, to) as never, ...(opts.department ? { departmentCode: opts.department } : {}) },
      order: { no: 'ASC' },
    });
    return [
      {
        name: '事项调整台账',
        columns: COLUMNS,
        rows: rows.map((c) => ({
          no: c.no,
          dept: c.departmentCode,
          item: `${c.itemName}${c.itemCode ? `（${c.itemCode}）` : ''}`,
          type: c.changeType,
          reason: `${c.reasonCode} ${REASONS[c.reasonCode]}${c.reasonText ? `：${c.reasonText}` : ''}`,
          effective: c.effectiveDate,
          approvers: c.approvers ?? '',
          filed: localDate(c.createdAt),
          late: c.filedLate ? '是' : '',
          review: `${c.status}${c.approvalNo ? ` ${c.approvalNo}` : ''}${c.rejectReason ? `：${c.rejectReason}` : ''}`,
          updated: c.listUpdatedDate ?? '',
        })),
      },
    ];
  },
};
