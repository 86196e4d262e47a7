import { DeviceTask } from '../../../entities/device-task';
import type { Ctx } from '../../kernel/ctx';
import { UserError } from '../../kernel/errors';
import { insertRows } from '../../db';
import { nextRecordNo } from '../../kernel/numbers';
import { type LocalDate, localDate, shortDate, yearOf } from '../../kernel/time';
import { windowsLabel } from './rules';

// 设备任务 RW… (DIR-04, WIN-02, WIN-06, WIN-07): 大厅管理室's checklist of electronic-info changes. Each item is
// its own RW number so `任务 完成 <RW号>` ticks exactly one line.

/** WIN-02: an approved change needs all four (000 调整管理 二(一)2 信息录入…调屏、评价器、叫号机). */
export const CHANGE_ITEMS = ['窗口信息', '调屏', '评价器', '叫号机'] as const;
/** WIN-06 / WIN-07: a closure, reopening or reclaim changes the window's electronic info in one go. */
export const INFO_ITEM = '电子信息';

export const ITEM_LABEL: Record<string, string> = {
  窗口信息: '窗口信息录入',
  调屏: '调屏',
  评价器: '评价器信息',
  叫号机: '叫号机信息',
  电子信息: '调屏/评价器/叫号机',
  考勤系统: '考勤系统',
};

export async function createDeviceTasks(
  ctx: Ctx,
  spec: {
    subjectType: string;
    subjectId: string;
    windows: string[];
    items: readonly string[];
    purpose: string;
    /** The day the change is made (a closure's first day, a reopening's date); null = at once. */
    dueOn?: LocalDate;
  },
): Promise<DeviceTask[]> {
  const out: DeviceTask[] = [];
  for (const item of spec.items) {
    const no = await nextRecordNo(ctx.m, 'RW', yearOf(localDate(ctx.now)));
    await insertRows(ctx.m, DeviceTask, {
      no,
      subjectType: spec.subjectType,
      subjectId: spec.subjectId,
      windows: spec.windows,
      item,
      purpose: spec.purpose,
      dueOn: spec.dueOn ?? null,
      status: 'open',
      doneBy: null,
      doneAt: null,
      note: null,
      createdAt: ctx.now,
    });
    await ctx.audit('device_task.create', 'device_task', no, {
      subject: spec.subjectId,
      item,
      purpose: spec.purpose,
      windows: spec.windows,
    });
    out.push(await ctx.m.findOneOrFail(DeviceTask, { where: { no } }));
  }
  return out;
}

/** `RW2026-0021 调屏/评价器/叫号机（13号窗 临时关闭，3/20 办理）` for messages. */
export function taskLine(t: DeviceTask): string {
  const due = t.dueOn ? `，${shortDate(t.dueOn)} 办理` : '';
  return `${t.no} ${ITEM_LABEL[t.item] ?? t.item}（${windowsLabel(t.windows)} ${t.purpose}${due}）`;
}

/** Tick one task; returns it and the still-open tasks of the same subject. */
export async function markTaskDone(
  ctx: Ctx,
  no: string,
  note?: string,
): Promise<{ task: DeviceTask; open: DeviceTask[] }> {
  const task = await ctx.m.findOne(DeviceTask, { where: { no } });
  if (!task) throw new UserError(`没有找到设备任务 ${no}。发送“任务 列表”查看待办任务。`);
  if (task.status === 'done') throw new UserError(`${no} 已于 ${localDate(task.doneAt!)} 完成。`);
  const res = await ctx.m
    .createQueryBuilder()
    .update(DeviceTask)
    .set({ status: 'done', doneBy: ctx.actor.userid, doneAt: ctx.now, note: note ?? null })
    .where('id = :id AND status = :open', { id: task.id, open: 'open' })
    .execute();
  if ((res.affected ?? 0) !== 1) throw new UserError(`${no} 已有人处理。`);
  await ctx.audit('device_task.done', 'device_task', no, { note: note ?? null });
  const open = await ctx.m.find(DeviceTask, {
    where: { subjectType: task.subjectType, subjectId: task.subjectId, status: 'open' },
    order: { id: 'ASC' },
  });
  return { task: { ...task, status: 'done' }, open };
}
