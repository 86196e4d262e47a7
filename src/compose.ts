import type { Logger } from 'pino';
import { createDataSource } from '../ormconfig';
import { systemActor } from './kernel/ctx';
import { makeCtx } from './kernel/make-ctx';
import { alertCoverageOnce } from './calendar/coverage-alerts';
import { loadWorkCalendar } from './calendar/hall-calendar';
import type { Config } from './config';
import { Db } from './db';
import type { Deps } from './kernel/deps';
import { WecomClient } from './wecom/client';
import { claimSignatureHook } from './domain/lost-found/claim';

/** Open the configured database and apply pending migrations (start-up and every CLI command). */
export async function openDb(config: Config, log?: Logger): Promise<Db> {
  const ds = createDataSource(config.databaseUrl);
  await ds.initialize();
  const applied = await ds.runMigrations({ transaction: 'each' });
  if (applied.length) log?.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
  return new Db(ds);
}

/** The services domain code gets (the same for the server and the CLI); `apiBase` is where WeCom is reached. */
export async function makeDeps(input: {
  db: Db;
  config: Config;
  log: Logger;
  apiBase: string;
  publicBaseUrl: string;
}): Promise<Deps & { wecom: WecomClient }> {
  const { db, config, log } = input;
  const wecom = new WecomClient({
    apiBase: input.apiBase,
    corpId: config.wecom.corpId,
    secret: config.wecom.secret,
    agentId: config.wecom.agentId,
    log,
  });
  const deps: Deps & { wecom: WecomClient } = {
    db,
    config,
    log,
    calendar: await loadWorkCalendar(db.manager),
    publicBaseUrl: input.publicBaseUrl,
    media: { fetch: (mediaId) => wecom.getMedia(mediaId) },
    // After-attach hooks (src/kernel/attachments.ts), one row per domain that waits for a file.
    attachmentHooks: [
      claimSignatureHook, // LST-08: the claimant's signature photo releases a lost item
    ],
    wecom,
    coverageAlert: async (m, now, date, context) => {
      await alertCoverageOnce(makeCtx(deps, m, now, systemActor('system'), 'coverage'), date, context);
    },
  };
  return deps;
}
