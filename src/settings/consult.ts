import { z } from 'zod';
import { def, hhmm } from './define';

// 咨询, 预约 and the 综窗 handover (CAS-04, CAS-13, CAS-17, CAS-20): OPEN #43, #47 (#44, the 16:30 paper check, is the time of job handover-contact-check, D15), listed in docs/settings.md.
export const CONSULT_SETTINGS = {
  'consult.answerWorkdays': def({
    schema: z.number().int().min(1).max(10),
    default: 1,
    rules: ['CAS-04'],
    open: 43,
    description: '当场不能答复的咨询，默认答复期限（工作日，次日起算，截止17:30）；登记时可用 答复期限= 另约',
  }),
  'consult.expertAckMinutes': def({
    schema: z.number().int().min(5).max(240),
    default: 30,
    rules: ['CAS-20'],
    open: 47,
    description: '综窗请求专家后，首席代表应在该分钟数内点“已收到，派员”；超时由 presence-timers 再提醒一次',
  }),
  'consult.appointmentMorningEnd': def({
    schema: hhmm,
    default: '12:00',
    rules: ['CAS-17'],
    description: '预约服务为周一至周六上午：预约时间须早于该时刻',
  }),
} as const;
