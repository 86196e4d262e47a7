import { Between, In, type EntityManager } from 'typeorm';
import { Deadline } from '../../../entities/deadline';
import { Finding } from '../../../entities/finding';
import { Rectification } from '../../../entities/rectification';
import type { TalkEvidence } from '../../../entities/talk';
import { isPastDue } from '../../calendar/deadline-reminders';
import { getSetting } from '../../settings/settings';
import { instantAt, monthBounds } from '../../kernel/time';
import { complaintMonth } from './complaint-sources';

// BRF-04 (000 督查通报 第五条(二)) 约谈首席代表 when a department had 问题较多或较严重 in the month — OPEN #19:
// ≥3 confirmed findings, or ≥1 典型/重大 finding, or ≥1 属实 complaint. BRF-05 约谈分管领导 when 问题严重且整改不到 —
// OPEN #20: a 典型/重大 finding whose rectification order is overdue or judged 不到位 at month end.
// "Confirmed" counts 已确认 and the still-undisputed 待确认 (they confirm by default, OPEN #17); disputed,
// withdrawn and unfounded findings do not count.

export interface Candidate {
  departmentCode: string;
  target: '首席代表' | '分管领导';
  reasons: string[];
  evidence: TalkEvidence;
}

export async function talkCandidates(m: EntityManager, month: string): Promise<Candidate[]> {
  const { first, last } = monthBounds(`${month}-01`);
  const findingMin = await getSetting(m, 'talk.findingThreshold');
  const serious = await getSetting(m, 'talk.seriousSeverities');
  const complaintMin = await getSetting(m, 'talk.complaintThreshold');
  const unrectified = await getSetting(m, 'talk.unrectifiedSeverities');
  const findings = await m.find(Finding, {
    where: { date: Between(first, last), positive: false, status: In(['已确认', '待确认']) },
    order: { no: 'ASC' },
  });
  const complaints = await complaintMonth(m, month);
  const out: Candidate[] = [];
  const codes = new Set([
    ...findings.map((f) => f.departmentCode).filter((c): c is string => !!c),
    ...complaints.keys(),
  ]);
  for (const code of [...codes].sort()) {
    const mine = findings.filter((f) => f.departmentCode === code);
    const bad = mine.filter((f) => serious.includes(f.severity as never));
    const c = complaints.get(code);
    const substantiated = c?.items.filter((i) => i.outcome === '属实').map((i) => i.no) ?? [];
    const reasons: string[] = [];
    if (mine.length >= findingMin) reasons.push(`问题${mine.length}`);
    if (bad.length >= 1) reasons.push(`${[...new Set(bad.map((f) => f.severity))].join('/')}问题${bad.length}`);
    if (substantiated.length >= complaintMin) reasons.push(`属实投诉${substantiated.length}`);
    if (reasons.length)
      out.push({
        departmentCode: code,
        target: '首席代表',
        reasons,
        evidence: { findings: mine.map((f) => f.no), complaints: substantiated, rectifications: [] },
      });
  }
  // BRF-05: serious findings whose order is overdue or 不到位 at month end (evaluated now, on the 1st WD).
  const monthEnd = instantAt(last, '23:59');
  const seriousNos = (
    await m.find(Finding, { where: { positive: false, severity: In(unrectified), status: In(['已确认', '待确认']) } })
  ).map((f) => f.no);
  const orders = seriousNos.length
    ? await m.find(Rectification, { where: { source: In(seriousNos) }, order: { no: 'ASC' } })
    : [];
  const clocks = orders.length
    ? await m.find(Deadline, { where: { subjectType: 'rectification', subjectId: In(orders.map((r) => r.no)) } })
    : [];
  const byDept = new Map<string, string[]>();
  for (const r of orders) {
    if (!r.departmentCode || r.issuedAt > monthEnd || r.status === '已通过') continue;
    const late = clocks.some(
      (d) =>
        d.subjectId === r.no &&
        (d.status !== 'closed' || (d.closedAt !== null && d.closedAt > monthEnd)) &&
        isPastDue(d.dueAt, monthEnd),
    );
    if (late || r.verdict === '不到位') byDept.set(r.departmentCode, [...(byDept.get(r.departmentCode) ?? []), r.no]);
  }
  for (const [code, nos] of [...byDept].sort(([a], [b]) => a.localeCompare(b))) {
    const rs = orders.filter((r) => nos.includes(r.no));
    out.push({
      departmentCode: code,
      target: '分管领导',
      reasons: [`严重问题整改不到位${nos.length}`],
      evidence: { findings: [...new Set(rs.map((r) => r.source))], complaints: [], rectifications: nos },
    });
  }
  return out;
}
