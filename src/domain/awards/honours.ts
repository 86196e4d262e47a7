import { Between } from 'typeorm';
import { AwardFlag } from '../../../entities/award-flag';
import { AwardNomination } from '../../../entities/award-nomination';
import { DeductionEvent } from '../../../entities/deduction-event';
import { Department } from '../../../entities/department';
import { Person } from '../../../entities/person';
import { StaffGrade } from '../../../entities/staff-grade';
import type { Ctx } from '../../kernel/ctx';
import { getSetting } from '../../settings/settings';

// PRF-12 (000 全过程监督 第八、十四条): outstanding windows and individuals are commended; PRF-16: the year's
// awards. The list (D184): awards granted; individual candidates = the top grade of the year and still eligible
// (PRF-17); unit candidates = departments with no active 扣分事件 in the year and eligible; and who lost eligibility.

export interface Honours {
  granted: string[];
  people: string[];
  units: string[];
  lost: string[];
}

export async function honoursOf(ctx: Ctx, year: number): Promise<Honours> {
  const names = new Map((await ctx.m.find(Person)).map((p) => [p.userid, p.name]));
  const name = (id: string) => names.get(id) ?? id;
  const cancelled = await ctx.m.find(AwardFlag, { where: { year, status: 'cancelled' }, order: { id: 'ASC' } });
  const lostKey = new Set(cancelled.map((f) => `${f.subjectType}:${f.subjectId}`));
  const granted = await ctx.m.find(AwardNomination, { where: { year, status: '已授予' }, order: { id: 'ASC' } });
  const top = (await getSetting(ctx.m, 'performance.gradeScale'))[0];
  const grades = await ctx.m.find(StaffGrade, { where: { year, grade: top }, order: { departmentCode: 'ASC' } });
  const people = grades
    .filter((g) => !lostKey.has(`person:${g.personUserid}`) && !lostKey.has(`department:${g.departmentCode ?? ''}`))
    .map((g) => `${name(g.personUserid)}（${g.departmentCode ?? '—'}，${top}）`);
  const kf = await ctx.m.find(DeductionEvent, {
    where: { date: Between(`${year}-01-01`, `${year}-12-31`), status: 'active' },
  });
  const depts = await ctx.m.find(Department, { where: { inactive: false }, order: { code: 'ASC' } });
  const units = depts
    .filter((d) => !lostKey.has(`department:${d.code}`) && !kf.some((k) => k.departmentCode === d.code))
    .map((d) => `${d.code} ${d.name}`);
  return {
    granted: granted.map(
      (n) =>
        `${n.personUserid ? name(n.personUserid) : `${n.windowNumber}号窗`}「${n.award}」（${n.departmentCode ?? '—'}）`,
    ),
    people,
    units,
    lost: cancelled.map(
      (f) => `${f.subjectType === 'person' ? name(f.subjectId) : f.subjectId}（rule ${f.rule}，${f.source}）`,
    ),
  };
}

export function renderHonours(year: number, h: Honours): string {
  const part = (title: string, xs: string[]) => `${title} ${xs.length}：${xs.length ? xs.join('、') : '无'}`;
  return [
    `${year}年表彰名单（rule PRF-12、PRF-16）`,
    part('已获评', h.granted),
    part('个人候选', h.people),
    part('单位候选（全年无扣分）', h.units),
    part('已取消评优资格', h.lost),
  ].join('\n');
}

/** PRF-16 annual step: the year's candidates → 大厅管理室群 (one message per year). */
export async function annualCandidates(ctx: Ctx, year: number): Promise<number> {
  const h = await honoursOf(ctx, year);
  await ctx.send({ group: 'G-OFFICE' }, { text: `🏅 ${renderHonours(year, h)}` }, `annual:${year}:honours`);
  return h.people.length + h.units.length;
}
