import { z } from 'zod';
import { LEAVE_KINDS } from '../../entities/leave-request';
import { def, hhmm } from './define';

// 请假/出差/销假 (ATT-05/06/07): OPEN #36 and #60, listed in docs/settings.md.
export const LEAVE_SETTINGS = {
  'leave.noticeWorkdays': def({
    schema: z.number().int().min(1).max(10),
    default: 1,
    rules: ['ATT-05'],
    open: 36,
    description: '计划内请假/出差须提前的工作日数（以请假期间第一个工作日为准，当日17:30截止）',
  }),
  'leave.sameDayKinds': def({
    schema: z.array(z.enum(LEAVE_KINDS)).max(LEAVE_KINDS.length),
    default: ['病假'],
    rules: ['ATT-05'],
    open: 36,
    description: '可当日报告的突发类假别（默认仅病假）：须在 leave.sameDayBy 前提交，事后补办手续',
  }),
  'leave.sameDayBy': def({
    schema: hhmm,
    default: '08:30',
    rules: ['ATT-05'],
    open: 36,
    description: '突发类假别（病假）当日报告的截止时刻',
  }),
  'leave.makeUpWorkdays': def({
    schema: z.number().int().min(0).max(5),
    default: 1,
    rules: ['ATT-05'],
    open: 36,
    description: '当日报告的病假须在返岗后几个工作日内补办请假手续（考勤系统、病假证明）',
  }),
  'leave.windowLeadMaxWorkdays': def({
    schema: z.number().int().min(0).max(10),
    default: 1,
    rules: ['ATT-05'],
    open: 36,
    description: '窗口负责人审批权限：请假工作日数不超过该值由窗口负责人审批，超过由首席代表（或其代理人）审批',
  }),
  'leave.unstaffedWindow': def({
    schema: z.enum(['SOFT', 'INFO']),
    default: 'SOFT',
    rules: ['ATT-07', 'DIR-09'],
    open: 60,
    description:
      '请假后窗口无人在岗（无B岗、无顶岗、无已批准的临时关闭）时：SOFT = 须补充 理由= 才提交；INFO = 只在审批卡片上提示',
  }),
  'leave.absentAfterWorkdays': def({
    schema: z.number().int().min(1).max(5),
    default: 1,
    rules: ['ATT-06'],
    description: '假期结束后首个工作日提醒销假；再过该工作日数仍未销假即按脱岗报大厅管理室',
  }),
} as const;
