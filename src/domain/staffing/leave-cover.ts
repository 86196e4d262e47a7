import { In, LessThanOrEqual, MoreThanOrEqual, Not } from 'typeorm';
import type { LeaveCover, LeaveRequest } from '../../../entities/leave-request';
import { Person } from '../../../entities/person';
import { WindowClosure } from '../../../entities/window-closure';
import type { Ctx } from '../../kernel/ctx';
import { personName } from '../../kernel/directory';
import type { LocalDate } from '../../kernel/time';
import { awayDuring } from './leave-queries';

// ATT-07 (OPEN #60) with DIR-09: a leave must not leave a window unstaffed without an arrangement — another
// person of the window, the B-post (person.abPartner) not away themselves, a 顶岗 person (DIR-08 status 顶岗)
// at the window, or a 临时关闭 (WIN-03) approved or in approval for those days.

/** What stands behind the window while `person` is away on [from, to]. */
export async function coverFor(
  ctx: Ctx,
  person: Person,
  from: LocalDate,
  to: LocalDate,
  except?: string,
): Promise<LeaveCover> {
  const window = person.windowNumber;
  if (!window)
    return { window: null, partner: null, partnerAway: false, colleagues: [], closures: [], substitutes: [] };
  const others = await ctx.m.find(Person, {
    where: { windowNumber: window, inactive: false, userid: Not(person.userid) },
    order: { userid: 'ASC' },
  });
  const partner = person.abPartner
    ? await ctx.m.findOne(Person, { where: { userid: person.abPartner, inactive: false } })
    : null;
  const ids = [...others.map((p) => p.userid), ...(partner ? [partner.userid] : [])];
  const away = new Set((await awayDuring(ctx.m, ids, from, to, except)).map((r) => r.userid));
  const present = others.filter((p) => !away.has(p.userid) && p.status !== '已离岗');
  const closures = await ctx.m.find(WindowClosure, {
    where: {
      type: '临时关闭',
      status: In(['pending', 'approved']),
      fromDate: LessThanOrEqual(to),
      toDate: MoreThanOrEqual(from),
    },
    order: { fromDate: 'ASC' },
  });
  return {
    window,
    partner: partner?.userid ?? null,
    partnerAway: partner ? away.has(partner.userid) : false,
    colleagues: present.filter((p) => p.status !== '顶岗').map((p) => p.userid),
    substitutes: present.filter((p) => p.status === '顶岗').map((p) => p.userid),
    closures: closures.filter((c) => c.windows.includes(window)).map((c) => c.no),
  };
}

/** Whether someone (or an approved/pending closure) keeps the window served; no window → nothing to cover. */
export function isCovered(c: LeaveCover): boolean {
  if (!c.window) return true;
  return (
    c.colleagues.length > 0 ||
    c.substitutes.length > 0 ||
    c.closures.length > 0 ||
    (c.partner !== null && !c.partnerAway)
  );
}

/** The card line: `B岗 张三（在岗）；顶岗 无；临时关闭 无`. */
export async function coverLine(ctx: Ctx, c: LeaveCover): Promise<string> {
  if (!c.window) return '无窗口岗位';
  const names = async (ids: string[]) =>
    ids.length ? (await Promise.all(ids.map((id) => personName(ctx.m, id)))).join('、') : '无';
  const b = c.partner ? `${await personName(ctx.m, c.partner)}（${c.partnerAway ? '同期请假' : '在岗'}）` : '未设置';
  const parts = [`B岗 ${b}`];
  if (c.colleagues.length) parts.push(`同窗口 ${await names(c.colleagues)}`);
  parts.push(`顶岗 ${await names(c.substitutes)}`, `临时关闭 ${c.closures.length ? c.closures.join('、') : '无'}`);
  return parts.join('；');
}

/** The person who should stand in, told when the leave is approved (B-post first, then a 顶岗 person). */
export function standIn(r: Pick<LeaveRequest, 'cover'>): string | null {
  const c = r.cover;
  if (!c?.window) return null;
  if (c.partner && !c.partnerAway) return c.partner;
  return c.substitutes[0] ?? null;
}
