import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buttonCard } from '../../src/wecom/cards';
import { TRANSPORT_ERRCODE, WecomApiError, WecomClient } from '../../src/wecom/client';
import { clientFor, fakeWecom, RESPONSE_CODE_ERRCODE, TINY_PNG, type RunningFakeWecom } from '../helpers/fake-wecom';

// The real client against the fake WeCom on loopback (WeCom doc 90236, §6.1): token cache, retries, error
// classes for the outbox, and no secret in the logs.

let fake: RunningFakeWecom;
beforeEach(async () => {
  fake = await fakeWecom({ knownUsers: ['zhangsan', 'lisi', 'wangwu'], robotKeys: ['robot-key-1'] });
});
afterEach(async () => {
  await fake.close();
});

const text = (touser: string, content = '你好') => ({ touser, msgtype: 'text', text: { content } });
const tokenCalls = () => fake.state.callsTo('/cgi-bin/gettoken').length;

async function failure(p: Promise<unknown>): Promise<WecomApiError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof WecomApiError) return e;
    throw e;
  }
  throw new Error('expected a WecomApiError');
}

describe('access token (WeCom doc 91039)', () => {
  it('is fetched once and reused across calls', async () => {
    const c = clientFor(fake);
    for (const u of ['zhangsan', 'lisi', 'wangwu']) await c.sendMessage(text(u));
    expect(tokenCalls()).toBe(1);
    expect(fake.state.callsTo('/cgi-bin/message/send').map((x) => x.query.access_token)).toEqual([
      'tok-1',
      'tok-1',
      'tok-1',
    ]);
  });

  it('is fetched once for 10 concurrent first calls (single flight)', async () => {
    const c = clientFor(fake);
    await Promise.all(Array.from({ length: 10 }, () => c.sendMessage(text('zhangsan'))));
    expect(tokenCalls()).toBe(1);
    expect(fake.state.messagesTo('zhangsan')).toHaveLength(10);
  });

  it('is refreshed 5 minutes before it expires', async () => {
    let now = Date.now();
    const c = clientFor(fake, { now: () => now });
    await c.sendMessage(text('zhangsan'));
    now += (7200 - 299) * 1000;
    await c.sendMessage(text('zhangsan'));
    expect(tokenCalls()).toBe(2);
  });

  it('42001 (expired) → one refresh and one retry, delivered once', async () => {
    const c = clientFor(fake);
    await c.sendMessage(text('zhangsan', 'first'));
    fake.state.expireTokens();
    await c.sendMessage(text('zhangsan', 'second'));
    expect(tokenCalls()).toBe(2);
    expect(fake.state.callsTo('/cgi-bin/message/send').map((x) => x.query.access_token)).toEqual([
      'tok-1',
      'tok-1',
      'tok-2',
    ]);
    expect(fake.state.messagesTo('zhangsan').map((m) => m.text)).toEqual(['first', 'second']);
  });

  it('40014 (revoked) also refreshes once and retries', async () => {
    const c = clientFor(fake);
    await c.sendMessage(text('zhangsan'));
    fake.state.revokeTokens();
    await c.sendMessage(text('lisi'));
    expect(tokenCalls()).toBe(2);
    expect(fake.state.messagesTo('lisi')).toHaveLength(1);
  });

  it('retries only once: a second 42001 surfaces as a retryable token error', async () => {
    const c = clientFor(fake);
    fake.state.failNext('/cgi-bin/message/send', { errcode: 42001 });
    fake.state.failNext('/cgi-bin/message/send', { errcode: 42001 });
    const err = await failure(c.sendMessage(text('zhangsan')));
    expect([err.errcode, err.category, err.retryable]).toEqual([42001, 'token', true]);
    expect(fake.state.callsTo('/cgi-bin/message/send')).toHaveLength(2);
  });

  it('a wrong secret is 40001: permanent config error', async () => {
    const c = clientFor(fake, { secret: 'not-the-secret' });
    const err = await failure(c.sendMessage(text('zhangsan')));
    expect([err.errcode, err.category, err.permanent, err.retryable]).toEqual([40001, 'config', true, false]);
    expect(err.message).not.toContain('not-the-secret');
  });
});

describe('errors the outbox acts on (WeCom doc 90313)', () => {
  it('45009 is retryable after at least 60 s', async () => {
    fake.state.failNext('/cgi-bin/message/send', { errcode: 45009, errmsg: 'api freq out of limit' });
    const err = await failure(clientFor(fake).sendMessage(text('zhangsan')));
    expect(err.errcode).toBe(45009);
    expect(err.retryable).toBe(true);
    expect(err.retryAfterMs).toBeGreaterThanOrEqual(60_000);
  });

  it('HTTP 500 is retryable with a short backoff, and the next call goes through', async () => {
    const c = clientFor(fake);
    fake.state.failNext('/cgi-bin/message/send', { httpStatus: 500 });
    const err = await failure(c.sendMessage(text('zhangsan', 'one')));
    expect([err.errcode, err.httpStatus, err.retryable]).toEqual([TRANSPORT_ERRCODE.http, 500, true]);
    expect(err.retryAfterMs).toBeLessThan(60_000);
    await c.sendMessage(text('zhangsan', 'one'));
    expect(fake.state.messagesTo('zhangsan').map((m) => m.text)).toEqual(['one']);
  });

  it('-1 (busy), a timeout and a refused connection are retryable', async () => {
    fake.state.failNext('/cgi-bin/message/send', { errcode: -1 });
    expect((await failure(clientFor(fake).sendMessage(text('zhangsan')))).retryable).toBe(true);

    const slow = clientFor(fake, { timeoutMs: 100 });
    await slow.sendMessage(text('zhangsan'));
    fake.state.failNext('/cgi-bin/message/send', { delayMs: 400 });
    const timeout = await failure(slow.sendMessage(text('zhangsan')));
    expect([timeout.errcode, timeout.retryable]).toEqual([TRANSPORT_ERRCODE.timeout, true]);

    const closed = new WecomClient({
      apiBase: 'http://127.0.0.1:9',
      corpId: 'c',
      secret: 's',
      agentId: 1,
      timeoutMs: 2000,
    });
    const refused = await failure(closed.sendMessage(text('zhangsan')));
    expect([refused.errcode, refused.retryable]).toEqual([TRANSPORT_ERRCODE.network, true]);
  });

  it('all recipients unknown is 81013 (drop); some unknown still sends and reports invaliduser', async () => {
    const c = clientFor(fake);
    const err = await failure(c.sendMessage(text('ghost')));
    expect([err.errcode, err.category, err.permanent]).toEqual([81013, 'recipient', true]);
    const r = await c.sendMessage(text('ZhangSan|Ghost'));
    expect(r.invaliduser).toBe('ghost');
    expect(fake.state.messagesTo('zhangsan')).toHaveLength(1);
  });

  it('sendMessage adds the agentid; a client with the wrong agentid gets 40056 (config)', async () => {
    await clientFor(fake).sendMessage(text('zhangsan'));
    expect((fake.state.callsTo('/cgi-bin/message/send')[0].body as { agentid: number }).agentid).toBe(
      fake.state.agentId,
    );
    const err = await failure(clientFor(fake, { agentId: 999 }).sendMessage(text('zhangsan')));
    expect([err.errcode, err.category]).toEqual([40056, 'config']);
  });
});

describe('template cards (WeCom doc 90236–§3.4)', () => {
  const card = (taskId: string) => ({
    touser: 'zhangsan|lisi',
    msgtype: 'template_card',
    template_card: buttonCard({
      taskId,
      title: '请假申请待审批',
      buttons: [
        { text: '同意', key: 'approve:SP1' },
        { text: '驳回', key: 'reject:SP1' },
      ],
    }),
  });

  it('a button card returns a response_code; reusing its task_id is 42014', async () => {
    const c = clientFor(fake);
    const sent = await c.sendMessage(card('SP1-1-1'));
    expect(sent.response_code).toBeTruthy();
    expect(sent.msgid).toBeTruthy();
    const err = await failure(c.sendMessage(card('SP1-1-1')));
    expect([err.errcode, err.permanent]).toEqual([42014, true]);
  });

  it('update_template_card accepts each response code once (D12); the fake records the greyed button', async () => {
    const c = clientFor(fake);
    const { response_code } = await c.sendMessage(card('SP1-1-2'));
    await c.updateTemplateCard({
      response_code: response_code!,
      userids: ['zhangsan', 'lisi'],
      button: { replace_name: '已同意' },
    });
    const again = await failure(
      c.updateTemplateCard({
        response_code: response_code!,
        userids: ['zhangsan'],
        button: { replace_name: '已驳回' },
      }),
    );
    expect([again.errcode, again.permanent]).toEqual([RESPONSE_CODE_ERRCODE, true]);
    const [item] = fake.state.messagesTo('lisi');
    expect(item.cardState).toMatchObject({ replaceName: '已同意', for: ['zhangsan', 'lisi'] });

    const clickCode = fake.state.mintResponseCode('SP1-1-2')!;
    await c.updateTemplateCard({ response_code: clickCode, atall: 1, button: { replace_name: '已驳回' } });
    expect(fake.state.messagesTo('lisi')[0].cardState).toMatchObject({ replaceName: '已驳回', for: '@all' });
  });
});

describe('robots, app chats, media, identity', () => {
  it('robotSend calls the stored webhook URL as is (D10), no access token', async () => {
    await clientFor(fake).robotSend(fake.robotUrl('robot-key-1'), {
      msgtype: 'markdown',
      markdown: { content: '**早报**' },
    });
    expect(fake.state.robotMessages(fake.robotUrl('robot-key-1')).map((m) => m.markdown)).toEqual(['**早报**']);
    expect(fake.state.callsTo('/cgi-bin/webhook/send')[0].query).toEqual({ key: 'robot-key-1' });
    expect(tokenCalls()).toBe(0);
  });

  it('an unknown robot key is 93000 (config); the 21st robot message in a minute is 45009', async () => {
    const c = clientFor(fake);
    expect(
      (await failure(c.robotSend(fake.robotUrl('nope'), { msgtype: 'text', text: { content: 'x' } }))).category,
    ).toBe('config');
    for (let i = 0; i < 20; i++)
      await c.robotSend(fake.robotUrl('robot-key-1'), { msgtype: 'text', text: { content: `m${i}` } });
    const err = await failure(c.robotSend(fake.robotUrl('robot-key-1'), { msgtype: 'text', text: { content: 'm20' } }));
    expect([err.errcode, err.retryable]).toEqual([45009, true]);
  });

  it('media upload → get returns the same bytes and the UTF-8 filename; unknown ids get a PNG', async () => {
    const c = clientFor(fake);
    const buf = Buffer.from('PK\u0003\u0004 fake xlsx bytes');
    const id = await c.uploadMedia('file', '投诉台账-2024年5月.xlsx', buf);
    const got = await c.getMedia(id);
    expect(got.buffer.equals(buf)).toBe(true);
    expect(got.filename).toBe('投诉台账-2024年5月.xlsx');
    expect(got.contentType).toContain('spreadsheetml');
    const png = await c.getMedia('inbound-photo-1');
    expect(png.buffer.equals(TINY_PNG)).toBe(true);
    expect(png.contentType).toBe('image/png');
  });

  it('robotUploadMedia gives a media_id the robot can send as a file', async () => {
    const c = clientFor(fake);
    const url = fake.robotUrl('robot-key-1');
    const id = await c.robotUploadMedia(url, '周报.docx', Buffer.from('docx'));
    await c.robotSend(url, { msgtype: 'file', file: { media_id: id } });
    expect(fake.state.robotMessages('robot-key-1')[0].file).toEqual({ media_id: id, filename: '周报.docx' });
  });

  it('app chat create → get → send; a card in an app chat is refused (86220)', async () => {
    const c = clientFor(fake);
    const { chatid } = await c.createAppChat({
      name: '全体进驻人员',
      userlist: ['zhangsan', 'lisi'],
      chatid: 'hall01',
    });
    expect((await c.getAppChat(chatid)).userlist).toEqual(['zhangsan', 'lisi']);
    await c.sendAppChat({ chatid, msgtype: 'text', text: { content: '通知' } });
    expect(fake.state.messagesInChat('hall01').map((m) => m.text)).toEqual(['通知']);
    const err = await failure(c.sendAppChat({ chatid, msgtype: 'template_card', template_card: {} }));
    expect(err.errcode).toBe(86220);
  });

  it('getUserInfo: an OAuth code works once, then 40029', async () => {
    const c = clientFor(fake);
    const code = fake.state.mintOauthCode('wangwu');
    expect(await c.getUserInfo(code)).toEqual({ userid: 'wangwu' });
    expect((await failure(c.getUserInfo(code))).errcode).toBe(40029);
    expect(await c.getUser('lisi')).toMatchObject({ userid: 'lisi' });
    expect((await failure(c.getUser('ghost'))).category).toBe('recipient');
  });
});

describe('logging', () => {
  it('never writes the secret, an access token or a robot key, whatever happens', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'trace' }, { write: (s: string) => void lines.push(s) });
    const c = clientFor(fake, { log });
    await c.sendMessage(text('zhangsan'));
    fake.state.expireTokens();
    await c.sendMessage(text('lisi'));
    fake.state.failNext('/cgi-bin/message/send', { errcode: 45009 });
    await failure(c.sendMessage(text('lisi')));
    await failure(c.robotSend(fake.robotUrl('wrong-robot-key'), { msgtype: 'text', text: { content: 'x' } }));
    // Whatever WeCom echoes back in errmsg is scrubbed too, in the log and in the thrown error.
    fake.state.failNext('/cgi-bin/message/send', {
      errcode: 40058,
      errmsg: `bad credential tok-2 for ${fake.state.secret}`,
    });
    expect((await failure(c.sendMessage(text('lisi')))).message).not.toMatch(/tok-2|fake-secret/);
    await failure(clientFor(fake, { log, secret: 'a-wrong-secret-value' }).sendMessage(text('lisi')));
    const out = lines.join('');
    expect(out).toContain('/cgi-bin/message/send'); // it did log the calls
    expect(out).toContain('45009');
    for (const secret of [fake.state.secret, 'a-wrong-secret-value', 'tok-1', 'tok-2', 'wrong-robot-key'])
      expect(out).not.toContain(secret);
  });
});
