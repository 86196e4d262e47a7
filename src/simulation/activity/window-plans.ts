import { addMonths, cnDate, type LocalDate } from '../../kernel/time';
import { decide } from './approvals';
import type { Activity, SimContext } from './types';

// 业务高峰预案 (SUS-02…SUS-05) and 窗口变更 (WIN-01/02): a few 首席代表 file a peak plan six WDs ahead (approved by
// 大厅管理室; closures inside it are then refused by WIN-12), and a window reduction from next month's 1st through
// the full approval chain.

const PLANS = { small: { peaks: [3], changes: [5] }, hall: { peaks: [2, 6, 11], changes: [4, 9] } };

export function windowPlansActivity(): Activity {
  return {
    name: 'window-plans',
    day(ctx, day) {
      const index = ctx.workdays.indexOf(day);
      const plan = PLANS[ctx.scale];
      const actions = [];
      if (plan.peaks.includes(index)) actions.push({ at: '11:30', what: 'peak plan', run: () => peak(ctx, day) });
      if (plan.changes.includes(index))
        actions.push({ at: '11:40', what: 'window change', run: () => change(ctx, day) });
      return actions;
    },
  };
}

async function peak(ctx: SimContext, day: LocalDate): Promise<void> {
  const dept = ctx.rng.pick(ctx.hall.departments.filter((d) => d.windows.length >= 2));
  let from = day;
  for (let i = 0; i < 6; i++) from = ctx.calendar.nextWorkday(from);
  const to = ctx.calendar.nextWorkday(from);
  const reply = await ctx.driver.say(
    dept.chief.userid,
    `高峰 预案 从=${from} 到=${to} 原因=政策 联系人=${dept.chief.name} 联系电话=13900000020 人员安排=全员在岗 宣传引导=公众号发布办理指南 最大办理量=300 已报派驻部门=是`,
  );
  const no = /(GF\d{4}-[A-Z]+-\d{3})/.exec(reply)?.[1];
  if (!no || reply.startsWith('❌')) {
    ctx.tally('peaks.refused');
    return;
  }
  ctx.tally('peaks.filed');
  const status = await decide(ctx, no);
  ctx.tally(status === 'approved' ? 'peaks.approved' : `peaks.${status}`);
}

async function change(ctx: SimContext, day: LocalDate): Promise<void> {
  const dept = ctx.rng.pick(ctx.hall.departments.filter((d) => d.windows.length >= 3));
  const w = dept.windows[dept.windows.length - 1];
  const start = `${addMonths(day, 1).slice(0, 7)}-01`;
  const reply = await ctx.driver.say(
    dept.chief.userid,
    `窗口 变更 调减 窗口=${w.number} 起始=${cnDate(start)} 业务=并入${dept.windows[0].number}号窗`,
  );
  const no = /(BG\d{4}-[A-Z]+-\d{3})/.exec(reply)?.[1];
  if (!no || reply.startsWith('❌')) {
    ctx.tally('changes.refused');
    return;
  }
  ctx.tally('changes.filed');
  const status = await decide(ctx, no);
  ctx.tally(status === 'approved' ? 'changes.approved' : `changes.${status}`);
}
