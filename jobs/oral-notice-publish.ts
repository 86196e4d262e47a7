import { publishDueOral } from '../src/domain/briefings/oral-release';
import { ORAL_PUBLISH_CRON } from '../src/domain/briefings/oral-times';
import { localDate } from '../src/kernel/time';
import { defineJob, jobCtx } from '../src/kernel/job';

// BRF-02 / BRF-10, OPEN #18 / #22: 08:20 each WD — the approved 口头通报 gets the next 督通 number and goes to G-HALL;
// the 带班领导 gets the text. Unapproved drafts wait (an approval after 08:20 publishes at once).
export const oralNoticePublish = defineJob({
  name: 'oral-notice-publish',
  cron: ORAL_PUBLISH_CRON,
  workingDaysOnly: true,
  rules: ['BRF-02', 'BRF-03', 'BRF-10', 'OPEN #18', 'OPEN #22'],
  summary: '08:20 发布已审定的口头通报（编号、全体群、带班领导）；未审定不发布',
  recipients: '全体群 G-HALL、当日带班领导（带班表；当日未排则大厅管理室群 G-OFFICE）',
  periodKey: (now) => localDate(now),
  run: (deps, now) => deps.db.tx((m) => publishDueOral(jobCtx(deps, m, now, 'oral-notice-publish'))),
});
