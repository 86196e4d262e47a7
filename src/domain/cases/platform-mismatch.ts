import { CASE_CLOSED, type ServiceCase } from '../../../entities/case';
import type { Ctx } from '../../kernel/ctx';
import { addDays, cnDate, localDate } from '../../kernel/time';

// CAS-02 (D115): where the bot's mirror and the platform disagree, the import reply says so — a different 到期日
// with the calendar day behind it (a hall 闭馆 day the platform counted as a WD, or a holiday), and a case
// closed on one side only. The reply shows the first SHOWN and the total.

const SHOWN = 30;

/**
 * The days from 受理 up to the later due date that the hall's calendar does not count as WDs although they are
 * weekdays (闭馆, 假日): the usual reason the platform's count differs.
 */
function daysBehind(ctx: Ctx, c: ServiceCase): string {
  const to = c.dueDate! > c.platformDueDate! ? c.dueDate! : c.platformDueDate!;
  const from = c.acceptedAt
    ? localDate(c.acceptedAt)
    : c.dueDate! < c.platformDueDate!
      ? c.dueDate!
      : c.platformDueDate!;
  const named: string[] = [];
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) {
    const info = ctx.deps.calendar.dayInfo(d);
    if (info.kind === 'closure') named.push(`${cnDate(d)} 闭馆${info.name ? `（${info.name}）` : ''}`);
    else if (info.kind === 'holiday') named.push(`${cnDate(d)} ${info.name ?? '节假日'}`);
  }
  return named.length ? `：${named.join('、')}，本中心不计为工作日` : '：请核对受理日期及中止、延期记录';
}

function isClosed(c: ServiceCase): boolean {
  return CASE_CLOSED.includes(c.status) || c.status === '办结' || c.finishedAt !== null;
}

export function mismatchesOf(ctx: Ctx, c: ServiceCase): string[] {
  const out: string[] = [];
  const who = `${c.no}（平台号 ${c.platformNo}）`;
  if (c.dueDate && c.platformDueDate && c.dueDate !== c.platformDueDate) {
    const earlier = c.platformDueDate < c.dueDate ? '平台' : '本系统';
    out.push(
      `${who} 到期日不一致：平台 ${cnDate(c.platformDueDate)}，本系统 ${cnDate(c.dueDate)}${daysBehind(ctx, c)}；提醒和超期率按较早的${earlier}日期`,
    );
  }
  if (c.platformClosedDate && !isClosed(c))
    out.push(`${who} 平台已办结（${cnDate(c.platformClosedDate)}），本系统未办结`);
  if (!c.platformClosedDate && isClosed(c) && c.status !== '已撤回' && c.status !== '不予受理')
    out.push(`${who} 本系统已办结，平台未办结`);
  return out;
}

export function mismatchLines(ctx: Ctx, cases: ServiceCase[]): string[] {
  const all = cases.sort((a, b) => a.no.localeCompare(b.no)).flatMap((c) => mismatchesOf(ctx, c));
  if (all.length === 0) return ['与平台无差异。'];
  const more = all.length > SHOWN ? [`…共 ${all.length} 处差异`] : [];
  return [`差异 ${all.length} 处：`, ...all.slice(0, SHOWN), ...more];
}
