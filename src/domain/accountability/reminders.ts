import { In } from 'typeorm';
import { Deadline } from '../../../entities/deadline';
import { Department } from '../../../entities/department';
import { KeyTask } from '../../../entities/key-task';
import { Rectification } from '../../../entities/rectification';
import { RectificationProgress } from '../../../entities/rectification-progress';
import type { Ctx } from '../../kernel/ctx';
import { personName } from '../../kernel/directory';
import { claimDeadlineReminder, isPastDue } from '../../calendar/deadline-reminders';
import { claimReminder } from '../../kernel/reminders';
import { getSetting } from '../../settings/settings';
import { daysBetween, isoWeekKey, localDate, shortDate } from '../../kernel/time';
import { TASK_CLOCK } from './key-tasks';
import { DONE_CLOCK, PLAN_CLOCK } from './rectifications';

// rectification-due (09:00 each WD): ACC-04 / INS-11 三级提醒 on 整改 orders — L1 when the OPEN #46-style share of
// the time has passed (责任人), L2 on the WD before the due day and on it (责任人 + 首席代表), L3 every WD while
// overdue (+ G-OFFICE); weekly progress (OPEN #13); ACC-02 督办 at due − 1 WD and while overdue. Every reminder is
// claimed on the deadline version (D16), so re-runs send nothing twice and a moved deadline re-arms them.

interface Counts {
  l1: number;
  l2: number;
  l3: number;
  progress: number;
  tasks: number;
}

async function chiefOf(ctx: Ctx, code: string | null): Promise<string | null> {
  return code ? ((await ctx.m.findOne(Department, { where: { code } }))?.chiefRep ?? null) : null;
}

function level(ctx: Ctx, d: Deadline, l1Percent: number): 'L1' | 'due-1' | 'due' | 'L3' | null {
  const today = localDate(ctx.now);
  const cal = ctx.deps.calendar;
  if (isPastDue(d.dueAt, ctx.now)) return 'L3';
  if (today === d.dueDate) return 'due';
  if (cal.isConfirmed(d.dueDate) && cal.previousWorkday(d.dueDate) === today) return 'due-1';
  const total = daysBetween(localDate(d.startAt), d.dueDate);
  const passed = daysBetween(localDate(d.startAt), today);
  return total > 0 && passed * 100 >= total * l1Percent ? 'L1' : null;
}

export async function remindRectifications(ctx: Ctx): Promise<Counts> {
  const today = localDate(ctx.now);
  const l1Percent = await getSetting(ctx.m, 'rectification.l1Percent');
  const counts: Counts = { l1: 0, l2: 0, l3: 0, progress: 0, tasks: 0 };
  const clocks = await ctx.m.find(Deadline, {
    where: { subjectType: 'rectification', kind: In([PLAN_CLOCK, DONE_CLOCK]), status: 'open' },
    order: { id: 'ASC' },
  });
  for (const d of clocks) {
    const r = await ctx.m.findOne(Rectification, { where: { no: d.subjectId } });
    if (!r || r.status === '已通过') continue;
    const lv = level(ctx, d, l1Percent);
    if (!lv || (lv === 'L1' && d.kind === PLAN_CLOCK)) continue;
    const occurrence = lv === 'L3' ? today : 'once';
    if (!(await claimDeadlineReminder(ctx.m, ctx.now, d, lv, occurrence))) continue;
    const what = d.kind === PLAN_CLOCK ? '报送整改方案' : '完成整改并报送结果';
    const due = shortDate(d.dueDate);
    const chief = await chiefOf(ctx, r.departmentCode);
    const owner = d.kind === DONE_CLOCK ? (r.planOwner ?? r.responsible) : r.responsible;
    const to = lv === 'L1' ? [owner] : [...new Set([owner, chief].filter((x): x is string => !!x))];
    const text =
      lv === 'L3'
        ? `🔴 ${r.no} 已逾期（期限 ${due}）：请立即${what}（来源 ${r.source}）`
        : `⏰ ${r.no} ${lv === 'L1' ? '整改期限已过半' : lv === 'due' ? '今日到期' : `将于 ${due} 到期`}：请于 ${due} 前${what}（来源 ${r.source}）`;
    await ctx.send({ user: to }, { text }, `rect-due:${d.id}:v${d.version}:${lv}:${occurrence}`);
    if (lv === 'L3') {
      await ctx.send(
        { group: 'G-OFFICE' },
        {
          text: `🔴 整改逾期 ${r.no}｜${r.departmentCode ?? ''} ${await personName(ctx.m, r.responsible)}｜${what}（期限 ${due}）`,
        },
        `rect-due:${d.id}:v${d.version}:L3:${today}:office`,
      );
      counts.l3++;
    } else if (lv === 'L1') counts.l1++;
    else counts.l2++;
  }
  // OPEN #13: weekly progress while 整改中.
  const every = await getSetting(ctx.m, 'rectification.progressEveryDays');
  for (const r of await ctx.m.find(Rectification, { where: { status: '整改中' } })) {
    const last = (
      await ctx.m.find(RectificationProgress, { where: { rectificationNo: r.no }, order: { seq: 'DESC' }, take: 1 })
    )[0];
    const since = last?.date ?? (r.planAt ? localDate(r.planAt) : null);
    if (!since || daysBetween(since, today) < every) continue;
    if (!(await claimReminder(ctx.m, ctx.now, `rect:${r.no}`, 'progress', 0, isoWeekKey(today)))) continue;
    await ctx.send(
      { user: r.planOwner ?? r.responsible },
      { text: `📝 ${r.no} 请反馈本周整改进度：整改 进度 ${r.no} 说明=…` },
      `rect-progress:${r.no}:${isoWeekKey(today)}`,
    );
    counts.progress++;
  }
  // ACC-02: 督办 tasks.
  const tasks = await ctx.m.find(Deadline, { where: { subjectType: 'key_task', kind: TASK_CLOCK, status: 'open' } });
  for (const d of tasks) {
    const t = await ctx.m.findOne(KeyTask, { where: { no: d.subjectId, status: '进行中' } });
    if (!t) continue;
    const lv = level(ctx, d, 101);
    if (lv !== 'L3' && lv !== 'due-1') continue;
    const occurrence = lv === 'L3' ? today : 'once';
    if (!(await claimDeadlineReminder(ctx.m, ctx.now, d, lv, occurrence))) continue;
    const text =
      lv === 'L3'
        ? `🔴 督办任务 ${t.no} 已逾期（期限 ${shortDate(t.dueDate)}）：${t.content}`
        : `⏰ 督办任务 ${t.no} 将于 ${shortDate(t.dueDate)} 到期：${t.content}`;
    await ctx.send({ user: t.owner }, { text }, `keytask-due:${d.id}:v${d.version}:${lv}:${occurrence}`);
    if (lv === 'L3')
      await ctx.send(
        { group: 'G-OFFICE' },
        { text: `🔴 督办逾期 ${t.no}｜${await personName(ctx.m, t.owner)}｜${t.content}` },
        `keytask-due:${d.id}:v${d.version}:L3:${today}:office`,
      );
    counts.tasks++;
  }
  return counts;
}
