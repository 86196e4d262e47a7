import { cnDate, type LocalDate } from '../../kernel/time';
import { decide } from './approvals';
import { perDay, type Activity, type Action, type SimContext } from './types';

// 窗口临时关闭 (WIN-03…WIN-06) and 业务临时停办 (SUS-06/07): the window's staff file a 出差 and the 首席代表 the
// closure two WDs ahead with full 保障措施 and 大厅管理室 → 有关负责人 approve on the cards; one in six is rejected with a reason, one in eight is
// filed too late on purpose (WIN-05 refuses it), and some wait a WD before the last signature (D17 reminders).
// Suspensions are filed seven WDs ahead (SUS-06) and approved; one is filed too late on purpose.

const TARGET = { small: { closures: 3, suspensions: 2 }, hall: { closures: 17, suspensions: 6 } };

interface Pending {
  no: string;
  on: LocalDate;
  /** The closure's first (and only) day: the office confirms the staff back the WD after (WIN-07). */
  from: LocalDate;
}

/** A closure's 出差 (WIN-03 ground, D214): its person sends 销假 the WD after (ATT-06). */
interface Trip {
  no: string;
  userid: string;
  on: LocalDate;
}

export function windowsActivity(): Activity {
  const waiting: Pending[] = [];
  const back: Pending[] = [];
  const trips: Trip[] = [];
  return {
    name: 'windows',
    day(ctx, day) {
      const index = ctx.workdays.indexOf(day);
      if (index < 0) return [];
      const actions: Action[] = waiting
        .filter((p) => p.on === day)
        .map((p) => ({ at: '10:45', what: 'late signature', run: () => finish(ctx, p.no, p.from, back) }));
      for (const trip of trips.filter((x) => x.on === day)) {
        actions.push({
          at: '08:40',
          what: '销假',
          run: async () => {
            const r = await ctx.driver.say(trip.userid, `销假 ${trip.no}`);
            ctx.tally(r.startsWith('✅') ? 'closures.trip-returned' : 'closures.trip-return-refused');
          },
        });
      }
      // WIN-07: most closures are confirmed back on the next WD before the 09:00 watch; one in ten is forgotten.
      for (const p of back.filter((x) => x.on === day)) {
        if (ctx.rng.chance(0.1)) continue;
        actions.push({
          at: '08:50',
          what: 'staff back',
          run: async () => {
            const r = await ctx.driver.say(ctx.hall.office[0], `窗口 到岗 ${p.no}`);
            ctx.tally(r.startsWith('✅') ? 'closures.back' : 'closures.back-refused');
          },
        });
      }
      const t = TARGET[ctx.scale];
      for (let i = 0; i < perDay(t.closures, ctx.workdays.length, index); i++) {
        actions.push({ at: '10:15', what: 'closure', run: () => closure(ctx, day, { waiting, back, trips }) });
      }
      // Suspensions need 5 WDs' notice: file them in the first part of the month.
      const early = Math.max(1, ctx.workdays.length - 8);
      if (index < early) {
        for (let i = 0; i < perDay(t.suspensions, early, index); i++) {
          actions.push({ at: '10:30', what: 'suspension', run: () => suspension(ctx, day) });
        }
      }
      return actions;
    },
  };
}

function measures(name: string): string {
  return `联络人=${name} 联络电话=13900000012 咨询人员=${name} 咨询电话=0477-1234567 宣传告知=公众号已发布 高峰应对=同类窗口延时服务 不限号=是`;
}

async function closure(
  ctx: SimContext,
  day: LocalDate,
  { waiting, back, trips }: { waiting: Pending[]; back: Pending[]; trips: Trip[] },
): Promise<void> {
  const cal = ctx.calendar;
  const dept = ctx.rng.pick(ctx.hall.departments.filter((x) => x.windows.length >= 2));
  const w = ctx.rng.pick(dept.windows);
  const tooLate = ctx.rng.chance(0.125);
  const from = tooLate ? day : cal.nextWorkday(cal.nextWorkday(day));
  // WIN-03 (D212, D214): the ground of a closure is the staff's QJ, so the 出差 goes in first; 理由= answers ATT-07 when
  // the B-post is away too. It is approved after the closure is filed, which then counts as the window's cover.
  const trip = await ctx.driver.say(
    w.staff.userid,
    `出差 从=${from} 到=${from} 事由=参加业务培训 理由=已申请窗口临时关闭`,
  );
  const qj = /✅ (QJ\d{4}-\d{4})/.exec(trip)?.[1];
  ctx.tally(qj ? 'closures.trip-filed' : 'closures.trip-refused');
  const reply = await ctx.driver.say(
    dept.chief.userid,
    `窗口 关闭 ${w.number}号窗 从=${cnDate(from)} 到=${cnDate(from)} 事由=${w.staff.name}参加业务培训${qj ? `（${qj}）` : ''} ${measures(dept.chief.name)}`,
  );
  if (qj && (await decide(ctx, qj)) === 'approved')
    trips.push({ no: qj, userid: w.staff.userid, on: cal.nextWorkday(from) });
  const no = /✅ (GB\d{4}-[A-Z]+-\d{3}) 已提交/.exec(reply)?.[1];
  if (!no) {
    ctx.tally(tooLate ? 'closures.refused-on-purpose' : 'closures.refused');
    return;
  }
  ctx.tally('closures.filed');
  if (ctx.rng.chance(1 / 6)) {
    await decide(ctx, no, { rejectAtStep: 0, reason: '培训通知未盖章' });
    ctx.tally('closures.rejected');
    return;
  }
  if (ctx.rng.chance(0.2)) {
    // The first signature now, the last one a WD later (the approval reminders fire in between).
    await decide(ctx, no, { steps: 1 });
    waiting.push({ no, on: cal.nextWorkday(day), from });
    return;
  }
  await finish(ctx, no, from, back);
}

async function finish(ctx: SimContext, no: string, from: LocalDate, back: Pending[]): Promise<void> {
  const status = await decide(ctx, no);
  ctx.tally(status === 'approved' ? 'closures.approved' : `closures.${status}`);
  if (status === 'approved') back.push({ no, from, on: ctx.calendar.nextWorkday(from) });
}

async function suspension(ctx: SimContext, day: LocalDate): Promise<void> {
  const cal = ctx.calendar;
  const dept = ctx.rng.pick(ctx.hall.departments.filter((x) => x.windows.length >= 2));
  const [a, b] = dept.windows;
  const tooLate = ctx.rng.chance(0.15);
  let from = day;
  for (let i = 0; i < (tooLate ? 2 : 7); i++) from = cal.nextWorkday(from);
  const reply = await ctx.driver.say(
    dept.chief.userid,
    `停办 备案 窗口=${a.number} 事由=业务系统升级 文号=乌政办〔2026〕${ctx.rng.int(1, 99)}号 联系人=${dept.chief.name} 联系电话=13900000020 预案=停办期间引导网上办理 从=${cnDate(from)} 到=${cnDate(from)} 咨询=${a.staff.name} 13900000021,${b.staff.name} 13900000022`,
  );
  const no = /(TB\d{4}-[A-Z]+-\d{3})/.exec(reply)?.[1];
  if (!no || reply.startsWith('❌')) {
    ctx.tally(tooLate ? 'suspensions.refused-on-purpose' : 'suspensions.refused');
    return;
  }
  ctx.tally('suspensions.filed');
  const status = await decide(ctx, no);
  ctx.tally(status === 'approved' ? 'suspensions.approved' : `suspensions.${status}`);
}
