import { Like } from 'typeorm';
import { OutboxRow } from '../../../entities/outbox';
import { ProviderEvent } from '../../../entities/provider-event';
import { isoWeekKey, localDate, localStamp } from '../../kernel/time';
import type { Invariant } from './types';

// PRF-02, D203: the 考核小组's 周检查 reminder goes at most once per ISO week, on a WD, and never for a week whose
// 周检 was already recorded when it was sent.
export const providerWeeklyCheck: Invariant = {
  name: 'PRF-02 weekly-check reminder only when missing',
  rules: 'PRF-02, D203',
  async check(f) {
    const rows = await f.m.find(OutboxRow, { where: { dedupeKey: Like('provider-weekly-check:%') } });
    const checks = await f.m.find(ProviderEvent, { where: { kind: '周检' } });
    const violations: string[] = [];
    const weeks = new Set<string>();
    for (const r of rows) {
      const week = r.dedupeKey.slice('provider-weekly-check:'.length);
      const day = localDate(r.createdAt);
      if (weeks.has(week)) violations.push(`${week} reminded twice`);
      weeks.add(week);
      if (isoWeekKey(day) !== week) violations.push(`${week} reminded on ${day}, another week`);
      if (!f.calendar.isWorkday(day)) violations.push(`${week} reminded on non-WD ${day}`);
      const done = checks.find((c) => c.period === week && c.at <= r.createdAt);
      if (done) violations.push(`${week} reminded at ${localStamp(r.createdAt)} after 周检 of ${localStamp(done.at)}`);
    }
    return { checked: rows.length + checks.length, violations };
  },
};
