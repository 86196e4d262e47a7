import { Between } from 'typeorm';
import { AwardFlag } from '../../../entities/award-flag';
import { AwardNomination } from '../../../entities/award-nomination';
import { DeductionEvent } from '../../../entities/deduction-event';
import { Person } from '../../../entities/person';
import { StaffGrade } from '../../../entities/staff-grade';
import type { Ledger, Sheet } from '../../kernel/ledger';

// 年度等次及评优台账 (PRF-15, PRF-16) and 扣分及评优资格台账 (PRF-14, PRF-17). The grade ledger covers the years
// the export's range touches; both are internal assessment data, so neither is ● per department (DIR-10).

const years = (r: { from: string; to: string }) => {
  const out: number[] = [];
  for (let y = Number(r.from.slice(0, 4)); y <= Number(r.to.slice(0, 4)); y++) out.push(y);
  return out;
};

const GRADE_COLUMNS: Sheet['columns'] = [
  { header: '年度', key: 'year', width: 8, type: 'number' },
  { header: '人员', key: 'person', width: 12 },
  { header: '部门/窗口', key: 'dept', width: 14 },
  { header: '等次', key: 'grade', width: 10 },
  { header: '奖项', key: 'award', width: 14 },
  { header: '推荐人', key: 'by', width: 12 },
  { header: '状态', key: 'status', width: 10 },
  { header: '说明/理由', key: 'note', width: 40 },
];

export const gradeAwardLedger: Ledger = {
  name: '年度等次及评优台账',
  aliases: ['年度等次', '评优台账', 'grades'],
  async build(db, range) {
    const m = db.manager;
    const names = new Map((await m.find(Person)).map((p) => [p.userid, p]));
    const who = (id: string) => names.get(id)?.name ?? id;
    const where = (id: string, dept: string | null) =>
      `${dept ?? ''}${names.get(id)?.windowNumber ? ` ${names.get(id)!.windowNumber}号窗` : ''}`;
    const rows: Sheet['rows'] = [];
    for (const year of years(range)) {
      const grades = await m.find(StaffGrade, {
        where: { year },
        order: { departmentCode: 'ASC', personUserid: 'ASC' },
      });
      for (const g of grades)
        rows.push({
          year,
          person: who(g.personUserid),
          dept: where(g.personUserid, g.departmentCode),
          grade: g.grade,
          award: '',
          by: who(g.gradedBy),
          status: '已书面通知',
          note: g.note ?? '',
        });
      const noms = await m.find(AwardNomination, { where: { year }, order: { id: 'ASC' } });
      for (const n of noms)
        rows.push({
          year,
          person: n.personUserid ? who(n.personUserid) : '',
          dept: n.personUserid
            ? where(n.personUserid, n.departmentCode)
            : `${n.departmentCode ?? ''} ${n.windowNumber}号窗`,
          grade: '',
          award: n.award,
          by: who(n.nominatedBy),
          status: `${n.status}${n.approvalNo ? `（${n.approvalNo}）` : ''}`,
          note: n.reason,
        });
    }
    return [{ name: '年度等次及评优', columns: GRADE_COLUMNS, rows }];
  },
};

const KF_COLUMNS: Sheet['columns'] = [
  { header: 'KF 编号', key: 'no', width: 14 },
  { header: '日期', key: 'date', width: 11, type: 'date' },
  { header: '部门/人员', key: 'subject', width: 16 },
  { header: '规则 ID', key: 'rule', width: 9 },
  { header: '来源号', key: 'source', width: 16 },
  { header: '分值', key: 'points', width: 6, type: 'number' },
  { header: '评优资格', key: 'eligibility', width: 24 },
  { header: '说明', key: 'note', width: 40 },
];

export const deductionEligibilityLedger: Ledger = {
  name: '扣分及评优资格台账',
  aliases: ['扣分台账', '评优资格', 'deductions'],
  async build(db, range) {
    const m = db.manager;
    const names = new Map((await m.find(Person)).map((p) => [p.userid, p.name]));
    const kf = await m.find(DeductionEvent, { where: { date: Between(range.from, range.to) }, order: { no: 'ASC' } });
    const flags = await m.find(AwardFlag, { order: { id: 'ASC' } });
    const flagText = (f: AwardFlag) => ({ pending: '待决定', cancelled: `${f.year}年已取消`, kept: '保留' })[f.status];
    return [
      {
        name: '扣分及评优资格',
        columns: KF_COLUMNS,
        rows: kf.map((k) => {
          const f = flags.filter((x) => x.source === k.source);
          return {
            no: k.no,
            date: k.date,
            subject: `${k.departmentCode ?? ''}${k.personUserid ? ` ${names.get(k.personUserid) ?? k.personUserid}` : ''}`,
            rule: k.rule,
            source: k.source,
            points: k.points,
            eligibility: f.length ? f.map(flagText).join('；') : '不涉及',
            note: `${k.note ?? ''}${k.status === 'cleared' ? '（已澄清）' : ''}`,
          };
        }),
      },
    ];
  },
};
