import { AwardNomination } from '../../../entities/award-nomination';
import type { MonthlyReportProvider } from '../../kernel/report-provider';
import { monthAwardLines, monthAwards } from './nominations';

// monthly-batch section 六 (D92): PRF-16's monthly 评比 — the month's 评优推荐, the awards granted and what still
// waits for 大厅管理室; each 首席代表 gets its own department's nominations and awards (D183's lines).

export const awardMonthlyReport: MonthlyReportProvider = {
  label: '评优推荐',
  rules: ['PRF-16'],
  async office(ctx, month) {
    const { made, granted } = await monthAwards(ctx.m, month);
    const waiting = await ctx.m.count(AwardNomination, { where: { status: '待审定' } });
    return `推荐 ${made.length}｜获评 ${granted.length}｜待审定 ${waiting}`;
  },
  async department(ctx, month, code) {
    const lines = (await monthAwardLines(ctx.m, month)).get(code);
    return lines?.length ? lines.join('；') : null;
  },
};
