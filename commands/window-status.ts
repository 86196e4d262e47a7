import { z } from 'zod';
import { findDepartment, findWindow } from '../src/kernel/directory';
import { replyList } from '../src/kernel/replies';
import { editWindowStatus, windowStatusRows } from '../src/domain/windows/status';
import { shortDate, localDate } from '../src/kernel/time';
import { statusLine } from './window-replies';
import { defineCommand } from '../src/kernel/command';

// `窗口 状态` — decision: without arguments the list of every window for everyone ; with a window
// and a status, 大厅管理室's audited direct edit (docs/commands.md note, DIR-06), checked inside the handler.

export const windowStatus = defineCommand({
  name: '窗口 状态',
  group: '窗口',
  summary: '全部窗口当前状态（在用/临时关闭/备用/季节性/停办）；大厅管理室可直接修改（留痕）',
  roles: 'all',
  usage: '窗口 状态 [部门=<代码>] | 窗口 状态 <窗口号> [<状态> 原因=… 至=<日期>]',
  examples: ['窗口 状态', '窗口 状态 24 在用 原因=备用窗口启用为综合受理'],
  rules: ['DIR-06', 'WIN-06', 'SUS-06'],
  positional: ['窗口', '状态'],
  args: (t) =>
    z.object({
      窗口: z.string().optional(),
      状态: z.string().optional(),
      原因: z.string().optional(),
      至: t.date('截止日期').optional(),
      部门: z.string().optional(),
    }),
  async handle(ctx, args) {
    if (args.窗口 && args.状态) {
      const e = await editWindowStatus(ctx, args.窗口, args.状态, args.原因, args.至);
      await ctx.reply(
        `✅ ${e.window.number}号窗 ${e.window.status} → ${e.status}${e.until ? ` 至${shortDate(e.until)}` : ''}（原因：${args.原因}，已留痕）`,
      );
      return;
    }
    const today = localDate(ctx.now);
    if (args.窗口) {
      const w = await findWindow(ctx.m, args.窗口);
      await ctx.reply(statusLine(w, await windowStatusRows(ctx, w.departmentCode ?? undefined), today));
      return;
    }
    const code = args.部门 ? (await findDepartment(ctx.m, args.部门)).code : undefined;
    const rows = await windowStatusRows(ctx, code);
    const lines = rows.windows.map((w) => statusLine(w, rows, today));
    await replyList(ctx, `窗口状态 ${lines.length}个`, lines);
  },
});
