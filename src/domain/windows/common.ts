import { In, type EntityManager } from 'typeorm';
import { Department } from '../../../entities/department';
import { HallWindow } from '../../../entities/window';
import type { Ctx } from '../../kernel/ctx';
import { chiefRepOf, findWindow, usersWithRole } from '../../kernel/directory';
import { UserError } from '../../kernel/errors';
import { hasRole } from '../../kernel/permissions';
import { windowsLabel } from './rules';

// Shared by the WIN/SUS services: whose department is filing, which windows it owns, who is told.

/** The filer's department (a stationed department's staff, window lead or 首席代表 — docs/commands.md). */
export async function filingDepartment(ctx: Ctx): Promise<Department> {
  const code = ctx.actor.departmentCode;
  const d = code ? await ctx.m.findOne(Department, { where: { code } }) : null;
  if (!d) throw new UserError('只有进驻部门（单位）的人员可以提交该申请（你的账号未关联部门）。');
  return d;
}

/** True when the actor is the department's 首席代表: the submission itself is the signature (docs/commands.md). */
export function isChief(ctx: Ctx, d: Department): boolean {
  return d.chiefRep === ctx.actor.userid;
}

/** A department record may be acted on by its own people or by 大厅管理室 (DIR-04, DIR-10). */
export function checkOwnOrOffice(ctx: Ctx, departmentCode: string, what: string): void {
  if (ctx.actor.departmentCode === departmentCode || hasRole(ctx.actor, 'hall_office')) return;
  throw new UserError(`${what}属于 ${departmentCode}，你无权操作。`);
}

/** The typed windows (`12号窗`, `13`), each one of the department's own. */
export async function ownWindows(m: EntityManager, departmentCode: string, list: string[]): Promise<HallWindow[]> {
  if (list.length === 0) throw new UserError('请填写窗口号，例：13号窗 或 12,13。');
  const out: HallWindow[] = [];
  for (const ref of list) {
    const w = await findWindow(m, ref);
    if (w.departmentCode !== departmentCode)
      throw new UserError(`${w.number}号窗不是 ${departmentCode} 的窗口（属于 ${w.departmentCode ?? '大厅'}）。`);
    if (!out.some((x) => x.number === w.number)) out.push(w);
  }
  return out;
}

export async function departmentWindows(m: EntityManager, departmentCode: string): Promise<HallWindow[]> {
  const ws = await m.find(HallWindow, { where: { departmentCode } });
  return ws.sort((a, b) => a.number.localeCompare(b.number, 'zh', { numeric: true }));
}

export async function windowsByNumber(m: EntityManager, numbers: string[]): Promise<HallWindow[]> {
  return numbers.length ? m.find(HallWindow, { where: { number: In(numbers) } }) : [];
}

/** The 首席代表 by DM and the department's group (G-DEPT-<code>), each once per key. */
export async function tellDepartment(ctx: Ctx, departmentCode: string, text: string, key: string): Promise<void> {
  const chief = await chiefRepOf(ctx.m, departmentCode).catch(() => undefined);
  if (chief) await ctx.send({ user: chief.userid }, { text }, `${key}:chief`);
  await ctx.send({ group: `G-DEPT-${departmentCode}` }, { text }, `${key}:dept`);
}

/** Who decides a 评优 card raised by the bot (PRF-17): the acting 大厅管理室 member, else the 考核小组 member. */
export async function awardDecider(ctx: Ctx): Promise<string | undefined> {
  if (hasRole(ctx.actor, 'hall_office')) return ctx.actor.userid;
  const office = await usersWithRole(ctx.m, 'hall_office');
  return (office.find((p) => (p.flags ?? []).includes('考核小组')) ?? office[0])?.userid;
}

export { windowsLabel };
