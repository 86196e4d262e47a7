import { ProviderEvent } from '../../../entities/provider-event';
import { ProviderScore } from '../../../entities/provider-score';
import type { Ctx } from '../../kernel/ctx';
import { isoWeekKey, localDate } from '../../kernel/time';
import { previousMonth } from '../briefings/schedule';
import { assessGroup } from './scores';

// PRF-02 (002 绩效方案 三(二), OPEN #51): the 考核小组 is reminded of the month's score on the 5th WD and of the
// quarter's feedback on the first WD of the next quarter — each only while it is still missing.

/** provider-monthly-score: last month's score not yet entered → one DM to the 考核小组. */
export async function remindMonthlyScore(ctx: Ctx): Promise<number> {
  const month = previousMonth(localDate(ctx.now));
  if (await ctx.m.findOne(ProviderScore, { where: { month } })) return 0;
  await ctx.send(
    { user: await assessGroup(ctx) },
    {
      text: `【综窗考核】${month} 的月度考核分数尚未录入（PRF-02）。\n考核 录入 ${month} 分数=<0-100>（或 细则=项目:分,…）`,
    },
    `provider-monthly-score:${month}`,
  );
  return 1;
}

/** provider-quarterly-feedback: the quarter just ended has no 季反馈 → one DM to the 考核小组. */
export async function remindQuarterlyFeedback(ctx: Ctx): Promise<number> {
  const today = localDate(ctx.now);
  const month = Number(today.slice(5, 7));
  const year = month === 1 ? Number(today.slice(0, 4)) - 1 : Number(today.slice(0, 4));
  const quarter = `${year}-Q${month === 1 ? 4 : Math.floor((month - 1) / 3)}`;
  if (await ctx.m.findOne(ProviderEvent, { where: { kind: '季反馈', period: quarter } })) return 0;
  await ctx.send(
    { user: await assessGroup(ctx) },
    {
      text: `【综窗考核】请向服务商反馈 ${quarter} 考核情况（PRF-02）。\n考核 季反馈 ${quarter.replace('-', '')} 内容=…`,
    },
    `provider-quarterly-feedback:${quarter}`,
  );
  return 1;
}

/** weekly-friday-checks row: no `考核 周检` recorded this ISO week → one DM to the 考核小组 (PRF-02 周检查). */
export async function remindWeeklyCheck(ctx: Ctx): Promise<number> {
  const week = isoWeekKey(localDate(ctx.now));
  if (await ctx.m.findOne(ProviderEvent, { where: { kind: '周检', period: week } })) return 0;
  await ctx.send(
    { user: await assessGroup(ctx) },
    {
      text: `【综窗考核】本周（第${Number(week.slice(-2))}周）尚未记录对综窗服务商的周检查（PRF-02）。\n考核 周检 说明=…`,
    },
    `provider-weekly-check:${week}`,
  );
  return 1;
}
