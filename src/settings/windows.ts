import { z } from 'zod';
import { def } from './define';

// Windows, peaks and suspensions (WIN, SUS): OPEN proposals and thresholds, listed in docs/settings.md.
export const WINDOW_SETTINGS = {
  'window.capOverride': def({
    schema: z.enum(['中心领导', '不允许']),
    default: '中心领导',
    rules: ['WIN-04'],
    open: 28,
    description:
      '临时关闭超出1/5上限（“原则上”）时：中心领导 = 附超限理由加中心领导审批一步（仅限窗口数>4的部门）；不允许 = 一律拒绝',
  }),
  'window.endReminderWorkdays': def({
    schema: z.number().int().min(1).max(5),
    default: 1,
    rules: ['WIN-07'],
    open: 29,
    description: '临时关闭到期前提前几个工作日提醒首席代表安排人员到岗（到期当日另请大厅管理室确认到岗）',
  }),
  'window.seasonalPlanInclusive': def({
    schema: z.boolean(),
    default: true,
    rules: ['WIN-10', '§0.3'],
    open: 2,
    description: '季节窗口年度计划“3月1日前”是否含3月1日当天（是 = 含；否 = 须在2月底前）',
  }),
  'window.seasonalReminderDays': def({
    schema: z
      .array(z.string().regex(/^02-(0[1-9]|[12]\d)$/, '日期形如 02-01'))
      .min(1)
      .max(4),
    default: ['02-01', '02-20'],
    rules: ['WIN-10'],
    open: 29,
    description: '提醒有季节性窗口的部门报送年度计划的日期（2月，遇非工作日顺延到2月内下一个工作日，否则提前）',
  }),
  'window.shortChangeHint': def({
    schema: z.boolean(),
    default: true,
    rules: ['WIN-01'],
    open: 57,
    description: '窗口变更期限短于本年度且不足1年时提示改按临时关闭办理（需填写理由方可继续）',
  }),
  'peak.checklistReminderWorkdays': def({
    schema: z.number().int().min(1).max(5),
    default: 1,
    rules: ['SUS-03'],
    description:
      '业务高峰开始前几个工作日检查准备事项（宣传、设备、导服、技术），未完成则提醒首席代表（SUS-03 建议值）',
  }),
  'suspension.publicityReminderWorkdays': def({
    schema: z.number().int().min(1).max(3),
    default: 1,
    rules: ['SUS-07'],
    description: '停办公告截止日（开始前第4个工作日）前几个工作日提醒首席代表（SUS-07 建议值；截止当日再提醒一次）',
  }),
} as const;
