import { Between, In, type EntityManager } from 'typeorm';
import { Complaint } from '../../../entities/complaint';
import { Rating } from '../../../entities/rating';
import type { Ctx } from '../../kernel/ctx';
import type { MonthlyReportProvider } from '../../kernel/report-provider';
import { monthBounds } from '../../kernel/time';
import { isBad } from './levels';

// REV-06 (003 措施15): satisfaction is measured from three sources, shown apart and never blended into one
// number (D95): 好差评 ratings (满意率 = ratings that are not 不满意/非常不满意), and the 回访 满意度 recorded on
// complaints that came by 12345 or the 办不成事 desk.

export const VISIT_CHANNELS: Record<string, string> = { '12345': '12345', '导引台"办不成事"受理点': '办不成事' };

export interface SourceFigure {
  total: number;
  satisfied: number;
}

export interface Satisfaction {
  ratings: SourceFigure & { bad: number };
  visits: Record<string, SourceFigure>;
}

const rate = (f: SourceFigure) => (f.total ? `${((f.satisfied / f.total) * 100).toFixed(1)}%` : '—');

/** One month (`YYYY-MM`), optionally one department and window. */
export async function satisfaction(
  m: EntityManager,
  month: string,
  scope: { departmentCode?: string; windowNumber?: string } = {},
): Promise<Satisfaction> {
  const { first, last } = monthBounds(`${month}-01`);
  return satisfactionBetween(m, first, last, scope);
}

/** Any span of days (a year for the annual dossier, PRF-11). */
export async function satisfactionBetween(
  m: EntityManager,
  first: string,
  last: string,
  scope: { departmentCode?: string; windowNumber?: string } = {},
): Promise<Satisfaction> {
  const where = {
    ratedDate: Between(first, last),
    ...(scope.departmentCode ? { departmentCode: scope.departmentCode } : {}),
    ...(scope.windowNumber ? { windowNumber: scope.windowNumber } : {}),
  };
  const levels = await m.find(Rating, { where, select: { level: true } });
  const bad = levels.filter((r) => isBad(r.level)).length;
  const complaints = await m.find(Complaint, {
    where: {
      receivedDate: Between(first, last),
      channel: In(Object.keys(VISIT_CHANNELS)),
      ...(scope.departmentCode ? { departmentCode: scope.departmentCode } : {}),
      ...(scope.windowNumber ? { windowNumber: scope.windowNumber } : {}),
    },
    select: { channel: true, satisfaction: true },
  });
  const visits: Record<string, SourceFigure> = {};
  for (const label of Object.values(VISIT_CHANNELS)) visits[label] = { total: 0, satisfied: 0 };
  for (const c of complaints) {
    if (!c.satisfaction) continue; // 回访 not yet done
    const f = visits[VISIT_CHANNELS[c.channel]];
    f.total++;
    if (c.satisfaction !== '不满意') f.satisfied++;
  }
  return { ratings: { total: levels.length, satisfied: levels.length - bad, bad }, visits };
}

/** `好差评 满意率 99.2%（1204 条，差评 3）｜12345 回访 100.0%（2）｜办不成事 回访 —（0）` */
export function satisfactionLine(s: Satisfaction): string {
  const parts = [`好差评 满意率 ${rate(s.ratings)}（${s.ratings.total} 条，差评 ${s.ratings.bad}）`];
  for (const [label, f] of Object.entries(s.visits)) parts.push(`${label} 回访满意 ${rate(f)}（${f.total}）`);
  return parts.join('｜');
}

/** monthly-batch section 六 (D92): the hall's figures to G-OFFICE, each department's to its 首席代表. */
export const satisfactionReport: MonthlyReportProvider = {
  label: '满意度',
  rules: ['REV-06'],
  office: async (ctx: Ctx, month) => satisfactionLine(await satisfaction(ctx.m, month)),
  department: async (ctx: Ctx, month, departmentCode) =>
    satisfactionLine(await satisfaction(ctx.m, month, { departmentCode })),
};
