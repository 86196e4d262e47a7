import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../entities/audit-log';
import { GroupChat } from '../../entities/group-chat';
import { InboxRow } from '../../entities/inbox';
import { sealEnvelope } from '../../src/wecom/crypto';
import { buildInboundXml } from '../../src/wecom/inbound';
import { type TestBot, startTestBot } from '../helpers/bot';
import { TEST_CRYPTO, signedCallback } from '../helpers/fake-wecom';
import { lastLinkTo, openForm } from '../helpers/h5';
import { staffOnTrip } from '../helpers/windows';

// D60: every hostile class below is named, refused with a clear error (a 4xx for
// machines, a Chinese reply for people), writes nothing, and leaves the process answering /healthz.

const now = () => String(Math.floor(Date.now() / 1000));
const text = (content: string, extra: Record<string, unknown> = {}) =>
  buildInboundXml({ type: 'text', corpId: TEST_CRYPTO.corpId, from: 'lisi', content, ...extra } as never);
const sealed = (xml: string, timestamp = now()) => {
  const { body, query } = sealEnvelope(TEST_CRYPTO, xml, { timestamp, agentId: 1000002 });
  return { url: `/wecom/callback?${new URLSearchParams({ ...query }).toString()}`, body };
};
const QS = `/wecom/callback?msg_signature=${'a'.repeat(40)}&timestamp=${now()}&nonce=1`;

describe('hostile input', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
  });
  afterAll(async () => t.close());
  const db = () => t.bot.deps.db.manager;
  const post = (url: string, body: string | Buffer, headers: Record<string, string> = {}) =>
    fetch(`${t.bot.url}${url}`, { method: 'POST', headers: { 'content-type': 'text/xml', ...headers }, body });

  // ---- the callback, before and after the signature -------------------------------------------------------
  const good = () => signedCallback(TEST_CRYPTO, text('帮助'));
  const envelopeOf = (enc: string) =>
    `<xml><ToUserName><![CDATA[${TEST_CRYPTO.corpId}]]></ToUserName><Encrypt><![CDATA[${enc}]]></Encrypt></xml>`;

  const CALLBACK: [string, number, () => { url: string; body: string | Buffer; headers?: Record<string, string> }][] = [
    [
      'C01 signature of the wrong length',
      401,
      () => ({ ...good(), url: good().url.replace(/msg_signature=\w+/, 'msg_signature=abc') }),
    ],
    ['C02 signature of another body', 401, () => ({ url: good().url, body: good().body })],
    ['C03 missing msg_signature', 401, () => ({ ...good(), url: good().url.replace(/msg_signature=\w+&?/, '') })],
    ['C04 missing timestamp and nonce', 401, () => ({ ...good(), url: good().url.replace(/&timestamp=.*$/, '') })],
    [
      'C05 repeated msg_signature parameter',
      401,
      () => {
        const g = good();
        return { ...g, url: `${g.url}&msg_signature=${'b'.repeat(40)}` };
      },
    ],
    [
      'C06 envelope for another corp (receive id)',
      400,
      () => {
        const other = { ...TEST_CRYPTO, corpId: 'wwsomeoneelse00001' };
        return signedCallback(other, text('x', { corpId: other.corpId }));
      },
    ],
    [
      'C07 DOCTYPE / entity bomb instead of the envelope',
      400,
      () => ({
        url: QS,
        body: `<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "a"><!ENTITY b "&a;&a;&a;">]><xml><Encrypt>&b;</Encrypt></xml>`,
      }),
    ],
    ['C08 JSON body', 400, () => ({ url: QS, body: '{"Encrypt":"abc"}' })],
    ['C09 empty body', 400, () => ({ url: QS, body: '' })],
    [
      'C10 envelope with an extra element',
      400,
      () => ({
        url: QS,
        body: envelopeOf('QUFBQQ==').replace('</xml>', '<Evil>1</Evil></xml>'),
      }),
    ],
    [
      'C11 envelope with attributes',
      400,
      () => ({ url: QS, body: envelopeOf('QUFBQQ==').replace('<xml>', '<xml a="1">') }),
    ],
    [
      'C12 two Encrypt elements',
      400,
      () => ({
        url: QS,
        body: `<xml><Encrypt><![CDATA[QUFB]]></Encrypt><Encrypt><![CDATA[QkJC]]></Encrypt></xml>`,
      }),
    ],
    ['C13 ciphertext with characters outside base64', 400, () => ({ url: QS, body: envelopeOf('abc$%^') })],
    ['C14 body in UTF-16', 400, () => ({ url: QS, body: Buffer.from(`\ufeff${good().body}`, 'utf16le') })],
    [
      'C15 invalid UTF-8 bytes',
      400,
      () => ({
        url: QS,
        body: Buffer.concat([
          Buffer.from('<xml><Encrypt><![CDATA['),
          Buffer.from([0xff, 0xfe, 0xfd]),
          Buffer.from(']]></Encrypt></xml>'),
        ]),
      }),
    ],
    ['C16 NUL bytes in the envelope', 400, () => ({ url: QS, body: `<xml>\u0000${envelopeOf('QUFBQQ==').slice(5)}` })],
    ['C17 body over 64 KB', 413, () => ({ url: QS, body: envelopeOf('A'.repeat(70 * 1024)) })],
    ['C18 5 MB body', 413, () => ({ url: QS, body: Buffer.alloc(5 * 1024 * 1024, 0x41) })],
    [
      'C19 signed body with a timestamp an hour old (replay)',
      400,
      () => sealed(text('帮助'), String(Number(now()) - 3600)),
    ],
    ['C20 signed body with a timestamp an hour ahead', 400, () => sealed(text('帮助'), String(Number(now()) + 3600))],
    ['C21 signed body with a non-numeric timestamp', 400, () => sealed(text('帮助'), 'yesterday')],
    ['C22 signed plaintext that is not XML', 400, () => sealed('hello, not xml')],
    [
      'C23 signed plaintext with a DOCTYPE',
      400,
      () => sealed(`<!DOCTYPE x [<!ENTITY e "e">]><xml><ToUserName>a</ToUserName></xml>`),
    ],
    [
      'C25 signed plaintext with a 200-character FromUserName',
      400,
      () => sealed(text('帮助', { from: 'u'.repeat(200) })),
    ],
  ];

  // Signed, but of a shape the parser does not know: stored as `unknown` and acknowledged, never answered 400 and
  // lost to WeCom's retries (D5, D80); the dispatcher ignores it.
  const SIGNED_ODD: [string, () => { url: string; body: string; headers?: Record<string, string> }][] = [
    [
      'C24 signed plaintext without FromUserName',
      () => sealed(text('帮助').replace(/<FromUserName>.*?<\/FromUserName>/, '')),
    ],
    [
      'C26 signed plaintext with a non-numeric MsgId',
      () => sealed(text('帮助').replace(/<MsgId>.*?<\/MsgId>/, '<MsgId>12ab</MsgId>')),
    ],
  ];

  it.each(SIGNED_ODD)('%s → 200, stored once as unknown and ignored, process alive', async (_name, make) => {
    const before = await db().count(InboxRow);
    const { url, body, headers } = make();
    expect((await post(url, body, headers)).status).toBe(200);
    expect((await post(url, body, headers)).status).toBe(200); // WeCom's retry: the same row, not a second
    await t.settle();
    const rows = await db().find(InboxRow, { order: { id: 'DESC' }, take: 1 });
    expect(await db().count(InboxRow)).toBe(before + 1);
    expect(rows[0]).toMatchObject({ kind: 'unknown', status: 'ignored' });
    expect((await fetch(`${t.bot.url}/healthz`)).status).toBe(200);
  });

  it.each(CALLBACK)('%s → %i, nothing stored, process alive', async (_name, status, make) => {
    const before = await db().count(InboxRow);
    const { url, body, headers } = make();
    const res = await post(url, body, headers);
    expect(res.status).toBe(status);
    expect(await db().count(InboxRow)).toBe(before);
    expect((await fetch(`${t.bot.url}/healthz`)).status).toBe(200);
  });

  it('C27 the same signed body delivered three times is stored once', async () => {
    const { url, body } = sealed(text('我是谁', { msgId: '7000000000000000001' }));
    const before = await db().count(InboxRow);
    for (let i = 0; i < 3; i++) expect((await post(url, body)).status).toBe(200);
    expect(await db().count(InboxRow)).toBe(before + 1);
    await t.settle();
  });

  // ---- chat text: refused with a clear Chinese reply, nothing written --------------------------------------
  const LONG = '很'.repeat(1900);
  const CHAT: [string, string, string][] = [
    ['T01 control characters in a command', 'zhao', '投诉 登记\u0000\u0007 对象=12号窗\u001b[31m'],
    ['T02 zero-width and RTL-override characters in an argument', 'zhao', '投诉 登记 对象=12\u200b号窗\u202e 事项=x'],
    ['T03 overlong 事项 (1900 characters) without the required fields', 'zhao', `投诉 登记 事项=${LONG}`],
    ['T04 SQL in an argument', 'zhao', "人员 查看 '; DROP TABLE person; --"],
    ['T05 markup in an argument', 'zhao', '窗口 查看 <script>alert(1)</script>'],
    ['T06 emoji and astral characters as a name', 'magong', '角色 授予 😀𠮷𠮷 角色=admin'],
    ['T07 full-width command and spaces', 'zhao', '投诉　查看　ＴＳ９９９９'],
    ['T08 200 key=value arguments', 'zhao', `投诉 登记 ${Array.from({ length: 200 }, (_, i) => `k${i}=v`).join(' ')}`],
    ['T09 a repeated argument key', 'wangwu', '窗口 关闭 13号窗 从=3月5日 从=3月9日 到=3月6日 事由=x'],
    ['T10 an impossible date', 'wangwu', '窗口 关闭 13号窗 从=2026-02-30 到=2026-03-01 事由=培训'],
    ['T11 a number that overflows', 'zhao', '窗口 查看 99999999999999999999999'],
    ['T12 an unknown person', 'magong', '角色 授予 nobody_here 角色=admin'],
    ['T13 an unknown record number', 'zhao', '投诉 查看 TS2026-9999'],
    ['T14 a command the sender may not use', 'lisi', '角色 授予 lisi 角色=admin'],
    ['T15 an unknown setting name', 'magong', '设置 修改 no.such.setting 1'],
    ['T16 a setting value outside its schema', 'magong', '设置 修改 callback.maxSkewSeconds 999999'],
    [
      'T17 a robot webhook on a foreign host',
      'magong',
      '群 绑定 G-DEPT-GA webhook=https://evil.example/cgi-bin/webhook/send?key=abc',
    ],
    [
      'T18 a robot webhook on a look-alike host',
      'magong',
      '群 绑定 G-DEPT-GA webhook=https://qyapi.weixin.qq.com.evil.example/cgi-bin/webhook/send?key=abc',
    ],
    [
      'T19 a robot webhook over plain http',
      'magong',
      '群 绑定 G-DEPT-GA webhook=http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc',
    ],
    [
      'T20 a robot webhook with credentials in the URL',
      'magong',
      '群 绑定 G-DEPT-GA webhook=https://u:p@qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc',
    ],
    ['T21 a text of 2048 bytes of nothing but spaces and punctuation', 'zhao', ' ，。！'.repeat(400)],
    ['T22 an overlong card event key', 'wangwu', ''],
    ['T23 an unknown card verb', 'wangwu', ''],
  ];

  it.each(CHAT)('%s: a Chinese reply, nothing written, no failed event', async (name, userid, content) => {
    const audits = await db().count(AuditLog);
    const groups = JSON.stringify(await db().find(GroupChat, { order: { key: 'ASC' } }));
    const before = t.textsTo(userid).length;
    if (name.startsWith('T22') || name.startsWith('T23')) {
      const eventKey = name.startsWith('T22') ? `approve:${'X'.repeat(1000)}` : 'frobnicate:SP2026-00001';
      expect(
        await t.post({
          type: 'card',
          from: userid,
          eventKey,
          taskId: 'T'.repeat(100),
          responseCode: 'rc',
          cardType: 'button_interaction',
        } as never),
      ).toBe(200);
    } else {
      expect(await t.say(userid, content)).toBe(200);
    }
    expect(await db().count(InboxRow, { where: { status: 'failed' } })).toBe(0);
    expect(await db().count(AuditLog)).toBe(audits);
    expect(JSON.stringify(await db().find(GroupChat, { order: { key: 'ASC' } }))).toBe(groups);
    const replies = t.textsTo(userid).slice(before);
    for (const r of replies) {
      expect(r).toMatch(/[\u4e00-\u9fff]/);
      expect(r).not.toMatch(/^✅/);
    }
    expect((await fetch(`${t.bot.url}/healthz`)).status).toBe(200);
  });

  // ---- HTTP surfaces other than the callback -------------------------------------------------------------
  it('H01 an H5 POST over 64 KB → 413, nothing filed', async () => {
    const res = await fetch(`${t.bot.url}/h5/forms/complaint`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `事项=${'a'.repeat(70 * 1024)}`,
    });
    expect(res.status).toBe(413);
  });

  it('H02 an unknown H5 form → 404', async () => {
    expect((await fetch(`${t.bot.url}/h5/forms/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
  });

  it('H03 an H5 POST without any identity → 401', async () => {
    const res = await fetch(`${t.bot.url}/h5/forms/complaint`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'u=zhao&exp=99999999999999&n=0123456789abcdef&sig=forged',
    });
    expect(res.status).toBe(401);
  });

  it('H04 markup in a prefilled draft value is escaped on the H5 page', async () => {
    await staffOnTrip(t, ['13'], '3月5日', '3月6日'); // the closure's WIN-03 ground (D212)
    await t.say('wangwu', '窗口 关闭 13号窗 从=3月5日 到=3月6日 事由=张三培训<script>alert(1)</script>"><img src=x>');
    const form = await openForm(t, lastLinkTo(t, 'wangwu'), 'wangwu');
    expect(form.html).not.toContain('<script>alert(1)');
    expect(form.html).not.toContain('<img src=x>');
    expect(form.html).toContain('&lt;script&gt;');
  });

  it('H05 /metrics relayed through a proxy (X-Forwarded-For) without METRICS_TOKEN → 403', async () => {
    expect((await fetch(`${t.bot.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } })).status).toBe(403);
    expect((await fetch(`${t.bot.url}/metrics`)).status).toBe(200);
  });

  it('H06 an unknown route or method on the callback → 404/405, nothing stored', async () => {
    const before = await db().count(InboxRow);
    expect((await fetch(`${t.bot.url}/wecom/callback`, { method: 'PUT', body: 'x' })).status).toBe(405);
    expect((await fetch(`${t.bot.url}/wecom/callback/../../admin`)).status).toBe(404);
    expect(await db().count(InboxRow)).toBe(before);
  });
});
