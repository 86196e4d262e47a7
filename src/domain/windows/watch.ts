import { randomBytes } from 'node:crypto';
import { In, IsNull, MoreThan, Not } from 'typeorm';
import { PEAK_CHECKS, PeakPlan } from '../../../entities/peak-plan';
import { Suspension } from '../../../entities/suspension';
import { WindowClosure } from '../../../entities/window-closure';
import { attachmentsOf } from '../../kernel/attachments';
import type { Ctx } from '../../kernel/ctx';
import { chiefRepOf, usersWithRole } from '../../kernel/directory';
import { isMoreThanMonths } from '../../calendar/conventions';
import { CalendarCoverageError } from '../../kernel/work-calendar';
import { claimReminder } from '../../kernel/reminders';
import { getSetting } from '../../settings/settings';
import { type LocalDate, localDate, shortDate } from '../../kernel/time';
import { buttonCard, taskIdFor } from '../../wecom/cards';
import { closedSince } from './reclaim';
import { RESUME_PLAN } from './resume';
import { windowsByNumber } from './common';
import { checklistLine } from './peaks';
import { isSeasonalWindow, publicityDue, windowsLabel } from './rules';
import { runReopenEffects } from './reopen-effects';
import { seasonalWindowNumbers } from './seasonal';

// Job `filing-watch` (docs/commands.md, 09:00 each WD): SUS-07 publicity by S − 4 WD, WIN-07 closure ends (tomorrow /
// today → confirm 到岗), WIN-08 closures > 1 month (收回 card), SUS-03 checklist open 1 WD before a peak, the
// WIN-11 plan upload, and the registry following reopenings and seasons (reopen-effects.ts, D38). Every message is
// claimed once in reminder_log (D16), so re-runs and catch-ups send nothing twice.

type Counts = Record<string, number>;

/** One record's checks; a date beyond the loaded calendar skips that record (D13), never the whole run. */
async function each<T>(items: T[], fn: (x: T) => Promise<number>): Promise<number> {
  let n = 0;
  for (const x of items) {
    try {
      n += await fn(x);
    } catch (err) {
      if (!(err instanceof CalendarCoverageError)) throw err;
    }
  }
  return n;
}

async function dmChief(ctx: Ctx, code: string, text: string, key: string): Promise<number> {
  const chief = await chiefRepOf(ctx.m, code).catch(() => undefined);
  if (!chief) return 0;
  await ctx.send({ user: chief.userid }, { text }, key);
  return 1;
}

/** rule SUS-07: the department's public notice by the 4th WD before; the office's own notice by the eve. */
async function watchPublicity(ctx: Ctx, today: LocalDate): Promise<number> {
  const cal = ctx.deps.calendar;
  const lead = await getSetting(ctx.m, 'suspension.publicityReminderWorkdays');
  const rows = await ctx.m.find(Suspension, {
    where: { status: In(['pending', 'approved']), fromDate: MoreThan(today) },
  });
  return each(rows, async (s) => {
    const due = publicityDue(cal, s.fromDate);
    let sent = 0;
    const claim = (kind: string, occ: string) => claimReminder(ctx.m, ctx.now, s.no, kind, 0, occ);
    if (!s.publicityAt) {
      const cmd = `停办 公告 ${s.no} 链接=…`;
      if (today < due && today >= cal.nthWorkdayBefore(due, lead) && (await claim('sus07-before', due))) {
        sent += await dmChief(
          ctx,
          s.departmentCode,
          `⏰ ${s.no} 停办公告须于 ${due} 前通过媒体/公众号发布并报大厅管理室：${cmd}（rule SUS-07）`,
          `sus07:${s.no}:before:${due}`,
        );
      }
      if (today === due && (await claim('sus07-due', due))) {
        sent += await dmChief(
          ctx,
          s.departmentCode,
          `⏰ 今日（${due}）是 ${s.no} 停办公告的最后期限，请发布后发送：${cmd}（rule SUS-07）`,
          `sus07:${s.no}:due:${due}`,
        );
      }
      if (today > due && (await claim('sus07-late', due))) {
        await ctx.send(
          { group: 'G-OFFICE' },
          {
            text: `⚠️ ${s.no} ${s.departmentCode} 未在 ${due} 前报送停办公告（rule SUS-07），停办 ${s.fromDate} 开始。`,
          },
          `sus07:${s.no}:late:${due}`,
        );
        sent++;
      }
    }
    if (
      s.status === 'approved' &&
      !s.notifiedAt &&
      today >= cal.nthWorkdayBefore(s.fromDate, 1) &&
      (await claim('sus07-office', s.fromDate))
    ) {
      await ctx.send(
        { group: 'G-OFFICE' },
        { text: `⏰ ${s.no} ${shortDate(s.fromDate)} 起停办，尚未告知群众和导服人员：停办 告知 ${s.no}` },
        `sus07:${s.no}:office:${s.fromDate}`,
      );
      sent++;
    }
    return sent;
  });
}

/** rule WIN-07 (OPEN #29): 1 WD before the end the 首席代表 is reminded; on the end date 大厅管理室 confirms 到岗. */
async function watchClosureEnds(ctx: Ctx, today: LocalDate): Promise<number> {
  const cal = ctx.deps.calendar;
  const lead = await getSetting(ctx.m, 'window.endReminderWorkdays');
  const rows = await ctx.m.find(WindowClosure, { where: { type: '临时关闭', status: 'approved' } });
  return each(rows, async (c) => {
    const end = c.toDate!;
    let sent = 0;
    const ws = windowsLabel(c.windows);
    if (
      today <= end &&
      today >= cal.nthWorkdayBefore(end, lead) &&
      (await claimReminder(ctx.m, ctx.now, c.no, 'win07-before', 0, end))
    ) {
      sent += await dmChief(
        ctx,
        c.departmentCode,
        `⏰ ${c.no} ${ws}临时关闭至 ${end}，请安排工作人员于 ${cal.nextWorkday(end)} 到岗到位（rule WIN-07）。`,
        `win07:${c.no}:before:${end}`,
      );
    }
    const askDay = cal.isWorkday(end) ? end : cal.previousWorkday(end);
    if (today >= askDay && today <= end && (await claimReminder(ctx.m, ctx.now, c.no, 'win07-confirm', 0, end))) {
      await ctx.send(
        { group: 'G-OFFICE' },
        { text: `⏰ ${c.no} ${ws}临时关闭今日（${end}）到期，人员到岗后请确认：窗口 到岗 ${c.no}` },
        `win07:${c.no}:confirm:${end}`,
      );
      sent++;
    }
    if (today > end && (await claimReminder(ctx.m, ctx.now, c.no, 'win07-overdue', 0, today))) {
      await ctx.send(
        { group: 'G-OFFICE' },
        { text: `⚠️ ${c.no} ${ws}临时关闭已于 ${end} 到期，尚未确认到岗：窗口 到岗 ${c.no}` },
        `win07:${c.no}:overdue:${today}`,
      );
      sent++;
    }
    return sent;
  });
}

/** rule WIN-08: continuously closed for more than 1 month (§19 #14) → card to 大厅管理室; seasonal/fixed-time exempt. */
async function watchReclaim(ctx: Ctx, today: LocalDate): Promise<number> {
  const rows = await ctx.m.find(WindowClosure, {
    where: { type: '临时关闭', status: 'approved', reclaimDecision: IsNull() },
  });
  const office = (await usersWithRole(ctx.m, 'hall_office')).map((p) => p.userid);
  return each(rows, async (c) => {
    if (c.fromDate > today || office.length === 0) return 0;
    const seasonal = await seasonalWindowNumbers(ctx, c.departmentCode);
    if ((await windowsByNumber(ctx.m, c.windows)).some((w) => isSeasonalWindow(w, seasonal, w.number))) return 0;
    const since = await closedSince(ctx, c);
    if (!isMoreThanMonths(since, today, 1) || !(await claimReminder(ctx.m, ctx.now, c.no, 'win08', 0, since))) return 0;
    const card = buttonCard({
      taskId: taskIdFor(c.no, 'reclaim', randomBytes(3).toString('hex')),
      title: `${windowsLabel(c.windows)}已关闭超过1个月，是否收回？`,
      desc: `rule WIN-08｜${c.no}`,
      subTitle: `${c.departmentCode} ${windowsLabel(c.windows)}自 ${since} 起连续临时关闭（至 ${c.toDate}）。收回后改为备用窗口，重启须提前5个工作日申请。`,
      fields: [
        { key: '部门', value: c.departmentCode },
        { key: '关闭自', value: since },
      ],
      buttons: [
        { text: '收回', key: `reclaim:${c.no}`, style: 2 },
        { text: '暂不收回', key: `keep:${c.no}`, style: 1 },
      ],
    });
    await ctx.send({ user: office }, { card }, `win08:${c.no}:card`);
    return 1;
  });
}

/** rule SUS-03 (PROPOSAL): 1 WD before the peak, an incomplete checklist is sent to the 首席代表. */
async function watchPeakChecklists(ctx: Ctx, today: LocalDate): Promise<number> {
  const cal = ctx.deps.calendar;
  const lead = await getSetting(ctx.m, 'peak.checklistReminderWorkdays');
  const rows = await ctx.m.find(PeakPlan, {
    where: { status: In(['pending', 'approved']), fromDate: MoreThan(today) },
  });
  return each(rows, async (p) => {
    if (PEAK_CHECKS.every((k) => p.checklist?.[k])) return 0;
    if (
      today < cal.nthWorkdayBefore(p.fromDate, lead) ||
      !(await claimReminder(ctx.m, ctx.now, p.no, 'sus03', 0, p.fromDate))
    )
      return 0;
    return dmChief(
      ctx,
      p.departmentCode,
      `⏰ ${p.no} 业务高峰 ${shortDate(p.fromDate)} 开始，${checklistLine(p)}。请完成后发送：高峰 检查 ${p.no} <事项>（rule SUS-03）`,
      `sus03:${p.no}:${p.fromDate}`,
    );
  });
}

/** rule WIN-11: after 恢复上岗 the department's plan must be uploaded. */
async function watchResumePlans(ctx: Ctx, today: LocalDate): Promise<number> {
  const rows = await ctx.m.find(WindowClosure, { where: { resumeAckAt: Not(IsNull()) } });
  return each(rows, async (c) => {
    if (localDate(c.resumeAckAt!) >= today || (await attachmentsOf(ctx, 'window_closure', c.no, RESUME_PLAN)).length)
      return 0;
    if (!(await claimReminder(ctx.m, ctx.now, c.no, 'win11-plan', 0, 'once'))) return 0;
    return dmChief(
      ctx,
      c.departmentCode,
      `⏰ ${c.no} 恢复上岗后尚未上传工作预案（rule WIN-11）：请发送“窗口 预案 ${c.no}”后发送文件。`,
      `win11:${c.no}:plan`,
    );
  });
}

export async function runFilingWatch(ctx: Ctx): Promise<Counts> {
  const today = localDate(ctx.now);
  return {
    publicity: await watchPublicity(ctx, today),
    closureEnds: await watchClosureEnds(ctx, today),
    reclaim: await watchReclaim(ctx, today),
    peakChecklists: await watchPeakChecklists(ctx, today),
    resumePlans: await watchResumePlans(ctx, today),
    ...(await runReopenEffects(ctx, today)),
  };
}
