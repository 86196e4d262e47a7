import { Between, In } from 'typeorm';
import { Complaint } from '../../../entities/complaint';
import { ComplaintParty } from '../../../entities/complaint-party';
import { Deadline } from '../../../entities/deadline';
import { maskFreeText, maskName, maskPhone } from '../../kernel/mask';
import type { Ledger, Sheet } from '../../kernel/ledger';
import { localDate, localStamp, shortDate } from '../../kernel/time';
import { CHANNELS, DL, SUBJECT } from './model';

// 投诉台账, one sheet per 投诉方式 (000 投诉处理 三(1) "根据不同投诉方式分别建立台账"; docs/commands.md), and the
// 信访举报台账 (CMP-20). `*` columns (投诉人, 电话) are full only for an unmasked export (大厅管理室); a
// masked export shows 王* / 139****5678, and a 保密 complainant as "保密" (REC-01, REC-07, OPEN #61). Free text
// (事项, 落实) is masked too in a masked export: it often repeats the complainant's name or number (D18).

const COLUMNS: Sheet['columns'] = [
  { header: '编号', key: 'no', width: 14 },
  { header: '时间', key: 'at', width: 17, type: 'datetime' },
  { header: '方式', key: 'channel', width: 12 },
  { header: '投诉人*', key: 'name', width: 10 },
  { header: '电话*', key: 'phone', width: 14 },
  { header: '保密', key: 'confidential', width: 6 },
  { header: '被投诉对象', key: 'respondent', width: 16 },
  { header: '事项', key: 'matter', width: 40 },
  { header: '类别', key: 'category', width: 10 },
  { header: '性质', key: 'nature', width: 14 },
  { header: '处理方式', key: 'mode', width: 10 },
  { header: '转交部门/日期/期限', key: 'referral', width: 28 },
  { header: '落实', key: 'report', width: 30 },
  { header: '答复日期', key: 'replied', width: 11, type: 'date' },
  { header: '满意度', key: 'satisfaction', width: 8 },
  { header: '轮次', key: 'round', width: 6, type: 'number' },
  { header: '结果', key: 'outcome', width: 10 },
  { header: '结果运用', key: 'use', width: 24 },
  { header: '归档', key: 'archived', width: 11, type: 'date' },
];

/** 事项/落实 as this export may show them (maskFreeText: numbers, and the complainant's own name/phone/address). */
const free = (text: string, c: Complaint, unmasked: boolean) => (unmasked ? text : maskFreeText(text, c));

function who(c: Complaint, unmasked: boolean): { name: string; phone: string } {
  if (unmasked) return { name: c.complainantName ?? '', phone: c.complainantPhone ?? '' };
  if (c.confidential) return { name: '保密', phone: '保密' };
  return { name: maskName(c.complainantName), phone: maskPhone(c.complainantPhone) };
}

async function load(
  db: Parameters<Ledger['build']>[0],
  range: { from: string; to: string },
  department: string | undefined,
  type: string,
) {
  let rows = await db.manager.find(Complaint, {
    where: { type, receivedDate: Between(range.from, range.to) },
    order: { no: 'ASC' },
  });
  const nos = rows.map((c) => c.no);
  const parties = nos.length
    ? await db.manager.find(ComplaintParty, { where: { complaintNo: In(nos) }, order: { round: 'ASC', id: 'ASC' } })
    : [];
  if (department)
    rows = rows.filter(
      (c) =>
        c.departmentCode === department ||
        parties.some((p) => p.complaintNo === c.no && p.departmentCode === department),
    );
  const clocks = nos.length
    ? await db.manager.find(Deadline, { where: { subjectType: SUBJECT, subjectId: In(nos) } })
    : [];
  return { rows, parties, clocks };
}

export const complaintLedger: Ledger = {
  name: '投诉台账',
  aliases: ['complaints', '投诉'],
  async build(db, range, opts) {
    const { rows, parties, clocks } = await load(db, range, opts.department, '投诉');
    return CHANNELS.map((channel) => ({
      name: channel.replace(/"/g, ''),
      columns: COLUMNS,
      rows: rows
        .filter((c) => c.channel === channel)
        .map((c) => {
          const mine = parties.filter((p) => p.complaintNo === c.no);
          const p = who(c, opts.unmasked);
          return {
            no: c.no,
            at: localStamp(c.receivedAt),
            channel: c.channel,
            name: p.name,
            phone: p.phone,
            confidential: c.confidential ? '是' : '否',
            respondent: c.respondentLabel,
            matter: free(c.matter, c, opts.unmasked),
            category: c.category,
            nature: c.nature,
            mode: c.handlingMode ?? '',
            referral: mine
              .map((x) => {
                const d = clocks.find((k) => k.kind === DL.implement(x.departmentCode));
                return `${x.departmentCode} ${x.sentAt ? shortDate(localDate(x.sentAt)) : '待审批'}${d ? `→${shortDate(d.dueDate)}` : ''}${x.round > 1 ? `（第${x.round}轮）` : ''}`;
              })
              .join('；'),
            report: mine
              .filter((x) => x.report)
              .map(
                (x) =>
                  `${x.departmentCode}${x.reportOverdue ? '（超期）' : ''}：${free(x.report ?? '', c, opts.unmasked)}`,
              )
              .join('；'),
            replied: c.repliedAt ? localDate(c.repliedAt) : '',
            satisfaction: c.satisfaction ?? '',
            round: c.round,
            outcome: c.outcome
              ? `${c.outcome}${c.closeReason && c.outcome === '终结' ? `（${c.closeReason}）` : ''}`
              : '',
            use: (c.outcomeUse ?? []).join('、'),
            archived: c.archivedDate ?? '',
          };
        }),
    }));
  },
};

export const petitionLedger: Ledger = {
  name: '信访举报台账',
  aliases: ['petitions', '信访举报'],
  async build(db, range, opts) {
    const { rows, clocks } = await load(db, range, opts.department, '信访举报');
    return [
      {
        name: '信访举报台账',
        columns: [
          { header: '编号', key: 'no', width: 14 },
          { header: '收到日期', key: 'received', width: 11, type: 'date' },
          { header: '事项', key: 'matter', width: 40 },
          { header: '期限（15个工作日）', key: 'due', width: 14, type: 'date' },
          { header: '答复日期', key: 'replied', width: 11, type: 'date' },
          { header: '超期', key: 'late', width: 6 },
          { header: '状态', key: 'status', width: 10 },
        ],
        rows: rows.map((c) => ({
          no: c.no,
          received: c.receivedDate,
          matter: free(c.matter, c, opts.unmasked),
          due: clocks.find((d) => d.subjectId === c.no && d.kind === DL.petition)?.dueDate ?? '',
          replied: c.repliedAt ? localDate(c.repliedAt) : '',
          late: c.repliedAt && c.replyOverdue ? '是' : '',
          status: c.status,
        })),
      },
    ];
  },
};
