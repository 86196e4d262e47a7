import { z } from 'zod';
import { fileChange } from '../src/domain/windows/changes';
import { fileSeasonalPlan } from '../src/domain/windows/seasonal';
import { windowsLabel } from '../src/domain/windows/rules';
import { defineCommand } from '../src/kernel/command';
import { splitWindowRefs } from './window-args';

// docs/commands.md: 窗口 变更 (附件1; WIN-01, WIN-02) and 季节窗口 计划 (WIN-10).

const text = () => z.string().trim().min(1).optional();

export const windowChange = defineCommand({
  name: '窗口 变更',
  group: '窗口',
  summary: '窗口变更登记备案（新增/调减，本年度或一年以上）',
  roles: ['staff', 'window_lead', 'chief_rep'],
  usage: '窗口 变更 新增|调减 窗口=… 起始=<日期> 业务=… [设备=… 原因=… 到=<日期> 理由=…]',
  examples: ['窗口 变更 新增 窗口=24 起始=4月1日 业务=不动产抵押登记 设备=电子屏,评价器,叫号机'],
  rules: ['WIN-01', 'WIN-02', 'OPEN #57'],
  positional: ['类型'],
  args: (t) =>
    z.object({
      类型: z.enum(['新增', '调减']).describe('新增或调减'),
      窗口: z.string().trim().min(1).describe('窗口号'),
      起始: t.date('起始日期'),
      到: t.date('截止日期').optional(),
      业务: z.string().trim().min(2).describe('窗口办理业务内容'),
      设备: text(),
      原因: text(),
      理由: text(),
    }),
  async handle(ctx, args) {
    const r = await fileChange(ctx, {
      type: args.类型,
      windows: splitWindowRefs(args.窗口),
      start: args.起始,
      end: args.到,
      business: args.业务,
      equipment: args.设备,
      reason: args.原因,
      softReason: args.理由,
    });
    await ctx.reply(`✅ ${r.no} 已提交，${r.nextStep}（${args.类型} ${windowsLabel(r.windows)}，${args.起始}起）`);
  },
});

export const seasonalPlan = defineCommand({
  name: '季节窗口 计划',
  aliases: ['季节窗口 备案'],
  group: '窗口',
  summary: '备案本年度固定时间、季节性窗口使用计划（3月1日前）',
  roles: ['chief_rep'],
  usage: '季节窗口 计划 <年> 窗口=… 时段=… [联系人= 说明= 理由=]',
  examples: ['季节窗口 计划 2026 窗口=14 时段=14号窗 4月1日-10月31日（灌溉季）'],
  rules: ['WIN-10', 'WIN-13', 'OPEN #2'],
  positional: ['年'],
  args: () =>
    z.object({
      年: z.coerce.number().int().min(2020).max(2100).describe('年度'),
      窗口: z.string().trim().min(1).describe('窗口号'),
      时段: z.string().trim().min(2).describe('开放时段'),
      联系人: text(),
      说明: text(),
      理由: text(),
    }),
  async handle(ctx, args) {
    const r = await fileSeasonalPlan(ctx, {
      year: args.年,
      windows: splitWindowRefs(args.窗口),
      periods: args.时段,
      contact: args.联系人,
      note: args.说明,
      lateReason: args.理由,
    });
    if (r.revised) {
      await ctx.reply(`✅ ${r.departmentCode} ${r.year}年季节窗口计划已更新（${windowsLabel(r.windows)}）`);
      return;
    }
    const late = r.deductionNo ? `（逾期，已记录扣分事件 ${r.deductionNo}）` : '';
    await ctx.reply(
      `✅ ${r.departmentCode} ${r.year}年季节窗口计划已备案${late}\n计划文件可在10分钟内直接发送（照片或文件）。`,
    );
  },
});
