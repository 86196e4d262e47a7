import { draftOralNotice } from '../src/domain/briefings/oral-notice';
import { ORAL_DRAFT_CRON } from '../src/domain/briefings/oral-times';
import { localDate } from '../src/kernel/time';
import { defineJob, jobCtx } from '../src/kernel/job';

// BRF-02 / BRF-03, OPEN #18: 07:45 each WD — draft the 口头通报 (previous WD's findings and praise, CAS L3,
// overdue complaints) and send the 分管领导 the approval card.
export const oralNoticeDraft = defineJob({
  name: 'oral-notice-draft',
  cron: ORAL_DRAFT_CRON,
  workingDaysOnly: true,
  rules: ['BRF-02', 'BRF-03', 'CAS-18', 'CMP-08', 'CMP-11', 'OPEN #18'],
  summary: '口头通报草稿（前一工作日巡查问题与表扬、L3超期办件、超期投诉）送分管领导审定',
  recipients: '分管领导（审定卡片）',
  periodKey: (now) => localDate(now),
  async run(deps, now) {
    const { notice, created } = await deps.db.tx((m) =>
      draftOralNotice(jobCtx(deps, m, now, 'oral-notice-draft'), localDate(now)),
    );
    return { created: created ? 1 : 0, criticism: notice.criticism, praise: notice.praise };
  },
});
