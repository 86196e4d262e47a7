import { createServer, type Server } from 'node:http';
import Koa from 'koa';
import Router from '@koa/router';
import type { Logger } from 'pino';
import { makeLogger } from './logging';
import { systemActor } from './kernel/ctx';
import { Dispatcher } from './chat/dispatcher';
import { makeCtx } from './kernel/make-ctx';
import type { Config } from './config';
import { checkNextYearCoverage } from './calendar/coverage-alerts';
import { makeDeps, openDb } from './compose';
import { bootstrapAdmins } from './bootstrap-admins';
import type { Deps } from './kernel/deps';
import type { Tables } from './kernel/tables';
import { healthz, metrics } from './http/health';
import { mountH5 } from './http/h5/forms-route';
import { InboxWriter } from './http/inbox-writer';
import { requestIds } from './http/request-id';
import { mountSandbox } from './http/sandbox/mount';
import { cachedSetting, callbackRoute } from './http/wecom-callback';
import { getSetting } from './settings/settings';
import { OutboxSender } from './outbox/sender';
import { Scheduler } from './scheduler';
import { OffsetClock, systemClock, type Clock } from './kernel/time';
import { SandboxClock } from './sandbox-clock';
import { mountSandboxClock } from './http/sandbox/clock-route';
import { WecomClient } from './wecom/client';

export interface BotOptions {
  config: Config;
  clock?: Clock;
  log?: Logger;
  /** Start the dispatcher, outbox sender and scheduler (with catch-up). Tests drive them by hand instead. */
  autoStart?: boolean;
  /** The bot's tables (src/tables.ts); tests may pass a variant. */
  tables?: Tables;
  /** The WeCom client's HTTP calls (default the global fetch; the simulation's, D237). */
  fetchImpl?: typeof fetch;
}

export interface Bot {
  deps: Deps;
  clock: Clock;
  server: Server;
  /** http://127.0.0.1:<port> */
  url: string;
  dispatcher: Dispatcher;
  sender: OutboxSender;
  scheduler: Scheduler;
  wecom: WecomClient;
  /** Sandbox mode only: the in-process fake WeCom's state. */
  sandbox?: Awaited<ReturnType<typeof mountSandbox>>;
  /** Sandbox mode only: the movable clock (D36). */
  sandboxClock?: SandboxClock;
  close(): Promise<void>;
}

/** Composition root (architecture "Layout": loadConfig → DataSource → services → http → scheduler → workers). */
export async function createBot(opts: BotOptions): Promise<Bot> {
  const log = opts.log ?? makeLogger(opts.config.logLevel);
  const { db, config } = await openDb(opts.config, log);
  // D36: in sandbox mode the bot reads a movable clock (the given clock plus a stored, forward-only offset).
  const offsetClock = config.mode === 'sandbox' ? new OffsetClock(opts.clock ?? systemClock) : undefined;
  const clock: Clock = offsetClock ?? opts.clock ?? systemClock;
  await bootstrapAdmins(db, config.bootstrapAdmins, clock.now());

  const app = new Koa({ proxy: config.trustProxy }); // X-Forwarded-* only from a proxy you name (TRUST_PROXY=1)
  const router = new Router();
  // Listen first to learn the port (PORT=0 in tests; the sandbox fake is reached through it); Koa composes its
  // middleware when the request handler is made, so the handler is attached once every route is registered.
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  const local = `http://127.0.0.1:${port}`;
  const apiBase = config.apiBase ?? `${local}/_fake-wecom`;
  const publicBaseUrl = config.publicBaseUrl ?? `http://localhost:${port}`;

  const deps = await makeDeps({
    db,
    config,
    log,
    apiBase,
    publicBaseUrl,
    tables: opts.tables,
    fetchImpl: opts.fetchImpl,
  });
  const { wecom } = deps;
  const sender = new OutboxSender(db, clock, wecom, config.wecom.agentId, log);
  const dispatcher = new Dispatcher(deps, clock, () => sender.wake());
  const scheduler = new Scheduler(deps, clock);

  const cryptoCfg = { token: config.wecom.token, aesKey: config.wecom.aesKey, corpId: config.wecom.corpId };
  const cb = {
    inbox: new InboxWriter(db),
    clock,
    log,
    crypto: cryptoCfg,
    onStored: () => dispatcher.wake(),
    maxSkewSeconds: cachedSetting(() => getSetting(db.manager, 'callback.maxSkewSeconds')),
  };
  app.use(requestIds(log));
  app.use(callbackRoute(cb));
  router.get('/healthz', healthz(db, config.mode, clock, log));
  router.get('/metrics', metrics(config.metricsToken));
  mountH5(router, { deps, clock, userIdFromCode: async (code) => (await wecom.getUserInfo(code)).userid });
  const sandbox =
    config.mode === 'sandbox' ? await mountSandbox({ app, router, deps, clock, local, crypto: cryptoCfg }) : undefined;
  const sandboxClock = offsetClock && new SandboxClock(deps, offsetClock, scheduler, () => settle(dispatcher, sender));
  if (sandboxClock) {
    await sandboxClock.load();
    mountSandboxClock(router, { config, clock: sandboxClock });
  }
  app.use(router.routes()).use(router.allowedMethods());
  const handle = app.callback();
  server.on('request', (req, res) => void handle(req, res));

  if (opts.autoStart) {
    // DIR-13 / D13: on start, tell G-OFFICE if this year (or, in December, next year) is not confirmed.
    await db.tx((m) => checkNextYearCoverage(makeCtx(deps, m, clock.now(), systemActor('system'), 'startup:coverage')));
    const caught = await scheduler.catchUp();
    if (caught.length) log.info({ jobs: caught }, 'catch-up runs');
    // The sandbox clock fires jobs on its own (moved) time; node-cron would fire them on wall minutes.
    if (sandboxClock) sandboxClock.start();
    else await scheduler.start();
    dispatcher.start();
    sender.start();
  }
  log.info({ url: local, mode: config.mode }, 'bot listening');

  let closed = false;
  return {
    deps,
    clock,
    server,
    url: local,
    dispatcher,
    sender,
    scheduler,
    wecom,
    sandbox,
    sandboxClock,
    async close() {
      if (closed) return;
      closed = true;
      // Graceful: stop accepting, finish the current event and send, then close the database.
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
      await sandboxClock?.stop();
      await scheduler.stop();
      await dispatcher.stop();
      await sender.stop();
      await db.close();
    },
  };
}

/** Run the dispatcher and outbox until neither has anything ready (after a sandbox clock fire). */
async function settle(dispatcher: Dispatcher, sender: OutboxSender): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const a = await dispatcher.drain();
    const b = await sender.drain();
    if (a === 0 && b === 0) return;
  }
}
