import type { MonthlyReportProvider } from '../../kernel/report-provider';
import { monthBounds } from '../../kernel/time';
import { itemFigures, pct } from './figures';

// monthly-batch section 六 (D92): stale 要点 (ITM-07, OPEN #41) and dormant items (ITM-09, OPEN #42) as of the
// last day of the month just ended, with 全程网办率 against its target.

const names = (list: { name: string }[]) =>
  list.length
    ? `：${list
        .slice(0, 5)
        .map((i) => i.name)
        .join('、')}${list.length > 5 ? '…' : ''}`
    : '';

export const itemMonthlyReport: MonthlyReportProvider = {
  label: '事项要点/休眠',
  rules: ['ITM-07', 'ITM-09'],
  async office(ctx, month) {
    const f = await itemFigures(ctx.m, monthBounds(`${month}-01`).last);
    return `要点过期 ${f.stale.length}｜休眠事项 ${f.dormant.length}｜网办率 ${pct(f.online, f.active)}（目标${f.target}%）`;
  },
  async department(ctx, month, code) {
    const f = await itemFigures(ctx.m, monthBounds(`${month}-01`).last, code);
    if (f.active === 0) return null;
    return `要点过期 ${f.stale.length}${names(f.stale)}｜休眠事项 ${f.dormant.length}${names(f.dormant)}`;
  },
};
