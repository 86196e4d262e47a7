import type { Logger } from 'pino';
import { systemActor } from './kernel/ctx';
import { makeCtx } from './kernel/make-ctx';
import { alertCoverageOnce } from './calendar/coverage-alerts';
import { loadWorkCalendar } from './calendar/hall-calendar';
import type { Config } from './config';
import type { Tables } from './kernel/tables';
import { TABLES } from './tables';
import type { Db } from './db';
import { openInstance } from './instance';
import type { Deps } from './kernel/deps';
import { WecomClient } from './wecom/client';

/**
 * Open the configured database and apply pending migrations (start-up and every CLI command), refusing a mode
 * the database is not marked for (D35); the returned configuration carries the database's keys.
 */
export const openDb = openInstance;

/** The services domain code gets (the same for the server and the CLI); `apiBase` is where WeCom is reached. */
export async function makeDeps(input: {
  db: Db;
  config: Config;
  log: Logger;
  apiBase: string;
  publicBaseUrl: string;
  /** Defaults to the bot's own tables; tests may hand in a variant (an extra approval kind, one job). */
  tables?: Tables;
  /** How the WeCom client makes its HTTP calls; default the global fetch (the simulation hands in a leaner one, D237). */
  fetchImpl?: typeof fetch;
}): Promise<Deps & { wecom: WecomClient }> {
  const { db, config, log } = input;
  const wecom = new WecomClient({
    apiBase: input.apiBase,
    corpId: config.wecom.corpId,
    secret: config.wecom.secret,
    agentId: config.wecom.agentId,
    log,
    fetchImpl: input.fetchImpl,
  });
  const deps: Deps & { wecom: WecomClient } = {
    db,
    tables: input.tables ?? TABLES,
    config,
    log,
    calendar: await loadWorkCalendar(db.manager),
    publicBaseUrl: input.publicBaseUrl,
    media: { fetch: (mediaId) => wecom.getMedia(mediaId) },
    wecom,
    coverageAlert: async (m, now, date, context) => {
      await alertCoverageOnce(makeCtx(deps, m, now, systemActor('system'), 'coverage'), date, context);
    },
  };
  return deps;
}
