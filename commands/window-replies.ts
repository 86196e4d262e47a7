import type { HallWindow } from '../entities/window';
import type { WindowClosure } from '../entities/window-closure';
import type { WindowStatusRows } from '../src/domain/windows/status';
import { type WindowRecords, stateOn } from '../src/domain/windows/state';
import { windowsLabel } from '../src/domain/windows/rules';
import { type LocalDate, shortDate } from '../src/kernel/time';

// Reply wording shared by the [windows] commands (src/domain/windows returns results, these lines word them).

/**
 * D38: the one state text of `窗口 状态`, `窗口 查看`, `窗口 列表` and `任务 完成` on `today` — the state, and the
 * next change the records already fix: `在用（3/20–3/21 临时关闭）`, `临时关闭 至3/21`, `季节性（3/10–4/30 在用）`,
 * `在用（至4/30，季节性）`, `备用（3/25起 在用）`.
 */
export function stateText(
  w: HallWindow,
  rec: WindowRecords,
  today: LocalDate,
): { text: string; record?: WindowClosure } {
  const now = stateOn(w, rec, today);
  if (now.status === '临时关闭') {
    const until = now.record ? now.record.toDate : w.statusUntil;
    return { text: `临时关闭 至${until ? shortDate(until) : '—'}`, record: now.record };
  }
  const next = rec.closures.find((c) => c.windows.includes(w.number) && c.fromDate > today);
  if (next)
    return {
      text: `${now.status}（${shortDate(next.fromDate)}–${shortDate(next.toDate ?? next.fromDate)} 临时关闭）`,
      record: next,
    };
  const reopen = rec.reopens.find((r) => r.windows.includes(w.number) && r.fromDate > today);
  if (reopen) {
    const span = reopen.toDate
      ? `${shortDate(reopen.fromDate)}–${shortDate(reopen.toDate)}`
      : `${shortDate(reopen.fromDate)}起`;
    return { text: `${now.status}（${span} 在用）`, record: reopen };
  }
  if (now.status === '在用' && now.record?.type === '季节重启' && now.record.toDate)
    return { text: `在用（至${shortDate(now.record.toDate)}，季节性）`, record: now.record };
  return { text: now.status };
}

/** A `窗口 状态` line: `13号窗 GA 在用（3/20–3/21 临时关闭）｜GB2026-GA-001｜3/25起停办（TB…）`. */
export function statusLine(w: HallWindow, rows: WindowStatusRows, today: LocalDate): string {
  const { text, record } = stateText(w, rows.records, today);
  const s = rows.stops.find((x) => x.windows.includes(w.number));
  const stop = s
    ? s.fromDate <= today
      ? `｜停办至${shortDate(s.toDate)}（${s.no}）`
      : `｜${shortDate(s.fromDate)}起停办（${s.no}）`
    : '';
  return `${w.number}号窗 ${w.departmentCode ?? '—'} ${text}${record ? `｜${record.no}` : ''}${stop}`;
}

/** WIN-08 reply to `窗口 收回` and the `reclaim:` card. */
export function reclaimedReply(c: WindowClosure, task: string): string {
  return `✅ ${windowsLabel(c.windows)}已收回为备用窗口（${c.no}，${task}）`;
}
