import { createHash, randomBytes } from 'node:crypto';
import { TRANSPORT_ERRCODE, WecomApiError } from './client-errors';

// Wire formats of the WeCom API for client.ts: JSON answers, binary media downloads, multipart uploads.

export type Json = Record<string, unknown> & { errcode?: number; errmsg?: string };

export interface Media {
  buffer: Buffer;
  contentType: string;
  filename?: string;
}

/** media/get answers errors as JSON (or text/plain JSON) and files as anything else. */
export function isJson(res: Response): boolean {
  const t = res.headers.get('content-type') ?? '';
  return t.includes('json') || t.startsWith('text/plain');
}

export async function readJson(path: string, res: Response): Promise<Json> {
  const text = await res.text();
  try {
    const r = JSON.parse(text) as unknown;
    if (r && typeof r === 'object' && !Array.isArray(r)) return r as Json;
  } catch {
    // fall through
  }
  throw new WecomApiError(TRANSPORT_ERRCODE.badResponse, `WeCom ${path}: response is not a JSON object`, path, {
    category: 'transient',
  });
}

export async function readMedia(res: Response): Promise<Media> {
  const disposition = res.headers.get('content-disposition') ?? '';
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition)?.[1];
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition)?.[1];
  let filename: string | undefined;
  try {
    filename = star ? decodeURIComponent(star) : plain && latin1ToUtf8(plain);
  } catch {
    filename = plain;
  }
  return {
    buffer: Buffer.from(await res.arrayBuffer()),
    contentType: res.headers.get('content-type') ?? 'application/octet-stream',
    ...(filename ? { filename } : {}),
  };
}

/** Raw UTF-8 header bytes arrive as Latin-1 characters; undo that when it yields valid UTF-8. */
function latin1ToUtf8(s: string): string {
  // A latin1-decoded UTF-8 string has only code points up to 0xff, some of them above 0x7f.
  if (!/[\x80-\xff]/.test(s) || [...s].some((c) => c.charCodeAt(0) > 0xff)) return s;
  const decoded = Buffer.from(s, 'latin1').toString('utf8');
  return decoded.includes('\ufffd') ? s : decoded;
}

/** multipart/form-data with the `media` field WeCom expects (media/upload, webhook/upload_media). */
export class MultipartBody {
  constructor(
    readonly body: Buffer,
    readonly contentType: string,
  ) {}
}

export function multipart(filename: string, buf: Buffer): MultipartBody {
  const boundary = `----hallbot${randomBytes(12).toString('hex')}`;
  const name = filename.replace(/["\r\n\\]/g, '_');
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="media"; filename="${name}"; filelength=${buf.length}\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return new MultipartBody(
    Buffer.concat([Buffer.from(head), buf, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    `multipart/form-data; boundary=${boundary}`,
  );
}

/** WeCom doc 91770: a robot image is at most 2 MB before base64 encoding (JPG or PNG). */
export const ROBOT_IMAGE_MAX_BYTES = 2 * 1024 * 1024;

/**
 * The msgtype + body of a robot image (sent with robotSend). Refused here, before any request, above 2 MB: WeCom would refuse it anyway,
 * and a retry cannot make it smaller, so the error is marked permanent (the outbox parks the row).
 */
export function robotImageContent(buf: Buffer): { msgtype: 'image'; image: { base64: string; md5: string } } {
  if (buf.length === 0 || buf.length > ROBOT_IMAGE_MAX_BYTES)
    throw Object.assign(
      new Error(`robot image is ${buf.length} bytes; WeCom accepts 1 byte to 2 MB (WeCom doc 91770)`),
      { permanent: true },
    );
  return {
    msgtype: 'image',
    image: { base64: buf.toString('base64'), md5: createHash('md5').update(buf).digest('hex') },
  };
}

/** The answer with its body read (under the caller's deadline), as a Response that holds no connection. */
export async function buffered(res: Response): Promise<Response> {
  const init = { status: res.status, statusText: res.statusText, headers: res.headers };
  return [204, 205, 304].includes(res.status) ? new Response(null, init) : new Response(await res.arrayBuffer(), init);
}
