import { In, LessThanOrEqual, MoreThanOrEqual, Not } from 'typeorm';
import type { LeaveRequest } from '../../../entities/leave-request';
import { Person } from '../../../entities/person';
import { WindowClosure } from '../../../entities/window-closure';
import type { HallWindow } from '../../../entities/window';
import type { Ctx } from '../../kernel/ctx';
import { ruleRefusal, softWarning } from '../../kernel/errors';
import { getSetting } from '../../settings/settings';
import { type LocalDate, addDays, localDate, shortDate } from '../../kernel/time';
import { departmentWindows } from './common';
import { peakOverlapping } from './peak-lock';
import { CITE, closureCap, countsForCap, daysOf, mayOverrideCap, windowsLabel } from './rules';
import { type WindowRecords, loadWindowRecords, stateOn } from './state';
import { awayDuring } from '../staffing/leave-queries';

// The WIN-04 / WIN-12 checks that need the database, run before anyone signs (HARD) and — cap and peak only —
// again at every later click (an approval must not break the cap or a peak approved meanwhile).

export interface CapUsage {
  departmentCode: string;
  /** Windows counted (在用, 临时关闭, 季节性 on the first day — D38). */
  n: number;
  /** Their numbers, and the department's 备用 windows left out (shown in the refusal). */
  counted: string[];
  notCounted: string[];
  cap: number;
  /** Most windows closed by others on any day of the period. */
  used: number;
  /** Most windows closed on any day including this request. */
  withRequest: number;
  /** The other closures overlapping the period (for the refusal text). */
  others: WindowClosure[];
  /** True when this request needs the OPEN #28 override. */
  overCap: boolean;
}

/** `GA 2个窗口，上限1，已用0` — the card line of docs/commands.md */
export function capLine(u: CapUsage): string {
  return `${u.departmentCode} ${u.n}个窗口，上限${u.cap}，已用${u.used}`;
}

/** Closures of the department overlapping [from, to]: approved ones, and pending ones when asked. */
export async function overlappingClosures(
  ctx: Ctx,
  departmentCode: string,
  from: LocalDate,
  to: LocalDate,
  statuses: string[],
  excludeNo?: string,
) {
  return ctx.m.find(WindowClosure, {
    where: {
      departmentCode,
      type: '临时关闭',
      status: In(statuses),
      fromDate: LessThanOrEqual(to),
      toDate: MoreThanOrEqual(from),
      ...(excludeNo ? { no: Not(excludeNo) } : {}),
    },
    order: { fromDate: 'ASC' },
  });
}

/** The department's windows and their records, for checks over a period (D38). */
interface DeptWindows {
  all: HallWindow[];
  rec: WindowRecords;
}

async function deptWindows(ctx: Ctx, departmentCode: string): Promise<DeptWindows> {
  return { all: await departmentWindows(ctx.m, departmentCode), rec: await loadWindowRecords(ctx.m, departmentCode) };
}

const covers = (c: WindowClosure, number: string, day: LocalDate) =>
  c.windows.includes(number) && c.fromDate <= day && day <= (c.toDate ?? c.fromDate);

/** rule WIN-04(4): concurrent closures per day, this request included. */
export async function capUsage(
  ctx: Ctx,
  departmentCode: string,
  requested: string[],
  from: LocalDate,
  to: LocalDate,
  opts: { includePending: boolean; excludeNo?: string },
): Promise<CapUsage> {
  const { all, rec } = await deptWindows(ctx, departmentCode);
  const counted = all.filter((w) => countsForCap(stateOn(w, rec, from).status)).map((w) => w.number);
  const notCounted = all.map((w) => w.number).filter((x) => !counted.includes(x));
  const n = counted.length;
  const cap = closureCap(n);
  const others = await overlappingClosures(
    ctx,
    departmentCode,
    from,
    to,
    opts.includePending ? ['pending', 'approved'] : ['approved'],
    opts.excludeNo,
  );
  let used = 0;
  let withRequest = 0;
  for (const day of daysOf(from, to)) {
    const closed = new Set<string>();
    for (const c of others) if (c.fromDate <= day && (c.toDate ?? day) >= day) c.windows.forEach((w) => closed.add(w));
    // A 临时关闭 typed into the registry (import, DIR-06 edit) counts until its statusUntil.
    for (const w of all) if (stateOn(w, rec, day).status === '临时关闭') closed.add(w.number);
    requested.forEach((w) => closed.delete(w));
    used = Math.max(used, closed.size);
    withRequest = Math.max(withRequest, closed.size + requested.length);
  }
  return { departmentCode, n, counted, notCounted, cap, used, withRequest, others, overCap: withRequest > cap };
}

/**
 * HARD WIN-04(1), WIN-04(4) (with the OPEN #28 override for n > 4), WIN-12 and WIN-04(2). `atClick` re-checks
 * only the cap and the peak lock, counting approved closures only (two pending requests cannot block each other).
 */
export async function closureHardChecks(
  ctx: Ctx,
  req: {
    departmentCode: string;
    windows: HallWindow[];
    from: LocalDate;
    to: LocalDate;
    overrideReason?: string | null;
    excludeNo?: string;
  },
  atClick = false,
): Promise<CapUsage> {
  const numbers = req.windows.map((w) => w.number);
  const usage = await capUsage(ctx, req.departmentCode, numbers, req.from, req.to, {
    includePending: !atClick,
    excludeNo: req.excludeNo,
  });
  if (!atClick && usage.n < 2) {
    throw ruleRefusal(
      'WIN-04',
      CITE.win04n,
      `临时关闭须本部门设置2个或2个以上窗口，${req.departmentCode} 现有 ${usage.n} 个在用窗口。`,
    );
  }
  if (usage.overCap) {
    const busy = usage.others
      .map((c) => `${windowsLabel(c.windows)} ${shortDate(c.fromDate)}–${shortDate(c.toDate ?? c.fromDate)}（${c.no}）`)
      .join('；');
    const list = `${usage.counted.length ? windowsLabel(usage.counted) : '无'}${usage.notCounted.length ? `；备用不计：${windowsLabel(usage.notCounted)}` : ''}`;
    const base = `本部门共${usage.n}个窗口（${list}），最多同时临时关闭${usage.cap}个${busy ? `，该期间已关闭或申请中：${busy}` : ''}。`;
    const allowed = (await getSetting(ctx.m, 'window.capOverride')) === '中心领导' && mayOverrideCap(usage.n);
    if (!req.overrideReason || !allowed) {
      const hint = allowed
        ? '如确需超限，请补充 超限理由=…（送中心领导审批，OPEN #28）'
        : usage.n <= 4
          ? '4个窗口以内临时关闭窗口不得超过1个。'
          : '';
      throw ruleRefusal('WIN-04', CITE.win04cap, `${base}${hint}`);
    }
  }
  const peaks = await peakOverlapping(ctx.m, req.departmentCode, req.from, req.to);
  if (peaks.length) {
    const p = peaks[peaks.length - 1];
    throw ruleRefusal(
      'WIN-12',
      CITE.win12,
      `${req.from}–${req.to} 与本部门已批准的业务高峰 ${p.no}（${p.fromDate}至${p.toDate}）重叠，高峰期间须开放全部窗口；可申请 ${addDays(p.toDate, 1)} 以后关闭。`,
    );
  }
  if (!atClick) await checkSameTypeOpen(ctx, req, numbers);
  return usage;
}

/** Same-type windows of the department open on `day`: 在用 that day and in no live closure or this request. */
function openSameType(d: DeptWindows, live: WindowClosure[], closing: string[], kind: string | null, day: LocalDate) {
  return d.all.filter(
    (o) =>
      !closing.includes(o.number) &&
      (o.kind ?? '') === (kind ?? '') &&
      stateOn(o, d.rec, day).status === '在用' &&
      !live.some((c) => covers(c, o.number, day)),
  );
}

/**
 * rule WIN-04(2): on every day of the period the closed window's business is handled by a same-type window of the
 * department that stays open (D38: checked per date, so a later approved closure does not block an earlier one).
 */
async function checkSameTypeOpen(
  ctx: Ctx,
  req: { departmentCode: string; windows: HallWindow[]; from: LocalDate; to: LocalDate; excludeNo?: string },
  numbers: string[],
) {
  const d = await deptWindows(ctx, req.departmentCode);
  const live = await overlappingClosures(
    ctx,
    req.departmentCode,
    req.from,
    req.to,
    ['pending', 'approved'],
    req.excludeNo,
  );
  for (const w of req.windows) {
    if (daysOf(req.from, req.to).some((day) => openSameType(d, live, numbers, w.kind, day).length === 0)) {
      throw ruleRefusal(
        'WIN-04',
        CITE.win04same,
        `${w.number}号窗（${w.kind ?? '未分类'}）关闭期间本部门没有开放的同类窗口，拟关闭窗口的业务须由同类窗口办理。`,
      );
    }
  }
}

/** Same-type windows open through the whole closure, for the approval message (`业务由12号窗办理`). */
export async function takeoverWindows(ctx: Ctx, c: WindowClosure): Promise<string[]> {
  const d = await deptWindows(ctx, c.departmentCode);
  const live = await overlappingClosures(ctx, c.departmentCode, c.fromDate, c.toDate ?? c.fromDate, ['approved'], c.no);
  const kinds = new Set(d.all.filter((w) => c.windows.includes(w.number)).map((w) => w.kind));
  const days = daysOf(c.fromDate, c.toDate ?? c.fromDate);
  return d.all
    .filter((w) => !c.windows.includes(w.number) && kinds.has(w.kind))
    .filter((w) =>
      days.every((day) => openSameType(d, live, c.windows, w.kind, day).some((o) => o.number === w.number)),
    )
    .map((w) => w.number);
}

/** Away on `day` under this QJ: inside its dates and not back yet (after 销假 the return day is worked, D152). */
const awayOn = (r: LeaveRequest, day: LocalDate) =>
  r.fromDate <= day && day <= r.toDate && (!r.returnedAt || localDate(r.returnedAt) > day);

/**
 * SOFT WIN-03 / DIR-09 (000 调整管理 二(二) "确因实际情况需公务外出或请（休）假且无顶岗人员"). The ground of each
 * closing window is a 请假/出差 record (QJ, approved or in approval) of someone stationed there for every WD of the
 * period (D213); the 事由 is free text for the approvers and proves nothing (D212, superseding D155's keyword
 * fallback). A B-post counts as free to stand in only when in post and without leave of their own on those days.
 * Proceeds only with 理由=… (logged on the record and in the audit).
 */
export async function closureSoftChecks(
  ctx: Ctx,
  windows: HallWindow[],
  softReason: string | null | undefined,
  period: { from: LocalDate; to: LocalDate },
): Promise<string[]> {
  const warnings: string[] = [];
  const numbers = windows.map((w) => w.number);
  const staff = await ctx.m.find(Person, { where: { windowNumber: In(numbers), inactive: false } });
  const partners = staff.map((a) => a.abPartner).filter((b): b is string => !!b);
  const records = await awayDuring(ctx.m, [...staff.map((a) => a.userid), ...partners], period.from, period.to);
  const away = new Set(records.map((r) => r.userid));
  const workdays = daysOf(period.from, period.to).filter((d) => ctx.deps.calendar.isWorkday(d));
  for (const w of windows) {
    const here = staff.filter((p) => p.windowNumber === w.number);
    const ids = new Set(here.map((p) => p.userid));
    const bare = workdays.filter((d) => !records.some((r) => ids.has(r.userid) && awayOn(r, d)));
    if (bare.length) warnings.push(noGrounds(w.number, here, bare.length === workdays.length ? null : bare));
    for (const a of here) {
      const b = a.abPartner ? await ctx.m.findOne(Person, { where: { userid: a.abPartner, inactive: false } }) : null;
      if (
        b &&
        !away.has(b.userid) &&
        ['在岗', '顶岗'].includes(b.status) &&
        (!b.windowNumber || b.windowNumber === w.number)
      ) {
        warnings.push(`${w.number}号窗B岗 ${b.name} 在岗，可顶岗。`);
      }
    }
  }
  if (warnings.length && !softReason?.trim()) throw softWarning('WIN-03', warnings.join(''), '理由=…');
  return warnings;
}

/**
 * The WIN-03 line of a window whose staff has no QJ on some WDs of the period (D213): who was looked for and, when
 * a QJ covers part of the period only, the WDs left without one.
 */
function noGrounds(number: string, here: Person[], days: LocalDate[] | null): string {
  const who = here.length ? here.map((p) => p.name).join('、') : '（无登记的工作人员）';
  const when = days ? `${days.map(shortDate).join('、')} ` : '此期间';
  return `${number}号窗 ${who} ${when}没有请假或出差记录（QJ），未体现公务外出或请（休）假且无顶岗人员。`;
}
