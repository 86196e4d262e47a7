import { randomBytes } from 'node:crypto';
import { Like } from 'typeorm';
import { ProviderScore } from '../../../entities/provider-score';
import { insertRows } from '../../db';
import type { CardClick } from '../../kernel/card';
import { greyClickedCard } from '../../kernel/card-reply';
import { formLink } from '../../kernel/forms';
import type { Ctx } from '../../kernel/ctx';
import { usersWithRole } from '../../kernel/directory';
import { ruleRefusal, UserError } from '../../kernel/errors';
import { addMonths, localDate } from '../../kernel/time';
import { getSetting } from '../../settings/settings';
import { buttonCard, taskIdFor } from '../../wecom/cards';
import { bandOf, DEDUCTION_PERCENT, payableFen, scoreText, yuan, type Band } from './bands';
import { flagConsecutiveFailures } from './termination';

// 综合一窗服务商 月考核 (PRF-01…09, 002 绩效方案): the 考核小组 enters a month's score (or its 考核细则 items); the
// band and fee deduction follow; the provider may dispute (PRF-06); a second consecutive 不达标 raises ground (3)
// for contract termination (PRF-07).

export const FIRST_MONTH = '2022-10'; // PRF-08: the scheme took effect 2022-10-01
const cn = (month: string) => `${Number(month.slice(5))}月`;

/** 考核小组 = 大厅管理室 members flagged 考核小组 (docs/commands.md §2); none flagged → all of 大厅管理室. */
export async function assessGroup(ctx: Ctx): Promise<string[]> {
  const flagged = await usersWithRole(ctx.m, 'hall_office', '考核小组');
  return (flagged.length ? flagged : await usersWithRole(ctx.m, 'hall_office')).map((p) => p.userid);
}

/** PRF-09: item scores against the configured 细则; the month's score is their sum. */
async function checkItems(ctx: Ctx, items: Record<string, number>): Promise<number> {
  const list = await getSetting(ctx.m, 'provider.checklist');
  const names = new Set(list.map((i) => i.item));
  const unknown = Object.keys(items).filter((k) => !names.has(k));
  if (unknown.length)
    throw new UserError(
      `考核细则没有“${unknown.join('、')}”。细则：${list.map((i) => `${i.item}（${i.max}分）`).join('、')}`,
    );
  const missing = list.filter((i) => items[i.item] === undefined);
  if (missing.length) throw new UserError(`细则各项须全部打分，缺：${missing.map((i) => i.item).join('、')}`);
  const over = list.filter((i) => items[i.item] > i.max * 10);
  if (over.length)
    throw ruleRefusal(
      'PRF-09',
      '002 绩效方案 附件（OPEN #52）',
      `${over.map((i) => `${i.item} 超过满分 ${i.max}`).join('；')}`,
    );
  return list.reduce((s, i) => s + items[i.item], 0);
}

export interface ScoreInput {
  month: string;
  tenths?: number;
  /** 细则 item → tenths. */
  items?: Record<string, number>;
}

/** `考核 录入` — HARD 0–100 (parsed before), no month before 2022-10 or after this one (PRF-08). */
export async function enterScore(ctx: Ctx, input: ScoreInput): Promise<string> {
  const { month } = input;
  if (month < FIRST_MONTH)
    throw ruleRefusal('PRF-08', '002 绩效方案 五', `考核自2022年10月起施行，${month} 不能录入。`);
  if (month > localDate(ctx.now).slice(0, 7)) throw new UserError(`${month} 尚未到来，不能录入。`);
  const itemsTotal = input.items ? await checkItems(ctx, input.items) : undefined;
  if (itemsTotal !== undefined && input.tenths !== undefined && itemsTotal !== input.tenths)
    throw ruleRefusal(
      'PRF-09',
      '002 绩效方案 附件（OPEN #52）',
      `细则合计 ${scoreText(itemsTotal)} 分，与 分数=${scoreText(input.tenths)} 不一致。`,
    );
  const tenths = itemsTotal ?? input.tenths;
  if (tenths === undefined)
    throw new UserError(
      `请给出 分数=<0-100> 或 细则=项目:分,…\n或逐项打分（D202）：${await formLink(ctx, 'provider-score', { 月份: month })}`,
    );
  const band = bandOf(tenths, await getSetting(ctx.m, 'provider.score80'));
  const percent = DEDUCTION_PERCENT[band];
  const feeFen = await getSetting(ctx.m, 'provider.monthlyFeeFen');
  const existing = await ctx.m.findOne(ProviderScore, { where: { month } });
  const values = {
    scoreTenths: tenths,
    band,
    deductionPercent: percent,
    feeFen,
    items: input.items ?? null,
    enteredBy: ctx.actor.userid,
    enteredAt: ctx.now,
  };
  if (existing) {
    // A second entry is a revision: an open dispute is thereby answered (PRF-06).
    const status = existing.status === '有异议' ? '已改分' : existing.status;
    await ctx.m.update(
      ProviderScore,
      { month },
      { ...values, status, decidedBy: status === '已改分' ? ctx.actor.userid : existing.decidedBy },
    );
    await ctx.audit('provider.score.revise', 'provider_score', month, { from: existing.scoreTenths, to: tenths, band });
  } else {
    await insertRows(ctx.m, ProviderScore, { month, ...values, status: '正常', disputeReason: null, decidedBy: null });
    await ctx.audit('provider.score', 'provider_score', month, { tenths, band, percent });
  }
  const money = feeFen === null ? '应付金额 未设置' : `应付 ${yuan(payableFen(feeFen, percent))}`;
  const line = `${cn(month)} ${scoreText(tenths)}分 ${band}，扣费 ${percent}%（${money}）`;
  await tellProvider(
    ctx,
    `【综窗考核】${month} ${line}${existing ? '（已更正）' : ''}\n如有异议：考核 异议 ${month} 理由=…`,
    `provider-score:${month}:${tenths}`,
  );
  const warning = await flagConsecutiveFailures(ctx, month);
  return warning ? `✅ ${line}\n${warning}` : `✅ ${line}`;
}

/** The provider's people: its 首席代表 and staff hold the `provider` role (DIR roles). */
async function tellProvider(ctx: Ctx, text: string, key: string): Promise<void> {
  const to = (await usersWithRole(ctx.m, 'provider')).map((p) => p.userid);
  if (to.length) await ctx.send({ user: to }, { text }, key);
}

/** PRF-05: a month's line, or a year's months and their mean (months without a score left out). */
export async function viewScores(ctx: Ctx, period: string): Promise<string> {
  if (/^\d{4}-\d{2}$/.test(period)) {
    const s = await ctx.m.findOne(ProviderScore, { where: { month: period } });
    if (!s) return `${period} 尚未录入考核分数。`;
    return `${period} ${scoreText(s.scoreTenths)}分 ${s.band}，扣费 ${s.deductionPercent}%${s.feeFen === null ? '（应付金额 未设置）' : `（应付 ${yuan(payableFen(s.feeFen, s.deductionPercent))}）`}${s.status === '正常' ? '' : `｜${s.status}`}`;
  }
  const scores = await ctx.m.find(ProviderScore, { where: { month: Like(`${period}-%`) }, order: { month: 'ASC' } });
  if (!scores.length) return `${period}年 尚无考核分数。`;
  const mean = yearMean(scores.map((s) => s.scoreTenths));
  return [
    `${period}年：${scores.length}个月均分 ${mean}`,
    ...scores.map(
      (s) => `${cn(s.month)} ${scoreText(s.scoreTenths)} ${s.band}${s.status === '正常' ? '' : `（${s.status}）`}`,
    ),
  ].join('\n');
}

/** PRF-05: the year's total ÷ months assessed, shown with one decimal (§19 #26: 85, 92, 78 → 85.0). */
export function yearMean(tenths: number[]): string {
  return (tenths.reduce((s, t) => s + t, 0) / tenths.length / 10).toFixed(1);
}

/** `考核 异议` (PRF-06): status 有异议 and a card to the 考核小组 (`score_uphold:` / `score_revise:`). */
export async function disputeScore(ctx: Ctx, month: string, reason: string): Promise<string> {
  const s = await ctx.m.findOne(ProviderScore, { where: { month } });
  if (!s) throw new UserError(`${month} 尚未录入考核分数，无可异议。`);
  if (s.status === '有异议') return `${month} 的异议已在处理中。`;
  await ctx.m.update(ProviderScore, { month }, { status: '有异议', disputeReason: reason });
  await ctx.audit('provider.dispute', 'provider_score', month, { reason });
  const card = buttonCard({
    taskId: taskIdFor(month, 'score-dispute', randomBytes(3).toString('hex')),
    title: `综窗考核异议 ${month}`,
    desc: `${scoreText(s.scoreTenths)}分 ${s.band}｜${ctx.actor.name}`,
    subTitle: `异议理由：${reason}`,
    fields: [{ key: '扣费', value: `${s.deductionPercent}%` }],
    buttons: [
      { text: '维持', key: `score_uphold:${month}`, style: 1 },
      { text: '改分', key: `score_revise:${month}`, style: 2 },
    ],
  });
  await ctx.send({ user: await assessGroup(ctx) }, { card }, `provider-score:${month}:dispute:${ctx.now.getTime()}`);
  return `✅ ${cn(month)}成绩异议已提交考核小组`;
}

/** `score_uphold:<month>` — the 考核小组 keeps the score; the provider is told. */
export async function upholdScore(ctx: Ctx, month: string, click: CardClick): Promise<void> {
  const res = await ctx.m.update(
    ProviderScore,
    { month, status: '有异议' },
    { status: '已维持', decidedBy: ctx.actor.userid },
  );
  if ((res.affected ?? 0) !== 1) {
    await ctx.reply(`已处理：${month} 的异议已有结论。`);
    return;
  }
  await ctx.audit('provider.dispute.uphold', 'provider_score', month, {});
  await greyClickedCard(ctx, click, '已维持');
  await tellProvider(ctx, `【综窗考核】${month} 成绩异议经考核小组复核：维持原分。`, `provider-score:${month}:upheld`);
  await ctx.reply(`✅ ${month} 维持原分，已告知服务商`);
}

/** `score_revise:<month>` — the new score is entered with `考核 录入`, which closes the dispute as 已改分. */
export async function reviseScorePrompt(ctx: Ctx, month: string): Promise<void> {
  const s = await ctx.m.findOne(ProviderScore, { where: { month } });
  if (s?.status !== '有异议') {
    await ctx.reply(`已处理：${month} 的异议已有结论。`);
    return;
  }
  await ctx.reply(
    `请发送改正后的分数：考核 录入 ${month} 分数=<0-100>（或 细则=项目:分,…），录入后异议即办结为“已改分”。`,
  );
}

export const previousMonth = (month: string) => addMonths(`${month}-01`, -1).slice(0, 7);
export type { Band };
