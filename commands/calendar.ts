import { z } from 'zod';
import { CALENDAR_DAY_KINDS } from '../entities/calendar-day';
import { type DayRun, monthOverview } from '../src/calendar/month';
import { confirmYear, setCalendarDay } from '../src/calendar/service';
import type { DayInfo } from '../src/kernel/work-calendar';
import { type LocalDate, cnDate, isoWeekday, localDate, localStamp, shortDate, yearOf } from '../src/kernel/time';
import { defineCommand } from '../src/kernel/command';

// rule DIR-13, §0.3, D1, D13, OPEN #8: the working-day calendar in chat. Handlers call src/calendar; no SQL here.

const WEEKDAY = ['', '一', '二', '三', '四', '五', '六', '日'];
const KIND_WORDS: Record<DayInfo['kind'], string> = {
  weekday: '',
  weekend: '周末',
  holiday: '法定假日',
  makeup: '调休上班',
  closure: '闭馆',
};

/** `3月9日（周一）`, with the year when it is not the current one. */
function day(date: LocalDate, now: Date): string {
  const year = yearOf(date) === yearOf(localDate(now)) ? '' : `${yearOf(date)}年`;
  return `${year}${cnDate(date)}（周${WEEKDAY[isoWeekday(date)]}）`;
}

function runList(runs: DayRun[]): string {
  if (runs.length === 0) return '无';
  return runs
    .map((r) => `${shortDate(r.from)}${r.to === r.from ? '' : `–${shortDate(r.to)}`}${r.name ? ` ${r.name}` : ''}`)
    .join('、');
}

export const calendarSet = defineCommand({
  name: '日历 设置',
  group: '日历',
  summary: '设置某天为 休/班（调休上班）/闭馆；重算所有期限',
  roles: ['hall_office', 'admin'],
  usage: '日历 设置 <日期> 休|班|闭馆 [说明=…]',
  examples: ['日历 设置 2027-01-01 休 说明=元旦', '日历 设置 2027-02-07 班 说明=春节调休'],
  rules: ['DIR-13'],
  positional: ['日期', '类型'],
  args: (t) =>
    z.object({
      日期: t.date('日期'),
      类型: z.enum(CALENDAR_DAY_KINDS, { error: '应为 休、班 或 闭馆' }).describe('休|班|闭馆'),
      说明: z.string().trim().max(64).optional(),
    }),
  async handle(ctx, args) {
    const r = await setCalendarDay(
      ctx.m,
      ctx.now,
      ctx.actor.userid,
      ctx.deps.calendar,
      args.日期,
      args.类型,
      args.说明 || null,
    );
    const lines = [
      `✅ ${args.日期}（周${WEEKDAY[isoWeekday(args.日期)]}）设为 ${args.类型}${args.说明 ? `：${args.说明}` : ''}`,
    ];
    if (r.previous) lines.push(`原为：${r.previous.kind}${r.previous.note ? `（${r.previous.note}）` : ''}`);
    lines.push(`重算期限：${r.moved} 项有变动`);
    if (!r.yearConfirmed) {
      const y = yearOf(args.日期);
      lines.push(`⚠️ ${y}年日历尚未确认；全年录入后发送“日历 确认 ${y}”`);
    }
    await ctx.reply(lines.join('\n'));
  },
});

export const calendarConfirm = defineCommand({
  name: '日历 确认',
  group: '日历',
  summary: '确认某年日历已按国务院放假安排录入完毕',
  roles: ['hall_office', 'admin'],
  usage: '日历 确认 <年>',
  examples: ['日历 确认 2027'],
  rules: ['DIR-13', 'OPEN #8'],
  positional: ['年'],
  args: () =>
    z.object({
      年: z
        .string({ error: '缺少年份' })
        .regex(/^\d{4}年?$/, '应为四位年份，例如 2027')
        .transform((s) => Number(s.slice(0, 4)))
        .describe('年份'),
    }),
  async handle(ctx, args) {
    const r = await confirmYear(ctx.m, ctx.now, ctx.actor.userid, ctx.deps.calendar, args.年);
    if (r.status === 'package') {
      await ctx.reply(`${args.年}年日历已由节假日数据包（国务院公布安排）确认，无需确认。`);
    } else if (r.status === 'already') {
      await ctx.reply(`${args.年}年日历已于 ${localStamp(r.at)} 由 ${r.by} 确认。`);
    } else {
      const c = r.counts;
      await ctx.reply(
        `✅ ${args.年}年日历已确认：法定假日 ${c.休}天，调休上班 ${c.班}天${c.闭馆 ? `，闭馆 ${c.闭馆}天` : ''}\n重算期限：${r.moved} 项有变动`,
      );
    }
  },
});

export const calendarView = defineCommand({
  name: '日历 查看',
  group: '日历',
  summary: '查看某月的假日、调休上班日、闭馆日',
  roles: 'all',
  usage: '日历 查看 [年-月]',
  examples: ['日历 查看 2026-02', '日历 查看 10月'],
  rules: ['DIR-13'],
  positional: ['月份'],
  args: (t) => z.object({ 月份: t.month('月份').optional() }),
  async handle(ctx, args) {
    const month = args.月份 ?? localDate(ctx.now).slice(0, 7);
    const o = monthOverview(ctx.deps.calendar, month);
    const title = `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月日历`;
    await ctx.reply(
      [
        `${title}（${o.confirmed ? '已确认' : '未确认：工作日计算将拒绝或仅暂定'}）`,
        `休：${runList(o.holidays)}`,
        `班：${runList(o.makeups)}`,
        `闭馆：${runList(o.closures)}`,
        o.workdays === null ? '工作日：待确认' : `工作日 ${o.workdays}天`,
      ].join('\n'),
    );
  },
});

export const calendarQuery = defineCommand({
  name: '日历 查询',
  group: '日历',
  summary: '某天是否工作日；可加 +N 计算第N个工作日',
  roles: 'all',
  usage: '日历 查询 <日期> [+N|-N]',
  examples: ['日历 查询 3月9日 +5', '日历 查询 2026-02-14'],
  rules: ['DIR-13', '§0.3'],
  positional: ['日期', '工作日'],
  args: (t) =>
    z.object({
      日期: t.date('日期'),
      工作日: z
        .string()
        .regex(/^[+-]?\d{1,3}(WD|个?工作日)?$/i, '应为 +N 或 -N，例如 +5')
        .transform((s) => Number(/^[+-]?\d+/.exec(s)![0]))
        .optional(),
    }),
  async handle(ctx, args) {
    const cal = ctx.deps.calendar;
    // Strict: an unconfirmed year throws CalendarCoverageError, whose message the person sees (DIR-13).
    const wd = cal.isWorkday(args.日期);
    const info = cal.dayInfo(args.日期);
    const why = [KIND_WORDS[info.kind], info.name].filter(Boolean).join('：');
    let line = `${day(args.日期, ctx.now)}${wd ? '是' : '不是'}工作日${why ? `（${why}）` : ''}`;
    const n = args.工作日;
    if (n !== undefined && n !== 0) {
      line += `；${n > 0 ? '+' : ''}${n}WD = ${day(cal.addWorkdays(args.日期, n), ctx.now)}`;
    }
    await ctx.reply(line);
  },
});

export const calendarImport = defineCommand({
  name: '日历 导入',
  group: '日历',
  summary: '导入全年放假安排（仅限服务器命令行）',
  roles: ['hall_office', 'admin'],
  usage: '日历 导入 — 仅限命令行：npm run cli -- calendar import <文件.json>',
  examples: ['日历 导入'],
  rules: ['DIR-13', 'OPEN #8'],
  positional: ['年'],
  args: () => z.object({ 年: z.string().optional() }),
  async handle(ctx) {
    await ctx.reply(
      [
        '日历导入在服务器上进行：npm run cli -- calendar import <文件.json>',
        '文件格式：{"year":2027,"holidays":[{"date":"2027-01-01","name":"元旦"}],"workdays":[…]}',
        '也可在聊天中逐日“日历 设置 <日期> 休|班”，录完后“日历 确认 <年>”。',
      ].join('\n'),
    );
  },
});
