import { In } from 'typeorm';
import { AuditLog } from '../../../entities/audit-log';
import { HallWindow, WINDOW_STATUSES, type WindowStatus } from '../../../entities/window';
import { WindowClosure } from '../../../entities/window-closure';
import type { WindowRecords } from '../../domain/windows/state';
import { addDays, localDate, type LocalDate } from '../../kernel/time';
import type { SimFacts } from './types';

// D236: the hall as it stood at an instant, rebuilt from what the month recorded — the window registry by undoing
// every audited `window.status` change made after it, and the 申请表 by their decision times — so an approved
// closure is judged by what was known when it was filed (D38, D49: a window's state is derived from approved
// closure periods over the registry's standing status).

/** Everything the rebuild needs, read once per check. */
export interface ClosureHistory {
  windows: HallWindow[];
  /** `window.status` audit rows, oldest first. */
  statusChanges: AuditLog[];
  records: WindowClosure[];
  /** 申请表 number → when it was 收回 (WIN-08 writes no time on the record, only its audit row). */
  reclaimedAt: Map<string, Date>;
}

/** A closure, reopening or reclaimed closure was approved at some point (its status today says so). */
const EVER_APPROVED = ['approved', 'ended', 'reclaimed'];

export async function loadClosureHistory(f: SimFacts): Promise<ClosureHistory> {
  const reclaims = await f.m.find(AuditLog, { where: { action: 'window_closure.reclaimed' } });
  return {
    windows: await f.m.find(HallWindow),
    statusChanges: await f.m.find(AuditLog, { where: { action: 'window.status' }, order: { at: 'ASC', id: 'ASC' } }),
    records: await f.m.find(WindowClosure, { where: { status: In(EVER_APPROVED) }, order: { id: 'ASC' } }),
    reclaimedAt: new Map(reclaims.map((a) => [a.subjectId, a.at])),
  };
}

// `在用`, `临时关闭 至2026-03-05` (status edits) or `GA 在用` / ` 备用` (a 新增 / 调减 moves the department too).
const FROM_RE = new RegExp(`^(?:(\\S*) )?(${WINDOW_STATUSES.join('|')})(?: 至(\\d{4}-\\d{2}-\\d{2}))?$`);

/** The registry at `at`: today's rows with every later change undone (a window created later is left out). */
export function registryAt(h: ClosureHistory, at: Date): HallWindow[] {
  const byNumber = new Map(h.windows.map((w) => [w.number, { ...w }]));
  const later = h.statusChanges.filter((a) => a.at.getTime() > at.getTime());
  for (const a of later.reverse()) {
    const from = String((a.detail as { from?: unknown } | null)?.from ?? '');
    const w = byNumber.get(a.subjectId);
    if (!w) continue;
    if (from === '（新建）') {
      byNumber.delete(a.subjectId);
      continue;
    }
    const m = FROM_RE.exec(from);
    if (!m) continue;
    if (m[1] !== undefined) w.departmentCode = m[1] || null;
    w.status = m[2] as WindowStatus;
    w.statusUntil = m[3] ?? null;
  }
  return [...byNumber.values()];
}

/** The last day a closure still closed its windows, as known at `at` (an end or 收回 before then shortens it). */
function lastClosedDay(h: ClosureHistory, c: WindowClosure, at: Date): LocalDate {
  const planned = c.toDate ?? c.fromDate;
  const today = localDate(at);
  const reclaimed = h.reclaimedAt.get(c.no);
  if (c.status === 'reclaimed' && reclaimed && reclaimed.getTime() <= at.getTime()) {
    const before = addDays(localDate(reclaimed), -1);
    return before < planned ? before : planned;
  }
  if (c.status === 'ended' && c.restoredOn && c.restoredOn <= today) {
    const before = addDays(c.restoredOn, -1);
    return before < planned ? before : planned;
  }
  return planned;
}

/** The approved records in force at `at` (decided by then), other than `except`, as state.ts reads them. */
export function recordsAt(h: ClosureHistory, at: Date, departmentCode: string, except: number): WindowRecords {
  const known = h.records.filter(
    (r) =>
      r.id !== except &&
      r.departmentCode === departmentCode &&
      r.decidedAt !== null &&
      r.decidedAt.getTime() <= at.getTime(),
  );
  return {
    closures: known
      .filter((r) => r.type === '临时关闭')
      .map((r) => ({ ...r, toDate: lastClosedDay(h, r, at) }))
      .filter((r) => r.toDate >= r.fromDate),
    reopens: known.filter((r) => r.type !== '临时关闭'),
  };
}
