import { type EntityManager, In } from 'typeorm';
import { CaseEvent } from '../../../entities/case-event';
import { Deadline } from '../../../entities/deadline';
import type { ServiceCase } from '../../../entities/case';
import type { Ctx } from '../../kernel/ctx';
import { maskPhone, seesPersonalData } from '../../kernel/mask';
import { personName } from '../../kernel/directory';
import { replyList } from '../../kernel/replies';
import { addDays, isoWeekday, localDate, localStamp, shortDate, yearOf } from '../../kernel/time';
import type { WorkCalendar } from '../../kernel/work-calendar';
import { limitLabel, OPEN_CASE, shortCaseNo } from './model';
import { loadCase, visibleCases } from './store';
import { unmetItems } from './intake';

// 办件 查看 / 列表 (CAS-18): due dates (from the clocks, D108) and the reminder level the case is at today.

/** `L3 超期2WD`, `L2 今日到期`, `L2 明日到期`, `L1 已过半`, or '' (CAS-18 levels, OPEN #46 defaults). */
export function levelLabel(cal: WorkCalendar, c: ServiceCase, due: string | null, today: string): string {
  if (!due || c.status !== '已受理') return '';
  if (due < today) return `L3 超期${Math.max(1, cal.workdaysBetween(due, today))}WD`;
  if (due === today) return 'L2 今日到期';
  const left = cal.workdaysBetween(today, due);
  if (left === 1) return 'L2 明日到期';
  if (c.limitWd > 2 && left * 2 <= c.limitWd) return 'L1 已过半';
  return '';
}

/** Due dates from the clocks themselves (a calendar change or a 记录 更正 moves them, D16). */
export async function dueDates(m: EntityManager, cases: ServiceCase[]): Promise<Map<number, string>> {
  const ids = cases.map((c) => c.deadlineId).filter((x): x is number => x != null);
  const rows = ids.length
    ? await m.find(Deadline, { select: { id: true, dueDate: true }, where: { id: In(ids) } })
    : [];
  const byId = new Map(rows.map((d) => [d.id, d.dueDate]));
  return new Map(cases.map((c) => [c.id, (c.deadlineId && byId.get(c.deadlineId)) || c.dueDate || '']));
}

function line(ctx: Ctx, c: ServiceCase, dueDate: string, today: string): string {
  const level = levelLabel(ctx.deps.calendar, c, dueDate || null, today);
  const due = dueDate ? `到期 ${shortDate(dueDate)}` : '未受理';
  return `${shortCaseNo(c.no, yearOf(today))} ${c.itemName}｜${c.status}｜${due}${level ? `｜${level}` : ''}`;
}

export async function viewCase(ctx: Ctx, ref: string): Promise<string> {
  const c = await loadCase(ctx, ref);
  const today = localDate(ctx.now);
  const phone = seesPersonalData(ctx.actor.roles) ? (c.applicantPhone ?? '') : maskPhone(c.applicantPhone);
  const due = (await dueDates(ctx.m, [c])).get(c.id) || null;
  const level = levelLabel(ctx.deps.calendar, c, due, today);
  const lines = [
    `${c.no}${c.platformNo ? `（平台号 ${c.platformNo}）` : ''} ${c.itemName}｜${limitLabel(c)}${c.mode !== '普通' ? `｜${c.mode}` : ''}`,
    `状态 ${c.status}${c.pauseReason ? `（${c.pauseReason}）` : ''}｜${due ? `到期 ${due}` : '未起算'}${level ? `｜${level}` : ''}${c.extensions ? `｜延期${c.extensions}次` : ''}`,
    `申请人 ${c.applicant}${phone ? ` ${phone}` : ''}｜首问 ${await personName(ctx.m, c.firstResponder)}｜承办 ${await personName(ctx.m, c.handler)}`,
  ];
  const unmet = unmetItems(c);
  if (unmet.length) lines.push(`待补正：${unmet.join('、')}`);
  if (c.parallel?.length)
    lines.push(
      `并联：${c.parallel.map((p) => `${p.department} ${shortDate(p.dueDate)}${p.doneAt ? '✓' : ''}`).join('，')}`,
    );
  if (c.closedOverdue) lines.push(`超期 ${c.overdueWd ?? 0}WD 办结${c.faultParty ? `｜责任方 ${c.faultParty}` : ''}`);
  const events = await ctx.m.find(CaseEvent, { where: { caseNo: c.no }, order: { id: 'DESC' }, take: 3 });
  if (events.length) lines.push(`最近：${events.map((e) => `${localStamp(e.at).slice(5)} ${e.action}`).join('；')}`);
  return lines.join('\n');
}

export interface ListArgs {
  到期?: '今天' | '本周';
  超期?: string;
  部门?: string;
}

export async function listCases(ctx: Ctx, a: ListArgs): Promise<void> {
  const today = localDate(ctx.now);
  const where: Record<string, unknown> = { status: In(OPEN_CASE) };
  if (a.部门) where.departmentCode = a.部门.trim().toUpperCase();
  let rows = await visibleCases(ctx, where);
  const dues = await dueDates(ctx.m, rows);
  const dueOf = (c: ServiceCase) => dues.get(c.id) ?? '';
  if (a.到期 === '今天') rows = rows.filter((c) => dueOf(c) === today);
  if (a.到期 === '本周') {
    const sunday = addDays(today, 7 - isoWeekday(today));
    rows = rows.filter((c) => dueOf(c) && dueOf(c) <= sunday);
  }
  if (a.超期 !== undefined) rows = rows.filter((c) => c.status === '已受理' && dueOf(c) && dueOf(c) < today);
  rows.sort((x, y) => (dueOf(x) || '9999').localeCompare(dueOf(y) || '9999') || x.id - y.id);
  const filters = [a.到期 && `到期${a.到期}`, a.超期 !== undefined && '超期', a.部门 && `部门 ${a.部门}`].filter(
    Boolean,
  );
  await replyList(
    ctx,
    `在办办件 ${rows.length} 件${filters.length ? `（${filters.join('，')}）` : ''}`,
    rows.map((c) => line(ctx, c, dueOf(c), today)),
    '没有符合条件的在办办件。',
  );
}
