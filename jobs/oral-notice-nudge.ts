import { nudgeOral } from '../src/domain/briefings/oral-release';
import { ORAL_NUDGE_CRON } from '../src/domain/briefings/oral-times';
import { localDate } from '../src/kernel/time';
import { defineJob, jobCtx } from '../src/kernel/job';

// BRF-03 PROPOSAL (OPEN #18): 08:15 each WD — today's 口头通报 not yet approved → DM the 分管领导; release waits.
export const oralNoticeNudge = defineJob({
  name: 'oral-notice-nudge',
  cron: ORAL_NUDGE_CRON,
  workingDaysOnly: true,
  rules: ['BRF-03', 'OPEN #18'],
  summary: '口头通报08:15仍未审定则提醒分管领导（未审定不发布）',
  recipients: '分管领导',
  periodKey: (now) => localDate(now),
  async run(deps, now) {
    const nudged = await deps.db.tx((m) => nudgeOral(jobCtx(deps, m, now, 'oral-notice-nudge')));
    return { nudged };
  },
});
