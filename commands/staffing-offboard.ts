import { z } from 'zod';
import { STF01_REASONS } from '../src/directory/edits';
import { handoverCount, handoverLine, tickHandover } from '../src/domain/staffing/handover';
import { confirmOffboarding, fileOffboarding, leaverOf } from '../src/domain/staffing/offboarding';
import { loadStaffRecord, md } from '../src/domain/staffing/records';
import type { CardAction } from '../src/kernel/card';
import { greyClickedCard } from '../src/kernel/card-reply';
import { defineCommand } from '../src/kernel/command';
import { formLink } from '../src/kernel/forms';

// 离岗 / 交接 (STF-01, STF-07, STF-08, STF-09; 000 调整管理 三(二), 附件4).

const text = () => z.string().trim().min(1).optional();

export const offboardApply = defineCommand({
  name: '离岗 申请',
  group: '目录',
  summary: '进驻人员离岗审批表（附件4）：提前15个工作日；本人确认后送审',
  roles: ['chief_rep', 'window_lead'],
  usage: '离岗 申请 <人> 离岗=<日期> [原因码=1-5 原因=… 接替=@…]',
  examples: ['离岗 申请 李四 离岗=4月1日 原因码=4 原因=调回派驻单位 接替=@zhangsan'],
  rules: ['STF-01', 'STF-07'],
  positional: ['人'],
  args: (t) =>
    z.object({
      人: z.string().optional(),
      离岗: t.date('离岗时间').optional(),
      原因码: z.coerce
        .number()
        .int()
        .refine((n) => n in STF01_REASONS, { message: '原因码应为1–5' })
        .optional(),
      原因: text(),
      接替: text(),
    }),
  async handle(ctx, args) {
    if (!args.人 || !args.离岗) {
      // The H5 离岗审批表 (附件4) opens with what was typed so far.
      const prefill = {
        人: args.人,
        离岗: args.离岗,
        原因码: args.原因码?.toString(),
        原因: args.原因,
        接替: args.接替,
      };
      const missing = [!args.人 && '人员', !args.离岗 && '离岗时间'].filter(Boolean).join('、');
      return ctx.reply(`缺少${missing}。请填写进驻人员离岗审批表：${await formLink(ctx, 'offboarding', prefill)}`);
    }
    const { r, months } = await fileOffboarding(ctx, {
      person: args.人,
      leave: args.离岗,
      reasonCode: args.原因码,
      reason: args.原因,
      successor: args.接替,
    });
    const tenure = months === null ? '' : `，在岗 ${months}个月，需中心领导审批`;
    await ctx.reply(`✅ ${r.no} 已登记（${r.name} 离岗 ${md(r.endDate)}${tenure}），已请本人确认离岗原因后送审。`);
  },
});

/** `confirm:LG…` — the leaver's own signature on the 离岗原因 (附件4 row 16). */
export async function offboardConfirm(...[ctx, id, click]: Parameters<CardAction['handle']>): Promise<void> {
  const res = await confirmOffboarding(ctx, id);
  await greyClickedCard(ctx, click, '已确认');
  if (!res) return ctx.reply(`${id} 已确认。`);
  await ctx.reply(`✅ ${res.r.no} 已确认离岗原因，${res.next}`);
}
export const offboardConfirmers = leaverOf;

export const handoverTick = defineCommand({
  name: '交接',
  group: '目录',
  summary: '离岗交接 a–f：各步由负责人确认（e 须 a–d 完成，f 须 e 完成）',
  roles: ['chief_rep', 'hall_office', 'leader'],
  usage: '交接 <LG号> a|b|c|d|e|f [说明=… 熟悉=是 理由=…]',
  examples: ['交接 LG2026-GA-002 a 说明=已移交在办件', '交接 LG2 e 熟悉=是'],
  rules: ['STF-08', 'STF-09'],
  positional: ['编号', '步骤'],
  args: () =>
    z.object({
      编号: z.string({ error: '缺少LG号' }),
      步骤: z.string({ error: '缺少步骤（a–f）' }).trim(),
      说明: text(),
      熟悉: z.enum(['是', '否']).optional().describe('接替人员是否已熟悉工作'),
      理由: text(),
    }),
  async handle(ctx, args) {
    const { r, extra } = await tickHandover(ctx, args.编号, {
      step: args.步骤,
      note: args.说明,
      familiar: args.熟悉 === '是',
      reason: args.理由,
    });
    const head = `✅ ${r.no} 交接 ${handoverCount(r)}/6｜${handoverLine(r)}`;
    const done = r.status === 'done' ? `\n${r.name} 已离岗，角色与访问权限已撤销。请删除：\n${extra.join('\n')}` : '';
    await ctx.reply(`${head}${done}`);
  },
});

export const handoverView = defineCommand({
  name: '交接 查看',
  group: '目录',
  summary: '查看离岗交接进度',
  roles: ['chief_rep', 'hall_office', 'leader'],
  usage: '交接 查看 <LG号>',
  examples: ['交接 查看 LG2026-GA-002'],
  rules: ['STF-08'],
  positional: ['编号'],
  args: () => z.object({ 编号: z.string({ error: '缺少LG号' }) }),
  async handle(ctx, args) {
    const r = await loadStaffRecord(ctx, args.编号, 'LG');
    await ctx.reply(`${r.no} ${r.name} 离岗 ${md(r.endDate)}｜交接 ${handoverCount(r)}/6｜${handoverLine(r)}`);
  },
});
