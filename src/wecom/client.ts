import type { Logger } from 'pino';
import { TRANSPORT_ERRCODE, WecomApiError } from './client-errors';
import { buffered, isJson, MultipartBody, multipart, readJson, readMedia, type Json, type Media } from './client-http';
import type { AppChatBody, AppChatInfo, MediaType, MessageBody, SendResult, UpdateCardBody } from './client-types';

export { TRANSPORT_ERRCODE, WecomApiError, categoryOf, type ErrorCategory } from './client-errors';
export type { Media } from './client-http';
export { ROBOT_IMAGE_MAX_BYTES, robotImageContent } from './client-http';
export type { AppChatBody, AppChatInfo, MediaType, MessageBody, SendResult, UpdateCardBody } from './client-types';

// The only module that speaks HTTP to WeCom (architecture "Rooms"). Every API call goes to apiBase
// (WECOM_API_BASE); robot webhook URLs are called exactly as stored (D10). The secret and access tokens
// never reach a log line or an error message: URLs are logged as paths, and texts pass through redact().

export interface WecomClientOptions {
  apiBase: string;
  corpId: string;
  secret: string;
  agentId: number;
  log?: Logger;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
  /** Clock for token expiry (tests). */
  now?: () => number;
}

const TOKEN_ERRORS = new Set([40014, 42001]);
const REFRESH_EARLY_S = 300; // WeCom doc 91039: refresh ~5 min before expiry

export class WecomClient {
  private readonly base: string;
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;
  private readonly now: () => number;
  private token?: { value: string; refreshAt: number };
  private inflight?: Promise<string>;
  private readonly seenTokens = new Set<string>();

  constructor(private readonly opts: WecomClientOptions) {
    this.base = opts.apiBase.replace(/\/+$/, '');
    this.fetchImpl = opts.fetchImpl ?? fetch;
    this.timeoutMs = opts.timeoutMs ?? 10_000;
    this.now = opts.now ?? Date.now;
  }

  // ── messages (WeCom doc 90236–§3.5)

  async sendMessage(body: MessageBody): Promise<SendResult> {
    const r = await this.api('POST', '/cgi-bin/message/send', {}, { ...body, agentid: this.opts.agentId });
    return {
      ...pick(r, ['response_code', 'invaliduser', 'invalidparty', 'invalidtag', 'unlicenseduser']),
      msgid: String(r.msgid ?? ''),
    };
  }

  async updateTemplateCard(body: UpdateCardBody): Promise<{ invaliduser?: string[] }> {
    const r = await this.api(
      'POST',
      '/cgi-bin/message/update_template_card',
      {},
      { ...body, agentid: this.opts.agentId },
    );
    return pick(r, ['invaliduser']);
  }

  async recall(msgid: string): Promise<void> {
    await this.api('POST', '/cgi-bin/message/recall', {}, { msgid });
  }

  // ── app group chats (§3.6)

  async createAppChat(input: {
    name: string;
    owner?: string;
    userlist: string[];
    chatid?: string;
  }): Promise<{ chatid: string }> {
    const r = await this.api('POST', '/cgi-bin/appchat/create', {}, input);
    return { chatid: String(r.chatid) };
  }

  async updateAppChat(input: {
    chatid: string;
    name?: string;
    owner?: string;
    add_user_list?: string[];
    del_user_list?: string[];
  }): Promise<void> {
    await this.api('POST', '/cgi-bin/appchat/update', {}, input);
  }

  async getAppChat(chatid: string): Promise<AppChatInfo> {
    const r = await this.api('GET', '/cgi-bin/appchat/get', { chatid });
    return r.chat_info as AppChatInfo;
  }

  async sendAppChat(body: AppChatBody): Promise<Record<string, never>> {
    await this.api('POST', '/cgi-bin/appchat/send', {}, body);
    return {};
  }

  // ── robots (§3.7): the key is the credential, no access_token

  async robotSend(webhookUrl: string, body: Record<string, unknown>): Promise<Record<string, never>> {
    await this.robot(webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return {};
  }

  /** Returns the media_id for a robot `file`/`voice` message. */
  async robotUploadMedia(
    webhookUrl: string,
    filename: string,
    buf: Buffer,
    type: 'file' | 'voice' = 'file',
  ): Promise<string> {
    const url = new URL(webhookUrl);
    url.pathname = url.pathname.replace(/\/webhook\/send$/, '/webhook/upload_media');
    url.searchParams.set('type', type);
    const form = multipart(filename, buf);
    const r = await this.robot(url.toString(), {
      method: 'POST',
      headers: { 'content-type': form.contentType },
      body: form.body,
    });
    return String(r.media_id);
  }

  // ── media (D6)

  /** Temporary media (valid 3 days); returns its media_id. */
  async uploadMedia(type: MediaType, filename: string, buf: Buffer): Promise<string> {
    const r = await this.api('POST', '/cgi-bin/media/upload', { type }, multipart(filename, buf));
    return String(r.media_id);
  }

  async getMedia(mediaId: string): Promise<Media> {
    const r = await this.api('GET', '/cgi-bin/media/get', { media_id: mediaId }, undefined, true);
    return r.media as Media;
  }

  // ── identity (§5)

  async getUserInfo(
    code: string,
  ): Promise<{ userid?: string; user_ticket?: string; openid?: string; external_userid?: string }> {
    const r = await this.api('GET', '/cgi-bin/auth/getuserinfo', { code });
    return pick(r, ['userid', 'user_ticket', 'openid', 'external_userid']);
  }

  async getUser(userid: string): Promise<Record<string, unknown>> {
    const user: Record<string, unknown> = { ...(await this.api('GET', '/cgi-bin/user/get', { userid })) };
    delete user.errcode;
    delete user.errmsg;
    return user;
  }

  // ── token (§3.1): cached, single-flight, refreshed 5 min early; dropped on 40014/42001

  private async accessToken(): Promise<string> {
    if (this.token && this.now() < this.token.refreshAt) return this.token.value;
    this.inflight ??= this.fetchToken().finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  private async fetchToken(): Promise<string> {
    const q = new URLSearchParams({ corpid: this.opts.corpId, corpsecret: this.opts.secret });
    const path = '/cgi-bin/gettoken';
    const r = this.checked(path, await readJson(path, await this.http(path, `${this.base}${path}?${q}`, {})));
    const value = String(r.access_token ?? '');
    if (!value)
      throw new WecomApiError(TRANSPORT_ERRCODE.badResponse, 'gettoken returned no access_token', path, {
        category: 'transient',
      });
    const ttl = Number(r.expires_in) || 7200;
    this.seenTokens.add(value);
    if (this.seenTokens.size > 8) this.seenTokens.delete(this.seenTokens.values().next().value as string);
    this.token = { value, refreshAt: this.now() + Math.max(ttl - REFRESH_EARLY_S, ttl / 2) * 1000 };
    this.opts.log?.info({ path, expiresIn: ttl }, 'wecom access token refreshed');
    return value;
  }

  /** Forget a token WeCom rejected, unless a concurrent call already replaced it. */
  private dropToken(stale: string): void {
    if (this.token?.value === stale) this.token = undefined;
  }

  // ── HTTP

  private async api(
    method: 'GET' | 'POST',
    path: string,
    query: Record<string, string>,
    body?: unknown,
    binary = false,
  ): Promise<Json> {
    for (let attempt = 0; ; attempt++) {
      const token = await this.accessToken();
      const url = `${this.base}${path}?${new URLSearchParams({ ...query, access_token: token })}`;
      const init: RequestInit = { method };
      if (body instanceof MultipartBody)
        Object.assign(init, { headers: { 'content-type': body.contentType }, body: body.body });
      else if (body !== undefined)
        Object.assign(init, { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const res = await this.http(path, url, init);
      if (binary && !isJson(res)) return { errcode: 0, media: await readMedia(res) };
      const r = await readJson(path, res);
      if (TOKEN_ERRORS.has(r.errcode ?? 0) && attempt === 0) {
        this.opts.log?.warn({ path, errcode: r.errcode }, 'wecom rejected the access token; refreshing once');
        this.dropToken(token);
        continue;
      }
      return this.checked(path, r);
    }
  }

  private async robot(webhookUrl: string, init: RequestInit): Promise<Json> {
    const path = new URL(webhookUrl).pathname;
    return this.checked(path, await readJson(path, await this.http(path, webhookUrl, init)));
  }

  private checked(path: string, r: Json): Json {
    const errcode = Number(r.errcode ?? 0);
    if (errcode === 0) return r;
    const err = new WecomApiError(errcode, this.redact(`WeCom ${path} errcode ${errcode}: ${r.errmsg ?? ''}`), path);
    this.opts.log?.warn(
      { path, errcode, category: err.category, errmsg: this.redact(String(r.errmsg ?? '')) },
      'wecom call failed',
    );
    throw err;
  }

  /** One HTTP exchange; transport failures become retryable WecomApiErrors. `path` is what gets logged. */
  private async http(path: string, url: string, init: RequestInit): Promise<Response> {
    const started = Date.now();
    let res: Response;
    // D239: one deadline for the answer and its body, cleared as soon as both are in. AbortSignal.timeout stayed
    // armed for the full timeout after every call, holding the exchange, so each call's objects outlived the young
    // generation.
    const ac = new AbortController();
    const timer = setTimeout(() => ac.abort(new DOMException('timeout', 'TimeoutError')), this.timeoutMs);
    try {
      res = await buffered(await this.fetchImpl(url, { ...init, signal: ac.signal }));
    } catch (e) {
      const timeout = (e as Error).name === 'TimeoutError' || (e as Error).name === 'AbortError';
      const code = timeout ? TRANSPORT_ERRCODE.timeout : TRANSPORT_ERRCODE.network;
      const detail = this.redact(String((e as { cause?: { code?: string } }).cause?.code ?? (e as Error).message));
      this.opts.log?.warn(
        { path, errcode: code, detail },
        timeout ? 'wecom call timed out' : 'wecom call failed to connect',
      );
      throw new WecomApiError(
        code,
        `WeCom ${path}: ${timeout ? `no response within ${this.timeoutMs} ms` : `network error ${detail}`}`,
        path,
      );
    } finally {
      clearTimeout(timer);
    }
    this.opts.log?.debug({ path, status: res.status, ms: Date.now() - started }, 'wecom call');
    if (res.status === 200) return res;
    await res.arrayBuffer().catch(() => undefined);
    const s = res.status;
    const category = s >= 500 || s === 408 ? 'transient' : s === 429 ? 'rate_limit' : 'config'; // other 4xx: wrong apiBase/proxy
    this.opts.log?.warn({ path, httpStatus: s, category }, 'wecom call returned an HTTP error');
    throw new WecomApiError(TRANSPORT_ERRCODE.http, `WeCom ${path}: HTTP ${s}`, path, { category, httpStatus: s });
  }

  /** Remove the secret, every access token this client has held and any key/token query value. */
  private redact(text: string): string {
    let out = text.replace(/(access_token|corpsecret|key)=[^&\s"']+/g, '$1=***');
    for (const secret of [this.opts.secret, ...this.seenTokens]) if (secret) out = out.split(secret).join('***');
    return out;
  }
}

/** Copy the named fields that WeCom actually filled in (it sends "" for "none"). */
function pick(r: Json, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (r[k] !== undefined && r[k] !== '') out[k] = r[k];
  return out;
}
