import { Between, In } from 'typeorm';
import { Accountability } from '../../entities/accountability';
import { Finding } from '../../entities/finding';
import { Inspection } from '../../entities/inspection';
import { KeyTask } from '../../entities/key-task';
import { Notice } from '../../entities/notice';
import { Person } from '../../entities/person';
import { Rectification } from '../../entities/rectification';
import { RectificationProgress } from '../../entities/rectification-progress';
import { Referral } from '../../entities/referral';
import { Talk } from '../../entities/talk';
import { maskName } from '../kernel/mask';
import { instantAt, localDate, localStamp } from '../kernel/time';
import { showNoticeNo } from './briefings/numbering';
import type { Ledger } from '../kernel/ledger';

// docs/commands.md ledgers of [supervision]: 巡查台账 ●, 通报台账, 约谈台账, 整改与问效台账 ●, 移交台账, 督办任务台账.
// ● = a 首席代表 may export its own department's rows (opts.department). Staff names are masked unless unmasked.

const col = (header: string, key: string, width?: number) => ({ header, key, width });
const inRange = (d: Date | null, r: { from: string; to: string }) =>
  !!d && localDate(d) >= r.from && localDate(d) <= r.to;

export const inspectionLedger: Ledger = {
  name: '巡查台账',
  aliases: ['inspections'],
  perDepartment: true,
  async build(db, range, opts) {
    const m = db.manager;
    const rounds = (
      await m.find(Inspection, { where: { date: Between(range.from, range.to) }, order: { id: 'ASC' } })
    ).filter((r) => !opts.department || r.departmentCode === opts.department || r.type !== '自查');
    const findings = await m.find(Finding, {
      where: { date: Between(range.from, range.to), ...(opts.department ? { departmentCode: opts.department } : {}) },
      order: { id: 'ASC' },
    });
    const people = new Map((await m.find(Person)).map((p) => [p.userid, p.name]));
    const name = (id: string | null) =>
      id ? (opts.unmasked ? (people.get(id) ?? id) : maskName(people.get(id) ?? id)) : '';
    const rects = await m.find(Rectification, {
      where: { source: In(findings.length ? findings.map((f) => f.no) : ['-']) },
    });
    return [
      {
        name: '巡查记录',
        columns: [
          col('XC编号', 'no', 14),
          col('日期时间', 'at', 18),
          col('类型', 'type', 8),
          col('联合', 'joint', 6),
          col('领导带队', 'leader', 10),
          col('参与人', 'participants', 30),
          col('区域', 'area', 12),
          col('楼层', 'floor', 6),
          col('状态', 'status', 8),
        ],
        rows: rounds.map((r) => ({
          no: r.no,
          at: localStamp(r.startedAt),
          type: r.type,
          joint: r.joint ? '是' : '',
          leader: name(r.leaderUserid),
          participants: r.participants.map((p) => (opts.unmasked ? p.name : maskName(p.name))).join('、'),
          area: r.area ?? '',
          floor: r.floor ?? '',
          status: r.status,
        })),
      },
      {
        name: '巡查发现',
        columns: [
          col('WT编号', 'no', 14),
          col('XC编号', 'round', 14),
          col('时间', 'at', 18),
          col('项目', 'item', 10),
          col('部门', 'dept', 8),
          col('窗口', 'window', 6),
          col('人员', 'staff', 10),
          col('程度', 'severity', 6),
          col('表扬/问题', 'kind', 8),
          col('说明', 'desc', 30),
          col('当场处理', 'action', 16),
          col('状态', 'status', 8),
          col('异议/裁定', 'dispute', 30),
          col('整改号', 'rect', 14),
        ],
        rows: findings.map((f) => ({
          no: f.no,
          round: f.inspectionNo ?? '',
          at: localStamp(f.at),
          item: f.item ? `INS-05.${f.item}` : '',
          dept: f.departmentCode ?? '',
          window: f.windowNumber ?? '',
          staff: name(f.staffUserid),
          severity: f.severity ?? '',
          kind: f.positive ? '表扬' : '问题',
          desc: f.description,
          action: f.action ?? '',
          status: f.status,
          dispute: f.disputeReason ? `${f.disputeReason}${f.decisionNote ? `｜${f.decisionNote}` : ''}` : '',
          rect: rects
            .filter((r) => r.source === f.no)
            .map((r) => r.no)
            .join('、'),
        })),
      },
    ];
  },
};

export const noticeLedger: Ledger = {
  name: '通报台账',
  aliases: ['notices'],
  async build(db, range) {
    const rows = (await db.manager.find(Notice, { order: { year: 'ASC', seq: 'ASC' } })).filter(
      (n) => n.no && inRange(n.publishedAt, range),
    );
    const people = new Map((await db.manager.find(Person)).map((p) => [p.userid, p.name]));
    return [
      {
        name: '通报台账',
        columns: [
          col('督通号', 'no', 16),
          col('类型', 'type', 6),
          col('日期', 'date', 12),
          col('所属期间', 'period', 20),
          col('成稿人', 'drafter', 10),
          col('审定人', 'approver', 10),
          col('发布范围', 'scope', 24),
          col('问题数', 'criticism', 8),
          col('表扬数', 'praise', 8),
          col('标题', 'title', 40),
        ],
        rows: rows.map((n) => ({
          no: showNoticeNo(n.no!),
          type: n.type,
          date: n.publishedAt ? localDate(n.publishedAt) : '',
          period: n.type === '口头' ? `${n.coversFrom}～${n.coversTo}` : (n.month ?? ''),
          drafter: people.get(n.drafter) ?? n.drafter,
          approver: n.approver ? (people.get(n.approver) ?? n.approver) : '',
          scope: n.scope ?? '',
          criticism: n.criticism,
          praise: n.praise,
          title: n.title,
        })),
      },
    ];
  },
};

export const talkLedger: Ledger = {
  name: '约谈台账',
  aliases: ['talks'],
  async build(db, range) {
    const rows = (await db.manager.find(Talk, { order: { month: 'ASC', departmentCode: 'ASC' } })).filter(
      (t) => t.month >= range.from.slice(0, 7) && t.month <= range.to.slice(0, 7),
    );
    return [
      {
        name: '约谈台账',
        columns: [
          col('督通号', 'no', 16),
          col('类型', 'type', 10),
          col('月份', 'month', 8),
          col('部门', 'dept', 8),
          col('状态', 'status', 8),
          col('期限', 'deadline', 12),
          col('日期', 'date', 12),
          col('约谈人', 'talkers', 16),
          col('对象', 'target', 10),
          col('问题清单', 'issues', 30),
          col('意见建议', 'opinions', 30),
          col('整改要求/期限', 'req', 30),
          col('逾期', 'late', 6),
        ],
        rows: rows.map((t) => ({
          no: t.noticeNo ? showNoticeNo(t.noticeNo) : '',
          type: `约谈${t.target}`,
          month: t.month,
          dept: t.departmentCode,
          status: t.status,
          deadline: t.deadline,
          date: t.talkDate ?? '',
          talkers: t.talkers ?? '',
          target: t.targetName ?? '',
          issues:
            [...t.evidence.findings, ...t.evidence.complaints, ...t.evidence.rectifications].join('、') || t.reasons,
          opinions: t.opinions ?? '',
          req: t.requirements ? `${t.requirements}（${t.requirementDue ?? ''}）` : '',
          late: t.late ? '是' : '',
        })),
      },
    ];
  },
};

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
          col('下达', 'issued', 18),
          col('整改内容', 'content', 24),
          col('措施', 'measures', 24),
          col('完成时限', 'deadline', 12),
          col('进度次数', 'progress', 8),
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
          col('日期', 'date', 12),
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
          col('日期', 'date', 12),
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
          col('期限', 'due', 12),
          col('完成日期', 'done', 12),
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

export const SUPERVISION_LEDGERS: Ledger[] = [
  inspectionLedger,
  noticeLedger,
  talkLedger,
  accountabilityLedger,
  referralLedger,
  keyTaskLedger,
];
