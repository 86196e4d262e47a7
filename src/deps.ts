import type { Logger } from 'pino';
import type { WorkCalendar } from './calendar/work-calendar';
import type { Config } from './config';
import type { Db } from './db';

/** The services every adapter (dispatcher, scheduler, CLI, H5) hands to domain code. */
export interface Deps {
  db: Db;
  config: Config;
  log: Logger;
  calendar: WorkCalendar;
  /** Base for links in chat (H5 forms, sandbox). */
  publicBaseUrl: string;
}
