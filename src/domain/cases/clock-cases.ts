import { type EntityManager, In } from 'typeorm';
import { ServiceCase } from '../../../entities/case';

/** What a reminder says about a case and whom it goes to (CAS-18). */
export interface CaseInfo {
  no: string;
  /** 承办人 (who typed the last event), else the 首问责任人 (CAS-03). */
  handler: string | null;
  departmentCode: string | null;
  item: string;
  instant: boolean;
}

export async function caseInfos(m: EntityManager, nos: string[]): Promise<Map<string, CaseInfo>> {
  const out = new Map<string, CaseInfo>();
  const unique = [...new Set(nos)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await m.find(ServiceCase, { where: { no: In(unique.slice(i, i + 500)) } });
    for (const c of rows)
      out.set(c.no, {
        no: c.no,
        handler: c.handler ?? c.firstResponder,
        departmentCode: c.departmentCode,
        item: c.itemName,
        instant: c.type === '即办',
      });
  }
  return out;
}
