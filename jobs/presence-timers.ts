import type { Ctx } from '../src/kernel/ctx';
import { remindUnansweredExperts } from '../src/domain/consult/expert';
import { defineJob, jobCtx } from '../src/kernel/job';
import { absenceTimers } from '../src/domain/presence/timers';

/** One domain's minute check: returns how many reminders it sent (each claimed in reminder_log, D93). */
export interface PresenceCheck {
  name: string;
  rule: string;
  run(ctx: Ctx): Promise<number>;
}

// D39/D93: one shared job that looks every minute of office hours at timers counted in minutes — 暂离 over
// its limit (ATT-03/04), a 首席代表 not yet answering a 咨询专家 request (CAS-20). A literal list of per-domain
// checks; each claims its reminders in reminder_log, so the job keeps no job_runs row per minute.
const CHECKS: PresenceCheck[] = [
  { name: 'absence', rule: 'ATT-03', run: absenceTimers }, // 暂离 at/over 15 min (staff) and 10 min (guides, ATT-04), OPEN #34
  { name: 'consult-expert', rule: 'CAS-20', run: remindUnansweredExperts }, // 首席代表 not answering in 30 min (OPEN #47)
];

export const presenceTimers = defineJob({
  name: 'presence-timers',
  cron: '* 7-19 * * *',
  workingDaysOnly: true,
  unclaimed: true,
  rules: CHECKS.map((c) => c.rule),
  summary: '办公时间每分钟检查按分钟计的时限（暂离超时、专家未响应）',
  recipients: '当事人及其区域领导/首席代表（各检查自定）',
  periodKey: (now) => now.toISOString().slice(0, 16),
  async run(deps, now) {
    const counts: Record<string, number> = {};
    for (const check of CHECKS)
      counts[check.name] = await deps.db.tx((m) => check.run(jobCtx(deps, m, now, 'presence-timers')));
    return counts;
  },
});
