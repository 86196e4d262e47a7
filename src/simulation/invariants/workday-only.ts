import { In } from 'typeorm';
import { JobRun } from '../../../entities/job-run';
import { OutboxRow } from '../../../entities/outbox';
import { localDate, localStamp } from '../../kernel/time';
import { fireTimesBetween } from '../../scheduler';
import type { Invariant } from './types';

// docs/commands.md: a WD-only job neither runs nor sends anything on a non-WD. A job's messages carry its
// `now` (the fire time), so a message queued on a non-WD at a WD-only job's fire minute is one it sent.
export const workdayOnly: Invariant = {
  name: 'nothing from a WD-only job on a non-WD',
  rules: 'docs/commands.md, DIR-13',
  async check(f) {
    const wdOnly = f.jobs.filter((j) => j.workingDaysOnly);
    const names = wdOnly.map((j) => j.name);
    const runs = await f.m.find(JobRun, { where: { job: In(names), status: In(['ok', 'failed', 'running']) } });
    const violations = runs
      .filter((r) => !f.calendar.isWorkday(localDate(r.scheduledFor)))
      .map((r) => `${r.job} ran on non-WD ${localDate(r.scheduledFor)}`);
    // D238: a job that runs every day (CAS-17's 08:00 预约 digest) may fire in the same minute as a WD-only one (the
    // presence timers' every minute of 07–19); what is queued at the fire of a job allowed that day is its own.
    const everyDay = f.jobs.filter((j) => !j.workingDaysOnly).map((j) => j.name);
    const allowed = new Set(
      (await f.m.find(JobRun, { where: { job: In(everyDay), status: 'ok' } })).map((r) => r.scheduledFor.getTime()),
    );
    const rows = await f.m.find(OutboxRow, { select: { id: true, dedupeKey: true, createdAt: true } });
    for (const o of rows) {
      if (f.calendar.isWorkday(localDate(o.createdAt))) continue;
      const at = o.createdAt;
      if (allowed.has(at.getTime())) continue;
      const job = wdOnly.find((j) => fireTimesBetween(j.cron, new Date(at.getTime() - 60_000), at).length > 0);
      if (job) violations.push(`${job.name}? sent ${o.dedupeKey} on non-WD ${localStamp(at)}`);
    }
    return { checked: runs.length + rows.length, violations };
  },
};
