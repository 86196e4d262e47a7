import { localDate } from '../../kernel/time';
import type { Invariant } from './types';

// ATT-01/02, D144 (design rule 3): the 08:45 job's DM to a person about a day, and its G-OFFICE digest (or
// 考勤未导入) about a day, go out at most once — and only on a WD.
export const attendanceOnce: Invariant = {
  name: 'attendance reminders at most once, on WDs',
  rules: 'ATT-01, ATT-02, D144',
  async check(f) {
    const items = f.fake.feedLog.all().filter((i) => /^【考勤(提醒|异常)?】/.test(i.text ?? ''));
    const seen = new Set<string>();
    const violations: string[] = [];
    for (const i of items) {
      const about = /^【考勤(?:提醒|异常)?】(\d{1,2}\/\d{1,2})/.exec(i.text ?? '')?.[1] ?? '?';
      const key = `${i.channel === 'dm' ? (i.to as string[]).join(',') : 'office'}|${about}`;
      if (seen.has(key)) violations.push(`考勤 message about ${about} to ${key.split('|')[0]} sent twice`);
      seen.add(key);
      const sent = localDate(new Date(i.at));
      if (!f.calendar.isWorkday(sent)) violations.push(`考勤 message about ${about} sent on non-WD ${sent}`);
    }
    return { checked: items.length, violations };
  },
};
