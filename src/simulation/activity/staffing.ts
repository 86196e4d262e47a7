import { DeviceTask } from '../../../entities/device-task';
import type { LocalDate } from '../../kernel/time';
import { decide } from './approvals';
import type { Action, Activity, SimContext } from './types';

// 入岗 / 离岗 (STF-01…08): one department brings a newcomer in (入岗 申请 6 WDs ahead → approval → 考勤系统/评价器
// tasks → 入岗 到岗 on the day) and lets a member without a window go (离岗 申请 16 WDs ahead → the leaver confirms →
// approval → 交接 a–f over the following days, f on the 离岗 date). `hall` scale does it for two departments.

const PLANS = { small: { depts: 1 }, hall: { depts: 2 } };

interface Leave {
  no: string;
  chief: string;
  leaveDay: LocalDate;
  /** A leaver who holds a window keeps it to the month's end (other activities use it): f stays open, and
   * offboarding-handover-due reports it on the 离岗 date. */
  finish: boolean;
}
interface Join {
  no: string;
  startDay: LocalDate;
  account: string;
}

export function staffingActivity(): Activity {
  const leaves: Leave[] = [];
  const joins: Join[] = [];
  return {
    name: 'staffing',
    day(ctx, day) {
      const index = ctx.workdays.indexOf(day);
      const actions: Action[] = [];
      const depts = ctx.hall.departments.filter((d) => d.windows.length >= 2).slice(0, PLANS[ctx.scale].depts);
      if (index === 1)
        depts.forEach((d, i) =>
          actions.push({ at: '10:30', what: '离岗 申请', run: () => fileLeave(ctx, day, d, leaves, i) }),
        );
      if (index === 2)
        depts.forEach((d, i) =>
          actions.push({ at: '10:40', what: '入岗 申请', run: () => fileJoin(ctx, day, d, joins, i) }),
        );
      for (const l of leaves) actions.push(...handoverActions(ctx, day, index, l));
      for (const j of joins) actions.push(...joinActions(ctx, day, j));
      return actions;
    },
  };
}

async function fileLeave(
  ctx: SimContext,
  day: LocalDate,
  d: SimContext['hall']['departments'][number],
  leaves: Leave[],
  i: number,
): Promise<void> {
  const spare = d.staff.find((s) => s.userid !== d.chief.userid && !d.windows.some((w) => w.staff.userid === s.userid));
  const leaver = spare ?? d.windows[d.windows.length - 1].staff;
  let leaveDay = day;
  for (let n = 0; n < 16; n++) leaveDay = ctx.calendar.nextWorkday(leaveDay);
  const reply = await ctx.driver.say(
    d.chief.userid,
    `离岗 申请 ${leaver.userid} 离岗=${leaveDay} 原因码=4 原因=调回派驻单位（模拟${i + 1}）`,
  );
  const no = /(LG\d{4}-[A-Z]+-\d{3})/.exec(reply)?.[1];
  if (!no || !reply.startsWith('✅')) return ctx.tally('staffing.leave-refused');
  await ctx.driver.click(leaver.userid, `confirm:${no}`);
  const status = await decide(ctx, no);
  ctx.tally(`staffing.leave-${status}`);
  if (status === 'approved') leaves.push({ no, chief: d.chief.userid, leaveDay, finish: Boolean(spare) });
}

function handoverActions(ctx: SimContext, day: LocalDate, index: number, l: Leave): Action[] {
  const office = ctx.hall.office[0];
  const tick = (who: string, step: string, extra = '') => ({
    at: '15:30',
    what: `交接 ${step}`,
    run: async () => {
      const reply = await ctx.driver.say(who, `交接 ${l.no} ${step}${extra}`);
      ctx.tally(reply.startsWith('✅') ? 'staffing.handover-steps' : 'staffing.handover-refused');
    },
  });
  if (index === 3) return [tick(l.chief, 'a'), tick(l.chief, 'b')];
  if (index === 4) return [tick(office, 'c'), tick(office, 'd')];
  if (index === 5) return [tick(ctx.hall.relevantLeader, 'e', ' 熟悉=是')];
  if (day === l.leaveDay && l.finish) return [{ ...tick(office, 'f'), at: '16:00' }];
  return [];
}

async function fileJoin(
  ctx: SimContext,
  day: LocalDate,
  d: SimContext['hall']['departments'][number],
  joins: Join[],
  i: number,
): Promise<void> {
  let start = day;
  for (let n = 0; n < 6; n++) start = ctx.calendar.nextWorkday(start);
  const reply = await ctx.driver.say(
    d.chief.userid,
    `入岗 申请 新进${i + 1} 窗口=${d.windows[0].number} 入岗=${start} 人员身份=事业编制 无材料理由=培训证明随后补交`,
  );
  const no = /(RG\d{4}-[A-Z]+-\d{3})/.exec(reply)?.[1];
  if (!no || !reply.startsWith('✅')) return ctx.tally('staffing.join-refused');
  const status = await decide(ctx, no);
  ctx.tally(`staffing.join-${status}`);
  if (status === 'approved') joins.push({ no, startDay: start, account: `simnew${d.code.toLowerCase()}${i + 1}` });
}

function joinActions(ctx: SimContext, day: LocalDate, j: Join): Action[] {
  const office = ctx.hall.office[0];
  if (day !== j.startDay) return [];
  return [
    {
      at: '08:10',
      what: '入岗 设备任务',
      run: async () => {
        const m = ctx.driver.bot.deps.db.manager;
        for (const t of await m.find(DeviceTask, { where: { subjectId: j.no, status: 'open' } }))
          await ctx.driver.say(office, `任务 完成 ${t.no}`);
      },
    },
    {
      at: '08:20',
      what: '入岗 到岗',
      run: async () => {
        const reply = await ctx.driver.say(office, `入岗 到岗 ${j.no} 账号=${j.account}`);
        ctx.tally(reply.startsWith('✅') ? 'staffing.arrived' : 'staffing.arrive-refused');
      },
    },
  ];
}
