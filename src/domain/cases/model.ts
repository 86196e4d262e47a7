import type { Role } from '../../../entities/person-role';
import type { CaseStatus, ServiceCase } from '../../../entities/case';
import { shortDate } from '../../kernel/time';

// 办件 numbers, statuses and the names of the clocks hung on a case (CAS-01…24).

export const PREFIX = 'AJ';
/** `AJ<年>-<5位>` (docs/commands.md record numbers). */
export const WIDTH = 5;
/** Audit and deadline subject type of a case. */
export const SUBJECT = 'case';
/** The case's own clock (CAS-01/08/10/12); 并联 departments get `case:并联:<代码>` (CAS-22). */
export const MAIN_CLOCK = 'case:办结';
export const partClock = (dept: string) => `case:并联:${dept}`;

/** Before 受理: only 补正/补齐/受理/不予受理/撤回 apply. */
export const BEFORE_ACCEPT: readonly CaseStatus[] = ['收件', '待补正'];
/** Still in the applicant's hands to be finished (撤回 allowed, reminders may run). */
export const OPEN_CASE: readonly CaseStatus[] = ['收件', '待补正', '已受理', '中止'];

/** Who types case events (docs/commands.md: staff and the 综窗 provider). */
export const CASE_WORKERS: readonly Role[] = ['staff', 'provider', 'hall_office'];
/** Who may list and view cases beyond their own. */
export const CASE_READERS: readonly Role[] = [
  'staff',
  'provider',
  'window_lead',
  'chief_rep',
  'hall_office',
  'leader',
  'supervisor',
];

/** The 4 pause reasons of CAS-12 (002 运行规范 第十一条4); the setting `cases.pauseReasons` holds the list. */
export const PAUSE_REASONS = ['现场踏勘', '现场核查', '技术审查', '听证论证'] as const;

/** `户籍迁入｜承诺 5WD` / `户籍迁入｜即办`. */
export function limitLabel(c: Pick<ServiceCase, 'type' | 'limitWd'>): string {
  return c.type === '即办' ? '即办' : `承诺 ${c.limitWd}WD`;
}

/** `AJ2026-01234` → `AJ1234` inside the current year (the short form docs/commands.md shows). */
export function shortCaseNo(no: string, year: number): string {
  const m = /^AJ(\d{4})-0*(\d+)$/.exec(no);
  return m && Number(m[1]) === year ? `AJ${m[2]}` : no;
}

export function dueLabel(c: Pick<ServiceCase, 'dueDate'>): string {
  return c.dueDate ? shortDate(c.dueDate) : '未起算';
}
