import type { Ctx } from './ctx';

/**
 * One line of monthly-batch section 六 (D92): a domain's own monthly figure — 考勤汇总 (ATT-10), 超期率 (CAS-19),
 * 未持证 (DIR-15), 要点/休眠事项 (ITM-07/09), 满意度 (REV-06) … The list is `TABLES.monthlyReports`
 * (src/tables.ts); a domain that is not built has no row, so its line is absent rather than “无”.
 */
export interface MonthlyReportProvider {
  /** Short label, e.g. `考勤汇总`. */
  label: string;
  /** Rule IDs the line reports on, shown after the label. */
  rules: string[];
  /** The hall-wide line for G-OFFICE (the month is `YYYY-MM`, the one just ended). */
  office(ctx: Ctx, month: string): Promise<string>;
  /** The department's own line for its 首席代表; omit when the figure has no per-department part. */
  department?(ctx: Ctx, month: string, departmentCode: string): Promise<string | null>;
}
