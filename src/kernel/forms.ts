import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Ctx } from './ctx';

// H5 forms (commands.md §4): a link opened from chat with WeCom identity — OAuth snsapi_base in real mode,
// a signed single-use link in sandbox mode. Submitting a form runs the same command as chat (same checks,
// same reply). The form table itself is commands/forms.ts.

export interface FormField {
  /** The command's argument name (Chinese key), e.g. `从`. */
  key: string;
  label: string;
  type?: 'text' | 'textarea' | 'date' | 'select' | 'number';
  options?: string[];
  required?: boolean;
  help?: string;
}

export interface FormDef {
  /** URL segment: /h5/forms/<kind>. */
  kind: string;
  /** The form's title (rules.md form name); `表单 <名称>` also accepts `aliases`. */
  title: string;
  aliases?: string[];
  /** The command row the form submits to (commands/index.ts name). */
  command: string;
  fields: FormField[];
  /** Shown above the fields, e.g. the REC-05 banner. */
  intro?: string;
}

const LINK_TTL_MS = 24 * 3600_000;

function sign(secret: string, payload: string): string {
  return createHmac('sha256', `h5:${secret}`).update(payload).digest('base64url');
}

/** The link for `kind`, prefilled with what was typed. */
export function formLink(ctx: Ctx, kind: string, prefill: Record<string, string | undefined> = {}): string {
  const base = ctx.deps.publicBaseUrl.replace(/\/+$/, '');
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(prefill)) if (v !== undefined && v !== '') q.set(k, v);
  const { config } = ctx.deps;
  if (config.mode === 'sandbox') {
    const exp = String(ctx.now.getTime() + LINK_TTL_MS);
    const nonce = randomBytes(8).toString('hex');
    const payload = `${kind}|${ctx.actor.userid}|${exp}|${nonce}`;
    q.set('u', ctx.actor.userid);
    q.set('exp', exp);
    q.set('n', nonce);
    q.set('sig', sign(config.sessionSecret, payload));
    return `${base}/h5/forms/${kind}?${q.toString()}`;
  }
  // Real mode: WeCom OAuth (wecom.md §5.1) redirects back to the form with ?code=…; the form page exchanges it.
  const target = `${base}/h5/forms/${kind}${q.size ? `?${q.toString()}` : ''}`;
  const oauth = new URLSearchParams({
    appid: config.wecom.corpId,
    redirect_uri: target,
    response_type: 'code',
    scope: 'snsapi_base',
    state: kind.replace(/[^a-zA-Z0-9]/g, '').slice(0, 128) || 'form',
    agentid: String(config.wecom.agentId),
  });
  return `https://open.weixin.qq.com/connect/oauth2/authorize?${oauth.toString()}#wechat_redirect`;
}

/** Verify a sandbox signed link; returns the userid or undefined. Single use is enforced on submit. */
export function verifySignedLink(
  secret: string,
  kind: string,
  q: Record<string, string | undefined>,
  now: Date,
): { userid: string; nonce: string } | undefined {
  const { u, exp, n, sig } = q;
  if (!u || !exp || !n || !sig) return undefined;
  if (Number(exp) < now.getTime()) return undefined;
  const expected = sign(secret, `${kind}|${u}|${exp}|${n}`);
  const a = Buffer.from(expected);
  const b = Buffer.from(sig);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return undefined;
  return { userid: u, nonce: n };
}
