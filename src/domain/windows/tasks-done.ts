import type { DeviceTask } from '../../../entities/device-task';
import type { HallWindow } from '../../../entities/window';
import { WindowChange } from '../../../entities/window-change';
import type { Ctx } from '../../kernel/ctx';
import { applyChange } from './changes';
import { windowsByNumber } from './common';
import { markTaskDone } from './device-tasks';
import { normaliseTaskRef } from './refs';

/** What ticking a task did: a change's tasks still open, a change applied, or a closure's windows to show. */
export type TaskDone =
  | { task: DeviceTask; change: 'open'; open: DeviceTask[] }
  | { task: DeviceTask; change: 'applied' }
  | { task: DeviceTask; change: 'staff'; open: DeviceTask[] }
  | { task: DeviceTask; change?: undefined; windows: HallWindow[] };

/** `任务 完成 <RW号>` (WIN-02, WIN-06, DIR-06): tick one item; a change's registry update waits for the last one. */
export async function completeDeviceTask(ctx: Ctx, ref: string, note?: string): Promise<TaskDone> {
  const { task, open } = await markTaskDone(ctx, normaliseTaskRef(ctx, ref), note);
  if (task.subjectType === 'window_change') {
    if (open.length) return { task, change: 'open', open };
    const change = await ctx.m.findOneOrFail(WindowChange, { where: { no: task.subjectId } });
    await applyChange(ctx, change);
    return { task, change: 'applied' };
  }
  // 入岗/离岗 tasks (STF-04, STF-08 f) change no window state: the staff record waits for them (STF-05).
  if (task.subjectType === 'staff_record') return { task, change: 'staff', open };
  return { task, windows: await windowsByNumber(ctx.m, task.windows) };
}
