import { z } from 'zod';
import { announce } from '../src/domain/lost-found/announce';
import { logContact } from '../src/domain/lost-found/handling';
import { registerItem } from '../src/domain/lost-found/register';
import { recordReport } from '../src/domain/lost-found/reports';
import { defineCommand } from '../src/kernel/command';

// 遗失物品 at the 总导询台 "失物招领点" (docs/commands.md; 000 遗失物品; LST-01…07): 登记, 报失, 通知, 公告.
// The desk is the guides' (LST-01); hall_office sees and does everything.

export const DESK = ['guide', 'hall_office'] as const;
export const swNo = z.string().min(2).describe('失物编号（SW2026-0007 或 SW7）');

export const lostRegister = defineCommand({
  name: '失物 登记',
  group: '失物',
  summary: '登记拾获物品（遗失物品登记表），可再发物品照片',
  roles: DESK,
  usage: '失物 登记 名称=… 数量=… 特征=… 时间=… 地点=… [类别=一般|易坏|贵重 存放=… 完好=… 失主=… 拾获人=…]',
  examples: [
    '失物 登记 名称=黑色钱包 数量=1 特征=黑色皮质，内有银行卡 时间=今天 9:30 地点=一楼大厅 存放=柜2-3 完好=完好',
    '失物 登记 名称=牛奶 数量=2 特征=250ml 盒装 时间=今天 地点=二楼等候区 类别=易坏 存放=柜1-1',
  ],
  rules: ['LST-01', 'LST-02', 'LST-03', 'LST-05', 'LST-06', 'OPEN #25', 'OPEN #26'],
  // LST-02: every field is optional here so one refusal can name all the missing ones (registerItem).
  args: () =>
    z.object({
      名称: z.string().optional(),
      数量: z.string().optional(),
      特征: z.string().optional(),
      时间: z.string().optional(),
      地点: z.string().optional(),
      类别: z.string().optional(),
      存放: z.string().optional(),
      完好: z.string().optional(),
      失主: z.string().optional(),
      拾获人: z.string().optional(),
    }),
  async handle(ctx, a) {
    await ctx.reply(await registerItem(ctx, a));
  },
});

export const lostReport = defineCommand({
  name: '失物 报失',
  group: '失物',
  summary: '记录群众报失，并列出可能匹配的在库物品',
  roles: DESK,
  usage: '失物 报失 描述=… 联系=…',
  examples: ['失物 报失 描述=黑色钱包，上午在一楼大厅丢的 联系=13912345678'],
  rules: ['LST-01'],
  args: () =>
    z.object({
      描述: z.string({ error: '缺少描述' }).min(2).describe('丢失物品描述'),
      联系: z.string({ error: '缺少联系方式' }).min(2).max(64).describe('报失人联系方式'),
    }),
  async handle(ctx, a) {
    await ctx.reply(await recordReport(ctx, a.描述, a.联系));
  },
});

export const lostNotify = defineCommand({
  name: '失物 通知',
  group: '失物',
  summary: '记录通知失主（电话、微信）',
  roles: DESK,
  usage: '失物 通知 <SW号> 方式=电话|微信 结果=…',
  examples: ['失物 通知 SW7 方式=电话 结果=失主下午来取'],
  rules: ['LST-04', 'OPEN #24'],
  positional: ['编号'],
  args: () =>
    z.object({
      编号: swNo,
      方式: z
        .enum(['电话', '微信', '短信', '其他'], { error: '方式应为 电话、微信、短信 或 其他' })
        .describe('通知方式'),
      结果: z.string().min(1).describe('通知结果'),
    }),
  async handle(ctx, a) {
    await ctx.reply(await logContact(ctx, a.编号, a.方式, a.结果));
  },
});

export const lostAnnounce = defineCommand({
  name: '失物 公告',
  group: '失物',
  summary: '记录公告招领日期（起算半年移交期限）',
  roles: DESK,
  usage: '失物 公告 <SW号>[,…] | 本周',
  examples: ['失物 公告 本周', '失物 公告 SW7,SW8'],
  rules: ['LST-07', 'OPEN #27'],
  positional: ['编号'],
  args: () => z.object({ 编号: z.string({ error: '缺少编号' }).min(2).describe('SW号，多个用逗号分隔；或 本周') }),
  async handle(ctx, a) {
    await ctx.reply(await announce(ctx, a.编号));
  },
});
