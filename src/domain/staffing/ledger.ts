import { Attachment } from '../../../entities/attachment';
import { StaffRecord } from '../../../entities/staff-record';
import { monthsBetween } from '../../directory/edits';
import { inRange, ledgerColumn, type Ledger } from '../../kernel/ledger';
import { maskIdNumber } from '../../kernel/mask';
import { PROOF, SUBJECT } from './records';

// 人员进出台账 ● (STF-01…STF-08, DIR-08): one row per RG / LG / DG filed in the range; 身份证号 masked unless the
// export is unmasked (D18). A 首席代表 exports its own department's rows.

const STATUS_CN: Record<string, string> = {
  draft: '待材料',
  confirming: '待本人确认',
  pending: '审批中',
  approved: '已批准',
  registered: '已登记',
  done: '已完成',
  rejected: '已驳回',
  withdrawn: '已撤回',
};

export const staffLedger: Ledger = {
  name: '人员进出台账',
  aliases: ['staff', '入岗离岗台账'],
  perDepartment: true,
  async build(db, range, opts) {
    const m = db.manager;
    const all = await m.find(StaffRecord, {
      where: opts.department ? { departmentCode: opts.department } : {},
      order: { id: 'ASC' },
    });
    const rows = [];
    for (const r of all.filter((x) => inRange(x.createdAt, range))) {
      const proofs = await m.count(Attachment, { where: { ownerType: SUBJECT, ownerId: r.no, purpose: PROOF } });
      const h = r.handover ?? {};
      rows.push({
        no: r.no,
        kind: r.kind,
        name: r.name,
        id: r.idNumber ? (opts.unmasked ? r.idNumber : maskIdNumber(r.idNumber)) : '',
        dept: r.departmentCode,
        window: r.windowNumber ?? '',
        start: r.startDate ?? '',
        end: r.endDate ?? '',
        tenure: r.kind !== '顶岗' && r.startDate && r.endDate ? `${monthsBetween(r.startDate, r.endDate)}个月` : '',
        reason: [r.reasonCode, r.reason].filter(Boolean).join(' '),
        proof: r.kind === '离岗' ? '' : proofs ? `${proofs}份` : r.noProofReason ? `无（${r.noProofReason}）` : '无',
        handover: Object.entries(h)
          .map(([k, v]) => `${k} ${v.at.slice(0, 10)}`)
          .join('；'),
        status: STATUS_CN[r.status] ?? r.status,
      });
    }
    return [
      {
        name: '人员进出台账',
        columns: [
          ledgerColumn('编号', 'no', 16),
          ledgerColumn('类别', 'kind', 6),
          ledgerColumn('姓名', 'name', 10),
          ledgerColumn('身份证号', 'id', 20),
          ledgerColumn('部门', 'dept', 8),
          ledgerColumn('窗口', 'window', 6),
          ledgerColumn('入岗/顶岗日期', 'start', 12, 'date'),
          ledgerColumn('离岗/结束日期', 'end', 12, 'date'),
          ledgerColumn('在岗时长', 'tenure', 8),
          ledgerColumn('原因码/原因', 'reason', 20),
          ledgerColumn('培训材料', 'proof', 12),
          ledgerColumn('交接 a–f 日期', 'handover', 40),
          ledgerColumn('状态', 'status', 8),
        ],
        rows,
      },
    ];
  },
};
