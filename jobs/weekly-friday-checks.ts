import type { Ctx } from '../src/kernel/ctx';
import { checkNextRoster, checkWeeklyTraining } from '../src/domain/presence/weekly';
import { remindWeeklyCheck } from '../src/domain/provider/reminders';
import { addDays, isoWeekKey, isoWeekday, localDate } from '../src/kernel/time';
import { defineJob, jobCtx } from '../src/kernel/job';

/** One domain's Friday check: returns how many reminders it queued. */
interface WeeklyCheck {
  name: string;
  rule: string;
  run(ctx: Ctx): Promise<number>;
}

// D39, D166: one shared 15:00 job on the week's last WD up to Friday (a Friday holiday moves it to Thursday …), a literal
// list of per-domain checks.
const CHECKS: WeeklyCheck[] = [
  { name: 'roster', rule: 'DIR-12', run: checkNextRoster }, // next week's 带班表 complete (OPEN #7)
  { name: 'training', rule: 'STF-11', run: checkWeeklyTraining }, // 综窗 business training ≥1 this week (OPEN #32)
  { name: 'provider-check', rule: 'PRF-02', run: remindWeeklyCheck }, // the 考核小组's 周检查 of the provider this week
];

export const weeklyFridayChecks = defineJob({
  name: 'weekly-friday-checks',
  cron: '0 15 * * *',
  workingDaysOnly: true,
  rules: [...CHECKS.map((c) => c.rule), 'OPEN #7', 'OPEN #32'],
  summary:
    '每周最后一个工作日（不晚于周五）15:00：下周带班表是否排齐、本周综窗业务培训是否达标、本周是否已做综窗服务商周检查',
  recipients: '大厅管理室群 G-OFFICE；综合一窗服务商；考核小组',
  periodKey(now, calendar) {
    const today = localDate(now);
    const monday = addDays(today, 1 - isoWeekday(today));
    const lastWd = [4, 3, 2, 1, 0].map((i) => addDays(monday, i)).find((d) => calendar.isWorkday(d));
    return lastWd === today ? isoWeekKey(today) : null;
  },
  async run(deps, now) {
    const counts: Record<string, number> = {};
    for (const check of CHECKS)
      counts[check.name] = await deps.db.tx((m) => check.run(jobCtx(deps, m, now, 'weekly-friday-checks')));
    return counts;
  },
});
