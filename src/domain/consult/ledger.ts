import { Between } from 'typeorm';
import { Consultation } from '../../../entities/consultation';
import type { Ledger, Sheet } from '../../kernel/ledger';
import { maskPhone } from '../../kernel/mask';
import { localDate, localStamp } from '../../kernel/time';
import { personName } from '../../kernel/directory';
import { ST } from './model';

// 咨询登记台账 (CAS-03, CAS-04, CAS-20, CAS-23): every question and expert request logged in the range. The
// contact column is full only in an unmasked export (REC-07, D18).

const COLUMNS: Sheet['columns'] = [
  { header: 'ZX 编号', key: 'no', width: 14 },
  { header: '时间', key: 'at', width: 17, type: 'datetime' },
  { header: '渠道', key: 'channel', width: 6 },
  { header: '首问人', key: 'responder', width: 10 },
  { header: '问题', key: 'question', width: 30 },
  { header: '结果', key: 'outcome', width: 12 },
  { header: '指引/单位/地址', key: 'route', width: 30 },
  { header: '联系*', key: 'contact', width: 14 },
  { header: '答复期限', key: 'due', width: 11, type: 'date' },
  { header: '答复', key: 'answer', width: 30 },
  { header: '状态', key: 'status', width: 8 },
];

export const consultationLedger: Ledger = {
  name: '咨询登记台账',
  aliases: ['咨询台账', '咨询', 'consultations'],
  async build(db, range, opts) {
    // Instants are stored as ISO UTC strings (entities/columns.ts): compare as strings, then keep local dates.
    const from = new Date(`${range.from}T00:00:00+08:00`).toISOString();
    const to = new Date(`${range.to}T23:59:59.999+08:00`).toISOString();
    const rows = await db.manager.find(Consultation, {
      where: { createdAt: Between(from, to) as never },
      order: { no: 'ASC' },
    });
    const out: Sheet['rows'] = [];
    for (const c of rows) {
      if (localDate(c.createdAt) < range.from || localDate(c.createdAt) > range.to) continue;
      const answered = c.answeredAt
        ? `${localStamp(c.answeredAt)} ${await personName(db.manager, c.answeredBy)}${c.callback ? ' 已回电' : ''}${c.answer ? ` ${c.answer}` : ''}`
        : c.ackAt
          ? `${localStamp(c.ackAt)} ${await personName(db.manager, c.ackBy)} 已派员`
          : '';
      out.push({
        no: c.no,
        at: localStamp(c.createdAt),
        channel: c.channel,
        responder: await personName(db.manager, c.firstResponder),
        question: c.question,
        outcome: c.kind === '专家' ? `请求专家 ${c.expertDept ?? ''}` : (c.outcome ?? ''),
        route: [c.guidedTo, c.unit, c.address].filter(Boolean).join('｜'),
        contact: opts.unmasked ? (c.contact ?? '') : maskPhone(c.contact),
        due: c.answerDue ?? '',
        answer: answered,
        status: c.status === ST.done ? '已办结' : c.status,
      });
    }
    return [{ name: '咨询登记台账', columns: COLUMNS, rows: out }];
  },
};
