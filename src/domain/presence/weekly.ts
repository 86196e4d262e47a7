import type { Ctx } from '../../kernel/ctx';
import { usersWithRole } from '../../kernel/directory';
import { cnDate, isoWeekKey, localDate } from '../../kernel/time';
import { getSetting } from '../../settings/settings';
import { unfilledDays, weekStart } from './roster';
import { weekTrainings } from './training';

// The presence rows of weekly-friday-checks (D39, D166): each returns how many reminders it queued; keys carry the ISO
// week, so a re-run of the same week repeats nothing.

/** DIR-12, OPEN #7: next week's 带班表 must name a 带班领导 for every WD → else 大厅管理室 is reminded. */
export async function checkNextRoster(ctx: Ctx): Promise<number> {
  const today = localDate(ctx.now);
  const monday = weekStart(today, true);
  const missing = await unfilledDays(ctx.m, ctx.deps.calendar, monday);
  if (!missing.length) return 0;
  await ctx.send(
    { group: 'G-OFFICE' },
    {
      text: `⏰ 下周带班表未排齐（rule DIR-12）：${missing.map(cnDate).join('、')} 尚无带班领导。请发送：带班 排班 下周`,
    },
    `weekly:${isoWeekKey(today)}:roster`,
  );
  return 1;
}

/** STF-11, OPEN #32: the 综合服务窗口's business trainings this week below the minimum → 大厅管理室 and provider. */
export async function checkWeeklyTraining(ctx: Ctx): Promise<number> {
  const min = await getSetting(ctx.m, 'presence.weeklyTrainings');
  if (min === 0) return 0;
  const today = localDate(ctx.now);
  const done = (await weekTrainings(ctx.m, today)).filter((t) => t.type === '业务').length;
  if (done >= min) return 0;
  const text = `⏰ 本周综合服务窗口业务培训 ${done} 次，少于每周 ${min} 次（rule STF-11）。培训后请登记：培训 登记 日期=… 主题=… 人数=… 对象=综窗 类型=业务`;
  const week = isoWeekKey(today);
  await ctx.send({ group: 'G-OFFICE' }, { text }, `weekly:${week}:training:office`);
  const providers = (await usersWithRole(ctx.m, 'provider')).map((p) => p.userid);
  if (providers.length) await ctx.send({ user: providers }, { text }, `weekly:${week}:training:provider`);
  return 1;
}
