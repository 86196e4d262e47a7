import { z } from 'zod';
import { def } from './define';

// The 遗失物品 desk (LST): OPEN #24–#27, listed in docs/settings.md.
export const LOST_FOUND_SETTINGS = {
  'lostFound.contactWorkdays': def({
    schema: z.number().int().min(0).max(5),
    default: 0,
    rules: ['LST-04'],
    open: 24,
    description:
      '“尽快”通知失主的期限（工作日）：0 = 登记当日（工作日）；检查时刻为 handover-contact-check 任务时间（默认16:30，job.handover-contact-check.cron）',
  }),
  'lostFound.perishableDayType': def({
    schema: z.enum(['CD', 'WD']),
    default: 'CD',
    rules: ['LST-05'],
    open: 25,
    description: '易变坏食物或药品“三天内”的天数口径：CD = 自然日（变质不因节假日停止）；WD = 工作日',
  }),
  'lostFound.valuableWords': def({
    schema: z.array(z.string().min(1).max(8)).min(1).max(40),
    default: [
      '现金',
      '钱',
      '银行卡',
      '信用卡',
      '首饰',
      '金',
      '银镯',
      '项链',
      '戒指',
      '手镯',
      '耳环',
      '手机',
      '电脑',
      '平板',
    ],
    rules: ['LST-06'],
    open: 26,
    description:
      '物品名称或特征含这些词时，登记回复提示可能属贵重物品（现金、银行卡、首饰、手机/电脑）；是否贵重由导服勾选',
  }),
  'lostFound.announceEveryWeeks': def({
    schema: z.number().int().min(0).max(4),
    default: 1,
    rules: ['LST-07'],
    open: 27,
    description: '“定期发布公告招领”：每N周一次，在该周第一个工作日09:00把招领清单发到蓝马甲群；0 = 不自动发送',
  }),
} as const;
