import { ServiceItem } from '../../../entities/item';
import { ServiceCase, type CaseMode, type CaseSupplement, type CaseType } from '../../../entities/case';
import { insertRows } from '../../db';
import type { Ctx } from '../../kernel/ctx';
import { ruleRefusal, UserError } from '../../kernel/errors';
import { editDistance } from '../../kernel/match';
import { maskPhone, seesPersonalData } from '../../kernel/mask';
import { nextRecordNo } from '../../kernel/numbers';
import { cnDate, localDate, yearOf } from '../../kernel/time';
import { BEFORE_ACCEPT, limitLabel, PREFIX, WIDTH } from './model';
import { addEvent, assertStatus, changeCase, loadCase } from './store';

// 收件 (CAS-01/03/05, ITM-05), 补正 with its 一次性告知书 (CAS-06/07) and 补齐 (CAS-08).

/** An item by 事项编码 or exact name; a miss names the nearest names. 取消 items take no new cases. */
export async function findItem(ctx: Ctx, ref: string): Promise<ServiceItem> {
  const s = ref.trim();
  const hit =
    (await ctx.m.findOne(ServiceItem, { where: { code: s } })) ??
    (await ctx.m.findOne(ServiceItem, { where: { name: s, status: '在用' } }));
  if (hit && hit.status === '在用') return hit;
  if (hit) throw new UserError(`事项“${hit.name}”已取消，不能收件。`);
  const all = await ctx.m.find(ServiceItem, { select: { name: true }, where: { status: '在用' } });
  const near = all
    .map((i) => ({ n: i.name, d: editDistance(i.name, s) }))
    .filter((x) => x.d <= Math.max(2, Math.ceil(s.length / 2)))
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map((x) => x.n);
  throw new UserError(
    `没有找到事项“${s}”。${near.length ? `你是不是要：${near.join(' / ')}？` : '请用事项名称或事项编码。'}`,
  );
}

export interface IntakeArgs {
  事项: string;
  申请人: string;
  电话?: string;
  平台号?: string;
  类型?: CaseType;
  模式?: CaseMode;
}

export async function receiveCase(ctx: Ctx, a: IntakeArgs): Promise<string> {
  const item = await findItem(ctx, a.事项);
  const type: CaseType = a.类型 ?? (item.instant ? '即办' : '承诺');
  // ITM-05: no 承诺时限, no CAS timing. A 即办件 is finished on the spot (ITM-06), so needs none (D100).
  if (type === '承诺' && item.promisedLimitWd == null)
    throw ruleRefusal(
      'ITM-05',
      '000 一次性告知 第三条(三)；限时办结 第三条',
      `事项“${item.name}”尚未设置承诺时限，不能收件计时。请大厅管理室先用“事项 设置 ${item.code} 承诺时限=…”补齐。`,
    );
  if (a.平台号) {
    const dup = await ctx.m.findOne(ServiceCase, { where: { platformNo: a.平台号 } });
    if (dup) throw new UserError(`平台号 ${a.平台号} 已登记为 ${dup.no}。`);
  }
  const no = await nextRecordNo(ctx.m, PREFIX, yearOf(localDate(ctx.now)), WIDTH);
  await insertRows(ctx.m, ServiceCase, {
    no,
    platformNo: a.平台号 ?? null,
    itemId: item.id,
    itemCode: item.code,
    itemName: item.name,
    departmentCode: item.departmentCode,
    windowNumber: ctx.actor.windowNumber,
    type,
    mode: a.模式 ?? '普通',
    limitWd: type === '即办' ? 0 : item.promisedLimitWd!,
    applicant: a.申请人,
    applicantPhone: a.电话 ?? null,
    // CAS-03: whoever receives the file is its 首问责任人 and follows it end to end.
    firstResponder: ctx.actor.userid,
    handler: ctx.actor.userid,
    status: '收件',
    receivedAt: ctx.now,
    supplements: [],
    extensions: 0,
    closedOverdue: false,
    source: '聊天',
    version: 1,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    updatedBy: ctx.actor.userid,
  });
  await ctx.audit('case.收件', 'case', no, { v: 1, item: item.code, type, mode: a.模式 ?? '普通' });
  await addEvent(ctx, no, '收件', `${item.name}｜${type}`, { item: item.code });
  const phone = seesPersonalData(ctx.actor.roles) ? (a.电话 ?? '') : maskPhone(a.电话);
  return [
    `✅ ${no} ${item.name}｜${limitLabel({ type, limitWd: type === '即办' ? 0 : item.promisedLimitWd! })}`,
    `申请人 ${a.申请人}${phone ? ` ${phone}` : ''}｜首问责任人 ${ctx.actor.name}`,
    `材料齐全请发送：办件 受理 ${no}；需补正：办件 补正 ${no} 材料=…`,
  ].join('\n');
}

/** Every item listed by earlier 补正 rounds and not yet received. */
export function unmetItems(c: ServiceCase): string[] {
  const out: string[] = [];
  for (const s of c.supplements) for (const i of s.items) if (!s.met.includes(i) && !out.includes(i)) out.push(i);
  return out;
}

const splitList = (s: string) =>
  s
    .split(/[,，、;；]/)
    .map((x) => x.trim())
    .filter(Boolean);

/** The 一次性告知书 (CAS-06: in writing, all at once, with how and what follows). */
function noticeText(ctx: Ctx, c: ServiceCase, round: number, items: string[]): string {
  return [
    `一次性告知书（${c.no}${round > 1 ? `，第${round}次` : ''}）`,
    `${c.applicant}：您申请的“${c.itemName}”需补正以下材料：`,
    ...items.map((x, i) => `${i + 1}. ${x}`),
    '请一次性补齐；补齐后次日起计算办理时限。告知后不再要求补充其他材料。',
    `告知人 ${ctx.actor.name} ${cnDate(localDate(ctx.now))}`,
  ].join('\n');
}

export async function requestSupplement(ctx: Ctx, ref: string, list: string): Promise<string> {
  const c = await loadCase(ctx, ref);
  assertStatus(c, BEFORE_ACCEPT, '补正（补正只在受理前）');
  const items = [...new Set(splitList(list))];
  if (!items.length) throw new UserError('请列出需补正的材料，例：材料=户口簿,身份证复印件');
  if (c.supplements.length > 0) {
    // CAS-07: after the written notice nothing new may be demanded; only unmet items of it are re-listed.
    const unmet = unmetItems(c);
    const extra = items.filter((i) => !unmet.includes(i));
    if (extra.length)
      throw ruleRefusal(
        'CAS-07',
        '000 一次性告知 第八条',
        `一次性告知后不得再要求补充新材料：${extra.join('、')} 不在已告知且未补齐的材料中（未补齐：${unmet.join('、') || '无'}）。`,
      );
  }
  const round = c.supplements.length + 1;
  const notice = noticeText(ctx, c, round, items);
  const entry: CaseSupplement = { round, items, met: [], notice, at: ctx.now.toISOString(), by: ctx.actor.userid };
  await changeCase(
    ctx,
    c,
    '补正',
    { status: '待补正', supplements: [...c.supplements, entry], completedDate: null },
    notice,
    {
      round,
      items,
    },
  );
  return `✅ ${c.no} 一次性告知书已生成（${items.length}项）\n${notice}`;
}

/**
 * Materials received (CAS-08): `材料=` names some, none means all. When nothing is left the case is back to
 * 收件 with its 补齐 date, from which 受理 starts the clock.
 */
export async function markSupplied(
  ctx: Ctx,
  ref: string,
  list: string | undefined,
  date: string | undefined,
): Promise<string> {
  const c = await loadCase(ctx, ref);
  assertStatus(c, ['待补正'], '补齐');
  const today = localDate(ctx.now);
  const day = date ?? today;
  if (day > today) throw new UserError(`补齐日期 ${day} 晚于今天。`);
  if (day < localDate(c.receivedAt)) throw new UserError(`补齐日期 ${day} 早于收件日 ${localDate(c.receivedAt)}。`);
  const unmet = unmetItems(c);
  const got = list ? [...new Set(splitList(list))] : unmet;
  const unknown = got.filter((i) => !unmet.includes(i));
  if (unknown.length) throw new UserError(`${unknown.join('、')} 不在未补齐的材料中（未补齐：${unmet.join('、')}）。`);
  const supplements = c.supplements.map((s) => ({
    ...s,
    met: [...s.met, ...s.items.filter((i) => got.includes(i) && !s.met.includes(i))],
  }));
  const left = unmet.filter((i) => !got.includes(i));
  const done = left.length === 0;
  await changeCase(
    ctx,
    c,
    '补齐',
    { supplements, status: done ? '收件' : '待补正', completedDate: done ? day : null },
    `收到 ${got.join('、')}${done ? `，材料已补齐（${day}）` : ''}`,
    { items: got, date: day },
  );
  return done
    ? `✅ ${c.no} 材料已补齐（${day}），受理后次日起计时。发送：办件 受理 ${c.no}`
    : `✅ ${c.no} 已收 ${got.join('、')}；尚缺 ${left.join('、')}`;
}
