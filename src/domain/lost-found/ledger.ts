import { Between } from 'typeorm';
import { LostItem } from '../../../entities/lost-item';
import { maskIdNumber } from '../../kernel/mask';
import { localStamp } from '../../kernel/time';
import type { Ledger, Sheet } from '../../kernel/ledger';
import { CATEGORY_LABEL, type Category, DISPOSAL_LABEL } from './model';
import { maskFreeText } from './privacy';

// 遗失物品登记表 (= 市民遗失物品登记表; the rulebook's §5 (docs/rules.md) form, 16 fields; docs/commands.md): every item found in the
// range, open or closed — 销毁登记 and 注销记录 are kept (REC-09). `*` columns are full only in an unmasked
// export (大厅管理室, CLI); otherwise ID numbers and phones are masked (REC-07, D18).

const COLUMNS: Sheet['columns'] = [
  { header: '1 登记编号', key: 'no', width: 14 },
  { header: '2 物品名称', key: 'name', width: 14 },
  { header: '3 数量', key: 'quantity', width: 6, type: 'number' },
  { header: '4 特征', key: 'features', width: 24 },
  { header: '5 拾获时间', key: 'found', width: 17, type: 'datetime' },
  { header: '6 拾获地点', key: 'place', width: 14 },
  { header: '7 拾获人·接收人', key: 'people', width: 16 },
  { header: '8 完好情况·存放位置', key: 'storage', width: 18 },
  { header: '9 类别', key: 'category', width: 14 },
  { header: '10 失主信息·通知记录*', key: 'owner', width: 30 },
  { header: '11 公告日期', key: 'announced', width: 11, type: 'date' },
  { header: '12 处置方式·处置日期', key: 'disposal', width: 22 },
  { header: '13 认领人·有效身份证件*', key: 'claimant', width: 30 },
  { header: '14 认领人签字', key: 'signature', width: 12 },
  { header: '15 销毁登记记录', key: 'destroyed', width: 24 },
  { header: '16 注销记录', key: 'cancelled', width: 18 },
  { header: '状态', key: 'status', width: 10 },
  { header: '版本', key: 'version', width: 6, type: 'number' },
];

function row(i: LostItem, unmasked: boolean): Sheet['rows'][number] {
  const personal = (s: string) => (unmasked ? s : maskFreeText(s));
  const contacts = i.contacts.map((c) => `${localStamp(new Date(c.at))} ${c.channel} ${c.result}`).join('；');
  const c = i.claim?.signatureId ? i.claim : null;
  const d = i.disposal;
  const disposal = c
    ? `${DISPOSAL_LABEL[c.method]} ${i.statusDate}`
    : d
      ? `${DISPOSAL_LABEL[d.kind]} ${d.date}${d.station && d.kind === '交派出所' ? ` ${d.station}` : ''}${d.receiver ? ` 接收人${d.receiver}` : ''}`
      : '';
  return {
    no: i.no,
    name: i.name,
    quantity: i.quantity,
    features: i.features,
    found: `${i.foundDate}${i.foundTime ? ` ${i.foundTime}` : ''}`,
    place: i.foundPlace,
    people: `${i.finder ?? ''}·${i.receivedBy}`,
    storage: `${i.intact ?? ''}·${i.storage ?? ''}`,
    category: CATEGORY_LABEL[i.category as Category] ?? i.category,
    owner: [i.ownerInfo ? personal(i.ownerInfo) : '', contacts].filter(Boolean).join('｜'),
    announced: i.announcedDate ?? '',
    disposal,
    claimant: c
      ? `${c.name ?? ''} ${c.idType} ${unmasked ? c.idNumber : maskIdNumber(c.idNumber)}${c.proxy ? ` 代领人${c.proxy}` : ''}${c.consent ? ` 失主同意:${c.consent}` : ''}${c.address ? ` 邮寄${personal(c.address)}（失主付费）` : ''}`
      : '',
    signature: c ? `附件#${c.signatureId}` : '',
    destroyed:
      d?.kind === '销毁' ? `${d.date} ${d.reason ?? ''} 经办${d.by}${d.witness ? ` 见证${d.witness}` : ''}` : '',
    cancelled: i.cancelledDate ? `${i.cancelledDate} ${i.cancelledBy ?? ''}` : '',
    status: i.status,
    version: i.version,
  };
}

export const lostItemLedger: Ledger = {
  name: '遗失物品登记表',
  aliases: ['市民遗失物品登记表', '失物', 'lost-items'],
  async build(db, range, opts) {
    const items = await db.manager.find(LostItem, {
      where: { foundDate: Between(range.from, range.to) },
      order: { no: 'ASC' },
    });
    return [{ name: '遗失物品登记表', columns: COLUMNS, rows: items.map((i) => row(i, opts.unmasked)) }];
  },
};
