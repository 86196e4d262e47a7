import { z } from 'zod';
import { DeviceTask } from '../entities/device-task';
import { replyList } from '../src/kernel/replies';
import { taskLine } from '../src/domain/windows/device-tasks';
import { completeDeviceTask } from '../src/domain/windows/tasks-done';
import { defineCommand } from '../src/kernel/command';
import { loadWindowRecords } from '../src/domain/windows/state';
import { localDate } from '../src/kernel/time';
import { stateText } from './window-replies';

// 设备任务 RW… (WIN-02, WIN-06, DIR-04): 大厅管理室's checklist of window info, 调屏, 评价器, 叫号机.

export const taskDone = defineCommand({
  name: '任务 完成',
  group: '窗口',
  summary: '设备/信息任务完成（调屏、评价器、叫号机、窗口信息）',
  roles: ['hall_office'],
  usage: '任务 完成 <RW号> [说明=…]',
  examples: ['任务 完成 RW2026-0019', '任务 完成 RW19 说明=已调屏'],
  rules: ['WIN-02', 'WIN-06', 'DIR-06'],
  positional: ['编号'],
  args: () => z.object({ 编号: z.string().describe('任务编号'), 说明: z.string().optional() }),
  async handle(ctx, args) {
    const r = await completeDeviceTask(ctx, args.编号, args.说明);
    const t = r.task;
    if (r.change === 'open')
      await ctx.reply(
        `✅ ${t.no} 完成；${t.subjectId} 还剩 ${r.open.length} 项：${r.open.map((o) => o.no).join('、')}`,
      );
    else if (r.change === 'staff')
      await ctx.reply(
        r.open.length
          ? `✅ ${t.no} 完成；${t.subjectId} 还剩 ${r.open.length} 项：${r.open.map((o) => o.no).join('、')}`
          : `✅ ${t.no} 完成；${t.subjectId} 信息任务全部完成`,
      );
    else if (r.change === 'applied')
      await ctx.reply(`✅ ${t.no} 完成；${t.subjectId} 设备任务全部完成，窗口信息已更新`);
    else {
      // D38: each window's state today, the same text as 窗口 状态.
      const rec = await loadWindowRecords(ctx.m);
      const states = r.windows.map((w) => `${w.number}号窗 状态=${stateText(w, rec, localDate(ctx.now)).text}`);
      await ctx.reply(`✅ ${t.no} 完成；${states.join('；')}`);
    }
  },
});

export const taskList = defineCommand({
  name: '任务 列表',
  group: '窗口',
  summary: '待完成的设备/信息任务',
  roles: ['hall_office'],
  usage: '任务 列表',
  examples: ['任务 列表'],
  rules: ['WIN-02', 'WIN-06'],
  args: () => z.object({}),
  async handle(ctx) {
    const open = await ctx.m.find(DeviceTask, { where: { status: 'open' }, order: { id: 'ASC' } });
    await replyList(ctx, `待完成设备任务 ${open.length} 项`, open.map(taskLine), '没有待完成的设备任务。');
  },
});
