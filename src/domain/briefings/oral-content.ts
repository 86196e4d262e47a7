import { Between, In, type EntityManager } from 'typeorm';
import { Finding } from '../../../entities/finding';
import type { WorkCalendar } from '../../kernel/work-calendar';
import { addDays, cnDate, type LocalDate } from '../../kernel/time';
import { itemCategory, itemLabel } from '../inspections/rules';
import { overdueForBriefing } from './complaint-sources';
import { overdueCaseLines } from '../cases/clock-overdue';

// BRF-02 (000 督查通报 第五条(一)): each WD, the problems found by inspection or 自查 on the previous WD —
// criticism for violations, praise for outstanding windows — plus CAS L3 cases and overdue complaints.

export interface OralItem {
  no: string;
  dept: string | null;
  window: string | null;
  item: number | null;
  desc: string;
  severity: string | null;
  date: LocalDate;
  /** INS-09: disputed findings stay in the draft, marked （有异议）. */
  disputed: boolean;
}

export interface OralContent {
  day: LocalDate;
  from: LocalDate;
  to: LocalDate;
  criticism: OralItem[];
  praise: OralItem[];
  complaints: { no: string; dept: string | null; what: string; days: number }[];
  /** CAS-18 L3: cases overdue on the briefing day, one line each (no staff names, D41). */
  casesL3: string[];
  removed: string[];
  added: string[];
  extra: string | null;
  approvals?: string[];
}

/**
 * The days a briefing on `day` covers: the previous WD and any non-working days after it (D48:
 * a finding recorded on a weekend or holiday goes into the next briefing, so every day is covered once;
 * §19 #29/#40: Monday covers Friday, the day after a holiday covers the last WD before it).
 */
export function oralRange(cal: WorkCalendar, day: LocalDate): { from: LocalDate; to: LocalDate } {
  return { from: cal.previousWorkday(day), to: addDays(day, -1) };
}

function toItem(f: Finding): OralItem {
  return {
    no: f.no,
    dept: f.departmentCode,
    window: f.windowNumber,
    item: f.item,
    desc: f.description,
    severity: f.severity,
    date: f.date,
    disputed: f.status === '有异议',
  };
}

/** Collect (or re-collect after an edit or a dispute) the content of the briefing on `day`. */
export async function collectOral(
  m: EntityManager,
  cal: WorkCalendar,
  day: LocalDate,
  now: Date,
  sel: { removed: string[]; added: string[]; extra: string | null } = { removed: [], added: [], extra: null },
): Promise<OralContent> {
  const { from, to } = oralRange(cal, day);
  const inRange = await m.find(Finding, { where: { date: Between(from, to) }, order: { at: 'ASC', id: 'ASC' } });
  const added = sel.added.length ? await m.find(Finding, { where: { no: In(sel.added) }, order: { at: 'ASC' } }) : [];
  const all = [...inRange, ...added.filter((f) => !inRange.some((g) => g.no === f.no))].filter(
    (f) => !sel.removed.includes(f.no),
  );
  const live = (f: Finding) => f.status === '待确认' || f.status === '已确认' || f.status === '有异议';
  const complaints = await overdueForBriefing(m, cal, now);
  return {
    day,
    from,
    to,
    criticism: all.filter((f) => !f.positive && live(f)).map(toItem),
    praise: all.filter((f) => f.positive && f.status === '表扬').map(toItem),
    complaints,
    casesL3: await overdueCaseLines(m, cal, day, now),
    removed: sel.removed,
    added: sel.added,
    extra: sel.extra,
  };
}

/** `3月2日` or `3月6日至3月8日` when findings of the following non-working days are included. */
export function aboutLabel(c: Pick<OralContent, 'from' | 'to' | 'criticism' | 'praise'>): string {
  const later = [...c.criticism, ...c.praise].some((i) => i.date > c.from && i.date <= c.to);
  return later ? `${cnDate(c.from)}至${cnDate(c.to)}` : cnDate(c.from);
}

/** Where an item was found: `GA 12号窗`, or 公共区域. */
export const placeOf = (i: OralItem) => `${i.dept ?? '公共区域'}${i.window ? ` ${i.window}号窗` : ''}`;

/** `（在岗，典型）`: what a criticism was about, in words (D41: no rule IDs in published text). */
function about(i: OralItem): string {
  const parts = [itemCategory(i.item), i.severity && i.severity !== '一般' ? i.severity : ''].filter(Boolean);
  return parts.length ? `（${parts.join('，')}）` : '';
}

/** The briefing text, published to G-HALL and read aloud: no staff names, no internal words (D41). */
export function renderOral(c: OralContent, header: string): string {
  const lines = [header];
  if (c.criticism.length === 0) lines.push(`一、批评：${aboutLabel(c)}巡查未发现问题。`);
  else {
    lines.push(`一、批评（${c.criticism.length}）`);
    c.criticism.forEach((i, n) =>
      lines.push(`${n + 1}. ${placeOf(i)}：${i.desc}${about(i)}${i.disputed ? '（有异议）' : ''}，请整改。`),
    );
  }
  if (c.praise.length === 0) lines.push('二、表扬：无');
  else {
    lines.push(`二、表扬（${c.praise.length}）`);
    c.praise.forEach((i, n) => lines.push(`${n + 1}. ${placeOf(i)}：${i.desc}`));
  }
  lines.push(c.casesL3.length ? `三、超期办件（${c.casesL3.length}）：${c.casesL3.join('；')}` : '三、超期办件：无');
  lines.push(
    c.complaints.length
      ? `四、投诉超期（${c.complaints.length}）：${c.complaints.map((x) => `${x.no} ${x.dept ?? ''} ${x.what}超期${x.days}个工作日`).join('；')}`
      : '四、投诉超期：无',
  );
  if (c.extra) lines.push(`补充：${c.extra}`);
  return lines.join('\n');
}

/** The card's 批评 field: `2：12号窗项3（异议）、5号窗项2` (a card field shows ~26 characters). */
export function criticismSummary(c: OralContent): string {
  if (c.criticism.length === 0) return '0（无问题）';
  return `${c.criticism.length}：${c.criticism.map((i) => `${i.window ? `${i.window}号窗` : (i.dept ?? '公共')}${itemLabel(i.item)}${i.disputed ? '（异议）' : ''}`).join('、')}`;
}

/** The card's sub-title: the items with their WT numbers, for `通报 修改 … 删除=WT…`. */
export function criticismDetail(c: OralContent): string {
  const short = (no: string) => no.replace(/^WT\d{4}-0*/, 'WT');
  const crit =
    c.criticism.map((i) => `${short(i.no)} ${placeOf(i)} ${i.desc}${i.disputed ? '（有异议）' : ''}`).join('；') ||
    '无问题';
  const praise = c.praise.map((i) => `${short(i.no)} ${placeOf(i)}`).join('；');
  return `批评：${crit}${praise ? `｜表扬：${praise}` : ''}`;
}
