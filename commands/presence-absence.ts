import { z } from 'zod';
import { returnToPost, startStaffAbsence } from '../src/domain/presence/absence';
import { confirmReplacement, requestGuideAbsence } from '../src/domain/presence/guide-absence';
import type { CardClick } from '../src/kernel/card';
import { greyClickedCard } from '../src/kernel/card-reply';
import { defineCommand } from '../src/kernel/command';
import type { Ctx } from '../src/kernel/ctx';

// 暂离 (ATT-03 window staff, ATT-04 guides; REV-05 the 评价器 “停止服务”; OPEN #34 超时离岗). The clocks run in
// presence-timers (D93).

export const absenceStart = defineCommand({
  name: '暂离',
  group: '考勤',
  summary: '窗口人员短暂离岗办事（放暂停服务牌、评价器停止服务，15分钟内回岗）',
  // Guides are let in only to be told the ATT-04 way (暂离 申请), rather than a bare permission refusal.
  roles: ['staff', 'window_lead', 'chief_rep', 'guide'],
  usage: '暂离 [原因=…]',
  examples: ['暂离', '暂离 原因=去后台取材料'],
  rules: ['ATT-03', 'REV-05', 'OPEN #34'],
  positional: ['原因'],
  args: () => z.object({ 原因: z.string().max(100).optional().describe('暂离原因') }),
  async handle(ctx, a) {
    await ctx.reply(await startStaffAbsence(ctx, a.原因));
  },
});

export const absenceEnd = defineCommand({
  name: '回岗',
  group: '考勤',
  summary: '暂离结束回到岗位（未获同意的导服暂离申请同时撤回）',
  roles: ['staff', 'window_lead', 'chief_rep', 'guide'],
  usage: '回岗',
  examples: ['回岗'],
  rules: ['ATT-03', 'ATT-04'],
  args: () => z.object({}),
  async handle(ctx) {
    await ctx.reply(await returnToPost(ctx));
  },
});

export const guideAbsenceRequest = defineCommand({
  name: '暂离 申请',
  group: '考勤',
  summary: '导服人员暂离：先由接替人员确认，再经区域领导同意，不超过10分钟',
  roles: ['guide'],
  usage: '暂离 申请 替=@接替人 [分钟=10 原因=…]',
  examples: ['暂离 申请 替=@小马 分钟=5 原因=去洗手间'],
  rules: ['ATT-04'],
  args: () =>
    z.object({
      替: z.string({ error: '缺少接替人员“替=@…”' }).min(1).describe('接替人员'),
      分钟: z.coerce
        .number({ error: '分钟应为数字，例如 分钟=5' })
        .int({ error: '分钟应为整数' })
        .optional()
        .describe('暂离分钟数'),
      原因: z.string().max(100).optional().describe('原因'),
    }),
  async handle(ctx, a) {
    await ctx.reply(await requestGuideAbsence(ctx, { replacement: a.替, minutes: a.分钟, reason: a.原因 }));
  },
});

/** confirm:<ZL号> — the replacement takes over (CONFIRM_HANDLERS row in commands/card-actions.ts). */
export async function absenceConfirm(ctx: Ctx, id: string, click: CardClick): Promise<void> {
  await ctx.reply(await confirmReplacement(ctx, id));
  await greyClickedCard(ctx, click, '已确认接替');
}
