import { Between } from 'typeorm';
import { Accountability } from '../../../entities/accountability';
import { KeyTask } from '../../../entities/key-task';
import { Person } from '../../../entities/person';
import { Rectification } from '../../../entities/rectification';
import { RectificationProgress } from '../../../entities/rectification-progress';
import { Referral } from '../../../entities/referral';
import { maskName } from '../../kernel/mask';
import { instantAt, localDate, localStamp } from '../../kernel/time';
import { type Ledger, inRange, ledgerColumn as col } from '../../kernel/ledger';

// docs/ledgers.md: 整改与问效台账 ● (ACC), 移交台账 (ACC-05) and 督办任务台账 (ACC-02). ● = a 首席代表 may export its
// own department's rows (opts.department). Staff names are masked unless the export is unmasked (D18).

export const accountabilityLedger: Ledger = {
  name: '整改与问效台账',
  aliases: ['rectification', 'accountability'],
  perDepartment: true,
  async build(db, range, opts) {
    const m = db.manager;
    const dept = opts.department ? { departmentCode: opts.department } : {};
    const rects = (await m.find(Rectification, { where: dept, order: { no: 'ASC' } })).filter((r) =>
      inRange(r.issuedAt, range),
    );
    const progress = await m.find(RectificationProgress);
    const wx = (await m.find(Accountability, { where: dept, order: { no: 'ASC' } })).filter((x) =>
      inRange(x.createdAt, range),
    );
    const people = new Map((await m.find(Person)).map((p) => [p.userid, p.name]));
    const name = (id: string | null) =>
      id ? (opts.unmasked ? (people.get(id) ?? id) : maskName(people.get(id) ?? id)) : '';
    return [
      {
        name: '整改',
        columns: [
          col('ZG编号', 'no', 14),
          col('来源', 'source', 16),
          col('部门', 'dept', 8),
          col('责任人', 'owner', 10),
          col('下达', 'issued', 18, 'datetime'),
          col('整改内容', 'content', 24),
          col('措施', 'measures', 24),
          col('完成时限', 'deadline', 12, 'date'),
          col('进度次数', 'progress', 8, 'number'),
          col('结果', 'result', 24),
          col('验收', 'verdict', 8),
          col('验收人/日期', 'accept', 18),
          col('状态', 'status', 8),
        ],
        rows: rects.map((r) => ({
          no: r.no,
          source: r.source,
          dept: r.departmentCode ?? '',
          owner: name(r.planOwner ?? r.responsible),
          issued: localStamp(r.issuedAt),
          content: r.planContent ?? '',
          measures: r.planMeasures ?? '',
          deadline: r.planDeadline ?? '',
          progress: progress.filter((p) => p.rectificationNo === r.no).length,
          result: r.result ?? '',
          verdict: r.verdict ?? '',
          accept: r.acceptedBy
            ? `${people.get(r.acceptedBy) ?? r.acceptedBy} ${r.acceptedAt ? localDate(r.acceptedAt) : ''}`
            : '',
          status: r.status,
        })),
      },
      {
        name: '问效',
        columns: [
          col('WX编号', 'no', 14),
          col('事件', 'event', 10),
          col('措施', 'measure', 10),
          col('对象', 'subject', 14),
          col('部门', 'dept', 8),
          col('来源', 'source', 16),
          col('说明', 'note', 30),
          col('状态', 'status', 8),
          col('日期', 'date', 12, 'date'),
        ],
        rows: wx.map((x) => ({
          no: x.no,
          event: x.event,
          measure: x.measure ?? '',
          subject: x.subjectType === 'person' ? name(x.subjectId) : x.subjectId,
          dept: x.departmentCode ?? '',
          source: x.source ?? '',
          note: x.note ?? '',
          status: x.status,
          date: localDate(x.createdAt),
        })),
      },
    ];
  },
};

export const referralLedger: Ledger = {
  name: '移交台账',
  aliases: ['referrals'],
  async build(db, range) {
    const rows = await db.manager.find(Referral, {
      where: { date: Between(range.from, range.to) },
      order: { id: 'ASC' },
    });
    return [
      {
        name: '移交台账',
        columns: [
          col('日期', 'date', 12, 'date'),
          col('来源号', 'source', 16),
          col('机关', 'body', 12),
          col('摘要', 'summary', 50),
        ],
        rows: rows.map((r) => ({ date: r.date, source: r.source, body: r.body, summary: r.summary })),
      },
    ];
  },
};

export const keyTaskLedger: Ledger = {
  name: '督办任务台账',
  aliases: ['key-tasks'],
  async build(db, range) {
    const from = instantAt(range.from);
    const rows = (await db.manager.find(KeyTask, { order: { no: 'ASC' } })).filter(
      (t) => inRange(t.createdAt, range) || (t.status !== '已完成' && t.createdAt < from),
    );
    const people = new Map((await db.manager.find(Person)).map((p) => [p.userid, p.name]));
    return [
      {
        name: '督办任务台账',
        columns: [
          col('DB编号', 'no', 12),
          col('内容', 'content', 40),
          col('责任人', 'owner', 10),
          col('期限', 'due', 12, 'date'),
          col('完成日期', 'done', 12, 'date'),
          col('状态', 'status', 8),
        ],
        rows: rows.map((t) => ({
          no: t.no,
          content: t.content,
          owner: people.get(t.owner) ?? t.owner,
          due: t.dueDate,
          done: t.completedAt ? localDate(t.completedAt) : '',
          status: t.status,
        })),
      },
    ];
  },
};
