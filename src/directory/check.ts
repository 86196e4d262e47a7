import type { Role } from '../../entities/person-role';
import { listCn, sortRoles, type ListName } from './fields';
import type { Flat, State } from './state';

// Cross-row checks on the directory as it would be after the import (file rows merged over the stored
// ones), so a file may refer to departments or people already stored. Each message names the row that
// must change; rows that only exist in the database are named `部门 GA（现有记录）`.

export type Where = Record<ListName, Map<string, string>>;
/** Keys of file rows that failed validation: already reported, so references to them are not. */
export type Failed = Record<ListName, Set<string>>;

export const emptyWhere = (): Where => ({
  departments: new Map(),
  windows: new Map(),
  people: new Map(),
  groups: new Map(),
});
export const emptyFailed = (): Failed => ({
  departments: new Set(),
  windows: new Set(),
  people: new Set(),
  groups: new Set(),
});

function at(where: Where, list: ListName, key: string): string {
  return where[list].get(key) ?? `${listCn(list)} ${key}（现有记录）`;
}

const who = (p: Flat | undefined, userid: string) => (p ? `${String(p.name)}（${userid}）` : userid);

/**
 * References resolve (a window's department; a person's department, window and B岗), group keys name a
 * department, and DIR-02: exactly one 首席代表 per department, who belongs to it. A department without a
 * 首席代表 column takes the one person of it whose roles list chief_rep. Finally every person's chief_rep role
 * is set from the departments (the role follows the 首席代表 field, never the other way round).
 */
export function checkDirectory(s: State, where: Where, explicitChief: Set<string>, failed: Failed): string[] {
  const errors: string[] = [];
  const known = (list: ListName, key: string) => s[list].has(key) || failed[list].has(key);
  for (const [n, w] of s.windows) {
    if (w.department != null && !known('departments', w.department as string)) {
      errors.push(`${at(where, 'windows', n)}：部门“${String(w.department)}”不存在`);
    }
  }
  for (const [u, p] of s.people) {
    const here = () => at(where, 'people', u);
    if (p.department != null && !known('departments', p.department as string))
      errors.push(`${here()}：部门“${String(p.department)}”不存在`);
    if (p.window != null && !known('windows', p.window as string))
      errors.push(`${here()}：窗口“${String(p.window)}”不存在`);
    if (p.abPartner != null) {
      if (p.abPartner === u) errors.push(`${here()}：B岗不能是本人（rule DIR-09）`);
      else if (!known('people', p.abPartner as string))
        errors.push(`${here()}：B岗“${String(p.abPartner)}”不在人员名录中`);
    }
    if (explicitChief.has(u) && p.department == null)
      errors.push(`${here()}：角色“chief_rep”须填写部门（rule DIR-02）`);
  }
  errors.push(...checkChiefs(s, where, explicitChief, failed));
  const chatids = new Map<string, string>();
  for (const [k, g] of s.groups) {
    const here = at(where, 'groups', k);
    if (k.startsWith('G-DEPT-') && !known('departments', k.slice('G-DEPT-'.length))) {
      errors.push(`${here}：群键“${k}”对应的部门“${k.slice('G-DEPT-'.length)}”不存在`);
    }
    if (g.chatid != null && g.webhook != null) errors.push(`${here}：chatid 与 webhook 只能填一个`);
    if (g.chatid != null) {
      const other = chatids.get(g.chatid as string);
      if (other) errors.push(`${here}：chatid“${String(g.chatid)}”已用于 ${other}`);
      chatids.set(g.chatid as string, k);
    }
  }
  return errors;
}

/** DIR-02 (000 窗口工作 四(六)): each department has exactly one 首席代表. Fills inferred chiefs and roles. */
function checkChiefs(s: State, where: Where, explicitChief: Set<string>, failed: Failed): string[] {
  const errors: string[] = [];
  for (const [code, d] of s.departments) {
    const claimants = [...explicitChief].filter((u) => s.people.get(u)?.department === code);
    if (d.chiefRep == null && claimants.length > 0) d.chiefRep = claimants[0];
    const chief = d.chiefRep as string | null;
    if (chief == null || failed.people.has(chief)) continue;
    const person = s.people.get(chief);
    const place =
      where.departments.get(code) ??
      (where.people.has(chief) ? where.people.get(chief)! : at(where, 'departments', code));
    if (!person) errors.push(`${place}：首席代表“${chief}”不在人员名录中`);
    else if (person.department !== code) {
      errors.push(
        `${place}：首席代表 ${who(person, chief)} 不是 ${code} 的人员（其部门为 ${String(person.department ?? '空')}，rule DIR-02）`,
      );
    }
    for (const u of claimants.filter((c) => c !== chief)) {
      errors.push(
        `${at(where, 'people', u)}：不符合规定（rule DIR-02）：${code} 已有首席代表 ${who(person, chief)}，每个部门只能有一名首席代表`,
      );
    }
  }
  const chiefs = new Set(
    [...s.departments.values()].map((d) => d.chiefRep).filter((c): c is string => typeof c === 'string'),
  );
  for (const [u, p] of s.people) {
    const others = (p.roles as Role[]).filter((r) => r !== 'chief_rep');
    p.roles = sortRoles(chiefs.has(u) ? [...others, 'chief_rep'] : others);
  }
  return errors;
}

/** Keys seen twice in a file (the second row is named, with the first). */
export function duplicateKeys(rows: { at: string; key: string }[], label: string): string[] {
  const seen = new Map<string, string>();
  const errors: string[] = [];
  for (const r of rows) {
    const first = seen.get(r.key);
    if (first) errors.push(`${r.at}：${label}“${r.key}”重复（已见于 ${first}）`);
    else seen.set(r.key, r.at);
  }
  return errors;
}
