import { runFilingWatch } from '../src/domain/windows/watch';
import { localDate } from '../src/kernel/time';
import { defineJob, jobCtx } from '../src/kernel/job';

// docs/commands.md `filing-watch` (09:00 each WD): SUS-07 publicity by S − 4 WD; closures ending tomorrow / today
// (WIN-07, confirm 到岗); closures > 1 month (WIN-08 收回 card); peak checklist open 1 WD before (SUS-03); reopenings
// reach the registry on their day and seasonal windows go back to 季节性 after their season (WIN-10, D38).
export const filingWatch = defineJob({
  name: 'filing-watch',
  cron: '0 9 * * *',
  workingDaysOnly: true,
  rules: ['SUS-07', 'WIN-07', 'WIN-08', 'SUS-03', 'WIN-11', 'WIN-10', 'OPEN #29'],
  summary: '停办公告期限、临时关闭到期与到岗确认、关闭超1个月收回、高峰准备事项提醒、季节窗口期满恢复季节性',
  recipients: '首席代表、大厅管理室群 G-OFFICE',
  periodKey: (now) => localDate(now),
  run: (deps, now) => deps.db.tx((m) => runFilingWatch(jobCtx(deps, m, now, 'filing-watch'))),
});
