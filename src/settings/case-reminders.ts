import { z } from 'zod';
import { def } from './define';

// 办件 三级提醒 and 超期率 (CAS-18, CAS-19): OPEN #45, #46, listed in docs/settings.md. Separate from the
// 整改 thresholds (rectification.*) so the hall can tune one without the other (D111).
export const CASE_REMINDER_SETTINGS = {
  'cases.l1Percent': def({
    schema: z.number().int().min(1).max(99),
    default: 50,
    rules: ['CAS-18'],
    open: 46,
    description: '三级提醒 L1：承诺时限已过该百分比（按工作日，中止期间不计）后的首个工作日09:00提醒承办人',
  }),
  'cases.l1MinWorkdays': def({
    schema: z.number().int().min(0).max(20),
    default: 2,
    rules: ['CAS-18'],
    open: 46,
    description: '承诺时限不超过该工作日数的办件不发 L1（时限太短，L2 已足够）',
  }),
  'cases.l2WorkdaysBefore': def({
    schema: z.number().int().min(0).max(5),
    default: 1,
    rules: ['CAS-18'],
    open: 46,
    description: '三级提醒 L2：到期前该工作日数的那天及到期当日09:00提醒承办人和首席代表；0 = 只在到期当日',
  }),
  'cases.rateCountsWithdrawn': def({
    schema: z.boolean(),
    default: false,
    rules: ['CAS-19', 'CAS-16'],
    open: 45,
    description: '办件超期率是否把撤回（审批不通过，申请撤回）的办件计入分母；默认不计入，另行列出件数',
  }),
} as const;
