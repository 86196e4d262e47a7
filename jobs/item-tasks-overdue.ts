import { remindOverdueItemTasks } from '../src/domain/items/overdue';
import { defineJob, jobCtx } from '../src/kernel/job';
import { localDate } from '../src/kernel/time';

// ITM-03/04 (OPEN #39): 09:00 each WD — SX list updates past due → G-OFFICE (for the 旗政务服务局).
export const itemTasksOverdue = defineJob({
  name: 'item-tasks-overdue',
  cron: '0 9 * * *',
  workingDaysOnly: true,
  rules: ['ITM-03', 'ITM-04', 'OPEN #39'],
  summary: '事项清单更新逾期：中心初审通过后超过期限（默认5个工作日）未更新清单的SX任务，报大厅管理室群',
  recipients: '大厅管理室群 G-OFFICE（代旗政务服务局）',
  periodKey: (now) => localDate(now),
  async run(deps, now) {
    return deps.db.tx((m) => remindOverdueItemTasks(jobCtx(deps, m, now, 'item-tasks-overdue')));
  },
});
