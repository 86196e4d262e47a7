import { z } from 'zod';
import { def, hhmm } from './define';

// Presence (ATT-03/04/08, DIR-12, STF-11): 暂离 limits, 晨会 times and the Friday checks; OPEN #7, #32, #34,
// #35, #37, listed in docs/settings.md.
export const PRESENCE_SETTINGS = {
  'presence.staffAbsenceMinutes': def({
    schema: z.number().int().min(5).max(60),
    default: 15,
    rules: ['ATT-03', 'REV-05'],
    open: 34,
    description:
      '窗口人员暂离时限（分钟，“15分钟确需离岗办事”）：到时提醒本人回岗；超过即记“超时离岗”并报大厅管理室，按擅自离岗处理（已批准请假的除外）',
  }),
  'presence.guideAbsenceMinutes': def({
    schema: z.number().int().min(1).max(30),
    default: 10,
    rules: ['ATT-04'],
    description: '导服人员暂离最长分钟数（“不超过10分钟”）：申请超过即拒绝；到时提醒本人，超过即报区域领导',
  }),
  'presence.guideMeetingTime': def({
    schema: hhmm,
    default: '08:20',
    rules: ['ATT-04'],
    open: 35,
    description: '导服人员晨会时间；“晨会 到”不晚于该时刻加宽限分钟即为按时到岗，之后签到记迟到',
  }),
  'presence.guideMeetingGraceMinutes': def({
    schema: z.number().int().min(0).max(30),
    default: 5,
    rules: ['ATT-04'],
    open: 35,
    description: '晨会点名宽限分钟数（点名消息08:20发出，回复需要时间）',
  }),
  'presence.staffMeetingTimes': def({
    schema: z.object({ 晨会: hhmm, 夕会: hhmm }),
    default: { 晨会: '08:20', 夕会: '17:30' },
    rules: ['ATT-08', 'DIR-16'],
    open: 37,
    description: '综窗人员晨会、夕会时间；会议开始前不能登记当天该会的记录',
  }),
  'presence.weeklyTrainings': def({
    schema: z.number().int().min(0).max(7),
    default: 1,
    rules: ['STF-11'],
    open: 32,
    description:
      '综合服务窗口每周业务培训最少次数（“每周一至两次”）；周五检查时本周不足即提醒大厅管理室和服务商；0 = 不检查',
  }),
} as const;
