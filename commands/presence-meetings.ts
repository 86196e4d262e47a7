import { z } from 'zod';
import { recordStaffMeeting, reportChild, rollcallPresent } from '../src/domain/presence/meetings';
import { registerTraining, AUDIENCES, TRAINING_TYPES } from '../src/domain/presence/training';
import { defineCommand } from '../src/kernel/command';
import { localDate } from '../src/kernel/time';

// 晨会 (ATT-04 guides, OPEN #35; ATT-08/DIR-16 综窗 晨会/夕会, OPEN #37), 带小孩 报备 (ATT-09), 培训 (STF-11, OPEN #32).

export const rollcallCommand = defineCommand({
  name: '晨会 到',
  aliases: ['晨会 签到'],
  group: '考勤',
  summary: '导服人员08:20晨会签到（按时到岗以晨会签到为准）',
  roles: ['guide'],
  usage: '晨会 到',
  examples: ['晨会 到'],
  rules: ['ATT-04', 'OPEN #35'],
  args: () => z.object({}),
  async handle(ctx) {
    await ctx.reply(await rollcallPresent(ctx));
  },
});

export const meetingRecord = defineCommand({
  name: '晨会 记录',
  group: '考勤',
  summary: '记录综窗人员晨会、夕会的出席情况（书面通报第（二）项）',
  roles: ['provider', 'hall_office'],
  usage: '晨会 记录 类型=晨会|夕会 出席=@…,@… [缺席=@… 日期=今天 内容=…]',
  examples: ['晨会 记录 类型=晨会 出席=@何欣,@罗宇,@唐宁 缺席=@冯雪 内容=讲解本周业务调整'],
  rules: ['ATT-08', 'DIR-16', 'OPEN #37'],
  args: (t) =>
    z.object({
      类型: z.enum(['晨会', '夕会'], { error: '类型应为 晨会 或 夕会' }).default('晨会').describe('晨会或夕会'),
      出席: z.string({ error: '缺少出席人员“出席=@…”' }).min(1).describe('出席人员，逗号分隔'),
      缺席: z.string().optional().describe('缺席人员，逗号分隔'),
      日期: t.date('日期').optional(),
      内容: z.string().max(500).optional().describe('会议内容'),
    }),
  async handle(ctx, a) {
    await ctx.reply(
      await recordStaffMeeting(ctx, {
        type: a.类型,
        date: a.日期 ?? localDate(ctx.now),
        present: a.出席,
        absent: a.缺席,
        content: a.内容,
      }),
    );
  },
});

export const childReport = defineCommand({
  name: '报备 带小孩',
  group: '考勤',
  summary: '特殊情况需带小孩到岗，事先报首席代表和大厅管理室',
  roles: ['staff', 'window_lead', 'chief_rep', 'guide', 'provider'],
  usage: '报备 带小孩 日期=… 原因=…',
  examples: ['报备 带小孩 日期=明天 原因=幼儿园停课，家中无人照看'],
  rules: ['ATT-09'],
  args: (t) =>
    z.object({
      日期: t.date('日期'),
      原因: z.string({ error: '缺少原因' }).min(2).max(200).describe('原因'),
    }),
  async handle(ctx, a) {
    await ctx.reply(await reportChild(ctx, a.日期, a.原因));
  },
});

export const trainingRegister = defineCommand({
  name: '培训 登记',
  group: '考勤',
  summary: '登记一次培训（培训台账）；综窗业务培训每周至少一次',
  roles: ['provider', 'hall_office', 'chief_rep'],
  usage: '培训 登记 日期=… 主题=… 人数=… [对象=综窗|部门 类型=业务|标准化]',
  examples: ['培训 登记 日期=今天 主题=社保业务新政策 人数=12 对象=综窗 类型=业务'],
  rules: ['STF-03', 'STF-11', 'OPEN #32'],
  args: (t) =>
    z.object({
      日期: t.date('日期'),
      主题: z.string({ error: '缺少主题' }).min(2).max(128).describe('培训主题'),
      人数: z.coerce
        .number({ error: '人数应为数字' })
        .int({ error: '人数应为整数' })
        .min(1, { error: '人数至少为1' })
        .max(500)
        .describe('参训人数'),
      对象: z.enum(AUDIENCES, { error: '对象应为 综窗 或 部门' }).optional(),
      类型: z.enum(TRAINING_TYPES, { error: '类型应为 业务 或 标准化' }).optional(),
    }),
  async handle(ctx, a) {
    await ctx.reply(
      await registerTraining(ctx, { date: a.日期, topic: a.主题, headcount: a.人数, audience: a.对象, type: a.类型 }),
    );
  },
});
