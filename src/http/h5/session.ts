import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// After WeCom OAuth (WeCom doc 91023: the code is single-use and valid 5 minutes) the form page carries a short
// signed session so the POST knows who submits — and which one-time submission id the server issued for this
// rendering (never one the client picks). HMAC over userid + expiry + submission id with SESSION_SECRET.
const SESSION_MS = 30 * 60_000;

export interface H5Session {
  userid: string;
  /** The server-issued one-time submission id (16 hex). */
  submission: string;
}

const mac = (secret: string, payload: string) =>
  createHmac('sha256', `h5s:${secret}`).update(payload).digest('base64url');

export function issueSession(secret: string, userid: string, now: Date): string {
  const payload = `${userid}.${now.getTime() + SESSION_MS}.${randomBytes(8).toString('hex')}`;
  return `${payload}.${mac(secret, payload)}`;
}

export function readSession(secret: string, token: string | undefined, now: Date): H5Session | undefined {
  const m = /^(.+)\.(\d{13})\.([0-9a-f]{16})\.([A-Za-z0-9_-]{43})$/.exec(token ?? '');
  if (!m || !(Number(m[2]) > now.getTime())) return undefined;
  const expected = Buffer.from(mac(secret, `${m[1]}.${m[2]}.${m[3]}`));
  const got = Buffer.from(m[4]);
  return expected.length === got.length && timingSafeEqual(expected, got)
    ? { userid: m[1], submission: m[3] }
    : undefined;
}
