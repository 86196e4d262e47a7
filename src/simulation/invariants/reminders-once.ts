import { ReminderLog } from '../../../entities/reminder-log';
import { localDate } from '../../kernel/time';
import type { Invariant } from './types';

// D16, design rule 3: every reminder at most once per (subject, kind, deadline version, occurrence) — and a daily
// repeat at most once per day, which is what a broken key (e.g. one with the time in it) would break.
export const remindersOnce: Invariant = {
  name: 'reminders at most once',
  rules: 'D16',
  async check(f) {
    const rows = await f.m.find(ReminderLog, { order: { id: 'ASC' } });
    const violations: string[] = [];
    const keys = new Map<string, number>();
    const daily = new Map<string, string>();
    for (const r of rows) {
      const key = `${r.subject}|${r.kind}|v${r.deadlineVersion}|${r.occurrence}`;
      keys.set(key, (keys.get(key) ?? 0) + 1);
      if (keys.get(key) === 2) violations.push(`${key} claimed twice`);
      const day = `${r.subject}|${r.kind}|v${r.deadlineVersion}|${localDate(r.sentAt)}`;
      const seen = daily.get(day);
      if (seen !== undefined && seen !== r.occurrence) {
        violations.push(`${r.subject} ${r.kind} sent twice on ${localDate(r.sentAt)} (${seen}, ${r.occurrence})`);
      }
      daily.set(day, r.occurrence);
    }
    return { checked: rows.length, violations };
  },
};
