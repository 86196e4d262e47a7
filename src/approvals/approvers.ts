import { LessThanOrEqual, MoreThanOrEqual, In } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { Delegation } from '../../entities/delegation';
import type { Role } from '../../entities/person-role';
import { chiefRepOf, usersWithRole } from '../kernel/directory';
import { UserError } from '../kernel/errors';
import { localDate } from '../kernel/time';
import type { StepSpec } from '../kernel/approval-kind';

// Step resolution helpers for approval kinds, and the delegation rule (DIR-02, OPEN #6: one named 代理人 per
// leave period; cards go to the 代理人 too, and a decision by the 代理人 is tagged “代”).

export async function roleStep(m: EntityManager, label: string, role: Role, flag?: string): Promise<StepSpec> {
  const people = await usersWithRole(m, role, flag);
  if (people.length === 0) {
    throw new UserError(
      `无法提交：没有人担任“${label}”所需的角色（${role}${flag ? `，${flag}` : ''}），请联系系统管理员。`,
    );
  }
  return { label, approvers: people.map((p) => p.userid) };
}

export async function chiefRepStep(m: EntityManager, label: string, departmentCode: string): Promise<StepSpec> {
  const chief = await chiefRepOf(m, departmentCode);
  return { label, approvers: [chief.userid] };
}

/** Delegations active on `now`'s date whose principal is one of `principals`. */
export async function activeDelegations(m: EntityManager, principals: string[], now: Date): Promise<Delegation[]> {
  if (principals.length === 0) return [];
  const today = localDate(now);
  return m.find(Delegation, {
    where: { principal: In(principals), fromDate: LessThanOrEqual(today), toDate: MoreThanOrEqual(today) },
  });
}

/** Who may act on a step now: the approvers and their active delegates. */
export async function actingApprovers(m: EntityManager, approvers: string[], now: Date): Promise<string[]> {
  const dels = await activeDelegations(m, approvers, now);
  return [...new Set([...approvers, ...dels.map((d) => d.delegate)])];
}

/** If `userid` may decide, the principal they act for (themselves, or the delegating approver). */
export async function decidesFor(
  m: EntityManager,
  approvers: string[],
  userid: string,
  now: Date,
): Promise<string | undefined> {
  if (approvers.includes(userid)) return userid;
  const dels = await activeDelegations(m, approvers, now);
  return dels.find((d) => d.delegate === userid)?.principal;
}
