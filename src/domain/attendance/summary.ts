import type { AnomalyKind } from './rules';
import type { PersonDay } from './days';

// Counts of judged days (ATT-01, ATT-10): the import reply, `考勤 汇总`, the monthly report line.

export interface Counts {
  days: number;
  anomalies: Record<AnomalyKind, number>;
  /** Person-days excused by approved leave (ATT-05). */
  leave: number;
  /** Late sign-outs made valid by a 延时服务 log (SUS-05). */
  extended: number;
  /** People with at least one anomaly. */
  people: number;
}

const KINDS: AnomalyKind[] = ['迟到', '早退', '未签到', '未签退', '签到无效', '签退无效'];

export function summarise(days: PersonDay[]): Counts {
  const anomalies = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<AnomalyKind, number>;
  const people = new Set<string>();
  let leave = 0;
  let extended = 0;
  for (const d of days) {
    for (const a of d.judged.anomalies) anomalies[a.kind]++;
    if (d.judged.anomalies.length) people.add(d.person.userid);
    if (d.judged.status === '请假') leave++;
    if (d.judged.extended) extended++;
  }
  return { days: days.length, anomalies, leave, extended, people: people.size };
}

/** `迟到 2，早退 0，未签到 1` — the three always, the rest when not zero. */
export function summaryLine(c: Counts): string {
  const a = c.anomalies;
  const parts = [`迟到 ${a.迟到}`, `早退 ${a.早退}`, `未签到 ${a.未签到}`];
  for (const k of ['未签退', '签到无效', '签退无效'] as const) if (a[k]) parts.push(`${k} ${a[k]}`);
  if (c.leave) parts.push(`请假 ${c.leave}人次`);
  if (c.extended) parts.push(`延时签退 ${c.extended}`);
  return parts.join('，');
}
