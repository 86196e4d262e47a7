import { In } from 'typeorm';
import { DeviceTask } from '../../../entities/device-task';
import { ITEM_LABEL } from '../../domain/windows/device-tasks';
import type { LocalDate } from '../../kernel/time';
import { localDate } from '../../kernel/time';
import type { Activity, SimContext } from './types';

// 大厅管理室 works its RW list (DIR-04, WIN-06) after device-tasks-due's 08:00 message: at 16:00 each WD it ticks the
// device tasks due that day or earlier — except every fifth (by number), which it ticks one WD late, so the month
// also shows the overdue reminder. Deterministic (no PRNG draw), so the other activities' draws do not move.

function dueOn(t: DeviceTask): LocalDate {
  return t.dueOn ?? localDate(t.createdAt);
}

export function deviceTasksActivity(): Activity {
  return {
    name: 'device-tasks',
    day(ctx: SimContext, day: LocalDate) {
      if (!ctx.workdays.includes(day)) return [];
      return [
        {
          at: '16:00',
          what: '任务 完成（设备任务）',
          run: async () => {
            const m = ctx.driver.bot.deps.db.manager;
            const open = await m.find(DeviceTask, {
              where: { status: 'open', item: In(Object.keys(ITEM_LABEL)) },
              order: { id: 'ASC' },
            });
            const office = ctx.hall.office[0];
            for (const t of open) {
              const due = dueOn(t);
              const late = Number(t.no.slice(-4)) % 5 === 0;
              if (due > day || (late && due === day)) continue;
              const reply = await ctx.driver.say(office, `任务 完成 ${t.no}`);
              ctx.tally(
                reply.startsWith('✅') ? `device-tasks.${due < day ? 'done-late' : 'done'}` : 'device-tasks.refused',
              );
            }
          },
        },
      ];
    },
  };
}
