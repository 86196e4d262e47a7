import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeWecom, fakeWecom, type RunningFakeWecom } from '../helpers/fake-wecom';
import { WecomApiError, WecomClient } from '../../src/wecom/client';

// The fake WeCom's own contract (WeCom doc 90238, D25, D27): what tests and the sandbox rely on it to record.

let fake: RunningFakeWecom | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function post(path: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${fake!.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

async function token(): Promise<string> {
  const res = await fetch(
    `${fake!.url}/cgi-bin/gettoken?corpid=${fake!.state.corpId}&corpsecret=${fake!.state.secret}`,
  );
  return ((await res.json()) as { access_token: string }).access_token;
}

const dm = (touser: string, content: string, extra: Record<string, unknown> = {}) => ({
  touser,
  msgtype: 'text',
  agentid: 1000002,
  text: { content },
  ...extra,
});

describe('fake WeCom', () => {
  it('answers 41001 when access_token is missing from the URL, even if it is in the body', async () => {
    fake = await fakeWecom();
    const t = await token();
    expect((await post('/cgi-bin/message/send', { ...dm('u1', 'x'), access_token: t })).errcode).toBe(41001);
    expect((await post(`/cgi-bin/message/send?access_token=${t}`, dm('u1', 'x'))).errcode).toBe(0);
  });

  it('gettoken checks corp id (40013) and secret (40001) and returns the same token while it is valid', async () => {
    fake = await fakeWecom();
    const get = async (q: string) =>
      (await (await fetch(`${fake!.url}/cgi-bin/gettoken?${q}`)).json()) as Record<string, unknown>;
    expect((await get(`corpid=wrong&corpsecret=${fake.state.secret}`)).errcode).toBe(40013);
    expect((await get(`corpid=${fake.state.corpId}&corpsecret=wrong`)).errcode).toBe(40001);
    const first = await get(`corpid=${fake.state.corpId}&corpsecret=${fake.state.secret}`);
    expect(first).toMatchObject({ errcode: 0, access_token: 'tok-1', expires_in: 7200 });
    expect((await get(`corpid=${fake.state.corpId}&corpsecret=${fake.state.secret}`)).access_token).toBe('tok-1');
  });

  it('marks the 31st message to one person within a minute as dropped, and not the first 30 (§4)', async () => {
    let now = Date.parse('2024-05-06T09:00:00+08:00');
    fake = await fakeWecom({ now: () => now });
    const t = await token();
    for (let i = 1; i <= 31; i++)
      await post(
        `/cgi-bin/message/send?access_token=${t}`,
        dm('zhangsan|lisi', `m${i}`, { touser: i === 31 ? 'zhangsan' : 'zhangsan|lisi' }),
      );
    const msgs = fake.state.messagesTo('zhangsan');
    expect(msgs.filter((m) => m.dropped).map((m) => m.text)).toEqual(['m31']);
    expect(msgs[30].droppedFor).toEqual(['zhangsan']);
    now += 61_000;
    await post(`/cgi-bin/message/send?access_token=${t}`, dm('zhangsan', 'later'));
    expect(fake.state.messagesTo('zhangsan').at(-1)!.dropped).toBe(false);
  });

  it('enable_duplicate_check: the identical request again is acknowledged with the same msgid and not delivered twice (D8)', async () => {
    fake = await fakeWecom();
    const t = await token();
    const body = dm('lisi', '同一条', { enable_duplicate_check: 1, duplicate_check_interval: 1800 });
    const a = await post(`/cgi-bin/message/send?access_token=${t}`, body);
    const b = await post(`/cgi-bin/message/send?access_token=${t}`, body);
    expect(b.msgid).toBe(a.msgid);
    expect(fake.state.messagesTo('lisi')).toHaveLength(1);
  });

  it('feed(afterSeq) returns new messages and ones changed since (card update, recall)', async () => {
    fake = await fakeWecom();
    const t = await token();
    const card = {
      card_type: 'button_interaction',
      task_id: 'T1',
      main_title: { title: '审批' },
      button_list: [{ type: 0, text: '同意', key: 'approve:1' }],
    };
    const sent = await post(`/cgi-bin/message/send?access_token=${t}`, {
      touser: 'lisi',
      msgtype: 'template_card',
      agentid: 1000002,
      template_card: card,
    });
    const text = await post(`/cgi-bin/message/send?access_token=${t}`, dm('lisi', 'hi'));
    const seen = Math.max(...fake.state.feed().map((i) => i.seq));
    expect(fake.state.feed(seen)).toEqual([]);
    await post(`/cgi-bin/message/update_template_card?access_token=${t}`, {
      agentid: 1000002,
      userids: ['lisi'],
      response_code: sent.response_code,
      button: { replace_name: '已同意' },
    });
    await post(`/cgi-bin/message/recall?access_token=${t}`, { msgid: text.msgid });
    const changed = fake.state.feed(seen);
    expect(changed.map((i) => [i.msgtype, i.cardState?.replaceName ?? null, i.recalled ?? false])).toEqual([
      ['template_card', '已同意', false],
      ['text', null, true],
    ]);
  });

  it('validates content: empty text 44004, over 2048 bytes 45002, unknown agentid 40056, no recipient 82001', async () => {
    fake = await fakeWecom();
    const t = await token();
    const send = (b: unknown) => post(`/cgi-bin/message/send?access_token=${t}`, b);
    expect((await send(dm('u', ''))).errcode).toBe(44004);
    expect((await send(dm('u', '字'.repeat(683)))).errcode).toBe(45002);
    expect((await send({ ...dm('u', 'x'), agentid: 7 })).errcode).toBe(40056);
    expect((await send({ ...dm('', 'x') })).errcode).toBe(82001);
    expect(fake.state.feed()).toEqual([]);
  });

  it('app chats need 2–2000 members (86006) and a fresh chatid (86215)', async () => {
    fake = await fakeWecom();
    const t = await token();
    expect((await post(`/cgi-bin/appchat/create?access_token=${t}`, { name: 'x', userlist: ['a'] })).errcode).toBe(
      86006,
    );
    expect(
      (await post(`/cgi-bin/appchat/create?access_token=${t}`, { name: 'x', userlist: ['a', 'b'], chatid: 'g1' }))
        .errcode,
    ).toBe(0);
    expect(
      (await post(`/cgi-bin/appchat/create?access_token=${t}`, { name: 'x', userlist: ['a', 'b'], chatid: 'g1' }))
        .errcode,
    ).toBe(86215);
    expect(
      (await post(`/cgi-bin/appchat/update?access_token=${t}`, { chatid: 'g1', del_user_list: ['b'] })).errcode,
    ).toBe(86006);
  });

  it('scripted faults are consumed in order, per path', async () => {
    fake = await fakeWecom();
    const c = new WecomClient({
      apiBase: fake.url,
      corpId: fake.state.corpId,
      secret: fake.state.secret,
      agentId: fake.state.agentId,
    });
    fake.state.failNext('/cgi-bin/message/send', { httpStatus: 502 });
    fake.state.failNext('/cgi-bin/message/send', { errcode: 45009 });
    const codes: number[] = [];
    for (let i = 0; i < 3; i++) {
      try {
        await c.sendMessage({ touser: 'u', msgtype: 'text', text: { content: `t${i}` } });
        codes.push(0);
      } catch (e) {
        codes.push((e as WecomApiError).httpStatus ?? (e as WecomApiError).errcode);
      }
    }
    expect(codes).toEqual([502, 45009, 0]);
  });

  it('mounts under a prefix on another Koa app and leaves other paths alone (D25)', async () => {
    const mounted = createFakeWecom({ prefix: '/_fake-wecom' });
    const app = new Koa();
    app.use(mounted.middleware);
    app.use((ctx) => {
      ctx.body = 'bot';
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const c = new WecomClient({
        apiBase: `${base}/_fake-wecom`,
        corpId: mounted.state.corpId,
        secret: mounted.state.secret,
        agentId: mounted.state.agentId,
      });
      await c.sendMessage({ touser: 'u1', msgtype: 'text', text: { content: 'via prefix' } });
      expect(mounted.state.messagesTo('u1').map((m) => m.text)).toEqual(['via prefix']);
      expect(mounted.state.calls.map((x) => x.path)).toEqual(['/cgi-bin/gettoken', '/cgi-bin/message/send']);
      expect(await (await fetch(`${base}/healthz`)).text()).toBe('bot');
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });

  it('reset() forgets messages, tokens and task ids', async () => {
    fake = await fakeWecom();
    const t = await token();
    await post(`/cgi-bin/message/send?access_token=${t}`, dm('u', 'x'));
    fake.state.reset();
    expect([fake.state.feed(), fake.state.calls]).toEqual([[], []]);
    expect((await post(`/cgi-bin/message/send?access_token=${t}`, dm('u', 'x'))).errcode).toBe(40014);
  });
});
