import { z } from 'zod';
import { def } from './define';

// Complaints (CMP): thresholds and OPEN proposals, listed in docs/settings.md.
export const COMPLAINT_SETTINGS = {
  'complaint.invalidNote': def({
    schema: z.boolean(),
    default: true,
    rules: ['CMP-04'],
    open: 10,
    description: '无效投诉是否保留一条无编号的简要记录（投诉 无效 说明=…）',
  }),
  'complaint.reReferralWorkdays': def({
    schema: z.number().int().min(0).max(30),
    default: 0,
    rules: ['CMP-16'],
    open: 11,
    description: '不满意退回整改的落实期限（工作日）；0 = 与首轮同级（一般5个、情节较重10个工作日）',
  }),
  'complaint.remindBeforeWorkdays': def({
    schema: z.number().int().min(1).max(5),
    default: 1,
    rules: ['CMP-08', 'CMP-11', 'CMP-12', 'CMP-15', 'CMP-20'],
    description: '投诉各项期限到期前提前提醒的工作日数（§17 提醒提前量为建议值）',
  }),
} as const;
