import { z } from 'zod';
import type { SettingDef } from '../kernel/setting-def';
import { ATTENDANCE_SETTINGS } from './attendance';
import { COMPLAINT_SETTINGS } from './complaints';
import { CONSULT_SETTINGS } from './consult';
import { cron, def, hhmm } from './define';
import { ITEMS_MAIL_SETTINGS } from './items-mail';
import { LEAVE_SETTINGS } from './leave';
import { CASE_REMINDER_SETTINGS } from './case-reminders';
import { LOST_FOUND_SETTINGS } from './lost-found';
import { PERFORMANCE_SETTINGS } from './performance';
import { CASE_LIFECYCLE_SETTINGS } from './case-lifecycle';
import { PRESENCE_SETTINGS } from './presence';
import { STAFFING_SETTINGS } from './staffing';
import { SUPERVISION_SETTINGS } from './supervision';
import { WINDOW_SETTINGS } from './windows';

/**
 * Every open point of the rulebook and every threshold a rule needs (docs/settings.md), declared once with its
 * default, schema, rule IDs and a one-line description; each domain's group is a file beside this one. Admins
 * change values with `设置 修改 <名称> <值>` (audited, no restart); code reads them through `getSetting`.
 */

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
  ...COMPLAINT_SETTINGS,
  ...SUPERVISION_SETTINGS,
  ...WINDOW_SETTINGS,
  ...LOST_FOUND_SETTINGS,
  ...CONSULT_SETTINGS,
  ...ATTENDANCE_SETTINGS,
  ...PERFORMANCE_SETTINGS,
  ...CASE_LIFECYCLE_SETTINGS,
  ...ITEMS_MAIL_SETTINGS,
  ...PRESENCE_SETTINGS,
  ...STAFFING_SETTINGS,
  ...LEAVE_SETTINGS,
  ...CASE_REMINDER_SETTINGS,
  // [security]: transport and input bounds (no docs/rules.md OPEN number: the seed regulations are silent on them).
  'callback.maxSkewSeconds': def({
    schema: z.number().int().min(30).max(3600),
    default: 300,
    rules: [],
    description: '回调时间戳与当前时间相差超过该秒数即拒收（防重放；去重键保留远长于此，见 retention.transportDays）',
  }),
  'retention.transportDays': def({
    schema: z.number().int().min(1).max(3650),
    default: 30,
    rules: ['REC-10'],
    description:
      '收发传输副本（入站消息内容、出站消息正文）保留天数，之后清除内容、保留去重键；记录本身的保存期限仍为 OPEN（REC-10）',
  }),
  'group.robotHosts': def({
    schema: z.string().regex(/^[a-z0-9.-]+(,[a-z0-9.-]+)*$/, '应为逗号分隔的主机名，例如 qyapi.weixin.qq.com'),
    default: 'qyapi.weixin.qq.com',
    rules: [],
    description: '“群 绑定 webhook=…”允许的群机器人地址主机（逗号分隔，https）',
  }),
} as const satisfies Record<string, SettingDef>;

export type SettingName = keyof typeof SETTINGS;
export type SettingValue<N extends SettingName> = z.infer<(typeof SETTINGS)[N]['schema']>;

/** Job clock times are settings `job.<name>.cron` (D15) whose default is the jobs table's cron. */
export const jobCronSchema = cron;
