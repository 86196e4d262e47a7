import { ProviderEvent } from '../../../entities/provider-event';
import { insertRows } from '../../db';
import type { Ctx } from '../../kernel/ctx';
import { usersWithRole } from '../../kernel/directory';
import { UserError } from '../../kernel/errors';
import { isoWeekKey, localDate } from '../../kernel/time';

// PRF-02 (002 绩效方案 三(二)): 周检查 and 季反馈. One record per week and per quarter: typing it again updates it.

async function upsert(ctx: Ctx, kind: '周检' | '季反馈', period: string, note: string): Promise<boolean> {
  const existing = await ctx.m.findOne(ProviderEvent, { where: { kind, period } });
  if (existing) await ctx.m.update(ProviderEvent, { id: existing.id }, { note, by: ctx.actor.userid, at: ctx.now });
  else
    await insertRows(ctx.m, ProviderEvent, {
      kind,
      period,
      ground: null,
      note,
      status: null,
      by: ctx.actor.userid,
      at: ctx.now,
    });
  await ctx.audit(
    kind === '周检' ? 'provider.weekly-check' : 'provider.feedback',
    'provider_event',
    `${kind}:${period}`,
    { note, update: !!existing },
  );
  return !!existing;
}

/** `考核 周检 [说明=]` — this ISO week's check. */
export async function weeklyCheck(ctx: Ctx, note: string): Promise<string> {
  const week = isoWeekKey(localDate(ctx.now));
  const updated = await upsert(ctx, '周检', week, note);
  return `✅ 第${Number(week.slice(-2))}周检查已${updated ? '更新' : '记录'}`;
}

/** `2026Q1`, `2026-Q1`, `2026年第一季度`, `一季度` (this year) → `2026-Q1`. */
export function parseQuarter(text: string, today: string): string | null {
  const t = text.replace(/\s/g, '');
  const year = /^(\d{4})/.exec(t)?.[1] ?? today.slice(0, 4);
  const digit = /Q([1-4])$/i.exec(t)?.[1];
  if (digit) return `${year}-Q${digit}`;
  const cnq = /(?:第)?([一二三四])季度$/.exec(t)?.[1];
  return cnq ? `${year}-Q${'一二三四'.indexOf(cnq) + 1}` : null;
}

/** `考核 季反馈 <季度> 内容=…` — the 考核小组's feedback, sent to the provider by DM. */
export async function quarterlyFeedback(ctx: Ctx, quarterText: string, content: string): Promise<string> {
  const quarter = parseQuarter(quarterText, localDate(ctx.now));
  if (!quarter) throw new UserError('季度写作 2026Q1 或 一季度。');
  await upsert(ctx, '季反馈', quarter, content);
  const to = (await usersWithRole(ctx.m, 'provider')).map((p) => p.userid);
  if (!to.length) throw new UserError('目录中没有服务商（provider 角色）人员，无法发送反馈。');
  await ctx.send(
    { user: to },
    { text: `【综窗考核 ${quarter} 季度反馈】\n${content}` },
    `provider-feedback:${quarter}:${ctx.now.getTime()}`,
  );
  return `✅ ${quarter.slice(0, 4)}年${'一二三四'[Number(quarter.slice(-1)) - 1]}季度反馈已发送服务商（${to.length}人）`;
}
