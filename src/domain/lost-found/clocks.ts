import { In } from 'typeorm';
import { LostItem } from '../../../entities/lost-item';
import type { Ctx } from '../../kernel/ctx';
import { claimReminder } from '../../kernel/reminders';
import { cnDate, localDate } from '../../kernel/time';
import { OPEN_STATUSES } from './model';
import { itemLabel, shortNo } from './store';

// lost-property-clocks (09:00 each WD, docs/commands.md) to G-GUIDE: 易坏 whose 3 days are up (LST-05),
// 贵重 not yet at the 派出所 (LST-06), 半年 since 公告 (LST-07). The job only fires on WDs, so a clock that
// ends on a non-WD is reported on the next WD. Each line is claimed (claimReminder): a 易坏 or 半年 clock is
// reported once per due date (a corrected 公告日期 re-arms it); a 贵重 item once per WD until it is handed over.

export async function remindClocks(ctx: Ctx): Promise<{ perishable: number; valuable: number; transfer: number }> {
  const today = localDate(ctx.now);
  const open = await ctx.m.find(LostItem, { where: { status: In(OPEN_STATUSES) }, order: { id: 'ASC' } });
  const perishable: string[] = [];
  const valuable: string[] = [];
  const transfer: string[] = [];
  for (const i of open) {
    const label = `${shortNo(i.no, ctx.now)} ${itemLabel(i)}`;
    if (i.category === '易坏' && i.perishableDue && i.perishableDue <= today)
      if (await claimReminder(ctx.m, ctx.now, i.no, 'lst-perishable', 0, i.perishableDue))
        perishable.push(
          `${label}（${i.foundDate} 拾获，${cnDate(i.perishableDue)}满三天）→ 失物 销毁 ${shortNo(i.no, ctx.now)} 原因=…`,
        );
    if (i.category === '贵重' && (await claimReminder(ctx.m, ctx.now, i.no, 'lst-valuable', 0, today)))
      valuable.push(`${label}（${i.foundDate} 拾获）→ 失物 交派出所 ${shortNo(i.no, ctx.now)} 派出所=… 接收人=…`);
    if (i.transferDue && i.transferDue <= today)
      if (await claimReminder(ctx.m, ctx.now, i.no, 'lst-transfer', 0, i.transferDue))
        transfer.push(
          `${label}（${i.announcedDate} 公告，${cnDate(i.transferDue)}满半年）→ 失物 交公安 ${shortNo(i.no, ctx.now)} 接收人=…`,
        );
  }
  const sections = [
    perishable.length
      ? `易变坏食物或药品满三天无人认领，请处理并做销毁登记（rule LST-05）：\n${perishable.join('\n')}`
      : '',
    valuable.length ? `贵重物品尚未交派出所（rule LST-06）：\n${valuable.join('\n')}` : '',
    transfer.length ? `公告满半年无人认领，请移交公安机关（rule LST-07）：\n${transfer.join('\n')}` : '',
  ].filter(Boolean);
  if (sections.length)
    await ctx.send(
      { group: 'G-GUIDE' },
      { text: `⏰ 失物期限提醒（${cnDate(today)}）\n${sections.join('\n')}` },
      `lost-clocks:${today}`,
    );
  return { perishable: perishable.length, valuable: valuable.length, transfer: transfer.length };
}
