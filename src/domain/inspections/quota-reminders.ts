import type { Ctx } from '../../kernel/ctx';
import { usersWithRole } from '../../kernel/directory';
import { claimReminder } from '../../kernel/reminders';
import { getSetting } from '../../settings/settings';
import { cnDate, localDate } from '../../kernel/time';
import { fireDay, nthLastWorkday } from '../briefings/schedule';
import { inspectionsOn, monthStats } from './inspections';
import { JOINT_PER_MONTH, LEADER_PER_MONTH } from './rules';

// INS-01/02/03 quota reminders (OPEN #15): no 日常巡查 logged by 16:00 → G-OFFICE; 联合 <1 by the 15th or <2 on the
// 3rd-last WD → G-OFFICE; no 领导巡查 by the 20th → the 中心领导 (DM). Days that are not WDs move to the WD before.

/** daily-inspection-check (16:00 WD): INS-01, OPEN #55 (every WD). */
export async function checkDailyInspection(ctx: Ctx): Promise<number> {
  const today = localDate(ctx.now);
  if ((await inspectionsOn(ctx.m, today, ['日常'])).length > 0) return 0;
  await ctx.send(
    { group: 'G-OFFICE' },
    {
      text: `⏰ 今日（${cnDate(today)}）尚未登记日常巡查（rule INS-01）。巡查后发送：巡查 开始 类型=日常 区域=前台,后台,公共`,
    },
    `ins-daily:${today}`,
  );
  return 1;
}

/** joint-inspection-count (09:00 daily; fires on the 15th and on the 3rd-last WD): INS-02. */
export async function checkJointCount(ctx: Ctx): Promise<number> {
  const today = localDate(ctx.now);
  const month = today.slice(0, 7);
  const cal = ctx.deps.calendar;
  const mid = fireDay(cal, month, await getSetting(ctx.m, 'inspection.jointCheckDay'));
  const late = nthLastWorkday(cal, month, await getSetting(ctx.m, 'inspection.jointLastWorkdays'));
  const stage = today >= late ? { key: 'L3', need: JOINT_PER_MONTH } : today >= mid ? { key: '15', need: 1 } : null;
  if (!stage) return 0;
  const stats = await monthStats(ctx.m, cal, month, today);
  if (stats.joint >= stage.need) return 0;
  if (!(await claimReminder(ctx.m, ctx.now, `ins-joint:${month}`, stage.key, 0, 'once'))) return 0;
  await ctx.send(
    { group: 'G-OFFICE' },
    {
      text: `⏰ 本月联合巡查 ${stats.joint}/${JOINT_PER_MONTH} 次（每月不少于两次，rule INS-02）${stage.key === 'L3' ? '，本月仅剩最后几个工作日' : ''}。请组织：巡查 开始 类型=联合 参与=@首席代表…`,
    },
    `ins-joint:${month}:${stage.key}`,
  );
  return 1;
}

/** leader-inspection-check (09:00 on the 15th–20th; fires by the 20th): INS-03. */
export async function checkLeaderInspection(ctx: Ctx): Promise<number> {
  const today = localDate(ctx.now);
  const month = today.slice(0, 7);
  const due = fireDay(ctx.deps.calendar, month, await getSetting(ctx.m, 'inspection.leaderCheckDay'));
  if (today < due) return 0;
  const stats = await monthStats(ctx.m, ctx.deps.calendar, month, today);
  if (stats.leader >= LEADER_PER_MONTH) return 0;
  if (!(await claimReminder(ctx.m, ctx.now, `ins-leader:${month}`, 'remind', 0, 'once'))) return 0;
  const to = (await usersWithRole(ctx.m, 'leader')).map((p) => p.userid);
  if (!to.length) return 0;
  await ctx.send(
    { user: to },
    {
      text: `⏰ 本月尚无中心领导带队巡查（每月一次，可结合联合巡查，rule INS-03）。发送：巡查 开始 类型=领导 区域=… [联合=是]`,
    },
    `ins-leader:${month}`,
  );
  return 1;
}
