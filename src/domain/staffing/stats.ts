import { In, Not } from 'typeorm';
import { Person } from '../../../entities/person';
import { HallWindow, UNIFIED_KINDS, type WindowKind } from '../../../entities/window';
import type { Ctx } from '../../kernel/ctx';
import { findPerson, findWindow } from '../../kernel/directory';
import { UserError } from '../../kernel/errors';
import type { MonthlyReportProvider } from '../../kernel/report-provider';
import { getSetting } from '../../settings/settings';

// DIR-14 (003 措施6) 无差别综合窗口 ratio, DIR-15 (003 措施12) 岗位等级 and 持证上岗, DIR-09 AB岗.

const COMPREHENSIVE: readonly WindowKind[] = [...UNIFIED_KINDS, '分领域综合'];

/** DIR-14 / OPEN #9: 无差别 ÷ (无差别 + 分领域综合), windows in the hall's use (not 备用). */
export async function unifiedRatio(ctx: Ctx): Promise<{ unified: number; total: number; pct: number; min: number }> {
  const ws = await ctx.m.find(HallWindow, { where: { kind: In([...COMPREHENSIVE]), status: Not('备用') } });
  const unified = ws.filter((w) => (UNIFIED_KINDS as readonly string[]).includes(w.kind ?? '')).length;
  const total = ws.length;
  const pct = total ? Math.round((unified * 100) / total) : 0;
  return { unified, total, pct, min: await getSetting(ctx.m, 'staffing.unifiedRatioMin') };
}

/** DIR-15: stationed staff of comprehensive windows without a certificate, optionally of one department. */
export async function uncertified(ctx: Ctx, departmentCode?: string): Promise<{ all: number; missing: Person[] }> {
  const windows = await ctx.m.find(HallWindow, { where: { kind: In([...COMPREHENSIVE]) } });
  const numbers = windows.map((w) => w.number);
  if (numbers.length === 0) return { all: 0, missing: [] };
  const staff = await ctx.m.find(Person, {
    where: { windowNumber: In(numbers), inactive: false, ...(departmentCode ? { departmentCode } : {}) },
  });
  staff.sort((a, b) => Number(a.windowNumber) - Number(b.windowNumber) || a.userid.localeCompare(b.userid));
  return { all: staff.length, missing: staff.filter((p) => !p.certificate) };
}

export const uncertifiedLine = (p: Person) =>
  `${p.name}（${p.departmentCode ?? '—'} ${p.windowNumber}号窗${p.grade ? ` ${p.grade}级` : ''}）`;

/** monthly-batch 六 (D92): DIR-15 uncertified staff, hall-wide and per department. */
export const uncertifiedReport: MonthlyReportProvider = {
  label: '未持证综窗人员',
  rules: ['DIR-15'],
  async office(ctx) {
    const u = await uncertified(ctx);
    return `${u.missing.length}/${u.all}人${u.missing.length ? `：${u.missing.map(uncertifiedLine).join('、')}` : ''}`;
  },
  async department(ctx, _month, code) {
    const u = await uncertified(ctx, code);
    if (u.all === 0) return null;
    return `${u.missing.length}/${u.all}人${u.missing.length ? `：${u.missing.map(uncertifiedLine).join('、')}` : ''}`;
  },
};

/** `人员 证书`: DIR-15 岗位等级 and 证书 (清除 with 证书=无). */
export async function setGrade(ctx: Ctx, ref: string, grade?: string, certificate?: string): Promise<Person> {
  const p = await findPerson(ctx.m, ref);
  if (!grade && certificate === undefined) throw new UserError('请写 等级=初|中|高 或 证书=…（无证书写 证书=无）。');
  const cert = certificate === undefined ? p.certificate : certificate === '无' ? null : certificate;
  await ctx.m.update(Person, { userid: p.userid }, { grade: grade ?? p.grade, certificate: cert });
  await ctx.audit('person.grade', 'person', p.userid, {
    from: { grade: p.grade, certificate: p.certificate },
    to: { grade: grade ?? p.grade, certificate: cert },
  });
  return ctx.m.findOneOrFail(Person, { where: { userid: p.userid } });
}

/** `AB岗 设置 <窗口> A=<人> B=<人>` (DIR-09): A's B-post partner; B must be of the same department. */
export async function setAbPost(ctx: Ctx, windowRef: string, aRef: string, bRef: string) {
  const w = await findWindow(ctx.m, windowRef);
  const a = await findPerson(ctx.m, aRef);
  const b = await findPerson(ctx.m, bRef);
  const own = ctx.actor.roles.includes('hall_office') || ctx.actor.departmentCode === w.departmentCode;
  if (!own) throw new UserError(`${w.number}号窗属于 ${w.departmentCode ?? '大厅'}，只能设置本部门窗口的AB岗。`);
  if (a.windowNumber !== w.number)
    throw new UserError(`${a.name} 不在${w.number}号窗（${a.windowNumber ?? '无窗口'}）。`);
  if (a.userid === b.userid) throw new UserError('B岗不能是本人（rule DIR-09）。');
  if (b.departmentCode !== w.departmentCode || b.inactive)
    throw new UserError(`${b.name} 不是 ${w.departmentCode ?? '大厅'} 的在岗人员，不能担任B岗。`);
  await ctx.m.update(Person, { userid: a.userid }, { abPartner: b.userid });
  await ctx.audit('person.ab_partner', 'person', a.userid, { window: w.number, from: a.abPartner, to: b.userid });
  return { w, a, b };
}
