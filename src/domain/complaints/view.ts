import type { Complaint } from '../../../entities/complaint';
import type { Deadline } from '../../../entities/deadline';
import type { Actor } from '../../kernel/ctx';
import { maskAddress, maskName, maskPhone, seesPersonalData } from '../../kernel/mask';
import { hasRole } from '../../kernel/permissions';
import { UserError } from '../../kernel/errors';
import type { WorkCalendar } from '../../kernel/work-calendar';
import { PROVISIONAL_NOTE } from '../../calendar/deadline-due';
import { localDate, shortDate } from '../../kernel/time';
import { deadlineLabel, redact, summaryOf } from './model';
import { overdueWorkdaysOf } from './sources';

// Who sees what of a complaint (REC-01, REC-07, CMP-17, D18): hall_office, leader and supervisor see the
// complainant in full; everyone else sees masked values; the respondent side never sees a 保密 complainant at
// all ("投诉人：保密"), not even masked.

/** The complainant as `viewer` may see it; `respondentSide` forces the respondent rule (cards, DMs). */
export function complainantText(c: Complaint, viewer: Actor | null, respondentSide = false): string {
  const full = viewer && !respondentSide && seesPersonalData(viewer.roles);
  if (full) {
    const parts = [c.complainantName || '匿名', c.complainantPhone, c.complainantAddress].filter(Boolean);
    return `${parts.join(' ')}${c.confidential ? '（要求保密）' : ''}`;
  }
  if (c.confidential) return '保密';
  if (!c.complainantName && !c.complainantPhone) return '匿名';
  return [maskName(c.complainantName), maskPhone(c.complainantPhone), maskAddress(c.complainantAddress)]
    .filter(Boolean)
    .join(' ');
}

/** The matter as `viewer` may read it: office and leaders in full, others redacted of the complainant. */
export function matterText(c: Complaint, viewer: Actor | null): string {
  return viewer && seesPersonalData(viewer.roles) ? c.matter : redact(c.matter, c);
}

export function opinionText(c: Complaint): string {
  return c.opinion ? redact(c.opinion, c) : '';
}

export { summaryOf };

/**
 * DIR-10 / REC-01: hall_office, leaders and supervisors see every complaint; a 首席代表 only complaints about
 * their own department (or referred to it); nobody else.
 */
export function assertMayView(actor: Actor, c: Complaint, partyDepts: string[] = []): void {
  if (hasRole(actor, 'hall_office', 'leader', 'supervisor')) return;
  const dept = actor.departmentCode;
  if (hasRole(actor, 'chief_rep') && dept && (c.departmentCode === dept || partyDepts.includes(dept))) return;
  throw new UserError(`无权查看 ${c.no}：首席代表只能查看本部门被投诉的事项。`);
}

/** `落实处理意见（GA） 3/10（剩2WD）` / `…（超期1WD）` / `…（今日到期）`; beyond the calendar: 日期待日历确认 (D13). */
export function clockLine(cal: WorkCalendar, d: Deadline, now: Date): string {
  const today = localDate(now);
  let left: string;
  if (d.dueDate < today || (d.dueDate === today && d.dueAt < now))
    left = `超期${overdueWorkdaysOf(cal, d.dueDate, today)}WD`;
  else if (d.dueDate === today) left = '今日到期';
  else {
    try {
      left = `剩${cal.workdaysBetween(today, d.dueDate)}WD`;
    } catch {
      left = PROVISIONAL_NOTE;
    }
  }
  const provisional = d.provisional && left !== PROVISIONAL_NOTE ? `，${PROVISIONAL_NOTE}` : '';
  return `${deadlineLabel(d.kind)} ${shortDate(d.dueDate)}（${left}${provisional}）`;
}
