import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createBot } from '../app';
import { loadConfig } from '../config';
import { importDirectory } from '../directory/import';
import { startFakeWecom } from '../fake-wecom';
import { addDays, addMonths, FixedClock, instantAt, monthBounds, OffsetClock, type LocalDate } from '../kernel/time';
import { SandboxClock } from '../sandbox-clock';
import { activities } from './activity/index';
import type { Action, SimContext } from './activity/types';
import { SimDriver } from './driver';
import { hallDirectory, hallModel, type Scale } from './hall';
import { INVARIANTS } from './invariants/index';
import type { Invariant, SimFacts } from './invariants/types';
import { Rng } from './prng';
import { collectReport, type SimReport } from './report';

// `npm run cli -- simulate` (D69): a month of a synthetic hall through the whole bot — directory
// import, encrypted callbacks, card clicks, the dispatcher, the outbox, the fake WeCom — with every job fired at
// its time by the sandbox clock (D36), then the invariants checked.

export interface SimOptions {
  month: string;
  /** Consecutive months from `month` (default 1); the invariants and report cover the last one. */
  months?: number;
  scale: Scale;
  seed: number;
  /** Default: a fresh SQLite file in a temporary directory. */
  databaseUrl?: string;
  /** Replaces the invariants (tests plant violations against one). */
  invariants?: Invariant[];
  /** Called after the month, before the invariants (tests plant violations here). */
  beforeChecks?: (facts: SimFacts) => Promise<void>;
}

// The Tencent sample credentials (WeCom doc 91144 vector A): public, used only between the bot and its fake.
const SIM_CRYPTO = {
  token: 'hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo',
  aesKey: '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt',
  corpId: 'ww1436e0e65a779aee',
};
const AGENT_ID = 1000002;
const SECRET = 'simulation-secret';

export async function runSimulation(opts: SimOptions): Promise<SimReport> {
  const started = performance.now();
  let peakRss = process.memoryUsage().rss;
  const { first } = monthBounds(`${opts.month}-01`);
  const base = new FixedClock(instantAt(first, '00:00'));
  const clock = new OffsetClock(base);
  const fake = await startFakeWecom({
    corpId: SIM_CRYPTO.corpId,
    secret: SECRET,
    agentId: AGENT_ID,
    now: () => clock.now().getTime(),
  });
  const databaseUrl = opts.databaseUrl ?? `sqlite:${join(mkdtempSync(join(tmpdir(), 'hall-sim-')), 'sim.sqlite')}`;
  const config = loadConfig({
    PORT: '0',
    DATABASE_URL: databaseUrl,
    WECOM_CORP_ID: SIM_CRYPTO.corpId,
    WECOM_AGENT_ID: String(AGENT_ID),
    WECOM_SECRET: SECRET,
    WECOM_TOKEN: SIM_CRYPTO.token,
    WECOM_ENCODING_AES_KEY: SIM_CRYPTO.aesKey,
    WECOM_API_BASE: fake.url,
    ATTACHMENT_DIR: join(tmpdir(), `hall-sim-attachments-${process.pid}`),
    LOG_LEVEL: 'silent',
  });
  const bot = await createBot({ config, clock, log: pino({ level: 'silent' }), autoStart: false });
  try {
    const rng = new Rng(opts.seed);
    const dir = await hallDirectory(opts.scale, rng, fake.url);
    const imported = await importDirectory(bot.deps.db, clock.now(), 'simulation', dir);
    if (!imported.ok) throw new Error(`simulated directory refused:\n${imported.errors.join('\n')}`);
    await bot.deps.calendar.refresh(bot.deps.db.manager);
    const calendar = bot.deps.calendar;
    const settle = async () => {
      for (let i = 0; i < 50; i++) {
        if ((await bot.dispatcher.drain()) === 0 && (await bot.sender.drain()) === 0) return;
      }
    };
    const sandboxClock = new SandboxClock(bot.deps, clock, bot.scheduler, settle);
    const driver = new SimDriver(bot, fake, sandboxClock, SIM_CRYPTO, AGENT_ID);
    const tallies = new Map<string, number>();
    const ctx: SimContext = {
      driver,
      hall: hallModel(dir),
      rng,
      calendar,
      scale: opts.scale,
      workdays: [],
      tally: (key, n = 1) => tallies.set(key, (tallies.get(key) ?? 0) + n),
    };
    const domainActivities = activities();
    let month = opts.month;
    let days: LocalDate[] = [];
    for (let i = 0; i < (opts.months ?? 1); i++, month = addMonths(`${month}-01`, 1).slice(0, 7)) {
      const { first: from, last } = monthBounds(`${month}-01`);
      days = [];
      for (let d = from; d <= last; d = addDays(d, 1)) days.push(d);
      ctx.workdays = days.filter((d) => calendar.isWorkday(d));
      for (const day of days) {
        const actions: Action[] = domainActivities.flatMap((a) => a.day(ctx, day));
        // Stable by time: activities keep their list order within a minute.
        actions.sort((a, b) => a.at.localeCompare(b.at));
        for (const action of actions) {
          await driver.moveTo(instantAt(day, action.at));
          await action.run();
        }
        await driver.moveTo(instantAt(addDays(day, 1), '00:00'));
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
      }
    }
    month = days[0].slice(0, 7);
    const facts: SimFacts = {
      m: bot.deps.db.manager,
      calendar,
      month,
      days,
      workdays: ctx.workdays,
      fake: fake.state,
      jobs: bot.scheduler.jobs,
      approvalKinds: bot.deps.tables.approvalKinds,
      end: clock.now(),
      deps: bot.deps,
    };
    await opts.beforeChecks?.(facts);
    const results = [];
    for (const inv of opts.invariants ?? INVARIANTS) results.push({ invariant: inv, ...(await inv.check(facts)) });
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    return await collectReport({
      opts,
      facts,
      driver,
      tallies,
      results,
      wallMs: performance.now() - started,
      peakRss,
    });
  } finally {
    await bot.close();
    await fake.close();
  }
}
