import { Department } from '../../entities/department';
import { GroupChat } from '../../entities/group-chat';
import { Person } from '../../entities/person';
import { PersonRole, type Role } from '../../entities/person-role';
import { HallWindow } from '../../entities/window';
import type { Ctx } from '../kernel/ctx';
import { usersWithRole } from '../kernel/directory';
import { UserError, ruleRefusal } from '../kernel/errors';
import { insertRows } from '../db';
import { addMonths } from '../kernel/time';
import { GROUP_KEY_RE } from './fields';
import { refreshGroupMembers } from './groups';
import { checkRobotWebhook } from './robot-webhook';

// Directory edits made in chat (docs/commands.md 目录). Each runs inside the event's
// transaction, audits itself through ctx.audit, and keeps the directory valid for `directory import`
// (export → import stays a no-op): the chief_rep role follows the department's 首席代表 (DIR-02), and group
// members are recomputed after every change.

/** STF-01 reason codes, ADOPTED from 004 第十六条(二)1–5. */
export const STF01_REASONS: Record<number, string> = {
  1: '不胜任/严重违纪（中心要求）',
  2: '健康原因',
  3: '提拔/另行安排',
  4: '调离派驻单位',
  5: '其他特殊原因',
};

const CHIEF_CITE = '000 窗口工作 四(六)';

async function rolesOf(ctx: Ctx, userid: string): Promise<Role[]> {
  return (await ctx.m.find(PersonRole, { where: { userid } })).map((r) => r.role);
}

/** DIR-02: the chief_rep role is given and taken only with the department's 首席代表 field. */
function refuseChiefRole(roles: Role[]): void {
  if (roles.includes('chief_rep')) {
    throw new UserError(
      '首席代表请用“首席代表 设置 <部门> <人>”或“首席代表 更换 <部门> <人> 原因=…”办理（rule DIR-02）。',
    );
  }
}

export async function grantRoles(ctx: Ctx, p: Person, roles: Role[]): Promise<{ added: Role[]; had: Role[] }> {
  refuseChiefRole(roles);
  const current = await rolesOf(ctx, p.userid);
  const added = roles.filter((r) => !current.includes(r));
  if (added.length === 0) return { added, had: roles };
  await insertRows(
    ctx.m,
    PersonRole,
    added.map((role) => ({ userid: p.userid, role })),
  );
  await ctx.audit('role.grant', 'person', p.userid, { roles: added });
  await refreshGroupMembers(ctx.m, ctx.now, ctx.actor.userid);
  return { added, had: roles.filter((r) => current.includes(r)) };
}

export async function revokeRoles(ctx: Ctx, p: Person, roles: Role[]): Promise<{ removed: Role[]; missing: Role[] }> {
  refuseChiefRole(roles);
  const current = await rolesOf(ctx, p.userid);
  const removed = roles.filter((r) => current.includes(r));
  if (removed.includes('admin') && (await usersWithRole(ctx.m, 'admin')).length <= 1) {
    throw new UserError('不能撤销最后一名系统管理员的 admin 角色，请先授予另一人。');
  }
  for (const role of removed) await ctx.m.delete(PersonRole, { userid: p.userid, role });
  if (removed.length) {
    await ctx.audit('role.revoke', 'person', p.userid, { roles: removed });
    await refreshGroupMembers(ctx.m, ctx.now, ctx.actor.userid);
  }
  return { removed, missing: roles.filter((r) => !current.includes(r)) };
}

/** Whole months from `since` to `today` (calendar months, conventions (docs/architecture.md)). */
export function monthsBetween(since: string, today: string): number {
  let n =
    (Number(today.slice(0, 4)) - Number(since.slice(0, 4))) * 12 +
    Number(today.slice(5, 7)) -
    Number(since.slice(5, 7));
  if (addMonths(since, n) > today) n--;
  return Math.max(0, n);
}

export interface MoveResult {
  from: string | null;
  to: string;
}

/**
 * Who may move whom where (`人员 调岗`): a window of the person's own department, by 大厅管理室 or that
 * department's 首席代表. STF-01 (tenure under one year → 中心领导 approval) is src/domain/staffing/transfer.ts.
 */
export async function checkMove(ctx: Ctx, p: Person, windowNo: string): Promise<HallWindow> {
  const w = await ctx.m.findOne(HallWindow, { where: { number: windowNo } });
  if (!w) throw new UserError(`没有找到窗口“${windowNo}”。发送“窗口 查看”列出全部窗口。`);
  if (p.windowNumber === w.number) throw new UserError(`${p.name} 已在${w.number}号窗。`);
  if (w.departmentCode && p.departmentCode && w.departmentCode !== p.departmentCode) {
    throw new UserError(
      `${w.number}号窗属于 ${w.departmentCode}，${p.name} 属于 ${p.departmentCode}：跨部门请办理离岗/入岗（rule STF-07）。`,
    );
  }
  const actorRoles = ctx.actor.roles;
  if (!actorRoles.includes('hall_office') && !actorRoles.includes('admin')) {
    const dept = p.departmentCode ? await ctx.m.findOne(Department, { where: { code: p.departmentCode } }) : null;
    if (dept?.chiefRep !== ctx.actor.userid)
      throw new UserError(`只能为本部门人员调岗：${p.name} 属于 ${p.departmentCode ?? '（无部门）'}。`);
  }
  return w;
}

/** Moves a person to the window (checked by checkMove when asked); audited with the reason and its source. */
export async function movePerson(
  ctx: Ctx,
  p: Person,
  windowNo: string,
  why: { reasonCode?: number; reason?: string; source?: string } = {},
): Promise<MoveResult> {
  await ctx.m.update(Person, { userid: p.userid }, { windowNumber: windowNo });
  await ctx.audit('person.move', 'person', p.userid, {
    from: p.windowNumber,
    to: windowNo,
    reasonCode: why.reasonCode ?? null,
    reason: why.reason ?? null,
    ...(why.source ? { source: why.source } : {}),
  });
  return { from: p.windowNumber, to: windowNo };
}

/** The person must belong to the department (or to none yet, then they join it). */
async function joinDepartment(ctx: Ctx, d: Department, p: Person): Promise<void> {
  if (p.departmentCode && p.departmentCode !== d.code) {
    throw new UserError(
      `${p.name} 属于 ${p.departmentCode}，不是 ${d.code} 的人员；首席代表须为本部门进驻人员（rule DIR-02）。`,
    );
  }
  if (!p.departmentCode) await ctx.m.update(Person, { userid: p.userid }, { departmentCode: d.code });
}

export async function setChief(ctx: Ctx, d: Department, p: Person): Promise<void> {
  if (d.chiefRep) {
    const current = await ctx.m.findOne(Person, { where: { userid: d.chiefRep } });
    throw ruleRefusal('DIR-02', CHIEF_CITE, `该部门已有首席代表 ${current?.name ?? d.chiefRep}，请先办理更换。`);
  }
  await joinDepartment(ctx, d, p);
  await ctx.m.update(Department, { code: d.code }, { chiefRep: p.userid });
  await insertRows(ctx.m, PersonRole, { userid: p.userid, role: 'chief_rep' }, { orIgnore: true });
  await ctx.audit('chief_rep.set', 'department', d.code, { chiefRep: p.userid });
  await refreshGroupMembers(ctx.m, ctx.now, ctx.actor.userid);
}

/** Ends the old 首席代表 and starts the new one; the old keeps chief_rep only if still chief elsewhere. */
export async function replaceChief(ctx: Ctx, d: Department, p: Person, reason: string): Promise<Person> {
  if (!d.chiefRep) throw new UserError(`${d.code} 尚未设置首席代表，请用“首席代表 设置 ${d.code} <人>”。`);
  const old = await ctx.m.findOne(Person, { where: { userid: d.chiefRep } });
  if (d.chiefRep === p.userid) throw new UserError(`${p.name} 已是 ${d.code} 首席代表。`);
  await joinDepartment(ctx, d, p);
  await ctx.m.update(Department, { code: d.code }, { chiefRep: p.userid });
  await insertRows(ctx.m, PersonRole, { userid: p.userid, role: 'chief_rep' }, { orIgnore: true });
  if ((await ctx.m.count(Department, { where: { chiefRep: d.chiefRep } })) === 0) {
    await ctx.m.delete(PersonRole, { userid: d.chiefRep, role: 'chief_rep' });
  }
  await ctx.audit('chief_rep.replace', 'department', d.code, { from: d.chiefRep, to: p.userid, reason });
  await refreshGroupMembers(ctx.m, ctx.now, ctx.actor.userid);
  return old ?? ({ userid: d.chiefRep, name: d.chiefRep } as Person);
}

const DEFAULT_GROUP_NAMES: Record<string, string> = {
  'G-HALL': '全体进驻人员',
  'G-OFFICE': '大厅管理室',
  'G-LEAD': '中心领导',
  'G-GUIDE': '蓝马甲',
};

/** `…/send?key=abcd1234…` → `…/send?key=abcd****`: the key is the robot's credential. */
export const maskWebhook = (url: string) => url.replace(/([?&]key=)([^&]{0,4})[^&]*/, '$1$2****');

/** `群 绑定`: point a group at an app chat or a robot webhook (§0.3, D10). */
export async function bindGroup(
  ctx: Ctx,
  keyIn: string,
  target: { chatid?: string; webhook?: string },
  name?: string,
): Promise<GroupChat> {
  const key = keyIn.trim().toUpperCase();
  if (!GROUP_KEY_RE.test(key))
    throw new UserError(`群键“${keyIn}”无效：应为 G-HALL、G-OFFICE、G-LEAD、G-GUIDE 或 G-DEPT-<部门代码>。`);
  const dept = key.startsWith('G-DEPT-')
    ? await ctx.m.findOne(Department, { where: { code: key.slice(7) } })
    : undefined;
  if (dept === null) throw new UserError(`部门“${key.slice(7)}”不存在。`);
  if (!target.chatid === !target.webhook) throw new UserError('请给出 chatid=… 或 webhook=…（只填一个）。');
  if (target.chatid && !/^[0-9A-Za-z]{1,32}$/.test(target.chatid))
    throw new UserError('chatid 应为最多32位字母或数字。');
  if (target.webhook) await checkRobotWebhook(ctx, target.webhook);
  if (target.chatid) {
    const other = await ctx.m.findOne(GroupChat, { where: { chatid: target.chatid } });
    if (other && other.key !== key) throw new UserError(`chatid ${target.chatid} 已用于 ${other.key}。`);
  }
  const existing = await ctx.m.findOne(GroupChat, { where: { key } });
  const chatid = target.chatid ?? null;
  const webhook = target.webhook ?? null;
  const groupName = name ?? existing?.name ?? DEFAULT_GROUP_NAMES[key] ?? `${dept?.name ?? key}窗口群`;
  const created = existing && existing.chatid === chatid ? existing.created : false;
  if (existing) await ctx.m.update(GroupChat, { key }, { chatid, webhook, name: groupName, created });
  else await insertRows(ctx.m, GroupChat, { key, name: groupName, chatid, webhook, members: [], created: false });
  await ctx.audit('group.bind', 'group_chat', key, {
    from: existing ? { chatid: existing.chatid, webhook: existing.webhook && maskWebhook(existing.webhook) } : null,
    to: { chatid, webhook: webhook && maskWebhook(webhook) },
  });
  await refreshGroupMembers(ctx.m, ctx.now, ctx.actor.userid);
  return await ctx.m.findOneOrFail(GroupChat, { where: { key } });
}
