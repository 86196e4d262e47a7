import { WindowChange } from '../../../entities/window-change';
import type { Ctx } from '../../kernel/ctx';
import { localDate } from '../../kernel/time';
import { applyChange } from './changes';
import { windowsByNumber } from './common';
import { markTaskDone } from './device-tasks';
import { normaliseTaskRef } from './refs';
import { loadWindowRecords, stateText } from './state';

/** `任务 完成 <RW号>` (WIN-02, WIN-06, DIR-06): tick one item; a change's registry update waits for the last one. */
export async function completeDeviceTask(ctx: Ctx, ref: string, note?: string): Promise<string> {
  const { task, open } = await markTaskDone(ctx, normaliseTaskRef(ctx, ref), note);
  if (task.subjectType === 'window_change') {
    if (open.length)
      return `✅ ${task.no} 完成；${task.subjectId} 还剩 ${open.length} 项：${open.map((t) => t.no).join('、')}`;
    const change = await ctx.m.findOneOrFail(WindowChange, { where: { no: task.subjectId } });
    await applyChange(ctx, change);
    return `✅ ${task.no} 完成；${task.subjectId} 设备任务全部完成，窗口信息已更新`;
  }
  const rec = await loadWindowRecords(ctx.m);
  const today = localDate(ctx.now);
  const states = (await windowsByNumber(ctx.m, task.windows)).map(
    (w) => `${w.number}号窗 状态=${stateText(w, rec, today).text}`,
  );
  return `✅ ${task.no} 完成；${states.join('；')}`;
}
