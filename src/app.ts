import { createServer, type Server } from 'node:http';
import Koa from 'koa';
import Router from '@koa/router';
import pino, { type Logger } from 'pino';
import { Person } from '../entities/person';
import { PersonRole } from '../entities/person-role';
import { systemActor } from './kernel/ctx';
import { Dispatcher } from './chat/dispatcher';
import { makeCtx } from './kernel/make-ctx';
import type { Config } from './config';
import { checkNextYearCoverage } from './calendar/coverage-alerts';
import { makeDeps, openDb } from './compose';
import { type Db, insertRows } from './db';
import type { Deps } from './kernel/deps';
import { healthz, metrics } from './http/health';
import { mountH5 } from './http/h5/forms-route';
import { InboxWriter } from './http/inbox-writer';
import { requestIds } from './http/request-id';
import { mountSandbox } from './http/sandbox/mount';
import { callbackGet, callbackPost } from './http/wecom-callback';
import { OutboxSender } from './outbox/sender';
import { Scheduler } from './scheduler';
import { systemClock, type Clock } from './kernel/time';
import { WecomClient } from './wecom/client';
import { writeAudit } from './kernel/audit';

export interface BotOptions {
  config: Config;
  clock?: Clock;
  log?: Logger;
  /** Start the dispatcher, outbox sender and scheduler (with catch-up). Tests drive them by hand instead. */
  autoStart?: boolean;
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
  close(): Promise<void>;
}

/** Composition root (architecture "Layout": loadConfig → DataSource → services → http → scheduler → workers). */
export async function createBot(opts: BotOptions): Promise<Bot> {
  const { config } = opts;
  const clock = opts.clock ?? systemClock;
  const log = opts.log ?? pino({ level: config.logLevel });
  const db = await openDb(config, log);
  await bootstrapAdmins(db, config.bootstrapAdmins, clock.now());

  const app = new Koa({ proxy: true });
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

  const deps = await makeDeps({ db, config, log, apiBase, publicBaseUrl });
  const { wecom } = deps;
  const sender = new OutboxSender(db, clock, wecom, config.wecom.agentId, log);
  const dispatcher = new Dispatcher(deps, clock, () => sender.wake());
  const scheduler = new Scheduler(deps, clock);

  const cryptoCfg = { token: config.wecom.token, aesKey: config.wecom.aesKey, corpId: config.wecom.corpId };
  const cb = { inbox: new InboxWriter(db), clock, log, crypto: cryptoCfg, onStored: () => dispatcher.wake() };
  app.use(requestIds(log));
  router.get('/wecom/callback', callbackGet(cb));
  router.post('/wecom/callback', callbackPost(cb));
  router.get('/healthz', healthz(db, config.mode, clock));
  router.get('/metrics', metrics());
  mountH5(router, { deps, clock, userIdFromCode: async (code) => (await wecom.getUserInfo(code)).userid });
  const sandbox =
    config.mode === 'sandbox' ? await mountSandbox({ app, router, deps, clock, local, crypto: cryptoCfg }) : undefined;
  app.use(router.routes()).use(router.allowedMethods());
  server.on('request', app.callback());

  if (opts.autoStart) {
    // DIR-13 / D13: on start, tell G-OFFICE if this year (or, in December, next year) is not confirmed.
    await db.tx((m) => checkNextYearCoverage(makeCtx(deps, m, clock.now(), systemActor('system'), 'startup:coverage')));
    const caught = await scheduler.catchUp();
    if (caught.length) log.info({ jobs: caught }, 'catch-up runs');
    await scheduler.start();
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
    async close() {
      if (closed) return;
      closed = true;
      // Graceful: stop accepting, finish the current event and send, then close the database.
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
      await scheduler.stop();
      await dispatcher.stop();
      await sender.stop();
      await db.close();
    },
  };
}

/** BOOTSTRAP_ADMINS get the admin role on start (architecture "Contracts"); audited. */
async function bootstrapAdmins(db: Db, userids: string[], now: Date): Promise<void> {
  for (const raw of userids) {
    const userid = raw.toLowerCase();
    await db.tx(async (m) => {
      if (!(await m.findOne(Person, { where: { userid } }))) {
        await insertRows(m, Person, { userid, name: userid, status: '在岗', inactive: false });
      }
      if ((await insertRows(m, PersonRole, { userid, role: 'admin' }, { orIgnore: true })) === 1) {
        await writeAudit(m, now, 'system', 'role.grant', 'person', userid, {
          role: 'admin',
          source: 'BOOTSTRAP_ADMINS',
        });
      }
    });
  }
}
