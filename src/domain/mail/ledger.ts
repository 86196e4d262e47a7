import { Between } from 'typeorm';
import { MailItem } from '../../../entities/mail-item';
import type { Ledger, Sheet } from '../../kernel/ledger';
import { maskAddress, maskName, maskPhone } from '../../kernel/mask';
import { localStamp } from '../../kernel/time';

// 邮寄台账 ● (000 政务专递 三(二); MAIL-01…07; the ten fields of the rulebook's §12 record, OPEN #50): `*` columns
// are full only in an unmasked export (REC-07, D18); a 首席代表 exports its own department's rows.

const COLUMNS: Sheet['columns'] = [
  { header: '编号', key: 'no', width: 14 },
  { header: '1 日期', key: 'date', width: 11, type: 'date' },
  { header: '2 方向', key: 'direction', width: 8 },
  { header: '3 办件编号·事项', key: 'case', width: 30 },
  { header: '4 收件人·联系电话·地址*', key: 'contact', width: 36 },
  { header: '5 EMS 单号', key: 'ems', width: 16 },
  { header: '6 寄件窗口·经办人', key: 'window', width: 16 },
  { header: '交接记录', key: 'handovers', width: 30 },
  { header: '7 快递存单', key: 'receipt', width: 12 },
  { header: '8 免费范围判定', key: 'eligible', width: 10 },
  { header: '9 短信告知时间', key: 'sms', width: 17, type: 'datetime' },
  { header: '10 抽查结果', key: 'check', width: 30 },
  { header: '状态', key: 'status', width: 8 },
];

export const mailLedger: Ledger = {
  name: '邮寄台账',
  aliases: ['政务专递', '专递', 'mail'],
  perDepartment: true,
  async build(db, range, opts) {
    const rows = await db.manager.find(MailItem, {
      where: { date: Between(range.from, range.to), ...(opts.department ? { departmentCode: opts.department } : {}) },
      order: { no: 'ASC' },
    });
    const u = opts.unmasked;
    return [
      {
        name: '邮寄台账',
        columns: COLUMNS,
        rows: rows.map((m) => ({
          no: m.no,
          date: m.date,
          direction: m.direction === '寄入' ? '材料寄入' : '结果寄出',
          case: `${m.caseNo}${m.platformNo ? `（${m.platformNo}）` : ''} ${m.itemName ?? ''}`,
          contact: m.contactName
            ? `${u ? m.contactName : maskName(m.contactName)}·${u ? m.contactPhone : maskPhone(m.contactPhone)}·${u ? m.address : maskAddress(m.address)}`
            : '',
          ems: m.emsNo ?? '',
          window: `${m.windowNumber ?? ''}·${m.handler}`,
          handovers: m.handovers.map((h) => `${localStamp(new Date(h.at))} ${h.from}→${h.to}`).join('；'),
          receipt: m.receiptAttachmentId ? `附件#${m.receiptAttachmentId}` : '',
          eligible: m.eligible ? '是' : '否',
          sms: m.smsAt ? localStamp(m.smsAt) : '',
          check: m.checkResult
            ? `${m.checkResult}${m.checkResult === '不合规' ? `（扣分 ${m.deductionNo ?? ''}，补缴快递费${m.repayYuan === null ? '' : ` ${m.repayYuan}元`}）` : ''}${m.checkNote ? ` ${m.checkNote}` : ''}`
            : '',
          status: m.status,
        })),
      },
    ];
  },
};
