import { z } from 'zod';
import { queryAttendance, readQueryWords } from '../src/domain/attendance/query';
import { attendanceSummary } from '../src/domain/attendance/report';
import { openImportSlot } from '../src/importer/slot';
import { defineCommand } from '../src/kernel/command';
import { localDate } from '../src/kernel/time';

// 考勤 (docs/commands.md; ATT-01, ATT-02, ATT-10): the 考勤系统 export is the only source — imported here,
// judged when read (迟到/早退/未签到, invalid times per OPEN #33, approved leave, 延时服务).

export const attendanceImportCmd = defineCommand({
  name: '考勤 导入',
  group: '考勤',
  summary: '导入考勤系统导出的考勤表（发送命令后10分钟内上传 .xlsx 或 .csv）',
  roles: ['hall_office'],
  usage: '考勤 导入（然后发送文件；列：账号或姓名、日期、签到、签退）',
  examples: ['考勤 导入'],
  rules: ['ATT-01', 'ATT-02', 'OPEN #33'],
  args: () => z.object({}),
  handle: (ctx) => openImportSlot(ctx, 'attendance'),
});

export const attendanceQuery = defineCommand({
  name: '考勤 查询',
  aliases: ['查考勤'],
  group: '考勤',
  summary: '查看本人（或有权查看的人员）某天或某月的考勤',
  roles: 'all',
  usage: '考勤 查询 [@人] [日期|月份]（或 人=… 日期=… 月份=…）',
  examples: ['考勤 查询', '考勤 查询 昨天', '考勤 查询 @李四 3月', '考勤 查询 3月2日 人=李四'],
  rules: ['ATT-01', 'ATT-02', 'DIR-10'],
  positional: ['条件'],
  args: (t) =>
    z.object({
      条件: z.string().optional().describe('人员、日期或月份'),
      人: z.string().optional().describe('人员'),
      日期: t.date('日期').optional(),
      月份: t.month('月份').optional(),
    }),
  async handle(ctx, a) {
    const words = readQueryWords((a.条件 ?? '').split(/\s+/), ctx.now);
    const target = { who: a.人 ?? words.who, date: a.日期 ?? words.date, month: a.月份 ?? words.month };
    await ctx.reply(await queryAttendance(ctx, target));
  },
});

export const attendanceSummaryCmd = defineCommand({
  name: '考勤 汇总',
  group: '考勤',
  summary: '按部门汇总某月考勤（首席代表只看本部门）',
  roles: ['hall_office', 'leader', 'supervisor', 'chief_rep'],
  usage: '考勤 汇总 [月份] [部门=…]',
  examples: ['考勤 汇总', '考勤 汇总 上月', '考勤 汇总 3月 部门=GA'],
  rules: ['ATT-10', 'OPEN #38', 'DIR-10'],
  positional: ['月份'],
  args: (t) => z.object({ 月份: t.month('月份').optional(), 部门: z.string().optional().describe('部门代码或名称') }),
  async handle(ctx, a) {
    await ctx.reply(await attendanceSummary(ctx, a.月份 ?? localDate(ctx.now).slice(0, 7), a.部门));
  },
});
