import { randomBytes, timingSafeEqual } from 'node:crypto';
import { decrypt, encrypt, getSignature } from '@wecom/crypto';
import { cdata } from './xml';

// The callback envelope (WeCom doc 91144–§1.5). @wecom/crypto only does AES and SHA-1: it checks neither the
// signature nor the receive id, and its PKCS#7 unpad is lenient (§1.5). Everything it leaves out is here.

export interface CryptoCfg {
  token: string;
  aesKey: string;
  corpId: string;
}

/** A callback we refuse: 401 for a bad or missing signature, 400 for everything else (architecture "HTTP"). */
export class CallbackError extends Error {
  constructor(
    readonly status: 400 | 401,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CallbackError';
  }
}

/** Koa's ctx.query fits as is; a repeated parameter arrives as an array and is treated as missing. */
export type CallbackQuery = Record<string, string | string[] | undefined>;

const one = (q: CallbackQuery, name: string): string => {
  const v = q[name];
  return typeof v === 'string' ? v : '';
};

/** Timing-safe hex comparison; a length mismatch still does one comparison so timing says nothing. */
function sameSignature(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given.toLowerCase());
  if (a.length !== b.length) {
    timingSafeEqual(a, a);
    return false;
  }
  return timingSafeEqual(a, b);
}

function checkSignature(cfg: CryptoCfg, q: CallbackQuery, encrypted: string): void {
  const signature = one(q, 'msg_signature');
  const timestamp = one(q, 'timestamp');
  const nonce = one(q, 'nonce');
  if (!signature || !timestamp || !nonce)
    throw new CallbackError(401, 'missing_signature', 'msg_signature, timestamp and nonce are required');
  if (!sameSignature(getSignature(cfg.token, timestamp, nonce, encrypted), signature)) {
    throw new CallbackError(401, 'bad_signature', 'signature does not match (-40001)');
  }
}

// Base64 of whole 32-byte PKCS#7 blocks (§1.4): anything else is truncated or not ours.
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const MIN_BYTES = 32; // random(16) + length(4) + at least the padding

/**
 * Decrypt a signed ciphertext and prove it is well formed. The library's decrypt accepts garbage (bad
 * padding, a length field pointing past the end, invalid UTF-8), so the result is re-encrypted with the same
 * random prefix: only a canonical plaintext — correct PKCS#7 padding, consistent length, valid UTF-8 —
 * reproduces the ciphertext byte for byte. Then the receive id must be our corp id (-40005).
 */
function decryptChecked(cfg: CryptoCfg, encrypted: string): string {
  if (encrypted.length % 4 !== 0 || !BASE64.test(encrypted))
    throw new CallbackError(400, 'bad_base64', 'ciphertext is not base64 (-40010)');
  return decryptBase64(cfg, encrypted);
}

/** decryptChecked for a ciphertext already known to be base64 (the POST envelope's own pattern says so). */
function decryptBase64(cfg: CryptoCfg, encrypted: string): string {
  const bytes = Buffer.from(encrypted, 'base64');
  if (bytes.length < MIN_BYTES || bytes.length % 32 !== 0)
    throw new CallbackError(400, 'bad_length', 'ciphertext length is not a whole number of blocks (-40008)');
  let out: { message: string; id: string; random: Buffer };
  try {
    out = decrypt(cfg.aesKey, encrypted);
  } catch {
    throw new CallbackError(400, 'decrypt_failed', 'ciphertext does not decrypt (-40007)');
  }
  let canonical: boolean;
  try {
    canonical = encrypt(cfg.aesKey, out.message, out.id, out.random) === encrypted;
  } catch {
    canonical = false;
  }
  if (!canonical) throw new CallbackError(400, 'illegal_buffer', 'decrypted data is malformed (-40008)');
  if (out.id !== cfg.corpId) throw new CallbackError(400, 'wrong_receive_id', 'receive id is not this corp (-40005)');
  return out.message;
}

// WeCom's envelope exactly as it sends it (§1.3): only the Encrypt text is used, and the signature authenticates it.
// Its capture is the base64 pattern itself, so the POST path does not test the ciphertext twice.
const ENVELOPE =
  /^\s*<xml>\s*(?:<ToUserName><!\[CDATA\[[^\]<]*\]\]><\/ToUserName>\s*)?<Encrypt><!\[CDATA\[([A-Za-z0-9+/]+={0,2})\]\]><\/Encrypt>\s*(?:<AgentID><!\[CDATA\[[^\]<]*\]\]><\/AgentID>\s*)?<\/xml>\s*$/;

/**
 * The Encrypt text of a POST envelope. Before the signature is verified only WeCom's exact shape is accepted
 * (a 400 otherwise): no XML parser runs on unauthenticated input, so pre-auth work is one linear regex.
 */
function envelopeCiphertext(rawBody: string): string {
  const exact = ENVELOPE.exec(rawBody);
  if (!exact) throw new CallbackError(400, 'bad_envelope', 'body is not the WeCom callback envelope');
  return exact[1];
}

/** GET URL verification (§1.2): returns the plaintext echostr to send back as text/plain. */
export function verifyUrl(cfg: CryptoCfg, query: CallbackQuery): string {
  const echostr = one(query, 'echostr');
  checkSignature(cfg, query, echostr);
  if (!echostr) throw new CallbackError(400, 'missing_echostr', 'echostr is required');
  return decryptChecked(cfg, echostr);
}

/**
 * POST callback (§1.3): signature first (timing-safe, before any decryption), then decrypt, receive id,
 * structure. Returns the plaintext XML; parsing it is inbound.ts's job.
 */
export function openEnvelope(cfg: CryptoCfg, query: CallbackQuery, rawBody: string): string {
  const encrypted = envelopeCiphertext(rawBody);
  // Envelope ToUserName/AgentID are not covered by the signature: the decrypted receive id is what counts.
  checkSignature(cfg, query, encrypted);
  if (encrypted.length % 4 !== 0) throw new CallbackError(400, 'bad_base64', 'ciphertext is not base64 (-40010)');
  return decryptBase64(cfg, encrypted);
}

export interface SealOptions {
  timestamp?: string;
  nonce?: string;
  random?: Buffer;
  agentId?: string | number;
}

// A type alias (not an interface) so it can be passed straight back to verifyUrl/openEnvelope.
export type SealedQuery = {
  msg_signature: string;
  timestamp: string;
  nonce: string;
};

function seal(cfg: CryptoCfg, plain: string, opts: SealOptions): { encrypted: string; query: SealedQuery } {
  const timestamp = opts.timestamp ?? String(Math.floor(Date.now() / 1000));
  const nonce = opts.nonce ?? String(randomBytes(4).readUInt32BE(0));
  const encrypted = encrypt(cfg.aesKey, plain, cfg.corpId, opts.random ?? randomBytes(16));
  return {
    encrypted,
    query: { msg_signature: getSignature(cfg.token, timestamp, nonce, encrypted), timestamp, nonce },
  };
}

/**
 * Build exactly what WeCom POSTs to the callback URL (body layout of Tencent's sample, §1.3). Used by tests
 * and by the sandbox page so that its messages take the real signed, encrypted path (D27).
 */
export function sealEnvelope(
  cfg: CryptoCfg,
  plainXml: string,
  opts: SealOptions = {},
): { body: string; query: SealedQuery } {
  const { encrypted, query } = seal(cfg, plainXml, opts);
  const agent = opts.agentId === undefined ? '' : `<AgentID>${cdata(opts.agentId)}</AgentID>\n`;
  const body = `<xml><ToUserName>${cdata(cfg.corpId)}</ToUserName>\n<Encrypt>${cdata(encrypted)}</Encrypt>\n${agent}</xml>`;
  return { body, query };
}

/** The GET verification query WeCom sends when the admin saves the callback URL (§1.2). */
export function encryptEcho(
  cfg: CryptoCfg,
  echo: string,
  opts: Omit<SealOptions, 'agentId'> = {},
): SealedQuery & { echostr: string } {
  const { encrypted, query } = seal(cfg, echo, opts);
  return { ...query, echostr: encrypted };
}
