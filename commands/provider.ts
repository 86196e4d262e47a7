import { z } from 'zod';
import type { CardAction } from '../src/kernel/card';
import { defineCommand } from '../src/kernel/command';
import { UserError } from '../src/kernel/errors';
import { parseScore } from '../src/domain/provider/bands';
import { quarterlyFeedback, weeklyCheck } from '../src/domain/provider/events';
import { disputeScore, enterScore, reviseScorePrompt, upholdScore, viewScores } from '../src/domain/provider/scores';
import { recordGround } from '../src/domain/provider/termination';
import { localDate } from '../src/kernel/time';

// 综合一窗服务商 绩效考核 (PRF-01…09; docs/commands.md): 考核小组 = 大厅管理室 members flagged 考核小组.

const SCORE = z.string().transform((s, c) => {
  const t = parseScore(s);
  if (t === null) {
    c.addIssue({ code: 'custom', message: '应为0–100的分数，最多一位小数（PRF-03）' });
    return z.NEVER;
  }
  return t;
});

/** `细则=服务规范:18,受理质量:22.5,…` → item → tenths. */
const ITEMS = z.string().transform((s, c) => {
  const out: Record<string, number> = {};
  for (const part of s.split(/[,，;；]/).filter(Boolean)) {
    const [name, value] = part.split(/[:：=]/);
    const t = value === undefined ? null : parseScore(value);
    if (!name?.trim() || t === null) {
      c.addIssue({ code: 'custom', message: `“${part}”应写作 项目:分` });
      return z.NEVER;
    }
    out[name.trim()] = t;
  }
  return out;
});

export const providerScoreEntry = defineCommand({
  name: '考核 录入',
  group: '绩效',
  summary: '录入综窗服务商月度考核分数（或按考核细则逐项打分），自动定档、计算扣费',
  roles: ['hall_office'],
  usage: '考核 录入 <月份> 分数=<0-100> | 细则=项目:分,…',
  examples: [
    '考核 录入 2026-02 分数=86',
    '考核 录入 上月 细则=服务规范:18,受理质量:22,办理时效:17,群众满意度:19,制度执行:12',
  ],
  rules: ['PRF-01', 'PRF-03', 'PRF-04', 'PRF-08', 'PRF-09', 'OPEN #52', 'OPEN #58'],
  positional: ['月份'],
  args: (t) => z.object({ 月份: t.month('月份'), 分数: SCORE.optional(), 细则: ITEMS.optional() }),
  async handle(ctx, a) {
    await ctx.reply(await enterScore(ctx, { month: a.月份, tenths: a.分数, items: a.细则 }));
  },
});

export const providerScoreView = defineCommand({
  name: '考核 查看',
  group: '绩效',
  summary: '查看综窗服务商某月或全年考核（年度 = 已考核月份的平均分）',
  roles: ['hall_office', 'leader', 'supervisor', 'provider'],
  usage: '考核 查看 [月份|年份]',
  examples: ['考核 查看', '考核 查看 2026-02', '考核 查看 2025'],
  rules: ['PRF-03', 'PRF-05'],
  positional: ['期间'],
  args: (t) => z.object({ 期间: z.union([z.string().regex(/^\d{4}$/), t.month('月份')]).optional() }),
  async handle(ctx, a) {
    await ctx.reply(await viewScores(ctx, a.期间 ?? localDate(ctx.now).slice(0, 4)));
  },
});

export const providerWeeklyCheck = defineCommand({
  name: '考核 周检',
  group: '绩效',
  summary: '记录本周对综窗服务商的检查',
  roles: ['hall_office'],
  usage: '考核 周检 [说明=]',
  examples: ['考核 周检 说明=抽查10件，2件告知单不规范'],
  rules: ['PRF-02', 'OPEN #51'],
  args: () => z.object({ 说明: z.string().default('已检查') }),
  async handle(ctx, a) {
    await ctx.reply(await weeklyCheck(ctx, a.说明));
  },
});

export const providerFeedback = defineCommand({
  name: '考核 季反馈',
  group: '绩效',
  summary: '向综窗服务商发送季度考核反馈',
  roles: ['hall_office'],
  usage: '考核 季反馈 <季度> 内容=…',
  examples: ['考核 季反馈 2026Q1 内容=一季度均分86.3，受理质量需加强'],
  rules: ['PRF-02', 'OPEN #51'],
  positional: ['季度'],
  args: () => z.object({ 季度: z.string(), 内容: z.string().min(4) }),
  async handle(ctx, a) {
    await ctx.reply(await quarterlyFeedback(ctx, a.季度, a.内容));
  },
});

export const providerDispute = defineCommand({
  name: '考核 异议',
  group: '绩效',
  summary: '服务商对月度考核结果提出异议，提交考核小组复核',
  roles: ['provider'],
  usage: '考核 异议 <月份> 理由=…',
  examples: ['考核 异议 2026-02 理由=第3周检查的2件已按时补正'],
  rules: ['PRF-06'],
  positional: ['月份'],
  args: (t) => z.object({ 月份: t.month('月份'), 理由: z.string().min(4) }),
  async handle(ctx, a) {
    await ctx.reply(await disputeScore(ctx, a.月份, a.理由));
  },
});

export const providerTermination = defineCommand({
  name: '考核 终止事由',
  group: '绩效',
  summary: '登记合同终止事由（1–6，(3)由连续两月不达标自动认定），附证据，报中心领导',
  roles: ['hall_office'],
  usage: '考核 终止事由 <1-6> 说明=…（随后发送证据）',
  examples: ['考核 终止事由 4 说明=3月5日材料未当日流转至GA，延误办结'],
  rules: ['PRF-07'],
  positional: ['事由'],
  args: () => z.object({ 事由: z.coerce.number().int(), 说明: z.string().min(4) }),
  async handle(ctx, a) {
    if (a.事由 < 1 || a.事由 > 6) throw new UserError('终止事由应为 1–6。');
    await ctx.reply(await recordGround(ctx, a.事由, a.说明));
  },
});

/** PRF-06 card buttons, to the 考核小组 (INS-09 findings own `uphold:`). */
export const providerCardActions: CardAction[] = [
  { verb: 'score_uphold', who: { roles: ['hall_office'] }, handle: (ctx, id, click) => upholdScore(ctx, id, click) },
  { verb: 'score_revise', who: { roles: ['hall_office'] }, handle: (ctx, id) => reviseScorePrompt(ctx, id) },
];
