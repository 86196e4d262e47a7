import { In, Not } from 'typeorm';
import { Department } from '../../../entities/department';
import { Person } from '../../../entities/person';
import { PersonRole } from '../../../entities/person-role';
import type { Ctx } from '../../kernel/ctx';
import { chiefRepOf } from '../../kernel/directory';
import { getSetting } from '../../settings/settings';

// Who approves a leave (ATT-05, OPEN #36; 000 窗口工作 五(五) "按照请销假审批权限请窗口负责人或相关领导审批"):
// ≤ leave.windowLeadMaxWorkdays WD → a 窗口负责人 of the department (never the requester: someone else of the
// department, else the 首席代表); longer → the 首席代表 (the engine also shows the card to a 代理人, DIR-02 OPEN #6);
// a 首席代表's own leave → the department's 分管领导 (department.deptLeaderUserid) or, when the directory has no
// WeCom account for them, a paper approval that 大厅管理室 records with a photo (D151); staff of no department
// (导服) → 大厅管理室 (D151).

export interface Approver {
  role: 'window_lead' | 'chief_rep' | 'dept_leader' | 'hall_office' | 'paper';
  userid: string | null;
}

export async function leaveApprover(ctx: Ctx, person: Person, workdays: number): Promise<Approver> {
  if (!person.departmentCode) return { role: 'hall_office', userid: null };
  const dept = await ctx.m.findOneOrFail(Department, { where: { code: person.departmentCode } });
  if (dept.chiefRep === person.userid) {
    const leader = dept.deptLeaderUserid
      ? await ctx.m.findOne(Person, { where: { userid: dept.deptLeaderUserid, inactive: false } })
      : null;
    return leader ? { role: 'dept_leader', userid: leader.userid } : { role: 'paper', userid: null };
  }
  if (workdays <= (await getSetting(ctx.m, 'leave.windowLeadMaxWorkdays'))) {
    const lead = await windowLeadFor(ctx, person);
    if (lead) return { role: 'window_lead', userid: lead.userid };
  }
  return { role: 'chief_rep', userid: (await chiefRepOf(ctx.m, dept.code)).userid };
}

/** A 窗口负责人 of the person's department other than themselves, the one of their own window first. */
async function windowLeadFor(ctx: Ctx, person: Person): Promise<Person | null> {
  const leads = await ctx.m.find(PersonRole, { where: { role: 'window_lead', userid: Not(person.userid) } });
  if (leads.length === 0) return null;
  const people = await ctx.m.find(Person, {
    where: { userid: In(leads.map((l) => l.userid)), departmentCode: person.departmentCode!, inactive: false },
    order: { userid: 'ASC' },
  });
  return people.find((p) => p.windowNumber && p.windowNumber === person.windowNumber) ?? people[0] ?? null;
}
