import { z } from 'zod';
import { dutyLeaderOn, rosterLines, setRoster, WEEKDAYS, type Weekday } from '../src/domain/presence/roster';
import { defineCommand } from '../src/kernel/command';
import { personName } from '../src/kernel/directory';
import type { FormDef } from '../src/kernel/forms';
import { formLink } from '../src/kernel/forms';
import { cnDate, localDate } from '../src/kernel/time';

// DIR-12 领导带班 (OPEN #7): 大厅管理室 fills the 带班表 (H5 or chat, one 带班领导 per WD); everyone can ask who is
// on duty today. The 口头通报 goes to that leader only (oral-release.ts, D163).

const dayArgs = Object.fromEntries(WEEKDAYS.map((d) => [d, z.string().optional().describe(`${d}带班领导`)])) as Record<
  Weekday,
  z.ZodOptional<z.ZodString>
>;

export const rosterSet = defineCommand({
  name: '带班 排班',
  group: '考勤',
  summary: '填写本周/下周带班表（每个工作日一名带班领导）；不带人名则给出表单链接',
  roles: ['hall_office'],
  usage: '带班 排班 [本周|下周] [周一=@… 周二=@… …]',
  examples: ['带班 排班 下周 周一=@刘主任 周二=@陈主任 周三=@孙主任 周四=@刘主任 周五=@陈主任', '带班 排班 下周'],
  rules: ['DIR-12', 'OPEN #7'],
  positional: ['周'],
  args: () =>
    z.object({
      周: z.enum(['本周', '下周'], { error: '应为 本周 或 下周' }).default('本周').describe('本周或下周'),
      ...dayArgs,
    }),
  async handle(ctx, a) {
    const next = a.周 === '下周';
    const byDay: Partial<Record<Weekday, string>> = {};
    for (const d of WEEKDAYS) if (a[d]) byDay[d] = a[d];
    if (Object.keys(byDay).length === 0) {
      const link = await formLink(ctx, rosterForm.kind, { 周: a.周 });
      await ctx.reply(`${a.周}带班表：\n${(await rosterLines(ctx, next)).join('\n')}\n填写：${link}`);
      return;
    }
    const r = await setRoster(ctx, next, byDay);
    await ctx.reply(
      `✅ ${a.周}带班表已更新：\n${r.lines.join('\n')}${r.missing.length ? `\n尚未排班：${r.missing.map(cnDate).join('、')}` : '\n本周工作日已全部排班。'}`,
    );
  },
});

export const rosterToday = defineCommand({
  name: '带班 今天',
  aliases: ['带班', '今日带班'],
  group: '考勤',
  summary: '今天的带班领导；带“本周/下周”列出带班表',
  roles: 'all',
  usage: '带班 今天 | 带班 今天 本周|下周',
  examples: ['带班 今天', '带班 今天 下周'],
  rules: ['DIR-12'],
  positional: ['周'],
  args: () => z.object({ 周: z.enum(['本周', '下周'], { error: '应为 本周 或 下周' }).optional() }),
  async handle(ctx, a) {
    if (a.周) {
      await ctx.reply(`${a.周}带班表：\n${(await rosterLines(ctx, a.周 === '下周')).join('\n')}`);
      return;
    }
    const today = localDate(ctx.now);
    if (!ctx.deps.calendar.isWorkday(today)) {
      await ctx.reply(`今天（${cnDate(today)}）不是工作日，无带班。`);
      return;
    }
    const leader = await dutyLeaderOn(ctx.m, today);
    await ctx.reply(
      leader ? `今日带班领导：${await personName(ctx.m, leader)}` : `今日（${cnDate(today)}）尚未排带班领导。`,
    );
  },
});

/** 带班表 (DIR-12): per WD of the week, its 带班领导; submits to `带班 排班`. */
export const rosterForm: FormDef = {
  kind: 'duty-roster',
  title: '带班表',
  aliases: ['领导带班表', '带班排班'],
  command: '带班 排班',
  intro: '每个工作日填一名带班领导（中心领导），填姓名即可；非工作日留空。',
  fields: [
    { key: '周', label: '周次', type: 'select', options: ['本周', '下周'], required: true },
    ...WEEKDAYS.map((d) => ({ key: d, label: d, help: d === '周六' || d === '周日' ? '仅调休上班日填写' : undefined })),
  ],
};
