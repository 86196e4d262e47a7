import type { Activity, SimContext } from './types';

// 台账 (REC-04, REC-07, DIR-10; D227, D228): on the month's last WD, after the day's work, 大厅管理室 asks for the
// ledger list and exports every ledger of the month; one 首席代表 exports its own department's 巡查台账 (●) and is
// refused the centre-only 投诉台账. No random draws (D109), so adding it changes nothing the other domains' people do.

export function ledgersActivity(): Activity {
  return {
    name: 'ledgers',
    day(ctx, day) {
      if (day !== ctx.workdays.at(-1)) return [];
      const month = day.slice(0, 7);
      const who = ctx.hall.office[0];
      // One export a minute: WeCom limits the messages one person receives per minute (WeCom doc 90454).
      const at = (i: number) => {
        const min = 17 * 60 + 31 + i;
        return `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
      };
      return [
        { at: at(0), what: '导出 列表', run: async () => void (await ctx.driver.say(who, '导出 列表')) },
        ...ctx.driver.bot.deps.tables.ledgers.map((l, i) => ({
          at: at(i + 1),
          what: `导出 ${l.name}`,
          run: async () => {
            const reply = await ctx.driver.say(who, `导出 ${l.name} ${month}`);
            ctx.tally(reply.startsWith(`✅ ${l.name} `) ? 'ledgers.exported' : 'ledgers.export-failed');
          },
        })),
        { at: at(ctx.driver.bot.deps.tables.ledgers.length + 2), what: '导出 本部门', run: () => chief(ctx, month) },
      ];
    },
  };
}

async function chief(ctx: SimContext, month: string): Promise<void> {
  const who = ctx.hall.departments[0].chief.userid;
  const own = await ctx.driver.say(who, `导出 巡查台账 ${month}`);
  ctx.tally(
    own.startsWith('✅ 巡查台账 ') && own.includes('已脱敏') ? 'ledgers.chief-exported' : 'ledgers.export-failed',
  );
  const centre = await ctx.driver.say(who, `导出 投诉台账 ${month}`);
  ctx.tally(centre.includes('只能由') ? 'ledgers.chief-refused' : 'ledgers.export-failed');
}
