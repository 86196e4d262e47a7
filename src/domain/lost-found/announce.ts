import { In, IsNull } from 'typeorm';
import { LostItem } from '../../../entities/lost-item';
import type { Ctx } from '../../kernel/ctx';
import { UserError } from '../../kernel/errors';
import { addMonths, cnDate, isoWeekKey, localDate, shortDate } from '../../kernel/time';
import { OPEN_STATUSES, ST, TRANSFER_MONTHS } from './model';
import { changeItem, itemLabel, loadItem, assertOpen, shortNo } from './store';

// 公告招领 (000 遗失物品 一(三); LST-07, OPEN #27): an announcement sets 公告日期 and starts the 半年 clock —
// due = 公告日期 + 6 calendar months, clamped to month end (conventions (docs/architecture.md)). The first announcement counts;
// re-posting an item in a later weekly list does not move its clock.

/** LST-07: the day an announced item becomes due for 交公安机关. */
export function transferDueOf(announced: string): string {
  return addMonths(announced, TRANSFER_MONTHS);
}

async function announceItems(ctx: Ctx, items: LostItem[]): Promise<{ done: LostItem[]; skipped: LostItem[] }> {
  const today = localDate(ctx.now);
  const done: LostItem[] = [];
  const skipped: LostItem[] = [];
  for (const item of items) {
    if (item.announcedDate) {
      skipped.push(item);
      continue;
    }
    done.push(
      await changeItem(
        ctx,
        item,
        '公告',
        { announcedDate: today, transferDue: transferDueOf(today), status: ST.announced },
        { announcedDate: today },
      ),
    );
  }
  return { done, skipped };
}

/** `失物 公告 SW7,SW8` or `失物 公告 本周` (every open item not yet announced). */
export async function announce(ctx: Ctx, refs: string): Promise<string> {
  const weekly = refs.trim() === '本周';
  let items: LostItem[];
  if (weekly) {
    items = await ctx.m.find(LostItem, { where: { status: ST.held, announcedDate: IsNull() }, order: { id: 'ASC' } });
  } else {
    const list = refs
      .split(/[,，、]/)
      .map((s) => s.trim())
      .filter(Boolean);
    if (!list.length) throw new UserError('请写明编号，例：失物 公告 SW7,SW8；或 失物 公告 本周');
    items = [];
    for (const ref of list) {
      const item = await loadItem(ctx, ref);
      assertOpen(item);
      if (!items.some((i) => i.no === item.no)) items.push(item);
    }
  }
  const { done, skipped } = await announceItems(ctx, items);
  const skippedText = skipped.length
    ? `\n已公告过（期限不变）：${skipped.map((i) => `${shortNo(i.no, ctx.now)}（${shortDate(i.announcedDate!)}公告，${cnDate(i.transferDue!)}到期）`).join('、')}`
    : '';
  if (!done.length) return `${weekly ? '本周没有新的待公告物品' : '没有新公告的物品'}。${skippedText}`.trim();
  const earliest = done.map((i) => i.transferDue!).sort()[0];
  const names = done.map((i) => `${shortNo(i.no, ctx.now)} ${itemLabel(i)}`).join('、');
  return `✅ ${weekly ? '本周' : ''}公告 ${done.length} 件（${names}），公告日期 ${localDate(ctx.now)}，交公安期限 ${cnDate(earliest)}起（rule LST-07）${skippedText}`;
}

/**
 * A corrected 公告日期 (REC-09; the `记录 更正 SW… 公告日期=…` of docs/commands.md calls this): a new version
 * that keeps the old one and restarts the 半年 clock. Its reminder re-arms because clocks are claimed per due date.
 */
export async function correctAnnouncedDate(ctx: Ctx, ref: string, date: string): Promise<LostItem> {
  const item = await loadItem(ctx, ref);
  assertOpen(item);
  if (date > localDate(ctx.now)) throw new UserError(`公告日期 ${date} 晚于今天。`);
  return changeItem(
    ctx,
    item,
    '更正',
    { announcedDate: date, transferDue: transferDueOf(date), status: ST.announced },
    { announcedDate: date, previous: item.announcedDate },
  );
}

/** lost-property-announce (09:00 on the week's first WD): the week's list for posting, to G-GUIDE. */
export async function sendWeeklyList(ctx: Ctx, everyWeeks: number): Promise<number> {
  const today = localDate(ctx.now);
  const week = isoWeekKey(today);
  if (everyWeeks === 0 || (Number(week.slice(-2)) - 1) % everyWeeks !== 0) return 0;
  const open = await ctx.m.find(LostItem, { where: { status: In(OPEN_STATUSES) }, order: { id: 'ASC' } });
  if (!open.length) return 0;
  const fresh = open.filter((i) => !i.announcedDate);
  const lines = open.map(
    (i) =>
      `${i.announcedDate ? '' : '🆕 '}${shortNo(i.no, ctx.now)} ${itemLabel(i)}｜${i.features}｜${shortDate(i.foundDate)} ${i.foundPlace}`,
  );
  await ctx.send(
    { group: 'G-GUIDE' },
    {
      text: `📋 本周失物招领清单（${week}，共 ${open.length} 件，新增 ${fresh.length} 件；rule LST-07）：\n${lines.join('\n')}\n张贴公告后请发送：失物 公告 本周（为新增物品记公告日期，起算半年期限）`,
    },
    `lost-announce:${week}`,
  );
  return 1;
}
