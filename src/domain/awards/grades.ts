import { In, Not } from 'typeorm';
import { Department } from '../../../entities/department';
import { Person } from '../../../entities/person';
import { StaffGrade } from '../../../entities/staff-grade';
import type { Ctx } from '../../kernel/ctx';
import { UserError } from '../../kernel/errors';
import { insertRows } from '../../db';
import { getSetting } from '../../settings/settings';

// PRF-13 (003 措施15; 004 第二十一条): the center, not the sending unit, does the year-end assessment of stationed
// staff. PRF-15 (004 第二十三条, OPEN #53): the grade is filed and told to the department in writing — a DM to its
// 首席代表 that the department can keep (D181).

/** Stationed staff: everyone with a department who is not its 首席代表 and not inactive. */
export async function stationedStaff(ctx: Ctx): Promise<Person[]> {
  const depts = await ctx.m.find(Department, { where: { inactive: false } });
  const chiefs = depts.map((d) => d.chiefRep).filter((x): x is string => !!x);
  const people = await ctx.m.find(Person, {
    where: { departmentCode: In(depts.map((d) => d.code)), ...(chiefs.length ? { userid: Not(In(chiefs)) } : {}) },
    order: { departmentCode: 'ASC', userid: 'ASC' },
  });
  return people.filter((p) => !p.inactive);
}

/** Record (or correct) one person's grade for `year`; the department's 首席代表 gets the written notice. */
export async function gradeStaff(ctx: Ctx, p: Person, grade: string, year: number, note?: string): Promise<string> {
  const scale = await getSetting(ctx.m, 'performance.gradeScale');
  if (!scale.includes(grade)) throw new UserError(`等次应为：${scale.join('｜')}（rule PRF-15）。`);
  if (!p.departmentCode) throw new UserError(`${p.name} 不是进驻人员，无需中心年度考核（rule PRF-13）。`);
  const old = await ctx.m.findOne(StaffGrade, { where: { year, personUserid: p.userid } });
  if (old?.grade === grade) return `${p.name} ${year}年 已登记为 ${grade}，未变化。`;
  const row = {
    year,
    personUserid: p.userid,
    departmentCode: p.departmentCode,
    grade,
    note: note ?? null,
    gradedBy: ctx.actor.userid,
    gradedAt: ctx.now,
  };
  if (old) await ctx.m.update(StaffGrade, { id: old.id }, row);
  else await insertRows(ctx.m, StaffGrade, row);
  await ctx.audit(old ? 'grade.correct' : 'grade.record', 'staff_grade', `${year}:${p.userid}`, {
    grade,
    was: old?.grade ?? null,
    note: note ?? null,
  });
  const dept = await ctx.m.findOne(Department, { where: { code: p.departmentCode } });
  const to = dept?.chiefRep ?? null;
  if (to) {
    const text = [
      `【年度考核等次通知】`,
      `${dept!.name}：经政务服务中心年度考核，你单位进驻人员 ${p.name}${p.windowNumber ? `（${p.windowNumber}号窗）` : ''} ${year}年度考核等次为「${grade}」${old ? `（更正，原为「${old.grade}」）` : ''}。`,
      ...(note ? [`说明：${note}`] : []),
      `该等次由中心存档，作为评先评优、晋职晋级的依据（004 第二十三条）；进驻单位不再另行考核（003 措施15）。`,
    ].join('\n');
    await ctx.send({ user: to }, { text }, `grade:${year}:${p.userid}:${grade}`);
  }
  return `✅ ${p.name} ${year}年 ${grade}${old ? `（原 ${old.grade}）` : ''}，${to ? `已书面通知 ${p.departmentCode}` : `${p.departmentCode} 未设首席代表，未能通知`}`;
}

/** PRF-15 annual step: who still has no grade for `year` → 大厅管理室群 (one message per year). */
export async function gradesDue(ctx: Ctx, year: number): Promise<number> {
  const staff = await stationedStaff(ctx);
  const graded = new Set((await ctx.m.find(StaffGrade, { where: { year } })).map((g) => g.personUserid));
  const due = staff.filter((p) => !graded.has(p.userid));
  if (due.length === 0) return 0;
  const byDept = new Map<string, string[]>();
  for (const p of due) byDept.set(p.departmentCode!, [...(byDept.get(p.departmentCode!) ?? []), p.name]);
  const lines = [...byDept].map(([d, names]) => `${d}：${names.join('、')}`);
  await ctx.send(
    { group: 'G-OFFICE' },
    {
      text: `📋 ${year}年度进驻人员考核等次待登记 ${due.length} 人（rule PRF-15）：\n${lines.join('\n')}\n登记：年度 等次 <人> 优秀|称职|基本称职|不称职 年度=${year}`,
    },
    `annual:${year}:grades-due`,
  );
  return due.length;
}

/** Grades of a year, for 表彰 名单 and the ledger. */
export async function gradesOf(ctx: Ctx, year: number): Promise<StaffGrade[]> {
  return ctx.m.find(StaffGrade, { where: { year }, order: { departmentCode: 'ASC', personUserid: 'ASC' } });
}
