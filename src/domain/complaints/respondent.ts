import type { EntityManager } from 'typeorm';
import { Department } from '../../../entities/department';
import { Person } from '../../../entities/person';
import { PersonRole } from '../../../entities/person-role';
import { HallWindow } from '../../../entities/window';
import { findPerson, windowNumberOf } from '../../kernel/directory';
import { UserError } from '../../kernel/errors';
import { CHANNELS } from './model';

// 被投诉对象 (form field 8; CMP-01, CMP-04): a department, a window (→ its department), a person (→ their
// department and window). Guides and provider staff may be complained about too (seed 000 投诉处理 一
// "工作人员及其他导服人员"): a guide has no department, so the respondent is the person alone.

export interface Respondent {
  departmentCode: string | null;
  windowNumber: string | null;
  staffUserid: string | null;
  label: string;
}

export interface RespondentRefs {
  对象?: string;
  部门?: string;
  窗口?: string;
  人员?: string;
}

export const hasRespondent = (r: RespondentRefs) =>
  Boolean(r.对象?.trim() || r.部门?.trim() || r.窗口?.trim() || r.人员?.trim());

async function windowOf(m: EntityManager, ref: string): Promise<HallWindow | null> {
  if (!/^\d+\s*(号窗口?|号|窗)?$/u.test(ref.trim())) return null;
  return m.findOne(HallWindow, { where: { number: windowNumberOf(ref) } });
}

async function departmentOf(m: EntityManager, ref: string): Promise<Department | null> {
  const byCode = await m.findOne(Department, { where: { code: ref.trim().toUpperCase() } });
  if (byCode) return byCode;
  const byName = await m.find(Department, { where: { name: ref.trim() } });
  return byName.length === 1 ? byName[0] : null;
}

async function personLabel(m: EntityManager, p: Person): Promise<string> {
  const roles = (await m.find(PersonRole, { where: { userid: p.userid } })).map((r) => r.role);
  const prefix = roles.includes('guide') && !p.departmentCode ? '导服 ' : '';
  return `${prefix}${p.name}`;
}

/** Resolve 对象 / 部门 / 窗口 / 人员 into one respondent; unknown references are named back. */
export async function resolveRespondent(m: EntityManager, refs: RespondentRefs): Promise<Respondent> {
  let dept: string | null = null;
  let win: string | null = null;
  let staff: Person | null = null;
  const generic = refs.对象?.trim();
  if (generic) {
    const w = await windowOf(m, generic);
    const d = w ? null : await departmentOf(m, generic);
    if (w) {
      win = w.number;
      dept = w.departmentCode;
    } else if (d) dept = d.code;
    else
      staff = await findPerson(m, generic).catch(() => {
        throw new UserError(`没有找到被投诉对象“${generic}”。请写部门代码（GA）、窗口（12号窗）或人员姓名。`);
      });
  }
  if (refs.窗口?.trim()) {
    const w = await windowOf(m, refs.窗口);
    if (!w) throw new UserError(`没有找到窗口“${refs.窗口}”。`);
    win = w.number;
    dept ??= w.departmentCode;
  }
  if (refs.部门?.trim()) {
    const d = await departmentOf(m, refs.部门);
    if (!d) throw new UserError(`没有找到部门“${refs.部门}”。`);
    dept = d.code;
  }
  if (refs.人员?.trim()) staff = await findPerson(m, refs.人员);
  if (staff) {
    dept ??= staff.departmentCode;
    win ??= staff.windowNumber;
  }
  const label = [dept, win ? `${win}号窗` : null, staff ? await personLabel(m, staff) : null].filter(Boolean).join(' ');
  return { departmentCode: dept, windowNumber: win, staffUserid: staff?.userid ?? null, label: label.slice(0, 64) };
}

const CHANNEL_ALIASES: Record<string, string> = {
  登记本: '投诉登记本',
  办不成事: '导引台"办不成事"受理点',
  导引台: '导引台"办不成事"受理点',
  受理点: '导引台"办不成事"受理点',
  '7218686': '0477-7218686',
  '04777218686': '0477-7218686',
  热线: '12345',
  政务服务网: '鄂尔多斯政务服务网',
  网站: '鄂尔多斯政务服务网',
  导服: '导服转交',
  差评: '好差评',
  现场: '大厅管理室',
};

/** 投诉方式 as typed → one of the CMP-02 channels (form field 3). */
export function normaliseChannel(raw: string): string {
  const s = raw.trim().replace(/[“”]/g, '"');
  const exact = CHANNELS.find((c) => c === s || c.replace(/"/g, '') === s.replace(/"/g, ''));
  if (exact) return exact;
  const alias = CHANNEL_ALIASES[s.replace(/"/g, '')];
  if (alias) return alias;
  throw new UserError(`“方式=${raw}”无效。可选：${CHANNELS.join('、')}`);
}
