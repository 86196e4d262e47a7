import { Brackets, type EntityManager } from 'typeorm';
import { ServiceCase } from '../../../entities/case';
import { isPastDue } from '../../calendar/deadline-reminders';
import type { WorkCalendar } from '../../kernel/work-calendar';
import { type LocalDate, instantAt, localDate, monthBounds } from '../../kernel/time';
import { getSetting } from '../../settings/settings';

// CAS-19 办件超期率 (D114): of the cases concluded in the month (办结, or 不予受理 after 受理), the share finished
// after their due day — the earlier of the bot's and the platform's 到期日 (CAS-02, D113), at the end-of-day
// cut-off (OPEN #1). Withdrawals (CAS-16, 审批不通过申请撤回) are counted apart (OPEN #45, setting
// cases.rateCountsWithdrawn). Cases still open and overdue at the month's end are named beside the rate.

export interface OverdueRate {
  month: string;
  /** Concluded cases counted in the rate. */
  concluded: number;
  overdue: number;
  withdrawn: number;
  /** Open at the reference day and past their due day. */
  openOverdue: number;
  /** The day the figure is taken at: the month's last day, or today for the running month. */
  asOf: LocalDate;
}

export const effectiveDue = (c: Pick<ServiceCase, 'dueDate' | 'platformDueDate'>): LocalDate | null =>
  c.dueDate && c.platformDueDate
    ? c.platformDueDate < c.dueDate
      ? c.platformDueDate
      : c.dueDate
    : (c.dueDate ?? c.platformDueDate);

const concludedAt = (c: ServiceCase) => c.finishedAt ?? c.closedAt;

export async function overdueRates(
  m: EntityManager,
  cal: WorkCalendar,
  month: string,
  now: Date,
): Promise<Map<string, OverdueRate>> {
  const { first, last } = monthBounds(`${month}-01`);
  const today = localDate(now);
  const asOf = today < last ? today : last;
  const from = instantAt(first, '00:00').toISOString();
  const to = instantAt(last, '23:59').toISOString();
  const countWithdrawn = await getSetting(m, 'cases.rateCountsWithdrawn');
  const rows = await m
    .createQueryBuilder(ServiceCase, 'c')
    .where('c.dueDate IS NOT NULL')
    .andWhere(
      new Brackets((w) =>
        w
          .where('c.finishedAt BETWEEN :from AND :to')
          .orWhere('(c.finishedAt IS NULL AND c.closedAt BETWEEN :from AND :to)')
          .orWhere('(c.acceptedAt <= :to AND c.dueDate < :asOf AND (c.closedAt IS NULL OR c.closedAt > :to))'),
      ),
    )
    .setParameters({ from, to, asOf })
    .getMany();
  const out = new Map<string, OverdueRate>();
  const entry = (code: string) => {
    let r = out.get(code);
    if (!r) out.set(code, (r = { month, concluded: 0, overdue: 0, withdrawn: 0, openOverdue: 0, asOf }));
    return r;
  };
  const endOfDay = cal.endOfDay;
  for (const c of rows) {
    const due = effectiveDue(c)!;
    const at = concludedAt(c);
    const r = entry(c.departmentCode);
    const inMonth = at && at.toISOString() >= from && at.toISOString() <= to;
    if (!inMonth) {
      // Still open at the reference day (or concluded after the month) and past due.
      const open = !at || at.toISOString() > to;
      if (open && due < asOf) r.openOverdue++;
      continue;
    }
    if (c.status === '已撤回') {
      r.withdrawn++;
      if (!countWithdrawn) continue;
    }
    r.concluded++;
    if (isPastDue(instantAt(due, endOfDay), at)) r.overdue++;
  }
  return out;
}

export function sumRates(month: string, rates: Iterable<OverdueRate>, asOf: LocalDate): OverdueRate {
  const total: OverdueRate = { month, concluded: 0, overdue: 0, withdrawn: 0, openOverdue: 0, asOf };
  for (const r of rates) {
    total.concluded += r.concluded;
    total.overdue += r.overdue;
    total.withdrawn += r.withdrawn;
    total.openOverdue += r.openOverdue;
  }
  return total;
}

/** `1.2%（办结 250 件，超期 3 件；撤回 3 件另计；另有超期未办结 1 件）` */
export function describeRate(r: OverdueRate): string {
  const pct = r.concluded ? `${((r.overdue * 100) / r.concluded).toFixed(1)}%` : '—';
  const parts = [`办结 ${r.concluded} 件，超期 ${r.overdue} 件`];
  if (r.withdrawn) parts.push(`撤回 ${r.withdrawn} 件另计`);
  if (r.openOverdue) parts.push(`另有超期未办结 ${r.openOverdue} 件`);
  return `${pct}（${parts.join('；')}）`;
}
