import { Between } from 'typeorm';
import { AwardFlag } from '../../../entities/award-flag';
import { AwardNomination } from '../../../entities/award-nomination';
import { ServiceCase } from '../../../entities/case';
import { DeductionEvent } from '../../../entities/deduction-event';
import { Finding } from '../../../entities/finding';
import { Notice } from '../../../entities/notice';
import { Person } from '../../../entities/person';
import { Rectification } from '../../../entities/rectification';
import { StaffGrade } from '../../../entities/staff-grade';
import type { Ctx } from '../../kernel/ctx';
import { satisfactionBetween, satisfactionLine, type Satisfaction } from '../reviews/satisfaction';
import { localDate, type LocalDate } from '../../kernel/time';

// PRF-10 (000 首问负责 第六条; 一次性告知 第十条; 限时办结 第十条) and CAS-19: 首问, 一次性告知 and 限时办结 count in
// the department's 绩效; PRF-11 (000 巡查 四; 督查通报 第五条(三), 第七条): findings, notices and rectification are
// the bases of the annual assessment; REV-06 satisfaction is shown beside them (by source, D95). One period (a month, or a year for the annual dossier — D185) per department.

export interface Period {
  label: string;
  first: LocalDate;
  last: LocalDate;
}

export interface DeptIndicators {
  code: string;
  received: number;
  informed: number;
  reSupplemented: number;
  finished: number;
  overdue: number;
  findings: number;
  praise: number;
  notices: number;
  rectIssued: number;
  rectPassed: number;
  deductions: number;
  points: number;
  /** REV-06: 好差评, 12345 and 办不成事 回访, by source. */
  satisfaction: Satisfaction;
}

const inside = (d: Date | null, p: Period) => !!d && localDate(d) >= p.first && localDate(d) <= p.last;

export async function deptIndicators(ctx: Ctx, p: Period, codes: string[]): Promise<DeptIndicators[]> {
  const cases = (await ctx.m.find(ServiceCase)).filter((c) => inside(c.receivedAt, p) || inside(c.finishedAt, p));
  const findings = await ctx.m.find(Finding, { where: { date: Between(p.first, p.last) } });
  const notices = (await ctx.m.find(Notice, { where: { status: '已发布' } })).filter((n) => inside(n.publishedAt, p));
  const rects = (await ctx.m.find(Rectification)).filter((r) => inside(r.issuedAt, p));
  const kf = await ctx.m.find(DeductionEvent, { where: { date: Between(p.first, p.last), status: 'active' } });
  const sat = new Map<string, Satisfaction>();
  for (const code of codes) sat.set(code, await satisfactionBetween(ctx.m, p.first, p.last, { departmentCode: code }));
  return codes.map((code) => {
    const mine = cases.filter((c) => c.departmentCode === code);
    const got = mine.filter((c) => inside(c.receivedAt, p));
    const done = mine.filter((c) => c.status !== '收件' && inside(c.finishedAt, p) && c.result !== null);
    const f = findings.filter((x) => x.departmentCode === code && x.status !== '不成立');
    // A notice concerns the department when it is addressed to it (派驻部门通报) or criticises one of its findings.
    const nt = notices.filter(
      (n) =>
        n.departmentCode === code ||
        ((n.content as { criticism?: { dept: string | null }[] }).criticism ?? []).some((i) => i.dept === code),
    );
    const r = rects.filter((x) => x.departmentCode === code);
    const k = kf.filter((x) => x.departmentCode === code);
    return {
      code,
      received: got.length,
      informed: got.filter((c) => c.supplements.length > 0).length,
      // CAS-07: a second 补正 round means the first 告知 was not 一次性.
      reSupplemented: got.filter((c) => c.supplements.length > 1).length,
      finished: done.length,
      overdue: done.filter((c) => c.closedOverdue).length,
      findings: f.filter((x) => !x.positive).length,
      praise: f.filter((x) => x.positive).length,
      notices: nt.length,
      rectIssued: r.length,
      rectPassed: r.filter((x) => x.status === '已通过').length,
      deductions: k.length,
      points: k.reduce((s, x) => s + x.points, 0),
      satisfaction: sat.get(code)!,
    };
  });
}

const pct = (a: number, b: number) => (b ? `${((a * 100) / b).toFixed(1)}%` : '—');

export function indicatorLine(p: Period, d: DeptIndicators): string {
  return [
    `${p.label} ${d.code}：超期 ${pct(d.overdue, d.finished)}（办结${d.finished}，超期${d.overdue}）`,
    `首问收件 ${d.received}｜一次性告知 ${d.informed}${d.reSupplemented ? `（多次补正${d.reSupplemented}）` : ''}`,
    `问题 ${d.findings}｜表扬 ${d.praise}｜通报 ${d.notices}｜整改 ${d.rectPassed}/${d.rectIssued}｜扣分事件 ${d.deductions}${d.points ? `（${d.points}分）` : ''}`,
    `满意度：${satisfactionLine(d.satisfaction)}`,
  ].join('\n');
}

/** The annual dossier's staff part (PRF-11, PRF-15/16/17): each stationed person's year in one line. */
export async function staffDossier(ctx: Ctx, year: number, code: string): Promise<string[]> {
  const people = (await ctx.m.find(Person, { where: { departmentCode: code }, order: { userid: 'ASC' } })).filter(
    (x) => !x.inactive,
  );
  const grades = await ctx.m.find(StaffGrade, { where: { year, departmentCode: code } });
  const kf = await ctx.m.find(DeductionEvent, {
    where: { date: Between(`${year}-01-01`, `${year}-12-31`), departmentCode: code, status: 'active' },
  });
  const findings = await ctx.m.find(Finding, {
    where: { date: Between(`${year}-01-01`, `${year}-12-31`), departmentCode: code },
  });
  const awards = await ctx.m.find(AwardNomination, { where: { year, departmentCode: code, status: '已授予' } });
  const lost = await ctx.m.find(AwardFlag, { where: { year, subjectType: 'person', status: 'cancelled' } });
  return people.map((x) => {
    const g = grades.find((y) => y.personUserid === x.userid)?.grade ?? '未定等次';
    const k = kf.filter((y) => y.personUserid === x.userid);
    const f = findings.filter((y) => y.staffUserid === x.userid && !y.positive && y.status !== '不成立');
    const a = awards.filter((y) => y.personUserid === x.userid).map((y) => y.award);
    const l = lost.some((y) => y.subjectId === x.userid);
    return `${x.name}${x.windowNumber ? `（${x.windowNumber}号窗）` : ''}：${g}｜问题 ${f.length}｜扣分事件 ${k.length}${a.length ? `｜获评 ${a.join('、')}` : ''}${l ? '｜评优资格已取消' : ''}`;
  });
}
