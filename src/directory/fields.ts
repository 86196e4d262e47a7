import { ROLES, ROLE_NAMES, type Role } from '../../entities/person-role';

// The directory's four lists and their columns (architecture "CLI", D19). One table drives the header
// aliases of CSV/XLSX, the labels in error messages and diffs, and the export columns, so the three formats
// can never disagree. A row is handled as a flat record keyed by `path` (`deptLeader.name` for the nested
// JSON object).

export const LISTS = ['departments', 'windows', 'people', 'groups'] as const;
export type ListName = (typeof LISTS)[number];

/** The sheet / file names people use; the first one is what the export writes. */
export const LIST_NAMES: Record<ListName, string[]> = {
  departments: ['部门', 'departments', 'department', 'depts'],
  windows: ['窗口', 'windows', 'window'],
  people: ['人员', 'people', 'persons', 'person', 'staff'],
  groups: ['群', 'groups', 'group', '群聊'],
};

export const listCn = (list: ListName) => LIST_NAMES[list][0];

/** The list a sheet, file or `表` cell names, if any. */
export function listNamed(name: string): ListName | undefined {
  const n = name.trim().toLowerCase();
  return LISTS.find((l) => LIST_NAMES[l].includes(n));
}

export interface FieldSpec {
  path: string;
  /** Chinese header, used in exports and messages. */
  label: string;
  /** Further accepted headers (the path itself is always accepted). */
  aliases: string[];
}

const f = (path: string, label: string, ...aliases: string[]): FieldSpec => ({ path, label, aliases });

export const FIELDS: Record<ListName, FieldSpec[]> = {
  departments: [
    f('code', '代码', '部门代码'),
    f('name', '名称', '部门名称', '部门'),
    f('parentUnit', '派驻部门', '派驻单位'),
    f('chiefRep', '首席代表'),
    f('deptLeader.name', '分管领导', 'deptLeader', '部门分管领导'),
    f('deptLeader.phone', '分管领导电话'),
    f('deptLeader.userid', '分管领导账号'),
    f('contact.name', '联系人'),
    f('contact.phone', '联系电话'),
  ],
  windows: [
    f('number', '窗口号', '号', '窗口', '编号'),
    f('name', '名称', '窗口名称'),
    f('department', '部门', '部门代码'),
    f('zone', '区域'),
    f('floor', '楼层'),
    f('kind', '类型', '窗口类型'),
    f('status', '状态'),
    f('devices', '设备'),
  ],
  people: [
    f('userid', '账号', '企业微信账号', 'id'),
    f('name', '姓名', '名字', '名称'),
    f('department', '部门', '部门代码'),
    f('window', '窗口', '窗口号'),
    f('roles', '角色'),
    f('flags', '标记'),
    f('abPartner', 'B岗', 'b岗', 'B岗人员'),
    f('stationedSince', '入岗时间', '入岗日期'),
    f('phone', '电话', '手机'),
    f('status', '状态', '人员状态'),
    f('zone', '区域', '所在区域'),
  ],
  groups: [
    f('key', '群键', '键'),
    f('name', '名称', '群名'),
    f('chatid', 'chatid', '群ID'),
    f('webhook', 'webhook', '机器人'),
  ],
};

/** Headers that carry no data and are skipped (a numbered sheet, notes). */
export const IGNORED_HEADERS = ['序号', '备注', 'note', 'notes', 'remark', '#'];

const headerKey = (h: string) =>
  h
    .trim()
    .replace(/\s+/g, '')
    .replace(/[*＊]$/, '')
    .toLowerCase();

/** The path a header names within a list, if any. */
export function pathOfHeader(list: ListName, header: string): string | undefined {
  const k = headerKey(header);
  return FIELDS[list].find((s) => [s.path, s.label, ...s.aliases].some((a) => headerKey(a) === k))?.path;
}

export function labelOf(list: ListName, path: string): string {
  return FIELDS[list].find((s) => s.path === path)?.label ?? path;
}

/** The key column of each list: upsert is by this value. */
export const KEY_PATH: Record<ListName, string> = {
  departments: 'code',
  windows: 'number',
  people: 'userid',
  groups: 'key',
};

/** DIR-08 person states. */
export const PERSON_STATUSES = ['拟入岗', '在岗', '顶岗', '拟离岗', '已离岗'] as const;

/** conventions (docs/architecture.md) group keys; G-DEPT-<code> must name a department. */
export const GROUP_KEY_RE = /^G-(HALL|OFFICE|LEAD|GUIDE|DEPT-[A-Z0-9_-]{1,16})$/;

/** Words accepted for a role besides its key and ROLE_NAMES (docs/commands.md wording). */
const ROLE_ALIASES: Record<string, Role> = {
  进驻人员: 'staff',
  工作人员: 'staff',
  分管领导: 'supervisor',
  中心分管领导: 'supervisor',
  中心领导: 'leader',
  领导: 'leader',
  蓝马甲: 'guide',
  导服: 'guide',
  导服人员: 'guide',
  所在区域有关领导: 'area_lead',
  服务商: 'provider',
  管理员: 'admin',
};

/** A role typed as its key (`chief_rep`), its Chinese name (`首席代表`) or a common alias. */
export function parseRole(word: string): Role | undefined {
  const w = word.trim();
  const key = w.toLowerCase();
  if ((ROLES as readonly string[]).includes(key)) return key as Role;
  const byName = ROLES.find((r) => ROLE_NAMES[r] === w);
  return byName ?? ROLE_ALIASES[w];
}

/** `a、b，c; d` → [a, b, c, d]: list cells accept comma, 、, semicolon or spaces. */
export function splitList(value: string): string[] {
  return value
    .split(/[,，、;；\s]+/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Sort roles in the table order of ROLES, so stored and exported lists compare equal. */
export function sortRoles(roles: Iterable<Role>): Role[] {
  const set = new Set(roles);
  return ROLES.filter((r) => set.has(r));
}
