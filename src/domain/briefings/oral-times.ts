import type { EntityManager } from 'typeorm';
import { getJobCron } from '../../settings/settings';

// OPEN #18 / D15: 口头通报 draft 07:45, nudge 08:15, publish 08:20 — the jobs' default crons; the settings
// `job.<name>.cron` move them without a restart, and the approval click reads the same publish time.
export const ORAL_DRAFT_CRON = '45 7 * * *';
export const ORAL_NUDGE_CRON = '15 8 * * *';
export const ORAL_PUBLISH_CRON = '20 8 * * *';

/** `HH:MM` of a daily cron `M H * * *`; undefined for anything fancier. */
export function dailyCronTime(cron: string): string | undefined {
  const m = /^(\d{1,2})\s+(\d{1,2})\s+\*\s+\*\s+\*$/.exec(cron.trim());
  return m ? `${m[2].padStart(2, '0')}:${m[1].padStart(2, '0')}` : undefined;
}

/** The time the 口头通报 is released (approval after it publishes at once). */
export async function oralPublishTime(m: EntityManager): Promise<string> {
  return dailyCronTime((await getJobCron(m, 'oral-notice-publish')) ?? ORAL_PUBLISH_CRON) ?? '08:20';
}
