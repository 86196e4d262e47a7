import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatState } from '../../entities/chat-state';
import { Complaint } from '../../entities/complaint';
import { type TestBot, startTestBot } from '../helpers/bot';
import { afterOauth, lastLinkTo, openForm, submitForm } from '../helpers/h5';
import { staffOnTrip } from '../helpers/windows';

// D63: server-issued one-time submission ids, a random OAuth state checked on return,
// SESSION_SECRET (generated and stored when unset) instead of a key derived from WECOM_SECRET, no-store / CSP
// frame-ancestors / nosniff on every page, prefilled values as a server-side draft id rather than in the URL.

const COMPLAINT = { 方式: '窗口', 部门: 'GA', 窗口: '13号窗', 事项: '材料清单与网上不一致', 类别: '服务质量' };

describe('H5 forms hardening', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
  });
  afterAll(async () => t.close());
  const complaints = () => t.bot.deps.db.manager.count(Complaint);

  it('pages send Cache-Control no-store, CSP frame-ancestors none and X-Content-Type-Options nosniff (also when refusing)', async () => {
    await t.say('zhao', '表单 投诉登记表');
    const form = await openForm(t, lastLinkTo(t, 'zhao'), 'zhao');
    expect(form.status).toBe(200);
    const denied = await fetch(`${t.bot.url}/h5/forms/complaint?code=bogus&state=x`);
    expect(denied.status).toBe(401);
    for (const h of [form.headers, denied.headers]) {
      expect(h.get('cache-control')).toBe('no-store');
      expect(h.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(h.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('a submission id chosen by the client is never accepted: code + f on a POST files nothing', async () => {
    const before = await complaints();
    const res = await fetch(`${t.bot.url}/h5/forms/complaint`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ code: t.fake.state.mintOauthCode('zhao'), f: '0123456789abcdef', ...COMPLAINT }),
    });
    expect(res.status).toBe(401);
    expect(await complaints()).toBe(before);
  });

  it('the server-issued submission id is single use: the same page submitted twice files once', async () => {
    await t.say('zhao', '表单 投诉登记表');
    const form = await openForm(t, lastLinkTo(t, 'zhao'), 'zhao');
    expect(Object.keys(form.hidden)).toEqual(['s']); // the session (with its submission id) is all the page carries
    const before = await complaints();
    expect((await submitForm(form, COMPLAINT)).status).toBe(200);
    const again = await submitForm({ ...form, hidden: { ...form.hidden, f: 'fedcba9876543210' } }, COMPLAINT);
    expect(again.status).toBe(422);
    expect(await complaints()).toBe(before + 1);
  });

  it('the OAuth state is random per link and checked on return: missing, tampered or for another person → 401', async () => {
    await t.say('zhao', '表单 投诉登记表');
    const link1 = lastLinkTo(t, 'zhao');
    await t.say('zhao', '表单 投诉登记表');
    const link2 = lastLinkTo(t, 'zhao');
    const state = (l: string) => new URL(l.replace('#wechat_redirect', '')).searchParams.get('state')!;
    expect(state(link1)).not.toBe(state(link2));
    expect(state(link1)).toMatch(/^[A-Za-z0-9]{1,128}$/);
    const target = afterOauth(t, link1, 'zhao');
    const without = new URL(target);
    without.searchParams.delete('state');
    expect((await fetch(without)).status).toBe(401);
    const tampered = new URL(afterOauth(t, link1, 'zhao'));
    tampered.searchParams.set(
      'state',
      state(link1).replace(/.$/, (c) => (c === '0' ? '1' : '0')),
    );
    expect((await fetch(tampered)).status).toBe(401);
    // zhao's link opened by someone else (a forwarded link): their code does not match the state's person
    expect((await fetch(afterOauth(t, link1, 'liu'))).status).toBe(401);
    expect((await fetch(afterOauth(t, link1, 'zhao'))).status).toBe(200);
  });

  it('prefilled values travel as a server-side draft id: no phone number in the link, only its person reads it', async () => {
    await staffOnTrip(t, ['13'], '3月5日', '3月6日'); // the closure's WIN-03 ground (D212)
    await t.say(
      'wangwu',
      '窗口 关闭 13号窗 从=3月5日 到=3月6日 事由=张三参加市局业务培训 联络人=王五 联络电话=13900000012',
    );
    const link = lastLinkTo(t, 'wangwu');
    expect(decodeURIComponent(link)).not.toContain('13900000012');
    expect(decodeURIComponent(link)).toMatch(/[?&]d=[0-9a-f]{16}/);
    const form = await openForm(t, link, 'wangwu');
    expect(form.values['联络电话']).toBe('13900000012');
    const draftRows = await t.bot.deps.db.manager.find(ChatState, { where: { userid: 'wangwu' } });
    expect(draftRows.some((r) => r.kind.startsWith('h5d:'))).toBe(true);
  });

  it('the session key is SESSION_SECRET or a stored random secret, never derived from WECOM_SECRET', async () => {
    const secret = t.bot.deps.config.sessionSecret;
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(secret).not.toContain('test-secret');
    // A session forged with the old derivation (HMAC keyed by the WeCom app secret) is refused.
    const payload = `zhao.${Date.parse('2026-03-03T10:20:00+08:00')}.0123456789abcdef`;
    const sig = createHmac('sha256', 'h5s:test-secret').update(payload).digest('base64url');
    const res = await fetch(`${t.bot.url}/h5/forms/complaint?s=${encodeURIComponent(`${payload}.${sig}`)}`);
    expect(res.status).toBe(401);
  });
});
