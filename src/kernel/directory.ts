import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { Department } from '../../entities/department';
import { Person } from '../../entities/person';
import { PersonRole, type Role } from '../../entities/person-role';
import { HallWindow } from '../../entities/window';
import type { Actor } from './ctx';
import { UserError } from './errors';

// Directory lookups used by commands and domains (DIR-01…DIR-09). WeCom userids are case-insensitive
// (WeCom doc 90238): the bot stores and compares them lower-cased.

export const normUserid = (id: string) => id.trim().toLowerCase();

export async function loadActor(m: EntityManager, userid: string): Promise<Actor | undefined> {
  const person = await m.findOne(Person, { where: { userid: normUserid(userid) } });
  if (!person || person.inactive) return undefined;
  const roles = await m.find(PersonRole, { where: { userid: person.userid } });
  return {
    userid: person.userid,
    name: person.name,
    departmentCode: person.departmentCode,
    windowNumber: person.windowNumber,
    roles: roles.map((r) => r.role),
    flags: person.flags ?? [],
  };
}

/** Active people holding a role (optionally with a directory flag, e.g. leader + 主要领导). */
export async function usersWithRole(m: EntityManager, role: Role, flag?: string): Promise<Person[]> {
  const rows = await m.find(PersonRole, { where: { role } });
  if (rows.length === 0) return [];
  const people = await m.find(Person, { where: { userid: In(rows.map((r) => r.userid)), inactive: false } });
  return people.filter((p) => !flag || (p.flags ?? []).includes(flag)).sort((a, b) => a.userid.localeCompare(b.userid));
}

export async function personName(m: EntityManager, userid: string | null | undefined): Promise<string> {
  if (!userid) return '';
  const p = await m.findOne(Person, { where: { userid: normUserid(userid) } });
  return p?.name ?? userid;
}

/** A window reference typed in chat: `12号窗`, `12号`, `12`. */
export function windowNumberOf(ref: string): string {
  return ref
    .trim()
    .replace(/号窗口?$|号$|窗$/u, '')
    .toUpperCase();
}

export async function findWindow(m: EntityManager, ref: string): Promise<HallWindow> {
  const number = windowNumberOf(ref);
  const w = await m.findOne(HallWindow, { where: { number } });
  if (!w) throw new UserError(`没有找到窗口“${ref}”。发送“窗口 查看”列出全部窗口。`);
  return w;
}

export async function findDepartment(m: EntityManager, ref: string): Promise<Department> {
  const code = ref.trim().toUpperCase();
  const byCode = await m.findOne(Department, { where: { code } });
  if (byCode) return byCode;
  const byName = await m.find(Department, { where: { name: ref.trim() } });
  if (byName.length === 1) return byName[0];
  throw new UserError(`没有找到部门“${ref}”。发送“部门 查看”列出全部部门。`);
}

/** A person typed in chat: `@李四`, `李四` or a userid. Ambiguous names are refused with the candidates. */
export async function findPerson(m: EntityManager, ref: string): Promise<Person> {
  const s = ref.trim().replace(/^@/, '');
  const byId = await m.findOne(Person, { where: { userid: normUserid(s) } });
  if (byId) return byId;
  const byName = await m.find(Person, { where: { name: s } });
  if (byName.length === 1) return byName[0];
  if (byName.length > 1) {
    throw new UserError(
      `“${s}”有${byName.length}人同名：${byName.map((p) => p.userid).join('、')}，请用账号（userid）指定。`,
    );
  }
  throw new UserError(`没有找到人员“${s}”。`);
}

/** The department's 首席代表 (DIR-02), or an error naming the department. */
export async function chiefRepOf(m: EntityManager, code: string): Promise<Person> {
  const d = await m.findOne(Department, { where: { code } });
  const p = d?.chiefRep ? await m.findOne(Person, { where: { userid: d.chiefRep } }) : null;
  if (!p) throw new UserError(`部门 ${code} 尚未设置首席代表，请大厅管理室先设置（rule DIR-02）。`);
  return p;
}

/**
 * D160 zones: a guide's 区域领导 (ATT-04 “所在区域有关领导”) is every active `area_lead` whose 区域 equals the
 * guide's. An empty list means the zone has none: callers fall back to 大厅管理室 (G-OFFICE / hall_office).
 */
export async function zoneLeads(m: EntityManager, userid: string): Promise<Person[]> {
  const p = await m.findOne(Person, { where: { userid: normUserid(userid) } });
  if (!p?.zone) return [];
  return (await usersWithRole(m, 'area_lead')).filter((l) => l.zone === p.zone && l.userid !== p.userid);
}
