import { sendWeeklyList } from '../src/domain/lost-found/announce';
import { isoWeekKey, localDate } from '../src/kernel/time';
import { defineJob, jobCtx } from '../src/kernel/job';
import { getSetting } from '../src/settings/settings';

// LST-07, OPEN #27: 09:00 on the week's first WD (the period is the ISO week, so later WDs of the week find it
// done) — the week's 失物招领 list to G-GUIDE for posting; `失物 公告 本周` records the 公告日期.
export const lostPropertyAnnounce = defineJob({
  name: 'lost-property-announce',
  cron: '0 9 * * *',
  workingDaysOnly: true,
  rules: ['LST-07', 'OPEN #27'],
  summary: '每周第一个工作日09:00把失物招领清单发到蓝马甲群，张贴后由导服确认公告日期',
  recipients: '咨询导服群 G-GUIDE',
  periodKey: (now) => isoWeekKey(localDate(now)),
  async run(deps, now) {
    const sent = await deps.db.tx(async (m) =>
      sendWeeklyList(
        jobCtx(deps, m, now, 'lost-property-announce'),
        await getSetting(m, 'lostFound.announceEveryWeeks'),
      ),
    );
    return { sent };
  },
});
