import { readFileSync } from 'node:fs';
import type Koa from 'koa';
import type Router from '@koa/router';
import getRawBody from 'raw-body';
import { z } from 'zod';
import { GroupChat } from '../../../entities/group-chat';
import { Person } from '../../../entities/person';
import { PersonRole, ROLE_NAMES } from '../../../entities/person-role';
import type { Deps } from '../../kernel/deps';
import { loadDemoDirectory } from '../../directory/demo';
import { createFakeWecom, imageBytes, type FeedItem } from '../../fake-wecom';
import type { Clock } from '../../kernel/time';
import type { CryptoCfg } from '../../wecom/crypto';
import { sealEnvelope } from '../../wecom/crypto';
import { buildInboundXml, type InboundSpec } from '../../wecom/inbound';

// Sandbox mode (D25, D27): a fake WeCom mounted on the app, the demo directory, and a
// chat page. Everything typed or clicked there is encrypted and signed with the sandbox keys and POSTed to
// /wecom/callback — the same path WeCom uses — so the page exercises the whole bot.

export const FAKE_PREFIX = '/_fake-wecom';
const PAGE = readFileSync(new URL('./page.html', import.meta.url), 'utf8');

const sendSchema = z.object({ userid: z.string().min(1).max(64), text: z.string().min(1).max(2000) });
const clickSchema = z.object({
  userid: z.string().min(1).max(64),
  eventKey: z.string().min(1).max(1024),
  taskId: z.string().min(1).max(128),
});

interface MountInput {
  app: Koa;
  router: Router;
  deps: Deps;
  clock: Clock;
  local: string;
  crypto: CryptoCfg;
}

const robotKeyOf = (webhook: string): string => /key=([^&]+)/.exec(webhook)?.[1] ?? '';

async function jsonBody(ctx: Koa.Context): Promise<unknown> {
  const raw = await getRawBody(ctx.req, { limit: 64 * 1024, encoding: 'utf8' });
  return JSON.parse(raw || '{}');
}

export async function mountSandbox(input: MountInput) {
  const { app, router, deps, clock, local, crypto } = input;
  const fake = createFakeWecom({
    corpId: crypto.corpId,
    secret: deps.config.wecom.secret, // random per sandbox database (D35)
    agentId: deps.config.wecom.agentId,
    prefix: FAKE_PREFIX,
  });
  app.use(fake.middleware);
  const loaded = await loadDemoDirectory(deps.db, clock.now(), `${local}${FAKE_PREFIX}`);
  if (loaded) deps.log.info('sandbox: demo directory loaded');

  /** Deliver an inbound message exactly as WeCom would: sealed, signed, POSTed to the callback. */
  async function post(spec: InboundSpec): Promise<number> {
    const { body, query } = sealEnvelope(crypto, buildInboundXml(spec), { agentId: deps.config.wecom.agentId });
    const res = await fetch(`${local}/wecom/callback?${new URLSearchParams({ ...query }).toString()}`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml' },
      body,
    });
    return res.status;
  }

  router.get('/sandbox', (ctx) => {
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = PAGE;
  });

  router.get('/sandbox/api/people', async (ctx) => {
    const people = await deps.db.manager.find(Person, { where: { inactive: false }, order: { userid: 'ASC' } });
    const roles = await deps.db.manager.find(PersonRole);
    const groups = await deps.db.manager.find(GroupChat, { order: { key: 'ASC' } });
    ctx.body = {
      people: people.map((p) => ({
        userid: p.userid,
        name: p.name,
        department: p.departmentCode,
        window: p.windowNumber,
        roles: roles.filter((r) => r.userid === p.userid).map((r) => ROLE_NAMES[r.role]),
      })),
      groups: groups.map((g) => ({
        key: g.key,
        name: g.name,
        chatid: g.chatid,
        // D35: no endpoint returns a webhook key; the page matches robot messages by this alias instead.
        robot: g.webhook ? `robot:${g.key}` : null,
        members: g.members ?? [],
      })),
    };
  });

  router.post('/sandbox/api/send', async (ctx) => {
    const parsed = sendSchema.safeParse(await jsonBody(ctx).catch(() => undefined));
    if (!parsed.success) {
      ctx.status = 400;
      ctx.body = { ok: false, error: parsed.error.issues[0].message };
      return;
    }
    const status = await post({
      type: 'text',
      corpId: crypto.corpId,
      from: parsed.data.userid,
      content: parsed.data.text,
      createTime: Math.floor(clock.now().getTime() / 1000),
    });
    ctx.body = { ok: status === 200, status };
  });

  // D6 in the sandbox: a photo from that person (the fake serves a placeholder image for the media id), so
  // commands that wait for a file (e.g. 失物 认领's signature, LST-08) can be finished from the page.
  let photos = 0;
  router.post('/sandbox/api/photo', async (ctx) => {
    const parsed = sendSchema.pick({ userid: true }).safeParse(await jsonBody(ctx).catch(() => undefined));
    if (!parsed.success) {
      ctx.status = 400;
      ctx.body = { ok: false, error: parsed.error.issues[0].message };
      return;
    }
    const status = await post({
      type: 'image',
      corpId: crypto.corpId,
      from: parsed.data.userid,
      mediaId: `sandbox-photo-${clock.now().getTime()}-${++photos}`,
      createTime: Math.floor(clock.now().getTime() / 1000),
    });
    ctx.body = { ok: status === 200, status };
  });

  router.post('/sandbox/api/click', async (ctx) => {
    const parsed = clickSchema.safeParse(await jsonBody(ctx).catch(() => undefined));
    if (!parsed.success) {
      ctx.status = 400;
      ctx.body = { ok: false, error: parsed.error.issues[0].message };
      return;
    }
    const { userid, eventKey, taskId } = parsed.data;
    const responseCode = fake.state.mintResponseCode(taskId);
    if (!responseCode) {
      ctx.status = 404;
      ctx.body = { ok: false, error: 'no card with that task id' };
      return;
    }
    const status = await post({
      type: 'card',
      corpId: crypto.corpId,
      from: userid,
      eventKey,
      taskId,
      responseCode,
      cardType: 'button_interaction',
      createTime: Math.floor(clock.now().getTime() / 1000),
    });
    ctx.body = { ok: status === 200, status };
  });

  // D190: the page shows an image message as the picture itself — the robot's inline base64 or the uploaded media.
  router.get('/sandbox/api/image/:id', (ctx) => {
    const item = fake.state.feedLog.byId(Number(ctx.params.id));
    const body = item?.msgtype === 'image' ? (item.body.image as Record<string, unknown>) : undefined;
    const data = imageBytes(body, fake.state);
    if (!data) {
      ctx.status = 404;
      return;
    }
    ctx.type = data.subarray(0, 4).toString('latin1') === '\x89PNG' ? 'image/png' : 'image/jpeg';
    ctx.body = data;
  });

  router.get('/sandbox/api/messages', async (ctx) => {
    const after = Number(ctx.query.after ?? 0) || 0;
    const groups = await deps.db.manager.find(GroupChat);
    const alias = new Map(groups.filter((g) => g.webhook).map((g) => [robotKeyOf(g.webhook!), `robot:${g.key}`]));
    const items: FeedItem[] = fake.state.feedLog
      .since(after)
      .map((i) => (i.channel === 'robot' ? { ...i, to: alias.get(String(i.to)) ?? 'robot:?' } : i));
    ctx.body = { items, seq: Math.max(after, ...items.map((i) => i.seq)) };
  });

  return { state: fake.state, post };
}
