import { In } from 'typeorm';
import { BadReview } from '../../../entities/bad-review';
import { Rectification } from '../../../entities/rectification';
import { inRange, ledgerColumn, type Ledger } from '../../kernel/ledger';
import { localStamp } from '../../kernel/time';

// 差评台账 ● (REV-03, 000 全过程监督 第十条): every 差评 of the range with its 限期整改 order and, for complex ones,
// the 长效机制 and the explanation given (CMP-21). A 首席代表 exports its own department's rows.

export const badReviewLedger: Ledger = {
  name: '差评台账',
  aliases: ['差评', 'bad-reviews'],
  perDepartment: true,
  async build(db, range, opts) {
    const all = await db.manager.find(BadReview, {
      where: opts.department ? { departmentCode: opts.department } : {},
      order: { no: 'ASC' },
    });
    const rows = all.filter((r) => inRange(r.ratedAt, range));
    const orders = await db.manager.find(Rectification, {
      where: { no: In(rows.map((r) => r.rectificationNo).filter((x): x is string => !!x)) },
    });
    const byNo = new Map(orders.map((o) => [o.no, o]));
    return [
      {
        name: '差评台账',
        columns: [
          ledgerColumn('差评编号', 'no', 14),
          ledgerColumn('评价时间', 'at', 17, 'datetime'),
          ledgerColumn('部门', 'dept', 8),
          ledgerColumn('窗口', 'window', 6),
          ledgerColumn('工作人员', 'staff', 10),
          ledgerColumn('评价等级', 'level', 10),
          ledgerColumn('评价内容', 'comment', 30),
          ledgerColumn('办件编号', 'caseRef', 20),
          ledgerColumn('高峰/停办', 'peak', 16),
          ledgerColumn('整改单', 'order', 14),
          ledgerColumn('整改状态', 'orderStatus', 10),
          ledgerColumn('长效机制', 'longTerm', 24),
          ledgerColumn('解释说明', 'explanation', 24),
        ],
        rows: rows.map((r) => {
          const o = r.rectificationNo ? byNo.get(r.rectificationNo) : undefined;
          return {
            no: r.no,
            at: localStamp(r.ratedAt),
            dept: r.departmentCode,
            window: r.windowNumber ?? '',
            staff: r.staffName ?? '',
            level: r.level,
            comment: r.comment ?? '',
            caseRef: r.caseRef ?? '',
            peak: r.peakRef ?? '',
            order: r.rectificationNo ?? '',
            orderStatus: o?.status ?? r.status,
            longTerm: o?.longTerm ?? '',
            explanation: o?.explanation ?? '',
          };
        }),
      },
    ];
  },
};
