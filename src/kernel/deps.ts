import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import type { WorkCalendar } from '../calendar/work-calendar';
import type { Config } from '../config';
import type { Db } from '../db';
import type { WecomPort } from '../outbox/sender';
import type { AttachmentHook, FetchedMedia } from './attachments';

/** The services every adapter (dispatcher, scheduler, CLI, H5) hands to domain code. */
export interface Deps {
  db: Db;
  config: Config;
  log: Logger;
  calendar: WorkCalendar;
  /** Base for links in chat (H5 forms, sandbox). */
  publicBaseUrl: string;
  /** Inbound media download (WeCom media/get, D6). */
  media: { fetch(mediaId: string): Promise<FetchedMedia> };
  /** Domain reactions to a stored photo/file, matched by slot ownerType + purpose (src/kernel/attachments.ts). */
  attachmentHooks: readonly AttachmentHook[];
  /** WeCom app-chat administration for jobs (group-member-sync); the outbox does all sending. */
  wecom: Pick<WecomPort, 'getAppChat' | 'createAppChat' | 'updateAppChat'>;
  /** D13: tell G-OFFICE once that a needed day is outside the confirmed calendar (src/calendar). */
  coverageAlert(m: EntityManager, now: Date, date: string, context: string): Promise<void>;
}
