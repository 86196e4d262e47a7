import { z } from 'zod';
import { registerExtension } from '../src/domain/attendance/extension';
import { defineCommand } from '../src/kernel/command';

// 延时服务 log (docs/commands.md §3.7; SUS-05, CAS-17): makes a sign-out after 19:30 valid (ATT-01, OPEN #33).
export const extensionRegister = defineCommand({
  name: '延时 登记',
  group: '高峰停办',
  summary: '登记窗口延时服务（结束时刻、办理人数），签退晚于19:30据此有效',
  roles: ['staff', 'window_lead', 'chief_rep', 'hall_office'],
  usage: '延时 登记 [GF号] 窗口=<号> 结束=<时:分> 人数=<n> [日期=…]',
  examples: ['延时 登记 窗口=12 结束=18:40 人数=12', '延时 登记 GF2026-SL-001 窗口=7 结束=20:10 人数=35 日期=昨天'],
  rules: ['SUS-05', 'CAS-17', 'ATT-01', 'OPEN #33'],
  positional: ['高峰'],
  args: (t) =>
    z.object({
      高峰: z.string().optional().describe('业务高峰预案编号（GF…）'),
      窗口: z.string({ error: '缺少窗口' }).min(1).describe('窗口号'),
      结束: z.string({ error: '缺少结束时刻' }).describe('延时结束时刻，如 18:40'),
      人数: z
        .string({ error: '缺少人数' })
        .regex(/^\d{1,4}$/, '应为办理人数（整数）')
        .transform(Number)
        .refine((n) => n >= 1, '至少1人')
        .describe('延时办理人数'),
      日期: t.date('日期').optional(),
    }),
  async handle(ctx, a) {
    await ctx.reply(
      await registerExtension(ctx, { peak: a.高峰, window: a.窗口, end: a.结束, served: a.人数, date: a.日期 }),
    );
  },
});
