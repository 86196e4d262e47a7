import { Notice } from '../../../entities/notice';
import { ReminderLog } from '../../../entities/reminder-log';
import { Talk } from '../../../entities/talk';
import { addMonths, localDate } from '../../kernel/time';
import type { Invariant } from './types';

// BRF-07 (OPEN #21): last month's 书面通报 released by the 15th, or escalated as late.
export const writtenByFifteenth: Invariant = {
  name: '书面通报 by the 15th or flagged late',
  rules: 'BRF-07',
  async check(f) {
    const prev = addMonths(`${f.month}-01`, -1).slice(0, 7);
    const deadline = `${f.month}-15`;
    const n = await f.m.findOneBy(Notice, { periodKey: `书面:${prev}` });
    const flagged = await f.m.countBy(ReminderLog, { subject: `written:${prev}`, kind: 'escalate' });
    const onTime = n?.publishedAt && localDate(n.publishedAt) <= deadline;
    if (onTime || flagged > 0 || localDate(f.end) <= deadline) return { checked: 1, violations: [] };
    return { checked: 1, violations: [`书面:${prev} ${n?.status ?? 'missing'}, not flagged late`] };
  },
};

// BRF-04/05: every 约谈 candidate of last month handled (talk approved) by the 10th, or escalated to G-LEAD.
export const talksByTenth: Invariant = {
  name: '约谈 handled by the 10th or escalated',
  rules: 'BRF-04, BRF-05',
  async check(f) {
    const prev = addMonths(`${f.month}-01`, -1).slice(0, 7);
    const talks = await f.m.findBy(Talk, { month: prev });
    const escalated = (await f.m.countBy(ReminderLog, { subject: `talks:${prev}`, kind: 'escalate' })) > 0;
    const violations = talks
      .filter((t) => !(t.approvedAt && localDate(t.approvedAt) <= t.deadline) && !t.late && !escalated)
      .filter(() => localDate(f.end) > `${f.month}-10`)
      .map((t) => `${t.departmentCode} 约谈${t.target} ${t.status}, deadline ${t.deadline}, not escalated`);
    return { checked: talks.length, violations };
  },
};
