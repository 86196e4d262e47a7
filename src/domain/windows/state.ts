import { In, type EntityManager } from 'typeorm';
import type { HallWindow, WindowStatus } from '../../../entities/window';
import { WindowClosure } from '../../../entities/window-closure';
import type { LocalDate } from '../../kernel/time';

// D38 (000_c8ed09c118362bcb.txt 调整管理 二(二)1(2), 二(二)2): a window's state on a date is derived from the
// records that govern it — approved 临时关闭 periods, approved reopenings (重启 after 收回, 季节重启 for a plan's
// season) — over the registry's standing status (在用 / 备用 / 季节性). Nothing is stored at approval; the
// registry follows a reopening only on its day (filing-watch, reopen-effects.ts) and a 收回 on the decision day.

/** The approved records that can change a window's state on some date. */
export interface WindowRecords {
  /** Approved 临时关闭 (ended / reclaimed ones no longer close anything). */
  closures: WindowClosure[];
  /** Approved 重启 / 季节重启 not yet taken over by the registry (toDate of a 季节重启 = its season's end). */
  reopens: WindowClosure[];
}

export interface WindowState {
  status: WindowStatus;
  /** The record behind the state, or behind the next change. */
  record?: WindowClosure;
}

export async function loadWindowRecords(m: EntityManager, departmentCode?: string): Promise<WindowRecords> {
  const rows = await m.find(WindowClosure, {
    where: { status: 'approved', ...(departmentCode ? { departmentCode } : {}) },
    order: { fromDate: 'ASC' },
  });
  return {
    closures: rows.filter((c) => c.type === '临时关闭'),
    reopens: rows.filter((c) => c.type !== '临时关闭'),
  };
}

/** Approved closures and pending ones too (the WIN-04 checks count requests in flight). */
export async function liveClosures(m: EntityManager, departmentCode: string): Promise<WindowClosure[]> {
  return m.find(WindowClosure, {
    where: { departmentCode, type: '临时关闭', status: In(['pending', 'approved']) },
    order: { fromDate: 'ASC' },
  });
}

const covers = (c: WindowClosure, number: string, day: LocalDate) =>
  c.windows.includes(number) && c.fromDate <= day && day <= (c.toDate ?? c.fromDate);

/** The closure of `number` in force on `day`, if any. */
export function closureOn(rec: WindowRecords, number: string, day: LocalDate): WindowClosure | undefined {
  return rec.closures.find((c) => covers(c, number, day));
}

/** The window's state on `day` (D38). */
export function stateOn(w: HallWindow, rec: WindowRecords, day: LocalDate): WindowState {
  const closed = closureOn(rec, w.number, day);
  if (closed) return { status: '临时关闭', record: closed };
  // A 临时关闭 typed into the registry (import, DIR-06 direct edit) holds until its statusUntil.
  if (w.status === '临时关闭') return { status: w.statusUntil && w.statusUntil < day ? '在用' : '临时关闭' };
  const reopen = rec.reopens.filter((r) => r.windows.includes(w.number) && r.fromDate <= day).at(-1);
  if (reopen) {
    const seasonOver = reopen.type === '季节重启' && reopen.toDate !== null && reopen.toDate < day;
    return { status: seasonOver ? '季节性' : '在用', record: reopen };
  }
  return { status: w.status };
}
