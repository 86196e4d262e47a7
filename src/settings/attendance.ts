import { z } from 'zod';
import { def, hhmm } from './define';

// 考勤 (ATT-01, ATT-02, ATT-10) and the 延时服务 log (SUS-05, CAS-17): thresholds and OPEN #33, listed in
// docs/settings.md. 000 窗口工作 五(四): 07:00–08:30 valid sign-in, 17:30–19:30 valid sign-out.
export const ATTENDANCE_SETTINGS = {
  'attendance.signInFrom': def({
    schema: hhmm,
    default: '07:00',
    rules: ['ATT-01'],
    open: 33,
    description: '有效签到的最早时刻：早于该时刻的签到记“签到无效”（请于07:00后签到），不算按时',
  }),
  'attendance.signInBy': def({
    schema: hhmm,
    default: '08:30',
    rules: ['ATT-01'],
    description: '签到截止时刻：晚于该时刻签到记迟到（分钟）',
  }),
  'attendance.signOutFrom': def({
    schema: hhmm,
    default: '17:30',
    rules: ['ATT-01'],
    description: '签退起始时刻：早于该时刻签退记早退（分钟）',
  }),
  'attendance.signOutUntil': def({
    schema: hhmm,
    default: '19:30',
    rules: ['ATT-01', 'SUS-05'],
    open: 33,
    description:
      '有效签退的最晚时刻：晚于该时刻的签退无效，除非当天本窗口有延时服务登记覆盖（见 attendance.extensionGraceMinutes）',
  }),
  'attendance.extensionGraceMinutes': def({
    schema: z.number().int().min(0).max(120),
    default: 30,
    rules: ['ATT-01', 'SUS-05', 'CAS-17'],
    open: 33,
    description: '延时服务登记覆盖的签退宽限：签退不晚于登记的延时结束时刻加该分钟数即有效（收尾、关机所需时间）',
  }),
} as const;
