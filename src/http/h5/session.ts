import { createHmac, timingSafeEqual } from 'node:crypto';

// After WeCom OAuth (wecom.md §5.1: the code is single-use and valid 5 minutes) the form page carries a short
// signed session so the POST knows who submits. HMAC over userid + expiry with a key derived from the app secret.
const SESSION_MS = 30 * 60_000;

export function issueSession(secret: string, userid: string, now: Date): string {
  const exp = now.getTime() + SESSION_MS;
  const payload = `${userid}.${exp}`;
  return `${payload}.${createHmac('sha256', `h5s:${secret}`).update(payload).digest('base64url')}`;
}

export function readSession(secret: string, token: string | undefined, now: Date): string | undefined {
  if (!token) return undefined;
  const i = token.lastIndexOf('.');
  const payload = token.slice(0, i);
  const sig = token.slice(i + 1);
  const [userid, exp] = [
    payload.slice(0, payload.lastIndexOf('.')),
    Number(payload.slice(payload.lastIndexOf('.') + 1)),
  ];
  if (!userid || !(exp > now.getTime())) return undefined;
  const expected = Buffer.from(createHmac('sha256', `h5s:${secret}`).update(payload).digest('base64url'));
  const got = Buffer.from(sig);
  return expected.length === got.length && timingSafeEqual(expected, got) ? userid : undefined;
}
