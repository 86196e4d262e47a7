import type { Activity } from './types';

// The monthly batch (BRF-04/05/07): on the 1st WD 大厅管理室 reviews the 约谈 candidates; on the 3rd WD the
// 书面通报 draft is sent for approval and the 主要领导 approves it on the card the next WD (before the 15th).

export function monthlyNoticesActivity(): Activity {
  let written: string | undefined;
  return {
    name: 'monthly-notices',
    day(ctx, day) {
      const index = ctx.workdays.indexOf(day);
      const office = ctx.hall.office[0];
      if (index === 0) {
        return [
          { at: '10:30', what: 'talk candidates', run: async () => void (await ctx.driver.say(office, '约谈 候选')) },
        ];
      }
      if (index === 2) {
        return [
          {
            at: '15:00',
            what: 'written notice to approval',
            run: async () => {
              const reply = await ctx.driver.say(office, '书面通报 送审');
              written = /(SP\d{4}-\d{5}) 已送审/.exec(reply)?.[1];
              ctx.tally(written ? 'written.submitted' : 'written.refused');
            },
          },
        ];
      }
      if (index === 3 && written) {
        const sp = written;
        return [
          {
            at: '10:00',
            what: 'written notice approval',
            run: async () => {
              if (await ctx.driver.click(ctx.hall.mainLeader, `approve:${sp}`)) ctx.tally('written.approved');
            },
          },
        ];
      }
      return [];
    },
  };
}
