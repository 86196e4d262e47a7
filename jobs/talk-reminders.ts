import { remindTalks } from '../src/domain/briefings/monthly-reminders';
import { localDate } from '../src/kernel/time';
import { defineJob, jobCtx } from '../src/kernel/job';

// BRF-04 / BRF-05: 约谈 reminders on the 5th and 8th (setting talk.reminderDays; a non-WD moves to the WD before),
// deadline the 10th; escalation to G-LEAD on the first run after it. Each stage is claimed once in reminder_log
// (`talks:<month>`), so the period key is the day. Cron days run to the 15th to reach the escalation
// (deviation from docs/commands.md `1-10`).
export const talkReminders = defineJob({
  name: 'talk-reminders',
  cron: '0 9 1-15 * *',
  workingDaysOnly: true,
  rules: ['BRF-04', 'BRF-05', 'OPEN #2', 'OPEN #19', 'OPEN #20'],
  summary: '约谈提醒（5日、8日）及10日后逾期升级中心领导群',
  recipients: '大厅管理室；逾期升级中心领导群 G-LEAD',
  periodKey: (now) => localDate(now),
  run: (deps, now) => deps.db.tx((m) => remindTalks(jobCtx(deps, m, now, 'talk-reminders'))),
});
