import { expect } from 'vitest';
import type { TestBot } from './bot';

// H5 forms as a phone opens them (docs/commands.md): the link from chat → WeCom OAuth redirect (a fresh code, the
// link's own signed state) → the form page, whose hidden fields carry the session and its server-issued
// one-time submission id → POST.

/** What WeCom does with the OAuth link: redirect to redirect_uri with a fresh single-use code and the same state. */
export function afterOauth(t: TestBot, link: string, userid: string): URL {
  const oauth = new URL(link.replace('#wechat_redirect', ''));
  expect(oauth.origin).toBe('https://open.weixin.qq.com');
  const target = new URL(oauth.searchParams.get('redirect_uri')!);
  target.host = new URL(t.bot.url).host; // the test server listens on 127.0.0.1
  target.searchParams.set('code', t.fake.state.mintOauthCode(userid));
  target.searchParams.set('state', oauth.searchParams.get('state')!);
  return target;
}

export interface OpenedForm {
  url: string;
  status: number;
  html: string;
  headers: Headers;
  hidden: Record<string, string>;
  /** Prefilled values of the visible inputs. */
  values: Record<string, string>;
}

/** Open `link` (as sent in chat) as `userid`. */
export async function openForm(t: TestBot, link: string, userid: string): Promise<OpenedForm> {
  const target = afterOauth(t, link, userid);
  const res = await fetch(target);
  const html = await res.text();
  const inputs = [...html.matchAll(/<input (type="hidden" )?(?:id="[^"]*" )?name="([^"]+)" value="([^"]*)"/g)];
  const unesc = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  return {
    url: `${target.origin}${target.pathname}`,
    status: res.status,
    html,
    headers: res.headers,
    hidden: Object.fromEntries(inputs.filter((m) => m[1]).map((m) => [m[2], unesc(m[3])])),
    values: Object.fromEntries(inputs.filter((m) => !m[1]).map((m) => [m[2], unesc(m[3])])),
  };
}

/** POST the opened form with `fields` (and its hidden identity fields). */
export function submitForm(form: OpenedForm, fields: Record<string, string>): Promise<Response> {
  return fetch(form.url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...form.hidden, ...fields }),
  });
}

/** The first https link in the newest chat text to `userid`. */
export function lastLinkTo(t: TestBot, userid: string): string {
  return /https:\/\/\S+/.exec(t.lastTextTo(userid))![0];
}
