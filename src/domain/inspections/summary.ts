import { Between, type EntityManager } from 'typeorm';
import { Finding } from '../../../entities/finding';
import { Inspection } from '../../../entities/inspection';
import type { LocalDate } from '../../kernel/time';

// INS-10 (000 巡查 四(六)): 大厅管理室 periodically summarises inspections; the same summary feeds the
// 书面通报 draft (BRF-07). Withdrawn / unfounded findings are left out; disputed ones are counted apart.

export interface DeptSummary {
  code: string;
  problems: Finding[];
  praise: Finding[];
  disputed: number;
}

export interface InspectionSummary {
  from: LocalDate;
  to: LocalDate;
  rounds: Record<string, number>;
  problems: number;
  praise: number;
  disputed: number;
  byItem: Record<number, number>;
  bySeverity: Record<string, number>;
  departments: Map<string, DeptSummary>;
}

export async function summarise(m: EntityManager, from: LocalDate, to: LocalDate): Promise<InspectionSummary> {
  const rounds = await m.find(Inspection, { where: { date: Between(from, to) } });
  const findings = await m.find(Finding, { where: { date: Between(from, to) }, order: { at: 'ASC', id: 'ASC' } });
  const live = findings.filter((f) => f.status !== '已撤销' && f.status !== '不成立');
  const s: InspectionSummary = {
    from,
    to,
    rounds: {},
    problems: 0,
    praise: 0,
    disputed: 0,
    byItem: {},
    bySeverity: {},
    departments: new Map(),
  };
  for (const r of rounds) s.rounds[r.type] = (s.rounds[r.type] ?? 0) + 1;
  for (const f of live) {
    const code = f.departmentCode ?? '公共区域';
    const d = s.departments.get(code) ?? { code, problems: [], praise: [], disputed: 0 };
    if (f.positive) {
      s.praise++;
      d.praise.push(f);
    } else {
      s.problems++;
      d.problems.push(f);
      if (f.status === '有异议') {
        s.disputed++;
        d.disputed++;
      }
      if (f.item) s.byItem[f.item] = (s.byItem[f.item] ?? 0) + 1;
      if (f.severity) s.bySeverity[f.severity] = (s.bySeverity[f.severity] ?? 0) + 1;
    }
    s.departments.set(code, d);
  }
  return s;
}
