import { z } from 'zod';

/**
 * Every OPEN proposal of rules.md §20 and every threshold a rule needs, declared once with its default,
 * schema, the rule IDs it affects and a one-line description. Admins change values with
 * `设置 修改 <名称> <值>` (audited, no restart); code reads them through `settings.get`, never a literal.
 */
export interface SettingDef<S extends z.ZodType = z.ZodType> {
  schema: S;
  default: z.infer<S>;
  rules: string[];
  /** OPEN register number (rules.md §20), if the setting is an OPEN proposal. */
  open?: number;
  description: string;
}

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM，例如 17:30');
const cron = z.string().regex(/^(\S+\s+){4}\S+$/, 'cron 表达式应有5段，例如 45 7 * * *');
const def = <S extends z.ZodType>(d: SettingDef<S>) => d;

export const SETTINGS = {
  'calendar.endOfDay': def({
    schema: hhmm,
    default: '17:30',
    rules: ['§0.3', 'DIR-13'],
    open: 1,
    description: '工作日截止时刻：N个工作日期限在该时刻截止；“提前N个工作日”申请当日在该时刻后提交视为次日',
  }),
  'outbox.maxAttempts': def({
    schema: z.number().int().min(1).max(50),
    default: 8,
    rules: [],
    description: '消息发送失败后的最大重试次数，超过则标记为永久失败并记录',
  }),
  'approval.remindAfterWorkdays': def({
    schema: z.number().int().min(1).max(10),
    default: 1,
    rules: ['DIR-04'],
    description: '审批待办超过该工作日数未处理即提醒审批人（D17）',
  }),
  'approval.escalateTo': def({
    schema: z.string().regex(/^G-[A-Z0-9-]+$/),
    default: 'G-OFFICE',
    rules: ['DIR-04'],
    description: '审批提醒后仍未处理时升级通知的群（D17）',
  }),
} as const satisfies Record<string, SettingDef>;

export type SettingName = keyof typeof SETTINGS;
export type SettingValue<N extends SettingName> = z.infer<(typeof SETTINGS)[N]['schema']>;

/** Job clock times are settings `job.<name>.cron` (D15) whose default is the jobs table's cron. */
export const jobCronSchema = cron;
