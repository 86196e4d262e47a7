import type { Ctx } from '../../kernel/ctx';
import { usersWithRole } from '../../kernel/directory';
import { dayOfNextMonth } from '../../calendar/conventions';
import { claimReminder } from '../../kernel/reminders';
import { getSetting } from '../../settings/settings';
import { cnDate, localDate } from '../../kernel/time';
import { fireDay, previousMonth } from './schedule';
import { openTalks, TALK_DAY } from './talks';
import { DEADLINE_DAY, writtenNotice } from './written-notice';

// BRF-04/05 约谈 reminders (5th and 8th, deadline 10th; escalation to G-LEAD after it) and BRF-07 书面通报
// reminders (OPEN #21: 12th to the 中心领导, 14th escalated to G-LEAD; deadline 15th). A reminder day that is not
// a WD fires on the WD before it; each stage is claimed once (reminder_log), and a stage missed while the bot
// was down is sent at the next run — but only the latest stage, never a stale one.

async function leaders(ctx: Ctx): Promise<string[]> {
  return (await usersWithRole(ctx.m, 'leader')).map((p) => p.userid);
}

export async function remindTalks(ctx: Ctx): Promise<{ reminded: number; escalated: number }> {
  const today = localDate(ctx.now);
  const month = previousMonth(today);
  const open = await openTalks(ctx, month);
  if (!open.length) return { reminded: 0, escalated: 0 };
  const deadline = dayOfNextMonth(month, TALK_DAY);
  if (today > deadline) {
    // BRF-04/05: every 约谈 still open after the 10th is escalated, a candidate nobody confirmed included —
    // otherwise an unconfirmed candidate would lapse silently.
    const overdue = open;
    if (!(await claimReminder(ctx.m, ctx.now, `talks:${month}`, 'escalate', 0, 'once')))
      return { reminded: 0, escalated: 0 };
    await ctx.send(
      { group: 'G-LEAD' },
      {
        text: `⚠️ ${month} 约谈逾期（须于${cnDate(deadline)}前完成，rule BRF-04/05）：${overdue.map((t) => `${t.departmentCode} 约谈${t.target}（${t.status === '候选' ? '候选，未确认' : t.status}）`).join('；')}`,
      },
      `talks:${month}:escalate`,
    );
    return { reminded: 0, escalated: 1 };
  }
  const days = [...(await getSetting(ctx.m, 'talk.reminderDays'))].sort((a, b) => b - a);
  const thisMonth = today.slice(0, 7);
  const stage = days.find((d) => d <= TALK_DAY && fireDay(ctx.deps.calendar, thisMonth, d) <= today);
  if (stage === undefined || !(await claimReminder(ctx.m, ctx.now, `talks:${month}`, 'remind', 0, String(stage))))
    return { reminded: 0, escalated: 0 };
  const lines = open.map(
    (t) => `${t.departmentCode} 约谈${t.target}｜${t.status === '候选' ? `候选（${t.reasons}），待确认` : t.status}`,
  );
  const text = `⏰ ${month} 约谈须于 ${cnDate(deadline)} 前完成：\n${lines.join('\n')}\n确认：约谈 确认 <部门> 对象=首席代表｜记录：约谈 记录 <部门> …`;
  await ctx.send({ group: 'G-OFFICE' }, { text }, `talks:${month}:remind:${stage}`);
  const toLead = open.filter((t) => t.status !== '候选');
  const lead = await leaders(ctx);
  if (toLead.length && lead.length)
    await ctx.send(
      { user: lead },
      {
        text: `⏰ ${month} 约谈待完成（${cnDate(deadline)}前）：${toLead.map((t) => `${t.departmentCode} 约谈${t.target}`).join('；')}`,
      },
      `talks:${month}:remind:${stage}:lead`,
    );
  return { reminded: 1, escalated: 0 };
}

export async function remindWrittenNotice(ctx: Ctx): Promise<{ reminded: number; escalated: number }> {
  const today = localDate(ctx.now);
  const month = previousMonth(today);
  const n = await writtenNotice(ctx, month);
  if (n && (n.status === '已发布' || n.status === '已批准')) return { reminded: 0, escalated: 0 };
  const thisMonth = today.slice(0, 7);
  const remindOn = fireDay(ctx.deps.calendar, thisMonth, await getSetting(ctx.m, 'writtenNotice.remindDay'));
  const escalateOn = fireDay(ctx.deps.calendar, thisMonth, await getSetting(ctx.m, 'writtenNotice.escalateDay'));
  const deadline = cnDate(dayOfNextMonth(month, DEADLINE_DAY));
  const state = !n
    ? '草稿未生成'
    : n.status === '待审定'
      ? `待审定（${n.approvalNo}）`
      : n.status === '已驳回'
        ? '已驳回待重新送审'
        : '尚未送审';
  if (today >= escalateOn) {
    if (!(await claimReminder(ctx.m, ctx.now, `written:${month}`, 'escalate', 0, 'once')))
      return { reminded: 0, escalated: 0 };
    await ctx.send(
      { group: 'G-LEAD' },
      {
        text: `⚠️ ${month} 书面通报${state}，须于${deadline}前印发（rule BRF-07）。${n?.status === '待审定' ? `请审定：审批 ${n.approvalNo} 同意` : ''}`,
      },
      `written:${month}:escalate`,
    );
    return { reminded: 0, escalated: 1 };
  }
  if (today < remindOn || !(await claimReminder(ctx.m, ctx.now, `written:${month}`, 'remind', 0, 'once')))
    return { reminded: 0, escalated: 0 };
  if (n?.status === '待审定') {
    const lead = await leaders(ctx);
    if (lead.length)
      await ctx.send(
        { user: lead },
        {
          text: `⏰ ${month} 书面通报待审定（${n.approvalNo}），须于${deadline}前印发。请点卡片“同意”，或发送：审批 ${n.approvalNo} 同意`,
        },
        `written:${month}:remind:lead`,
      );
  } else {
    await ctx.send(
      { group: 'G-OFFICE' },
      { text: `⏰ ${month} 书面通报${state}，须于${deadline}前印发：书面通报 查看 ${month}｜书面通报 送审 ${month}` },
      `written:${month}:remind:office`,
    );
  }
  return { reminded: 1, escalated: 0 };
}
