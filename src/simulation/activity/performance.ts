import { Approval } from '../../../entities/approval';
import { perDay, type Activity, type Action, type SimContext } from './types';
import { decide } from './approvals';
import { isoWeekKey, isoWeekday } from '../../kernel/time';

// 评优推荐 (PRF-16/17) and 绩效 指标 (PRF-10/11) in the simulated month: 首席代表 nominate their staff or a window
// a few times a month, 大厅管理室 decides the same afternoon (about one in five rejected), and the office looks at
// last month's indicators on the month's second WD, and records the provider's 周检查 every other week. A nominee whose eligibility a 属实 complaint took away is
// refused (PRF-17) and counted apart.

const TARGET = { small: 3, hall: 10 };
const PERSON_AWARDS = ['微笑之星', '服务标兵', '党员示范岗'];
const WINDOW_AWARDS = ['红旗窗口', '石榴籽窗口'];

/** Choices from a counter, not the shared PRNG, so adding this activity leaves the other domains' month unchanged. */
function pickBy<T>(xs: readonly T[], n: number): T {
  return xs[(n * 7919) % xs.length];
}

export function performanceActivity(): Activity {
  let serial = 0;
  return {
    name: 'performance',
    day(ctx, day) {
      const index = ctx.workdays.indexOf(day);
      if (index < 0) return [];
      const actions: Action[] = [];
      for (let i = 0; i < perDay(TARGET[ctx.scale], ctx.workdays.length, index); i++)
        actions.push({ at: '11:00', what: '评优推荐', run: () => nominate(ctx, ++serial) });
      // PRF-02 周检查 (D203): recorded on the Wednesday of even ISO weeks only, so the odd weeks exercise the
      // Friday reminder of weekly-friday-checks and the even ones its silence.
      if (isoWeekday(day) === 3 && Number(isoWeekKey(day).slice(-2)) % 2 === 0)
        actions.push({
          at: '16:00',
          what: '综窗周检',
          run: async () => {
            const r = await ctx.driver.say(ctx.hall.office[0], '考核 周检 说明=抽查综窗受理件10件');
            ctx.tally(r.includes('周检查已') ? 'performance.weekly-check' : 'performance.weekly-check-failed');
          },
        });
      if (index === 1)
        actions.push({
          at: '10:00',
          what: '绩效指标',
          run: async () => {
            const r = await ctx.driver.say(ctx.hall.office[0], '绩效 指标 上月');
            ctx.tally(r.includes('绩效指标') ? 'performance.indicators' : 'performance.indicators-failed');
          },
        });
      return actions;
    },
  };
}

async function nominate(ctx: SimContext, n: number): Promise<void> {
  const dept = pickBy(
    ctx.hall.departments.filter((d) => d.staff.length && d.windows.length),
    n,
  );
  const toWindow = n % 3 === 0;
  const subject = toWindow ? `${pickBy(dept.windows, n).number}号窗` : pickBy(dept.staff, n).userid;
  const award = pickBy(toWindow ? WINDOW_AWARDS : PERSON_AWARDS, n);
  const r = await ctx.driver.say(dept.chief.userid, `评优 推荐 ${subject} 奖项=${award} 理由=本月服务规范，群众评价好`);
  const id = /（(SP\d{4}-\d+)，/.exec(r)?.[1];
  if (!id) {
    ctx.tally(r.includes('rule PRF-17') ? 'performance.refused-prf17' : 'performance.nominate-refused');
    return;
  }
  ctx.tally('performance.nominated');
  const a = await ctx.driver.bot.deps.db.manager.findOne(Approval, { where: { no: id } });
  if (!a) return;
  const status = await decide(ctx, a.subjectId, n % 5 === 4 ? { rejectAtStep: 0, reason: '事迹不够突出' } : {});
  ctx.tally(status === 'approved' ? 'performance.granted' : 'performance.not-granted');
}
