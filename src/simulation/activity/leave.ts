import type { LocalDate } from '../../kernel/time';
import { decide } from './approvals';
import { perDay, type Action, type Activity, type SimContext } from './types';

// 请假/出差/销假 (ATT-05/06/07): window staff ask two WDs ahead (one in ten on the day, refused on purpose by
// ATT-05), a few report a 病假 at 08:10 on the day; approvers click 同意 within the hour, one in ten rejects.
// Back from leave, most send 销假 before 09:00, some only after the 09:00 reminder, and one in ten forgets until
// the WD after the 脱岗 flag (ATT-06, D154).

const TARGET = { small: 6, hall: 40 };

interface Away {
  no: string;
  userid: string;
  /** The day and time of the 销假. */
  on: LocalDate;
  at: string;
}

export function leaveActivity(): Activity {
  const away: Away[] = [];
  return {
    name: 'leave',
    day(ctx, day) {
      const index = ctx.workdays.indexOf(day);
      if (index < 0) return [];
      const actions: Action[] = away
        .filter((a) => a.on === day)
        .map((a) => ({
          at: a.at,
          what: '销假',
          run: async () => {
            const r = await ctx.driver.say(a.userid, `销假 ${a.no}`);
            ctx.tally(r.startsWith('✅') ? 'leave.returned' : 'leave.return-refused');
          },
        }));
      for (let i = 0; i < perDay(TARGET[ctx.scale], ctx.workdays.length, index); i++) {
        const sick = ctx.rng.chance(0.15);
        actions.push({ at: sick ? '08:10' : '10:00', what: 'leave', run: () => ask(ctx, day, sick, away) });
      }
      return actions;
    },
  };
}

async function ask(ctx: SimContext, day: LocalDate, sick: boolean, away: Away[]): Promise<void> {
  const cal = ctx.calendar;
  const dept = ctx.rng.pick(ctx.hall.departments.filter((d) => d.windows.length > 0));
  const person = ctx.rng.pick(dept.windows).staff;
  const tooLate = !sick && ctx.rng.chance(0.1);
  const from = sick || tooLate ? day : cal.addWorkdays(day, 2);
  const to = sick || ctx.rng.chance(0.5) ? from : cal.nextWorkday(from);
  const trip = !sick && ctx.rng.chance(0.25);
  const line = trip
    ? `出差 从=${from} 到=${to} 事由=市局业务培训 理由=已与B岗商定`
    : `请假 ${sick ? '病假' : ctx.rng.pick(['事假', '年休假'])} 从=${from} 到=${to} 原因=家中有事 理由=已与B岗商定`;
  const reply = await ctx.driver.say(person.userid, line);
  const no = /✅ (QJ\d{4}-\d{4})/.exec(reply)?.[1];
  if (!no) {
    ctx.tally(tooLate ? 'leave.refused-on-purpose' : 'leave.refused');
    return;
  }
  ctx.tally(sick ? 'leave.sick' : 'leave.asked');
  const reject = ctx.rng.chance(0.1);
  const status = await decide(ctx, no, reject ? { rejectAtStep: 0, reason: '当周人手紧张' } : {});
  if (status !== 'approved') return;
  ctx.tally('leave.approved');
  const back = cal.nextWorkday(to);
  const roll = ctx.rng.int(0, 9);
  // 8 in 10 on time, 1 after the 09:00 reminder, 1 only two WDs later (after the 脱岗 flag).
  const on = roll === 9 ? cal.addWorkdays(back, 2) : back;
  away.push({ no, userid: person.userid, on, at: roll >= 8 ? '10:30' : '08:40' });
}
