import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InboxRow } from '../../entities/inbox';
import { buildInboundXml } from '../../src/wecom/inbound';
import { getSignature } from '@wecom/crypto';
import { encryptEcho, sealEnvelope } from '../../src/wecom/crypto';
import { startTestBot, type TestBot } from '../helpers/bot';
import { TEST_CRYPTO, signedCallback } from '../helpers/fake-wecom';

// the webhook only verifies, decrypts, dedupes, stores and acknowledges
// (design rule 1); every bad envelope is a 4xx with nothing stored and the process alive.

describe('WeCom callback', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
  });
  afterAll(async () => t.close());

  const inboxCount = () => t.bot.deps.db.manager.count(InboxRow);
  const postRaw = (path: string, body: string | Buffer, headers: Record<string, string> = {}) =>
    fetch(`${t.bot.url}${path}`, { method: 'POST', headers: { 'content-type': 'text/xml', ...headers }, body });

  it('GET URL verification answers the decrypted echostr as plain text', async () => {
    const q = encryptEcho(TEST_CRYPTO, '1288432023552776189');
    const res = await fetch(`${t.bot.url}/wecom/callback?${new URLSearchParams({ ...q })}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('1288432023552776189');
  });

  it('GET with a bad signature → 401', async () => {
    const q = encryptEcho(TEST_CRYPTO, '123');
    const res = await fetch(
      `${t.bot.url}/wecom/callback?${new URLSearchParams({ ...q, msg_signature: 'f'.repeat(40) })}`,
    );
    expect(res.status).toBe(401);
  });

  it('acknowledges with 200 and an empty body before any processing', async () => {
    const before = await inboxCount();
    const { url, body } = signedCallback(TEST_CRYPTO, {
      type: 'text',
      corpId: TEST_CRYPTO.corpId,
      from: 'lisi',
      content: '帮助',
    });
    const res = await postRaw(url, body);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    expect(await inboxCount()).toBe(before + 1);
    const row = await t.bot.deps.db.manager.findOneOrFail(InboxRow, { where: {}, order: { id: 'DESC' } });
    expect(row.status).toBe('pending'); // the ack did not wait for the command
    await t.settle();
  });

  it('a message delivered three times is stored once and answered once (D7)', async () => {
    const xml = buildInboundXml({
      type: 'text',
      corpId: TEST_CRYPTO.corpId,
      from: 'lisi',
      content: '我是谁',
      msgId: '4561255354251345929',
    });
    const before = t.textsTo('lisi').length;
    for (let i = 0; i < 3; i++) {
      const { body, query } = sealEnvelope(TEST_CRYPTO, xml);
      const res = await postRaw(`/wecom/callback?${new URLSearchParams({ ...query })}`, body);
      expect(res.status).toBe(200);
    }
    await t.settle();
    const rows = await t.bot.deps.db.manager.find(InboxRow, { where: { dedupeKey: 'msg:4561255354251345929' } });
    expect(rows).toHaveLength(1);
    expect(rows[0].payload.msgId).toBe('4561255354251345929'); // beyond 2^53, kept exact
    expect(t.textsTo('lisi').length).toBe(before + 1);
  });

  it.each([
    [
      'bad signature',
      401,
      () => {
        const { url, body } = signedCallback(TEST_CRYPTO, {
          type: 'text',
          corpId: TEST_CRYPTO.corpId,
          from: 'lisi',
          content: 'x',
        });
        return [url.replace(/msg_signature=[0-9a-f]+/, `msg_signature=${'0'.repeat(40)}`), body] as const;
      },
    ],
    [
      'wrong corp id',
      400,
      () => {
        const other = { ...TEST_CRYPTO, corpId: 'wwsomeoneelse00001' };
        const { url, body } = signedCallback(other, { type: 'text', corpId: other.corpId, from: 'lisi', content: 'x' });
        return [url, body] as const;
      },
    ],
    [
      'truncated base64',
      400,
      () => {
        const { body, query } = sealEnvelope(
          TEST_CRYPTO,
          buildInboundXml({ type: 'text', corpId: TEST_CRYPTO.corpId, from: 'lisi', content: 'x' }),
        );
        const enc = /<Encrypt><!\[CDATA\[([^\]]+)\]\]>/.exec(body)![1];
        const cut = enc.slice(0, 30); // not a whole AES block: decryption must fail cleanly
        const resealed = body.replace(enc, cut);
        // Signed correctly over the truncated text, so the failure is the decryption, not the signature.
        const msg_signature = getSignature(TEST_CRYPTO.token, query.timestamp, query.nonce, cut);
        return [`/wecom/callback?${new URLSearchParams({ ...query, msg_signature })}`, resealed] as const;
      },
    ],
    [
      'DOCTYPE entity bomb',
      400,
      () => {
        const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><xml><Encrypt>&lol2;</Encrypt></xml>`;
        return [`/wecom/callback?msg_signature=${'a'.repeat(40)}&timestamp=1&nonce=1`, bomb] as const;
      },
    ],
    [
      'non-XML body',
      400,
      () => [`/wecom/callback?msg_signature=${'a'.repeat(40)}&timestamp=1&nonce=1`, '{"hello":"json"}'] as const,
    ],
    ['empty body', 400, () => [`/wecom/callback?msg_signature=${'a'.repeat(40)}&timestamp=1&nonce=1`, ''] as const],
  ])('%s → %i, nothing stored, process alive', async (_name, status, make) => {
    const before = await inboxCount();
    const [url, body] = make();
    const res = await postRaw(url, body);
    expect(res.status).toBe(status);
    expect(await inboxCount()).toBe(before);
    const health = await fetch(`${t.bot.url}/healthz`);
    expect(health.status).toBe(200);
  });

  it('a 5 MB body → 413, nothing stored', async () => {
    const before = await inboxCount();
    const res = await postRaw(
      `/wecom/callback?msg_signature=${'a'.repeat(40)}&timestamp=1&nonce=1`,
      Buffer.alloc(5 * 1024 * 1024, 0x41),
    );
    expect(res.status).toBe(413);
    expect(await inboxCount()).toBe(before);
  });

  it('an event for which nothing is needed is stored and marked ignored (D5)', async () => {
    const res = await t.post({ type: 'event', from: 'lisi', event: 'enter_agent', eventKey: '' } as never);
    expect(res).toBe(200);
    const row = await t.bot.deps.db.manager.findOneOrFail(InboxRow, { where: { kind: 'event:enter_agent' } });
    expect(row.status).toBe('ignored');
  });

  it('healthz and metrics answer', async () => {
    const h = await (await fetch(`${t.bot.url}/healthz`)).json();
    expect(h).toMatchObject({ ok: true, db: 'up' });
    const m = await (await fetch(`${t.bot.url}/metrics`)).text();
    expect(m).toContain('hall_callbacks_total');
  });
});
