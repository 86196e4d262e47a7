import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ChatState } from '../../entities/chat-state';
import type { Ctx } from './ctx';

// H5 forms (docs/commands.md): a link opened from chat with WeCom identity — OAuth snsapi_base in real mode,
// a signed single-use link in sandbox mode. Submitting a form runs the same command as chat (same checks,
// same reply). The form table itself is commands/forms.ts.

export interface FormField {
  /** The command's argument name (Chinese key), e.g. `从`. */
  key: string;
  label: string;
  /**
   * `file`: photos or scans uploaded with the page (D220). They are attached to the record the submission creates,
   * through the attachment slot its command opens — the same rows, limits and type sniffing as a file sent in chat.
   */
  type?: 'text' | 'textarea' | 'date' | 'select' | 'number' | 'file';
  options?: string[];
  /** `file`: the media types accepted (default FILE_ACCEPT), sniffed from the bytes. */
  accept?: readonly string[];
  /** A number that may carry decimals (a score such as 18.5): the phone shows a keypad with the decimal point. */
  decimal?: boolean;
  required?: boolean;
  help?: string;
}

/** What a file field accepts unless it says otherwise: photos, scans and Office documents. */
export const FILE_ACCEPT: readonly string[] = [
  'image/jpeg',
  'image/png',
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
];

/** Photos only (e.g. a lost item's picture). */
export const PHOTO_ACCEPT: readonly string[] = ['image/jpeg', 'image/png'];

export interface FormDef {
  /** URL segment: /h5/forms/<kind>. */
  kind: string;
  /** The form's title (docs/rules.md form name); `表单 <名称>` also accepts `aliases`. */
  title: string;
  aliases?: string[];
  /** The command row the form submits to (commands/index.ts name). */
  command: string;
  fields: FormField[];
  /** Shown above the fields, e.g. the REC-05 banner. */
  intro?: string;
  /**
   * The form as it stands now, for a form whose fields come from a setting (the PRF-09 考核细则 items): read on
   * every page and submission, so an admin's change of the setting shows on the next open (D202).
   */
  current?(m: EntityManager): Promise<FormDef>;
  /** Folds the submitted fields into the command's arguments (default: as submitted), e.g. items → `细则=a:1,b:2`. */
  toArgs?(values: Record<string, string>): Record<string, string>;
}

/** The form with its request-time fields (`current`), or as declared. */
export async function currentForm(m: EntityManager, form: FormDef): Promise<FormDef> {
  return form.current ? form.current(m) : form;
}

/** A form by its kind, title or alias (`表单 <名称>`, /h5/forms/<kind>). */
export function findForm(forms: readonly FormDef[], nameOrKind: string): FormDef | undefined {
  const s = nameOrKind.trim();
  return forms.find((f) => f.kind === s || f.title === s || (f.aliases ?? []).includes(s));
}

const LINK_TTL_MS = 24 * 3600_000;
/** A real-mode link sits in an order or a draft reply for the whole of its deadline (整改方案 5 WD …). */
const OAUTH_LINK_TTL_MS = 30 * 24 * 3600_000;
const DRAFT_PREFIX = 'h5d:';

function sign(secret: string, payload: string): string {
  return createHmac('sha256', `h5:${secret}`).update(payload).digest('base64url');
}

const sameText = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * The OAuth `state` (WeCom doc 91023: [a-zA-Z0-9], ≤ 128 bytes): a random nonce and an expiry, signed together
 * with the form and the person the link was sent to. Checked on return, so a link forwarded to someone else,
 * an expired one or a forged redirect does not open the form.
 */
export function oauthState(secret: string, kind: string, userid: string, now: Date): string {
  const nonce = randomBytes(8).toString('hex');
  const exp = (now.getTime() + OAUTH_LINK_TTL_MS).toString(36);
  const mac = createHmac('sha256', `h5o:${secret}`).update(`${kind}|${userid}|${nonce}|${exp}`).digest('hex');
  return `${nonce}Z${exp}Z${mac.slice(0, 32)}`;
}

export function checkOauthState(secret: string, kind: string, userid: string, state: string, now: Date): boolean {
  const m = /^([0-9a-f]{16})Z([0-9a-z]{1,12})Z([0-9a-f]{32})$/.exec(state);
  if (!m || parseInt(m[2], 36) < now.getTime()) return false;
  const mac = createHmac('sha256', `h5o:${secret}`).update(`${kind}|${userid}|${m[1]}|${m[2]}`).digest('hex');
  return sameText(mac.slice(0, 32), m[3]);
}

/**
 * The link for `kind`. What was typed travels as a server-side draft (chat_state `h5d:<id>`, readable only by
 * the person the link is for, for 24 hours): phone numbers and names never stand in a URL, a proxy log or a
 * browser history.
 */
export async function formLink(
  ctx: Ctx,
  kind: string,
  prefill: Record<string, string | undefined> = {},
): Promise<string> {
  const base = ctx.deps.publicBaseUrl.replace(/\/+$/, '');
  const q = new URLSearchParams();
  const values = Object.fromEntries(Object.entries(prefill).filter((e): e is [string, string] => Boolean(e[1])));
  if (Object.keys(values).length) {
    const id = randomBytes(8).toString('hex');
    const draft = {
      userid: ctx.actor.userid,
      kind: `${DRAFT_PREFIX}${id}`,
      data: { form: kind, values },
      expiresAt: new Date(ctx.now.getTime() + OAUTH_LINK_TTL_MS),
    };
    await ctx.m.save(ChatState, draft);
    // A refusal that carries this link rolls the transaction back; the draft is written again with the reply.
    ctx.keep.push(async (m) => {
      await m.save(ChatState, draft);
    });
    q.set('d', id);
  }
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
  // Real mode: WeCom OAuth (WeCom doc 91023) redirects back to the form with ?code=…&state=…; the form page exchanges it.
  const target = `${base}/h5/forms/${kind}${q.size ? `?${q.toString()}` : ''}`;
  const oauth = new URLSearchParams({
    appid: config.wecom.corpId,
    redirect_uri: target,
    response_type: 'code',
    scope: 'snsapi_base',
    state: oauthState(config.sessionSecret, kind, ctx.actor.userid, ctx.now),
    agentid: String(config.wecom.agentId),
  });
  return `https://open.weixin.qq.com/connect/oauth2/authorize?${oauth.toString()}#wechat_redirect`;
}

/** The prefilled values of draft `id`, if it is `userid`'s, for this form and not expired; else none. */
export async function readDraft(
  m: EntityManager,
  userid: string,
  kind: string,
  id: string | undefined,
  now: Date,
): Promise<Record<string, string>> {
  if (!id || !/^[0-9a-f]{16}$/.test(id)) return {};
  const row = await m.findOne(ChatState, { where: { userid, kind: `${DRAFT_PREFIX}${id}` } });
  if (!row || row.expiresAt < now || row.data.form !== kind) return {};
  return (row.data.values ?? {}) as Record<string, string>;
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
  if (!sameText(sign(secret, `${kind}|${u}|${exp}|${n}`), sig)) return undefined;
  return { userid: u, nonce: n };
}
