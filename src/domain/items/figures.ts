import { type EntityManager, MoreThanOrEqual } from 'typeorm';
import { ServiceCase } from '../../../entities/case';
import { ServiceItem } from '../../../entities/item';
import { ItemGuide } from '../../../entities/item-guide';
import { addMonths, instantAt, type LocalDate, localDate } from '../../kernel/time';
import { getSetting } from '../../settings/settings';

// The catalogue's health figures (ITM-05, -07, -08, -09; OPEN #41, #42), shared by 事项 报表 and the monthly
// batch: 全程网办率 against its target, items with no 承诺时限, stale 要点, items with no case for months (D123).

export interface ItemFigures {
  active: number;
  online: number;
  zongchuang: number;
  target: number;
  noLimit: ServiceItem[];
  stale: ServiceItem[];
  dormant: ServiceItem[];
}

export const pct = (a: number, b: number): string => (b === 0 ? '—' : `${Math.round((a * 100) / b)}%`);

export async function itemFigures(m: EntityManager, today: LocalDate, department?: string): Promise<ItemFigures> {
  const items = await m.find(ServiceItem, {
    where: { status: '在用', ...(department ? { departmentCode: department } : {}) },
    order: { code: 'ASC' },
  });
  // OPEN #41: an item is reviewed on its newest 要点 version date (or the day it entered the list).
  const staleCut = addMonths(today, -(await getSetting(m, 'item.guideStaleMonths')));
  const newest = new Map<string, string>();
  for (const g of await m.find(ItemGuide, { select: { itemCode: true, versionDate: true } }))
    if ((newest.get(g.itemCode) ?? '') < g.versionDate) newest.set(g.itemCode, g.versionDate);
  // OPEN #42: dormant = no case received in N months, for items listed at least that long.
  const dormantCut = addMonths(today, -(await getSetting(m, 'item.dormantMonths')));
  const used = new Set(
    (
      await m.find(ServiceCase, {
        select: { itemCode: true },
        where: { receivedAt: MoreThanOrEqual(instantAt(dormantCut)) },
      })
    ).map((c) => c.itemCode),
  );
  return {
    active: items.length,
    online: items.filter((i) => i.fullyOnline).length,
    zongchuang: items.filter((i) => i.inZongchuang).length,
    target: await getSetting(m, 'item.onlineRateTarget'),
    noLimit: items.filter((i) => !i.instant && i.promisedLimitWd === null),
    stale: items.filter((i) => (newest.get(i.code) ?? localDate(i.createdAt)) < staleCut),
    dormant: items.filter((i) => localDate(i.createdAt) <= dormantCut && !used.has(i.code)),
  };
}

const names = (list: ServiceItem[], n = 5): string =>
  list.length === 0
    ? '无'
    : `${list
        .slice(0, n)
        .map((i) => i.name)
        .join('、')}${list.length > n ? ` 等${list.length}项` : ''}`;

/** `事项 报表`: `网办率 83%（目标85%）｜休眠事项 4｜要点过期 7` and the names behind each figure. */
export async function itemReport(m: EntityManager, today: LocalDate, department?: string): Promise<string> {
  const f = await itemFigures(m, today, department);
  const rate = f.active ? (f.online * 100) / f.active : 0;
  return [
    `${department ? `${department} ` : ''}在用事项 ${f.active}｜网办率 ${pct(f.online, f.active)}（目标${f.target}%${f.active && rate < f.target ? '，未达标' : ''}）｜休眠事项 ${f.dormant.length}｜要点过期 ${f.stale.length}`,
    `综窗覆盖 ${pct(f.zongchuang, f.active)}（${f.zongchuang}/${f.active}，rule ITM-08）`,
    `无承诺时限（${f.noLimit.length}，不能受理计时 rule ITM-05）：${names(f.noLimit)}`,
    `要点过期（${f.stale.length}，rule ITM-07）：${names(f.stale)}`,
    `休眠事项（${f.dormant.length}，rule ITM-09）：${names(f.dormant)}`,
  ].join('\n');
}
