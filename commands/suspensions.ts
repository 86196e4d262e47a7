import { z } from 'zod';
import { findDepartment } from '../src/kernel/directory';
import { replyList } from '../src/kernel/replies';
import { notifyPublic, reportPublicity, suspensionLines } from '../src/domain/windows/suspension-notice';
import { fileSuspension } from '../src/domain/windows/suspensions';
import { defineCommand } from '../src/kernel/command';

// commands.md §3.7: 业务临时停办 (SUS-01, SUS-06…SUS-08).

const text = () => z.string().trim().min(1).optional();

export const suspensionFile = defineCommand({
  name: '停办 备案',
  group: '高峰停办',
  summary: '业务临时停办登记备案（至少提前5个工作日，2-3名咨询人员）',
  roles: ['staff', 'window_lead', 'chief_rep'],
  usage:
    '停办 备案 窗口=… 从=<日期> 到=<日期> 事由=… 文号=… 咨询=甲 电话,乙 电话 联系人=… 联系电话=… 预案=… [电话= 备注= 编号=]',
  examples: [
    '停办 备案 窗口=5 从=3月16日 到=3月17日 文号=鄂社保发〔2026〕8号 咨询=吴静 13900000021,周平 13900000022 联系人=黄燕 联系电话=13900000020 预案=停办期间引导网上办理 事由=社保系统升级',
  ],
  rules: ['SUS-01', 'SUS-06', 'SUS-07', 'SUS-08'],
  args: (t) =>
    z.object({
      编号: text(),
      窗口: text().describe('窗口号'),
      从: t.date('开始日期').optional(),
      到: t.date('结束日期').optional(),
      事由: text(),
      文号: text(),
      咨询: text(),
      电话: text(),
      联系人: text(),
      联系电话: text(),
      预案: text(),
      备注: text(),
    }),
  async handle(ctx, args) {
    await ctx.reply(await fileSuspension(ctx, args));
  },
});

export const suspensionPublicity = defineCommand({
  name: '停办 公告',
  group: '高峰停办',
  summary: '报送停办公告已发布（链接或说明，可附截图）',
  roles: ['staff', 'window_lead', 'chief_rep'],
  usage: '停办 公告 <TB号> 链接=… [说明=…]',
  examples: ['停办 公告 TB2026-SB-001 链接=https://mp.weixin.qq.com/s/abc'],
  rules: ['SUS-07'],
  positional: ['编号'],
  args: () => z.object({ 编号: z.string().describe('停办编号'), 链接: text(), 说明: text() }),
  async handle(ctx, args) {
    await ctx.reply(await reportPublicity(ctx, args.编号, args.链接, args.说明));
  },
});

export const suspensionNotify = defineCommand({
  name: '停办 告知',
  group: '高峰停办',
  summary: '中心已告知群众（宣传屏、公众号、前后门）：推送导服群并给出公告文本',
  roles: ['hall_office'],
  usage: '停办 告知 <TB号>',
  examples: ['停办 告知 TB2026-SB-001'],
  rules: ['SUS-07'],
  positional: ['编号'],
  args: () => z.object({ 编号: z.string().describe('停办编号') }),
  async handle(ctx, args) {
    for (const r of await notifyPublic(ctx, args.编号)) await ctx.reply(r);
  },
});

export const suspensionList = defineCommand({
  name: '停办 列表',
  group: '高峰停办',
  summary: '即将开始和进行中的业务临时停办',
  roles: 'all',
  usage: '停办 列表 [部门=<代码>]',
  examples: ['停办 列表', '停办 列表 部门=SB'],
  rules: ['SUS-06', 'SUS-07'],
  args: () => z.object({ 部门: z.string().optional() }),
  async handle(ctx, args) {
    const code = args.部门 ? (await findDepartment(ctx.m, args.部门)).code : undefined;
    const lines = await suspensionLines(ctx, code);
    await replyList(ctx, `业务临时停办 ${lines.length} 项`, lines, '目前没有业务临时停办。');
  },
});
