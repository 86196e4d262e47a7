import { MoreThanOrEqual, In } from 'typeorm';
import { LostItem } from '../../../entities/lost-item';
import { LostReport } from '../../../entities/lost-report';
import { insertRows } from '../../db';
import type { Ctx } from '../../kernel/ctx';
import { addMonths, localDate, shortDate } from '../../kernel/time';
import { OPEN_STATUSES, TRANSFER_MONTHS } from './model';
import { maskFreeText, personalText } from './privacy';
import { itemLabel, shortNo } from './store';

// 报失 (000 遗失物品 一(一) "报失"; LST-01): a note of what someone lost, matched both ways against the open
// items — at 报失 ("did anyone hand in a black wallet?") and at every later 登记.

/** Han bigrams and Latin/digit words of a text: enough to match 黑色钱包 with 钱包 / 黑色皮质. */
function terms(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
    const chars = [...run];
    if (chars.length === 1) out.add(run);
    for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  }
  for (const w of text.match(/[A-Za-z0-9]{2,}/g) ?? []) out.add(w.toLowerCase());
  return out;
}

/** How well a 报失 description fits an item (名称, 特征, 地点); 0 = no match. */
export function matchScore(description: string, item: Pick<LostItem, 'name' | 'features' | 'foundPlace'>): number {
  const hay = `${item.name} ${item.features} ${item.foundPlace}`.toLowerCase();
  let score = 0;
  for (const t of terms(description)) if (hay.includes(t)) score++;
  if ([...item.name].length >= 2 && description.includes(item.name)) score += 2;
  return score >= 2 ? score : 0;
}

export async function recordReport(ctx: Ctx, description: string, contact: string): Promise<string> {
  await insertRows(ctx.m, LostReport, {
    description: description.trim(),
    contact: contact.trim().slice(0, 64),
    reportedBy: ctx.actor.userid,
    createdAt: ctx.now,
  });
  const row = await ctx.m.findOneOrFail(LostReport, { where: { reportedBy: ctx.actor.userid }, order: { id: 'DESC' } });
  await ctx.audit('lost.report', 'lost_report', String(row.id), {});
  const items = await ctx.m.find(LostItem, { where: { status: In(OPEN_STATUSES) }, order: { id: 'ASC' } });
  const hits = items
    .map((i) => ({ i, s: matchScore(description, i) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s)
    .slice(0, 5)
    .map(({ i }) => `${shortNo(i.no, ctx.now)} ${itemLabel(i)}（${shortDate(i.foundDate)} ${i.foundPlace}）`);
  const head = `✅ 已记录报失 #${row.id}（联系 ${personalText(ctx.actor, row.contact)}）`;
  return hits.length
    ? `${head}\n可能匹配：\n${hits.join('\n')}\n请核对后办理：失物 认领 <SW号> …`
    : `${head}\n暂无可能匹配的在库物品；今后登记的物品与之相符时会提醒导服台。`;
}

/**
 * Open 报失 notes an item may answer (called by 失物 登记). Notes older than the LST-07 半年 are no longer
 * matched. Contacts are masked: the lines also go to G-GUIDE (REC-07).
 */
export async function matchingReports(ctx: Ctx, item: LostItem): Promise<string[]> {
  const since = addMonths(localDate(ctx.now), -TRANSFER_MONTHS);
  const notes = await ctx.m.find(LostReport, {
    where: { createdAt: MoreThanOrEqual(since) as never },
    order: { id: 'ASC' },
  });
  return notes
    .filter((n) => localDate(n.createdAt) >= since && matchScore(n.description, item) > 0)
    .slice(0, 5)
    .map(
      (n) =>
        `报失 #${n.id} ${maskFreeText(n.description)}（${shortDate(localDate(n.createdAt))}，联系 ${maskFreeText(n.contact)}）`,
    );
}
