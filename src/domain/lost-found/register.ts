import { LostItem } from '../../../entities/lost-item';
import { insertRows } from '../../db';
import { openAttachmentSlot } from '../../kernel/attachments';
import type { Ctx } from '../../kernel/ctx';
import { DATE_EXAMPLES, parseCnDate } from '../../kernel/dates';
import { ruleRefusal, UserError } from '../../kernel/errors';
import { formLink } from '../../kernel/forms';
import { nextRecordNo } from '../../kernel/numbers';
import { instantAt, localDate, type LocalDate, localTime, yearOf } from '../../kernel/time';
import { getSetting } from '../../settings/settings';
import { CATEGORIES, type Category, ITEM_PHOTO, PERISHABLE_DAYS, parseCategory, PREFIX, ST, SUBJECT } from './model';
import { matchingReports } from './reports';
import { appendVersion, itemLabel } from './store';

// 失物 登记 (000 遗失物品 一(二), 二(一)–(4); LST-02, -03, -05, -06): one row of the 遗失物品登记表.

/** What was typed (chat) or submitted (H5 form 市民遗失物品登记表), keyed by the command's argument names. */
export interface RegisterArgs {
  名称?: string;
  数量?: string;
  特征?: string;
  时间?: string;
  地点?: string;
  类别?: string;
  存放?: string;
  完好?: string;
  失主?: string;
  拾获人?: string;
}

/** LST-02: the five seed fields of the 登记表, in the form's order. */
const REQUIRED: [keyof RegisterArgs, string][] = [
  ['名称', '物品名称'],
  ['数量', '数量'],
  ['特征', '特征'],
  ['时间', '拾获时间'],
  ['地点', '拾获地点'],
];

/** `3月10日 14:30`, `2025-03-10`, `今天 9:30`, `14:30` (today) → date and optional time; undefined if unreadable. */
export function parseFoundTime(text: string, now: Date): { date: LocalDate; time: string | null } | undefined {
  const m = /^(.*?)\s*(\d{1,2})[:点](\d{2})?分?$/.exec(text.trim());
  const clock = m && +m[2] < 24 && +(m[3] ?? 0) < 60 ? `${m[2].padStart(2, '0')}:${m[3] ?? '00'}` : null;
  const dayText = (clock ? m![1] : text).trim();
  const date = dayText ? parseCnDate(dayText, now) : localDate(now);
  return date ? { date, time: clock } : undefined;
}

export async function registerItem(ctx: Ctx, a: RegisterArgs): Promise<string> {
  const problems: string[] = [];
  /** The fields the refusal is about: one field → shown beside it on the H5 page (D221). */
  const about = new Set<keyof RegisterArgs>(REQUIRED.filter(([k]) => !a[k]?.trim()).map(([k]) => k));
  const missing = REQUIRED.filter(([k]) => !a[k]?.trim()).map(([, label]) => label);
  const quantity = a.数量?.trim() ? Number(a.数量.trim()) : undefined;
  if (quantity !== undefined && !(Number.isInteger(quantity) && quantity > 0)) {
    problems.push(`数量“${a.数量}”应为大于0的整数`);
    about.add('数量');
  }
  const found = a.时间?.trim() ? parseFoundTime(a.时间, ctx.now) : undefined;
  if (a.时间?.trim() && !found) {
    problems.push(`拾获时间“${a.时间}”无法识别（例：${DATE_EXAMPLES}，可加 14:30）`);
    about.add('时间');
  }
  const today = localDate(ctx.now);
  if (found && (found.date > today || (found.date === today && found.time && found.time > localTime(ctx.now)))) {
    problems.push(`拾获时间 ${found.date}${found.time ? ` ${found.time}` : ''} 晚于现在`);
    about.add('时间');
  }
  const category: Category | undefined = a.类别?.trim() ? parseCategory(a.类别) : '一般';
  if (!category) {
    problems.push(`类别“${a.类别}”无效，可选：${CATEGORIES.join('、')}`);
    about.add('类别');
  }
  if (missing.length || problems.length) {
    const link = await formLink(ctx, 'lost-item', { ...a });
    const text = [missing.length ? `缺少${missing.join('、')}` : '', ...problems].filter(Boolean).join('；');
    const field = about.size === 1 ? [...about][0] : undefined;
    if (missing.length)
      throw ruleRefusal(
        'LST-02',
        '000 遗失物品 一(二)',
        `${text}，未登记。\n请补全后重发，或填写市民遗失物品登记表：${link}`,
        field,
      );
    throw new UserError(`${text}，未登记。\n市民遗失物品登记表：${link}`, field);
  }

  const no = await nextRecordNo(ctx.m, PREFIX, yearOf(today));
  const cat = category!;
  // LST-05: the 易坏 clock runs from the day it was found; "三天" is calendar days by default (OPEN #25).
  const perishableDue =
    cat === '易坏'
      ? ctx.deps.calendar.dueAt(
          instantAt(found!.date),
          PERISHABLE_DAYS,
          await getSetting(ctx.m, 'lostFound.perishableDayType'),
        ).date
      : null;
  const row = {
    no,
    name: a.名称!.trim().slice(0, 64),
    quantity: quantity!,
    features: a.特征!.trim(),
    foundDate: found!.date,
    foundTime: found!.time,
    foundPlace: a.地点!.trim().slice(0, 64),
    finder: a.拾获人?.trim().slice(0, 32) || null,
    receivedBy: ctx.actor.userid,
    intact: a.完好?.trim().slice(0, 64) || null,
    storage: a.存放?.trim().slice(0, 32) || null,
    category: cat,
    ownerInfo: a.失主?.trim() || null,
    contacts: [],
    announcedDate: null,
    transferDue: null,
    perishableDue,
    claim: null,
    disposal: null,
    cancelledDate: null,
    cancelledBy: null,
    status: ST.held,
    statusDate: today,
    version: 1,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    updatedBy: ctx.actor.userid,
  };
  await insertRows(ctx.m, LostItem, row);
  const item = await ctx.m.findOneOrFail(LostItem, { where: { no } });
  await appendVersion(ctx, item, '登记');
  await ctx.audit('lost.register', SUBJECT, no, { v: 1, category: cat, ownerInfo: !!item.ownerInfo, status: ST.held });

  const lines = [`✅ ${no} ${itemLabel(item)}｜存放 ${item.storage ?? '未填'}｜${item.intact ?? '完好情况未填'}`];
  if (cat === '贵重') lines[0] += '｜贵重：请交派出所';
  if (cat === '贵重') lines.push(`贵重物品需交至当地派出所（rule LST-06）：失物 交派出所 ${no} 派出所=… 接收人=…`);
  if (cat === '易坏') lines.push(`易变坏食物或药品：${perishableDue} 前无人认领需处理并做销毁登记（rule LST-05）`);
  if (cat !== '贵重') {
    const words = await getSetting(ctx.m, 'lostFound.valuableWords');
    const hit = words.find((w) => `${item.name}${item.features}`.includes(w));
    if (hit)
      lines.push(
        `⚠️ 含“${hit}”，可能属贵重物品（rule LST-06）：如是，请交派出所（失物 交派出所 ${no} 派出所=… 接收人=…）`,
      );
  }
  if (item.ownerInfo)
    lines.push(`有失主信息：请尽快通知失主（rule LST-04），通知后发送 失物 通知 ${no} 方式=电话 结果=…`);
  const matches = await matchingReports(ctx, item);
  if (matches.length) {
    lines.push(`📌 可能是报失的物品：\n${matches.join('\n')}`);
    await ctx.send(
      { group: 'G-GUIDE' },
      { text: `📌 ${no} ${itemLabel(item)}（${item.foundPlace}）可能与报失匹配：\n${matches.join('\n')}` },
      `lost:${no}:report-match`,
    );
  }
  lines.push('可在10分钟内发送物品照片。');
  await openAttachmentSlot(ctx, SUBJECT, no, ITEM_PHOTO);
  return lines.join('\n');
}
