import { Between, In } from 'typeorm';
import { Finding } from '../../../entities/finding';
import { Inspection } from '../../../entities/inspection';
import { Notice } from '../../../entities/notice';
import { Person } from '../../../entities/person';
import { Rectification } from '../../../entities/rectification';
import { Talk } from '../../../entities/talk';
import { maskName } from '../../kernel/mask';
import { localDate, localStamp } from '../../kernel/time';
import { showNoticeNo } from './numbering';
import { type Ledger, inRange, ledgerColumn as col } from '../../kernel/ledger';

// docs/ledgers.md: 巡查台账 ● (INS), 通报台账 and 约谈台账 (BRF). ● = a 首席代表 may export its own department's rows
// (opts.department). Staff names are masked unless the export is unmasked (D18).

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
          col('日期时间', 'at', 18, 'datetime'),
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
          col('时间', 'at', 18, 'datetime'),
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
          col('日期', 'date', 12, 'date'),
          col('所属期间', 'period', 20),
          col('成稿人', 'drafter', 10),
          col('审定人', 'approver', 10),
          col('发布范围', 'scope', 24),
          col('问题数', 'criticism', 8, 'number'),
          col('表扬数', 'praise', 8, 'number'),
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
          col('期限', 'deadline', 12, 'date'),
          col('日期', 'date', 12, 'date'),
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
