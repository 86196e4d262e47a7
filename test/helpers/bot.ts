import pino from 'pino';
import { expect } from 'vitest';
import { GroupChat } from '../../entities/group-chat';
import { createBot, type Bot } from '../../src/app';
import type { Tables } from '../../src/kernel/tables';
import { loadConfig } from '../../src/config';
import { loadDemoDirectory } from '../../src/directory/demo';
import type { FeedItem, RunningFakeWecom } from '../../src/fake-wecom';
import { FixedClock } from '../../src/kernel/time';
import type { RunOutcome } from '../../src/scheduler';
import type { InboundSpec } from '../../src/wecom/inbound';
import { freshDatabaseUrl } from './db';
import { TEST_CRYPTO, fakeWecom, signedCallback } from './fake-wecom';

/**
 * The whole bot on a real database and a fake WeCom on loopback (the house style "A test"): people speak through
 * signed, encrypted callbacks; time is a FixedClock the test moves; workers are drained by hand so every
 * assertion sees a settled state.
 */
/** The environment of a bot in real mode against a fake WeCom (vector A's keys, WeCom doc 91144). */
export function testEnv(databaseUrl: string, apiBase: string): Record<string, string> {
  return {
    PORT: '0',
    DATABASE_URL: databaseUrl,
    WECOM_CORP_ID: TEST_CRYPTO.corpId,
    WECOM_AGENT_ID: '1000002',
    WECOM_SECRET: 'test-secret',
    WECOM_TOKEN: TEST_CRYPTO.token,
    WECOM_ENCODING_AES_KEY: TEST_CRYPTO.aesKey,
    WECOM_API_BASE: apiBase,
    ATTACHMENT_DIR: `${process.env.TMPDIR ?? '/tmp'}/hall-attachments-${process.pid}`,
    LOG_LEVEL: 'silent',
  };
}

export interface TestBot {
  bot: Bot;
  fake: RunningFakeWecom;
  clock: FixedClock;
  /** Callback status of the last say/click. */
  lastStatus: number;
  say(userid: string, text: string): Promise<number>;
  /** Click a button (by its key) on the newest card delivered to `userid` that has it. */
  click(userid: string, eventKey: string, opts?: { taskId?: string }): Promise<number>;
  /** POST an arbitrary inbound message (images, events…), then settle. */
  post(spec: Omit<InboundSpec, 'corpId'>): Promise<number>;
  /** POST without processing (the callback only stores and acknowledges). */
  deliver(spec: Omit<InboundSpec, 'corpId'>): Promise<number>;
  settle(): Promise<void>;
  runJob(name: string, at?: string, opts?: { force?: boolean }): Promise<RunOutcome>;
  setNow(iso: string): void;
  dms(userid: string): FeedItem[];
  textsTo(userid: string): string[];
  lastTextTo(userid: string): string;
  cardsTo(userid: string): FeedItem[];
  groupTexts(key: string): Promise<string[]>;
  close(): Promise<void>;
}

export async function startTestBot(
  opts: { now: string; directory?: 'demo' | 'none'; tables?: Tables } = { now: '2026-03-02T10:00:00+08:00' },
): Promise<TestBot> {
  const clock = new FixedClock(new Date(opts.now));
  const fake = await fakeWecom({ secret: 'test-secret', agentId: 1000002, now: () => clock.now().getTime() });
  const config = loadConfig(testEnv(await freshDatabaseUrl(), fake.url));
  const bot = await createBot({
    config,
    clock,
    log: pino({ level: process.env.TEST_LOG ?? 'silent' }),
    autoStart: false,
    tables: opts.tables,
  });
  if ((opts.directory ?? 'demo') === 'demo') await loadDemoDirectory(bot.deps.db, clock.now(), fake.url);
  await bot.deps.calendar.refresh(bot.deps.db.manager);

  const t: TestBot = {
    bot,
    fake,
    clock,
    lastStatus: 0,
    async post(spec) {
      const status = await t.deliver(spec);
      await t.settle();
      return status;
    },
    async deliver(spec) {
      const full = {
        ...spec,
        corpId: TEST_CRYPTO.corpId,
        createTime: spec.createTime ?? Math.floor(clock.now().getTime() / 1000),
      } as InboundSpec;
      const { url, body } = signedCallback(TEST_CRYPTO, full);
      const res = await fetch(`${bot.url}${url}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body });
      t.lastStatus = res.status;
      await res.text();
      return res.status;
    },
    say: (userid, text) => t.post({ type: 'text', from: userid, content: text } as never),
    async click(userid, eventKey, o = {}) {
      const card = o.taskId
        ? fake.state.feedLog.find((i) => i.taskId === o.taskId)
        : [...t.cardsTo(userid)]
            .reverse()
            .find((i) =>
              ((i.card?.button_list as { key: string }[] | undefined) ?? []).some((b) => b.key === eventKey),
            );
      expect(card, `no card with button ${eventKey} for ${userid}`).toBeDefined();
      const responseCode = fake.state.mintResponseCode(card!.taskId!);
      return t.post({
        type: 'card',
        from: userid,
        eventKey,
        taskId: card!.taskId!,
        responseCode,
        cardType: 'button_interaction',
      } as never);
    },
    async settle() {
      for (let i = 0; i < 50; i++) {
        const a = await bot.dispatcher.drain();
        const b = await bot.sender.drain();
        if (a === 0 && b === 0) return;
      }
    },
    async runJob(name, at, o = {}) {
      if (at) clock.set(at);
      const job = bot.scheduler.job(name);
      if (!job) throw new Error(`no job ${name}`);
      const outcome = await bot.scheduler.runJob(job, clock.now(), o);
      await t.settle();
      return outcome;
    },
    setNow: (iso) => clock.set(iso),
    dms: (userid) =>
      fake.state.feedLog.all().filter((i) => i.channel === 'dm' && (i.to as string[]).includes(userid.toLowerCase())),
    textsTo: (userid) =>
      t
        .dms(userid)
        .filter((i) => i.text !== undefined || i.markdown !== undefined)
        .map((i) => (i.text ?? i.markdown)!),
    lastTextTo: (userid) => t.textsTo(userid).at(-1) ?? '',
    cardsTo: (userid) => t.dms(userid).filter((i) => i.msgtype === 'template_card'),
    async groupTexts(key) {
      const g = await bot.deps.db.manager.findOne(GroupChat, { where: { key } });
      if (!g) return [];
      const robotKey = g.webhook ? /key=([^&]+)/.exec(g.webhook)?.[1] : undefined;
      return fake.state.feedLog
        .all()
        .filter(
          (i) =>
            (i.channel === 'chat' && i.to === g.chatid) ||
            (i.channel === 'robot' && i.to === robotKey) ||
            (i.channel === 'dm' &&
              !g.chatid &&
              !g.webhook &&
              (g.members ?? []).some((u) => (i.to as string[]).includes(u))),
        )
        .map((i) => i.text ?? i.markdown ?? '');
    },
    async close() {
      await bot.close();
      await fake.close();
    },
  };
  return t;
}

/** The DMs each of `users` got while `action` ran, as `userid:text` lines (who was told what, in one list). */
export async function textsDuring(
  t: TestBot,
  users: readonly string[],
  action: () => Promise<unknown>,
): Promise<string[]> {
  const before = new Map(users.map((u) => [u, t.textsTo(u).length]));
  await action();
  return users.flatMap((u) =>
    t
      .textsTo(u)
      .slice(before.get(u))
      .map((x) => `${u}:${x}`),
  );
}
