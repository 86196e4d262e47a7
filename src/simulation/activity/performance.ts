import { Approval } from '../../../entities/approval';
import { perDay, type Activity, type Action, type SimContext } from './types';
import { decide } from './approvals';

// 评优推荐 (PRF-16/17) and 绩效 指标 (PRF-10/11) in the simulated month: 首席代表 nominate their staff or a window
// a few times a month, 大厅管理室 decides the same afternoon (about one in five rejected), and the office looks at
// last month's indicators on the month's second WD. A nominee whose eligibility a 属实 complaint took away is
// refused (PRF-17) and counted apart.

const TARGET = { small: 3, hall: 10 };
const PERSON_AWARDS = ['微笑之星', '服务标兵', '党员示范岗'];
const WINDOW_AWARDS = ['红旗窗口', '石榴籽窗口'];

export function performanceActivity(): Activity {
  return {
    name: 'performance',
    day(ctx, day) {
      const index = ctx.workdays.indexOf(day);
      if (index < 0) return [];
      const actions: Action[] = [];
      for (let i = 0; i < perDay(TARGET[ctx.scale], ctx.workdays.length, index); i++)
        actions.push({ at: '11:00', what: '评优推荐', run: () => nominate(ctx) });
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

async function nominate(ctx: SimContext): Promise<void> {
  const dept = ctx.rng.pick(ctx.hall.departments.filter((d) => d.staff.length && d.windows.length));
  const toWindow = ctx.rng.chance(0.3);
  const subject = toWindow ? `${ctx.rng.pick(dept.windows).number}号窗` : ctx.rng.pick(dept.staff).userid;
  const award = ctx.rng.pick(toWindow ? WINDOW_AWARDS : PERSON_AWARDS);
  const r = await ctx.driver.say(dept.chief.userid, `评优 推荐 ${subject} 奖项=${award} 理由=本月服务规范，群众评价好`);
  const id = /（(SP\d{4}-\d+)，/.exec(r)?.[1];
  if (!id) {
    ctx.tally(r.includes('rule PRF-17') ? 'performance.refused-prf17' : 'performance.nominate-refused');
    return;
  }
  ctx.tally('performance.nominated');
  const a = await ctx.driver.bot.deps.db.manager.findOne(Approval, { where: { no: id } });
  if (!a) return;
  const status = await decide(ctx, a.subjectId, ctx.rng.chance(0.2) ? { rejectAtStep: 0, reason: '事迹不够突出' } : {});
  ctx.tally(status === 'approved' ? 'performance.granted' : 'performance.not-granted');
}
