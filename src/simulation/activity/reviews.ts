import type { LocalDate } from '../../kernel/time';
import { Rng } from '../prng';
import type { Action, Activity, SimContext } from './types';

// 好差评 (REV-01…03, D95): on the first WD of each week at 08:30 大厅管理室 imports the previous week's export —
// about ten ratings per window, about one in a hundred 不满意/非常不满意 and at least one a week — then orders
// 限期整改 of each new 差评 to its department's 首席代表 at 10:00. Once a month the same file is sent again by
// mistake: it must write nothing (新增 0 条).

const LEVELS = ['非常满意', '满意', '满意', '基本满意', '非常满意'];

export function reviewsActivity(): Activity {
  const rng = new Rng(1913); // its own PRNG: the other domains' months stay as they were
  let lastFile: Buffer | undefined;
  const pending: { cp: string; chief: string }[] = [];
  return {
    name: 'reviews',
    day(ctx, day) {
      const index = ctx.workdays.indexOf(day);
      if (index < 0) return [];
      const firstOfWeek = index === 0 || ctx.calendar.previousWorkday(day) < weekStart(day);
      const actions: Action[] = [];
      if (firstOfWeek)
        actions.push({
          at: '08:30',
          what: '好差评 导入',
          run: async () => {
            lastFile = await importWeek(ctx, rng, day, pending);
          },
        });
      if (firstOfWeek) actions.push({ at: '10:00', what: '差评 整改', run: () => rectify(ctx, pending) });
      if (index === 12 && lastFile) {
        const file = lastFile;
        actions.push({ at: '11:00', what: '好差评 重复导入', run: () => reimport(ctx, file) });
      }
      return actions;
    },
  };
}

/** The Monday of the ISO week of `day`. */
function weekStart(day: LocalDate): LocalDate {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

async function importWeek(
  ctx: SimContext,
  rng: Rng,
  day: LocalDate,
  pending: { cp: string; chief: string }[],
): Promise<Buffer> {
  const lines = ['评价编号,办件编号,部门,窗口号,工作人员,评价等级,评价时间,评价渠道,评价内容'];
  const bad: string[] = [];
  const prev = ctx.calendar.previousWorkday(day);
  let n = 0;
  for (const d of ctx.hall.departments)
    for (const w of d.windows)
      for (let i = 0; i < 10; i++) {
        n++;
        const isBad = rng.chance(0.01) || (bad.length === 0 && n === 7);
        const level = isBad ? rng.pick(['不满意', '非常不满意']) : rng.pick(LEVELS);
        if (isBad) bad.push(d.chief.userid);
        const key = `SIM${day.replace(/-/g, '')}${String(n).padStart(4, '0')}`;
        lines.push(
          `${key},1506${n},${d.code},${w.number},${w.staff.name},${level},${prev} 1${i % 6}:0${i % 9},评价器,${isBad ? '等候太久' : ''}`,
        );
      }
  const file = Buffer.from(`${lines.join('\n')}\n`);
  const office = ctx.hall.office[0];
  await ctx.driver.say(office, '好差评 导入');
  const reply = await ctx.driver.sendFile(office, file, `好差评${day}.csv`, 'text/csv');
  if (!reply.startsWith('✅ 好差评导入完成')) {
    ctx.tally('reviews.refused');
    return file;
  }
  ctx.tally('reviews.ratings', n);
  const cps = /转投诉待登记：(.+)$/m.exec(reply)?.[1].split('、') ?? [];
  cps.forEach((cp, i) => pending.push({ cp, chief: bad[i] }));
  ctx.tally('reviews.bad', cps.length);
  return file;
}

async function rectify(ctx: SimContext, pending: { cp: string; chief: string }[]) {
  const office = ctx.hall.office[0];
  for (const p of pending.splice(0)) {
    const reply = await ctx.driver.say(office, `差评 整改 ${p.cp} 责任人=@${p.chief}`);
    ctx.tally(reply.startsWith('✅') ? 'reviews.rectified' : 'reviews.rectifyRefused');
  }
}

async function reimport(ctx: SimContext, file: Buffer) {
  const office = ctx.hall.office[0];
  await ctx.driver.say(office, '好差评 导入');
  const reply = await ctx.driver.sendFile(office, file, '好差评（重复）.csv', 'text/csv');
  ctx.tally(reply.includes('新增 0 条') ? 'reviews.reimportNothing' : 'reviews.reimportWrote');
}
