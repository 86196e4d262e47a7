import type { EntityManager } from 'typeorm';
import { Department } from '../../entities/department';
import { GroupChat } from '../../entities/group-chat';
import { Person } from '../../entities/person';
import { PersonRole, type Role } from '../../entities/person-role';
import { HallWindow } from '../../entities/window';
import { sortRoles, type ListName } from './fields';

// The directory as flat records keyed by the file's paths (fields.ts), so a stored row and a file row can be
// merged and compared field by field. List fields are always arrays here (stored null = empty).

export type Value = string | number | boolean | string[] | null;
export type Flat = Record<string, Value>;
export type State = Record<ListName, Map<string, Flat>>;

/** file path → entity column, where they differ. */
const COLUMN: Record<ListName, Record<string, string>> = {
  departments: {
    'deptLeader.name': 'deptLeaderName',
    'deptLeader.phone': 'deptLeaderPhone',
    'deptLeader.userid': 'deptLeaderUserid',
    'contact.name': 'contactName',
    'contact.phone': 'contactPhone',
  },
  windows: { department: 'departmentCode' },
  people: { department: 'departmentCode', window: 'windowNumber' },
  groups: {},
};

/** The fields each list compares, in display order (key first). */
export const STATE_PATHS: Record<ListName, string[]> = {
  departments: [
    'code',
    'name',
    'parentUnit',
    'chiefRep',
    'deptLeader.name',
    'deptLeader.phone',
    'deptLeader.userid',
    'contact.name',
    'contact.phone',
  ],
  windows: ['number', 'name', 'department', 'zone', 'floor', 'kind', 'status', 'devices'],
  people: [
    'userid',
    'name',
    'department',
    'window',
    'roles',
    'flags',
    'abPartner',
    'stationedSince',
    'phone',
    'status',
    'zone',
  ],
  groups: ['key', 'name', 'chatid', 'webhook', 'members', 'created'],
};

const ARRAYS = new Set(['devices', 'roles', 'flags', 'members']);

/** A new row before the file's values are applied. */
export function defaults(list: ListName): Flat {
  const out: Flat = {};
  for (const p of STATE_PATHS[list]) out[p] = ARRAYS.has(p) ? [] : null;
  if (list === 'windows') out.status = '在用';
  if (list === 'people') out.status = '在岗';
  if (list === 'groups') out.created = false;
  return out;
}

function flatOf(list: ListName, entity: object): Flat {
  const e = entity as Record<string, unknown>;
  const out: Flat = {};
  for (const p of STATE_PATHS[list]) {
    const v = e[COLUMN[list][p] ?? p];
    out[p] = ARRAYS.has(p) ? ((v as string[] | null) ?? []) : ((v ?? null) as Value);
  }
  return out;
}

/** The entity columns to write for changed paths (roles live in person_role, not on the row). */
export function columnsOf(list: ListName, changes: Flat): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const [p, v] of Object.entries(changes)) if (p !== 'roles') out[COLUMN[list][p] ?? p] = v;
  return out;
}

export const ENTITY = { departments: Department, windows: HallWindow, people: Person, groups: GroupChat } as const;

/** People who are no longer in the hall drop out of every group; `inactive` rows are not in the state at all. */
export async function loadState(m: EntityManager): Promise<{ state: State; inactive: Set<string> }> {
  const [depts, windows, people, roles, groups] = await Promise.all([
    // Ordered by key so diffs and audit rows come out the same on SQLite and MariaDB.
    m.find(Department, { order: { code: 'ASC' } }),
    m.find(HallWindow, { order: { number: 'ASC' } }),
    m.find(Person, { order: { userid: 'ASC' } }),
    m.find(PersonRole, { order: { id: 'ASC' } }),
    m.find(GroupChat, { order: { key: 'ASC' } }),
  ]);
  const rolesOf = new Map<string, Role[]>();
  for (const r of roles) rolesOf.set(r.userid, [...(rolesOf.get(r.userid) ?? []), r.role]);
  const state: State = {
    departments: new Map(depts.map((d) => [d.code, flatOf('departments', d)])),
    windows: new Map(windows.map((w) => [w.number, flatOf('windows', w)])),
    people: new Map(
      people.map((p) => [p.userid, { ...flatOf('people', p), roles: sortRoles(rolesOf.get(p.userid) ?? []) }]),
    ),
    groups: new Map(groups.map((g) => [g.key, flatOf('groups', g)])),
  };
  return { state, inactive: new Set(people.filter((p) => p.inactive).map((p) => p.userid)) };
}

export const sameValue = (a: Value | undefined, b: Value | undefined) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** People who take part in the hall's groups: not deactivated, not yet arrived or already gone. */
const OUT_OF_HALL = new Set(['拟入岗', '已离岗']);

/**
 * Group members derived from the directory (conventions (docs/architecture.md)): G-HALL = every stationed person with a department;
 * G-OFFICE = hall_office; G-LEAD = leader + supervisor; G-GUIDE = guide; G-DEPT-<code> = that department's
 * people (its 首席代表 included). Sorted, so an unchanged directory gives an identical list.
 */
export function deriveMembers(key: string, people: Iterable<Flat>, inactive: Set<string>): string[] {
  const has = (p: Flat, ...rs: Role[]) => rs.some((r) => (p.roles as Role[]).includes(r));
  const pick = (p: Flat): boolean => {
    if (key === 'G-HALL') return p.department != null;
    if (key === 'G-OFFICE') return has(p, 'hall_office');
    if (key === 'G-LEAD') return has(p, 'leader', 'supervisor');
    if (key === 'G-GUIDE') return has(p, 'guide');
    if (key.startsWith('G-DEPT-')) return p.department === key.slice('G-DEPT-'.length);
    return false;
  };
  const out: string[] = [];
  for (const p of people) {
    if (inactive.has(p.userid as string) || OUT_OF_HALL.has(p.status as string)) continue;
    if (pick(p)) out.push(p.userid as string);
  }
  return out.sort();
}
