import { remindWrittenNotice } from '../src/domain/briefings/monthly-reminders';
import { localDate } from '../src/kernel/time';
import { defineJob, jobCtx } from '../src/kernel/job';

// BRF-07, OPEN #21: 书面通报 not approved → 中心领导 on the 12th, escalated to G-LEAD on the 14th (non-WD → the WD
// before); deadline the 15th. Stages are claimed once (`written:<month>`), so the period key is the day.
export const writtenNoticeReminders = defineJob({
  name: 'written-notice-reminders',
  cron: '0 9 10-15 * *',
  workingDaysOnly: true,
  rules: ['BRF-07', 'OPEN #2', 'OPEN #21'],
  summary: '书面通报审定提醒（12日中心领导，14日升级中心领导群；15日前印发）',
  recipients: '中心领导；14日升级中心领导群 G-LEAD',
  periodKey: (now) => localDate(now),
  run: (deps, now) => deps.db.tx((m) => remindWrittenNotice(jobCtx(deps, m, now, 'written-notice-reminders'))),
});
