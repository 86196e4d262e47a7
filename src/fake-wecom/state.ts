import { randomBytes } from 'node:crypto';
import { Feed, type FeedItem } from './feed';

// Everything the fake WeCom remembers (WeCom doc 90238): tokens, calls, faults, delivered messages, chats,
// media, one-use codes. Tests and the sandbox read and script it directly.

export interface FakeWecomOptions {
  corpId?: string;
  secret?: string;
  agentId?: number;
  /** Userids inside the app's 可见范围; omitted = every userid is known. A function is read on each call (sandbox directory). */
  knownUsers?: string[] | (() => string[]);
  /** Robot webhook keys that exist; 'any' (default) accepts every key, as the sandbox needs (D10). */
  robotKeys?: string[] | 'any';
  /** Clock in ms (token expiry, code validity, rate windows). */
  now?: () => number;
  /**
   * D237: keep only what a month-long run reads — calls without their bodies, delivered messages without the request
   * body when a typed field (text, markdown, card, file, image) already holds the content.
   */
  lean?: boolean;
}

export interface RecordedCall {
  at: string;
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
}

/** A scripted failure for the next call to a path: an errcode answer, an HTTP status, or a delay before normal handling. */
export type Fault = { errcode: number; errmsg?: string } | { httpStatus: number } | { delayMs: number };

export interface StoredMedia {
  buffer: Buffer;
  filename: string;
  contentType: string;
  type: string;
}

export interface AppChat {
  chatid: string;
  name: string;
  owner: string;
  userlist: string[];
}

interface OneUseCode {
  used: boolean;
  issuedAt: number;
}

export const TOKEN_TTL_S = 7200;
export const OAUTH_CODE_TTL_MS = 5 * 60_000; // WeCom doc 91023
export const RESPONSE_CODE_TTL_MS = 72 * 3_600_000; // current doc (§3.4); the bot itself assumes 24 h (D12)

export class FakeWecomState {
  readonly corpId: string;
  readonly secret: string;
  readonly agentId: number;
  readonly now: () => number;
  readonly lean: boolean;
  readonly feedLog: Feed;
  calls: RecordedCall[] = [];
  readonly chats = new Map<string, AppChat>();
  readonly media = new Map<string, StoredMedia>();
  readonly taskIds = new Set<string>();
  readonly responseCodes = new Map<string, OneUseCode & { feedId: number }>();
  readonly duplicates = new Map<string, { at: number; msgid: string }>();
  private readonly oauthCodes = new Map<string, OneUseCode & { userid: string }>();
  private readonly tokens = new Map<string, { expiresAt: number; revoked: boolean }>();
  private readonly faults = new Map<string, Fault[]>();
  private readonly knownUsers?: string[] | (() => string[]);
  private readonly robotKeys: Set<string> | 'any';
  private counter = 0;

  constructor(opts: FakeWecomOptions = {}) {
    this.corpId = opts.corpId ?? 'wwfakecorp0000001';
    this.secret = opts.secret ?? 'fake-secret';
    this.agentId = opts.agentId ?? 1000002;
    this.now = opts.now ?? Date.now;
    this.lean = opts.lean ?? false;
    this.knownUsers = opts.knownUsers;
    this.robotKeys = opts.robotKeys === undefined || opts.robotKeys === 'any' ? 'any' : new Set(opts.robotKeys);
    this.feedLog = new Feed(this.now);
  }

  /** A short unique suffix for generated ids. */
  nextId(): number {
    return ++this.counter;
  }

  // ── scripting

  /** Queue a fault for the next call to `path` (e.g. '/cgi-bin/message/send'); queued faults are consumed in order. */
  failNext(path: string, fault: Fault): void {
    const list = this.faults.get(path) ?? [];
    list.push(fault);
    this.faults.set(path, list);
  }

  takeFault(path: string): Fault | undefined {
    return this.faults.get(path)?.shift();
  }

  /** Every issued token now answers 42001 (expired); gettoken issues a new one. */
  expireTokens(): void {
    for (const t of this.tokens.values()) t.expiresAt = Math.min(t.expiresAt, this.now() - 1);
  }

  /** Every issued token now answers 40014 (invalid, e.g. the secret was reset). */
  revokeTokens(): void {
    for (const t of this.tokens.values()) t.revoked = true;
  }

  /** A single-use OAuth code for auth/getuserinfo (valid 5 min). */
  mintOauthCode(userid: string): string {
    const code = `oauth${this.nextId()}${randomBytes(6).toString('hex')}`;
    this.oauthCodes.set(code, { userid, used: false, issuedAt: this.now() });
    return code;
  }

  /**
   * A fresh ResponseCode for a click on the card with this task id, as WeCom puts in each template_card_event
   * (WeCom doc 90239/90240). The sandbox uses it to build click callbacks. Undefined if no such card was delivered.
   */
  mintResponseCode(taskId: string): string | undefined {
    const item = this.feedLog.find((i) => i.taskId === taskId);
    return item ? this.issueResponseCode(item) : undefined;
  }

  issueResponseCode(item: FeedItem): string {
    const code = `rc${this.nextId()}${randomBytes(8).toString('hex')}`;
    this.responseCodes.set(code, { feedId: item.id, used: false, issuedAt: this.now() });
    return code;
  }

  // ── tokens

  /** The current token if still valid, else a new `tok-N` (WeCom returns the same token within its validity, §3.1). */
  issueToken(): { token: string; expiresIn: number } {
    const now = this.now();
    for (const [token, t] of this.tokens) {
      if (!t.revoked && t.expiresAt > now) return { token, expiresIn: Math.floor((t.expiresAt - now) / 1000) };
    }
    const token = `tok-${this.tokens.size + 1}`;
    this.tokens.set(token, { expiresAt: now + TOKEN_TTL_S * 1000, revoked: false });
    return { token, expiresIn: TOKEN_TTL_S };
  }

  /** 0 if the token is usable, else the errcode WeCom would answer (41001 missing, 40014 invalid, 42001 expired). */
  tokenError(token: string | undefined): number {
    if (!token) return 41001;
    const t = this.tokens.get(token);
    if (!t || t.revoked) return 40014;
    return t.expiresAt > this.now() ? 0 : 42001;
  }

  useOauthCode(code: string): string | undefined {
    const c = this.oauthCodes.get(code);
    if (!c || c.used || this.now() - c.issuedAt > OAUTH_CODE_TTL_MS) return undefined;
    c.used = true;
    return c.userid;
  }

  // ── directory

  private users(): string[] | undefined {
    const u = typeof this.knownUsers === 'function' ? this.knownUsers() : this.knownUsers;
    return u?.map((x) => x.toLowerCase());
  }

  /** Userids are case-insensitive (WeCom doc 90238). */
  isKnownUser(userid: string): boolean {
    const users = this.users();
    return users === undefined || users.includes(userid.toLowerCase());
  }

  /** Everyone for `@all`; an empty list when the directory is open-ended. */
  allUsers(): string[] {
    return this.users() ?? [];
  }

  isKnownRobot(key: string): boolean {
    return key !== '' && (this.robotKeys === 'any' || this.robotKeys.has(key));
  }

  // ── reading what was delivered

  /** Messages created or changed after `afterSeq` (see FeedItem.seq). */
  feed(afterSeq?: number): FeedItem[] {
    return this.feedLog.since(afterSeq);
  }

  messagesTo(userid: string): FeedItem[] {
    const u = userid.toLowerCase();
    return this.feedLog.all().filter((i) => i.channel === 'dm' && (i.to as string[]).includes(u));
  }

  messagesInChat(chatid: string): FeedItem[] {
    return this.feedLog.all().filter((i) => i.channel === 'chat' && i.to === chatid);
  }

  /** By key or by the full webhook URL. */
  robotMessages(keyOrUrl: string): FeedItem[] {
    const key = /[?&]key=([^&]+)/.exec(keyOrUrl)?.[1] ?? keyOrUrl;
    return this.feedLog.all().filter((i) => i.channel === 'robot' && i.to === decodeURIComponent(key));
  }

  callsTo(path: string): RecordedCall[] {
    return this.calls.filter((c) => c.path === path);
  }

  /** Forget everything: calls, tokens, faults, messages, chats, media, codes, task ids. */
  reset(): void {
    this.calls = [];
    for (const m of [
      this.chats,
      this.media,
      this.responseCodes,
      this.duplicates,
      this.oauthCodes,
      this.tokens,
      this.faults,
    ])
      m.clear();
    this.taskIds.clear();
    this.feedLog.reset();
    this.counter = 0;
  }
}
