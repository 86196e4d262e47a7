import { rollcallCall } from '../src/domain/presence/meetings';
import { localDate } from '../src/kernel/time';
import { defineJob, jobCtx } from '../src/kernel/job';

// ATT-04 (000_c8ed09c118362bcb.txt 导服 七(一) “每日上午8:20参加晨会”), OPEN #35: the roll call in the guides'
// group; each guide answers `晨会 到` (on time up to presence.guideMeetingGraceMinutes after the meeting time).
export const guideMorningRollcall = defineJob({
  name: 'guide-morning-rollcall',
  cron: '20 8 * * *',
  workingDaysOnly: true,
  rules: ['ATT-04', 'OPEN #35'],
  summary: '08:20 导服晨会点名：列出已签到/未签到，导服回复“晨会 到”',
  recipients: '咨询导服群 G-GUIDE',
  periodKey: (now) => localDate(now),
  async run(deps, now) {
    const sent = await deps.db.tx((m) => rollcallCall(jobCtx(deps, m, now, 'guide-morning-rollcall')));
    return { sent };
  },
});
