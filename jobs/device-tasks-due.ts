import { remindDueDeviceTasks } from '../src/domain/windows/device-tasks-due';
import { defineJob, jobCtx } from '../src/kernel/job';
import { localDate } from '../src/kernel/time';

// DIR-04 / WIN-06: 08:00 each WD, before the hall opens — RW tasks due today or overdue → G-OFFICE.
export const deviceTasksDue = defineJob({
  name: 'device-tasks-due',
  cron: '0 8 * * *',
  workingDaysOnly: true,
  rules: ['DIR-04', 'WIN-06'],
  summary: '设备任务到期：当日应办理（如临时关闭首日调屏、评价器、叫号机）及已逾期未完成的RW任务，报大厅管理室群',
  recipients: '大厅管理室群 G-OFFICE',
  periodKey: (now) => localDate(now),
  async run(deps, now) {
    return deps.db.tx((m) => remindDueDeviceTasks(jobCtx(deps, m, now, 'device-tasks-due')));
  },
});
