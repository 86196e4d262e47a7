import { Person } from '../../../entities/person';
import { Talk } from '../../../entities/talk';
import { addDays, addMonths, cnDate, type LocalDate } from '../../kernel/time';
import { decide } from './approvals';
import type { Action, Activity, SimContext } from './types';

// The monthly batch (BRF-04…BRF-07): on the 1st WD 大厅管理室 reviews the 约谈 candidates and confirms them the
// next WD; the talks are held and recorded on the 5th WD (one in four only after the 10th: late, escalated) and
// the record is approved on the card; on the 3rd WD the 书面通报 goes for approval and the 主要领导 approves it
// on the card the next WD (before the 15th).

export function monthlyNoticesActivity(): Activity {
  let written: string | undefined;
  let late: string[] = [];
  return {
    name: 'monthly-notices',
    day(ctx, day) {
      const index = ctx.workdays.indexOf(day);
      const office = ctx.hall.office[0];
      const actions: Action[] = [];
      if (index === 0) {
        late = [];
        actions.push({
          at: '10:30',
          what: 'talk candidates',
          run: async () => void (await ctx.driver.say(office, '约谈 候选')),
        });
      }
      if (index === 1) actions.push({ at: '10:30', what: 'confirm talks', run: () => confirmTalks(ctx, day, late) });
      if (index === 4)
        actions.push({ at: '14:30', what: 'record talks', run: () => recordTalks(ctx, day, (d) => !late.includes(d)) });
      if (index === 9)
        actions.push({ at: '14:30', what: 'late talks', run: () => recordTalks(ctx, day, (d) => late.includes(d)) });
      if (index === 2) {
        actions.push({
          at: '15:00',
          what: 'written notice to approval',
          run: async () => {
            const reply = await ctx.driver.say(office, '书面通报 送审');
            written = /(SP\d{4}-\d{5}) 已送审/.exec(reply)?.[1];
            ctx.tally(written ? 'written.submitted' : 'written.refused');
          },
        });
      }
      if (index === 3 && written) {
        const sp = written;
        actions.push({
          at: '10:00',
          what: 'written notice approval',
          run: async () => {
            if (await ctx.driver.click(ctx.hall.mainLeader, `approve:${sp}`)) ctx.tally('written.approved');
          },
        });
      }
      return actions;
    },
  };
}

const previousMonth = (day: LocalDate) => addMonths(`${day.slice(0, 7)}-01`, -1).slice(0, 7);

async function confirmTalks(ctx: SimContext, day: LocalDate, late: string[]): Promise<void> {
  const talks = await ctx.driver.bot.deps.db.manager.findBy(Talk, { month: previousMonth(day), status: '候选' });
  for (const t of talks) {
    const r = await ctx.driver.say(ctx.hall.office[0], `约谈 确认 ${t.departmentCode} 对象=${t.target}`);
    ctx.tally(r.startsWith('✅') ? 'talks.confirmed' : 'talks.refused');
    if (ctx.rng.chance(0.25)) late.push(t.departmentCode);
  }
}

async function recordTalks(ctx: SimContext, day: LocalDate, which: (dept: string) => boolean): Promise<void> {
  const m = ctx.driver.bot.deps.db.manager;
  const talks = await m.findBy(Talk, { month: previousMonth(day), status: '已确认' });
  const name = async (u: string) => (await m.findOneBy(Person, { userid: u }))?.name ?? u;
  const talkers = `@${await name(ctx.hall.relevantLeader)},@${await name(ctx.hall.office[0])}`;
  for (const t of talks.filter((x) => which(x.departmentCode))) {
    const reply = await ctx.driver.say(
      ctx.hall.office[0],
      `约谈 记录 ${t.departmentCode} 对象=${t.target} 日期=${cnDate(day)} 约谈人=${talkers} 意见=人员紧张 整改=落实AB岗，杜绝空岗 期限=${cnDate(addDays(day, 14))}`,
    );
    const sp = /(SP\d{4}-\d{5})/.exec(reply)?.[1];
    if (!sp) {
      ctx.tally('talks.record-refused');
      continue;
    }
    ctx.tally('talks.recorded');
    const status = await decide(ctx, `talk:${t.id}`);
    ctx.tally(status === 'approved' ? 'talks.approved' : `talks.${status}`);
  }
}
