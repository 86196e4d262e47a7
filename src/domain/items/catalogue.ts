import { ServiceItem } from '../../../entities/item';
import { ItemGuide } from '../../../entities/item-guide';
import type { Ctx } from '../../kernel/ctx';
import { UserError } from '../../kernel/errors';
import { getSetting } from '../../settings/settings';
import { findItem, limitRefusal, wd, yes } from './model';

// 事项 查看 / 事项 设置 (ITM-05, ITM-06, ITM-08): the ten published elements, the limits and the flags.

const flag = (b: boolean) => (b ? '是' : '否');
const cut = (s: string | null, n = 40) => (s ? (s.length > n ? `${s.slice(0, n)}…` : s) : '未填');

/** `户籍迁入｜承诺 5WD（法定 20WD）｜12号窗` and the other published elements, phone-sized. */
export async function viewItem(ctx: Ctx, ref: string): Promise<string> {
  const i = await findItem(ctx.m, ref);
  const guide = await ctx.m.findOne(ItemGuide, {
    where: { itemCode: i.code },
    order: { versionDate: 'DESC', id: 'DESC' },
  });
  const limit = i.instant ? '即办件' : `承诺 ${wd(i.promisedLimitWd)}（法定 ${wd(i.legalLimitWd)}）`;
  return [
    `${i.name}｜${limit}｜${i.windowNumber ? `${i.windowNumber}号窗` : i.departmentCode}${i.status === '已取消' ? '｜已取消' : ''}`,
    `编码 ${i.code}｜${i.departmentCode}｜综窗 ${flag(i.inZongchuang)}｜全程网办 ${flag(i.fullyOnline)}｜要点 ${guide ? `${guide.kind} v${guide.version}（${guide.versionDate}）` : '无'}`,
    `设定依据：${cut(i.basis)}｜受理条件：${cut(i.conditions, 30)}`,
    `申请材料：${i.materials?.length ? cut(i.materials.join('、')) : '未填'}｜流程：${cut(i.process, 30)}`,
    `地点：${i.place ?? '未填'}｜时间：${i.hours ?? '未填'}`,
    `咨询 ${i.consultPhone ?? '未填'}｜监督 ${i.supervisePhone ?? '未填'}`,
  ].join('\n');
}

/** `20`, `20WD`, `20个工作日` → 20; '' → undefined; `无`/`清除` → null. */
export function parseLimit(label: string, v: string | undefined): number | null | undefined {
  const s = (v ?? '').trim();
  if (!s) return undefined;
  if (['无', '清除', '未设'].includes(s)) return null;
  const m = /^(\d{1,3})\s*(WD|个工作日|工作日|天)?$/i.exec(s);
  if (!m) throw new UserError(`“${label}=${s}”无法识别，应为工作日数，例：${label}=20`);
  return Number(m[1]);
}

export interface ItemSettings {
  法定时限?: string;
  承诺时限?: string;
  即办?: string;
  综窗?: string;
  网办?: string;
  依据?: string;
}

/** ITM-06 (OPEN #40): the HARD check shared by 事项 设置 and the catalogue import. */
export async function checkLimits(ctx: Ctx, legal: number | null, promised: number | null): Promise<void> {
  if (legal !== null && promised !== null && promised > legal && (await getSetting(ctx.m, 'item.promisedWithinLegal')))
    throw limitRefusal(legal);
}

export async function setItem(ctx: Ctx, ref: string, a: ItemSettings): Promise<string> {
  const i = await findItem(ctx.m, ref);
  const changes: Partial<ServiceItem> = {};
  const legal = parseLimit('法定时限', a.法定时限);
  const promised = parseLimit('承诺时限', a.承诺时限);
  if (legal !== undefined) changes.legalLimitWd = legal;
  if (promised !== undefined) changes.promisedLimitWd = promised;
  for (const [key, col] of [
    ['即办', 'instant'],
    ['综窗', 'inZongchuang'],
    ['网办', 'fullyOnline'],
  ] as const) {
    if (a[key] === undefined) continue;
    const b = yes(a[key]);
    if (b === undefined) throw new UserError(`“${key}=${a[key]}”应为 是 或 否`);
    changes[col] = b;
  }
  if (a.依据?.trim()) changes.limitBasis = a.依据.trim().slice(0, 2000);
  if (Object.keys(changes).length === 0)
    throw new UserError('没有要修改的内容。例：事项 设置 1500-0001 法定时限=20 承诺时限=5 即办=否 依据=…');
  await checkLimits(ctx, changes.legalLimitWd ?? i.legalLimitWd, changes.promisedLimitWd ?? i.promisedLimitWd);
  const before = Object.fromEntries(Object.keys(changes).map((k) => [k, i[k as keyof ServiceItem]]));
  await ctx.m.update(ServiceItem, { id: i.id }, { ...changes, updatedAt: ctx.now, updatedBy: ctx.actor.userid });
  await ctx.audit('item.set', 'item', i.code, { before, after: changes });
  const n = { ...i, ...changes };
  const limit = n.instant ? '即办件' : `承诺 ${wd(n.promisedLimitWd)}（法定 ${wd(n.legalLimitWd)}）`;
  return `✅ ${n.name}（${n.code}）｜${limit}｜综窗 ${flag(n.inZongchuang)}｜全程网办 ${flag(n.fullyOnline)}`;
}
