import type { LocalDate } from '../../kernel/time';
import type { SimPerson } from '../hall';
import { Rng } from '../prng';
import type { Activity, SimContext } from './types';

// 考勤 (ATT-01/02) and 延时服务 (SUS-05): each WD at 08:05 大厅管理室 imports the previous WD's 考勤系统 export
// (every stationed person: a few late, early or without a sign-out) — except one WD of the month, so the 08:45
// job says 考勤未导入 once; each WD at 19:45 one window registers 延时服务 to 19:25, and that person's sign-out
// at 19:35 in the next import is valid only through it (OPEN #33).

const SKIP_IMPORT = 7;

export function attendanceActivity(): Activity {
  const extended = new Map<LocalDate, { userid: string; out: string }>();
  // Its own seeded PRNG: drawing from the shared one would reshuffle the other domains' months.
  const rng = new Rng(1606);
  return {
    name: 'attendance',
    day(ctx, day) {
      const index = ctx.workdays.indexOf(day);
      if (index < 0) return [];
      const actions = [{ at: '19:45', what: '延时 登记', run: () => extension(ctx, rng, day, extended) }];
      if (index !== SKIP_IMPORT)
        actions.push({ at: '08:05', what: '考勤 导入', run: () => importDay(ctx, rng, day, extended) });
      return actions;
    },
  };
}

function people(ctx: SimContext): SimPerson[] {
  const all = ctx.hall.departments.flatMap((d) => [d.chief, ...d.staff, ...d.windows.map((w) => w.staff)]);
  return [...new Map(all.map((p) => [p.userid, p])).values()];
}

const hhmm = (h: number, m: number) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;

async function importDay(
  ctx: SimContext,
  rng: Rng,
  day: LocalDate,
  extended: Map<LocalDate, { userid: string; out: string }>,
) {
  const prev = ctx.calendar.previousWorkday(day);
  const ext = extended.get(prev);
  const lines = ['账号,日期,签到,签退'];
  for (const p of people(ctx)) {
    if (rng.chance(0.01)) continue; // absent without leave: 未签到
    const signIn = rng.chance(0.03) ? hhmm(8, rng.int(31, 59)) : hhmm(8, rng.int(0, 29));
    const early = rng.chance(0.02);
    const signOut = ext?.userid === p.userid ? ext.out : early ? hhmm(17, rng.int(0, 29)) : hhmm(17, rng.int(30, 59));
    lines.push(`${p.userid},${prev},${signIn},${rng.chance(0.01) ? '' : signOut}`);
  }
  const office = ctx.hall.office[0];
  await ctx.driver.say(office, '考勤 导入');
  const reply = await ctx.driver.sendFile(office, Buffer.from(`${lines.join('\n')}\n`), `考勤${prev}.csv`, 'text/csv');
  ctx.tally(reply.startsWith('✅ 考勤导入完成') ? 'attendance.imported' : 'attendance.refused');
}

async function extension(
  ctx: SimContext,
  rng: Rng,
  day: LocalDate,
  extended: Map<LocalDate, { userid: string; out: string }>,
) {
  const dept = rng.pick(ctx.hall.departments.filter((d) => d.windows.length > 0));
  const w = rng.pick(dept.windows);
  const reply = await ctx.driver.say(w.staff.userid, `延时 登记 窗口=${w.number} 结束=19:25 人数=${rng.int(2, 9)}`);
  if (reply.startsWith('✅')) {
    extended.set(day, { userid: w.staff.userid, out: '19:35' });
    ctx.tally('attendance.extensions');
  } else ctx.tally('attendance.extensionsRefused');
}
