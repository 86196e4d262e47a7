import type Koa from 'koa';
import type { FakeWecomState } from './state';

// The fake's HTTP plumbing: one Koa middleware that owns every path under its prefix, records each call,
// applies scripted faults, checks the access token, and hands a parsed request to a route handler.
// Always HTTP 200 JSON, like WeCom (WeCom doc 90238), except scripted HTTP faults and binary media/get.

export interface MultipartPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

export interface FakeRequest {
  method: string;
  /** Path without the mount prefix, e.g. '/cgi-bin/message/send'. */
  path: string;
  query: Record<string, string>;
  json?: Record<string, unknown>;
  parts?: MultipartPart[];
}

/** A binary answer (media/get). */
export class BinaryReply {
  constructor(
    readonly buffer: Buffer,
    readonly contentType: string,
    readonly filename: string,
  ) {}
}

export type Reply = Record<string, unknown> | BinaryReply;
export type Handler = (req: FakeRequest, s: FakeWecomState) => Reply;
/** Keyed by `METHOD /path`. */
export type Routes = Record<string, Handler>;

export const ok = (extra: Record<string, unknown> = {}): Reply => ({ errcode: 0, errmsg: 'ok', ...extra });
export const fail = (errcode: number, errmsg: string): Reply => ({ errcode, errmsg: `${errmsg}, hint: [fake-wecom]` });

/** Paths that authenticate without an access_token (§3.1 gettoken, §3.7 robots use their key). */
const NO_TOKEN = new Set(['/cgi-bin/gettoken', '/cgi-bin/webhook/send', '/cgi-bin/webhook/upload_media']);
const MAX_BODY = 25 * 1024 * 1024;

async function readBody(ctx: Koa.Context): Promise<Buffer> {
  if (ctx.req.readableEnded) {
    // Something upstream already consumed the stream (a body parser mounted before the fake).
    const b = (ctx.request as { rawBody?: string; body?: unknown }).rawBody ?? (ctx.request as { body?: unknown }).body;
    return Buffer.from(typeof b === 'string' ? b : b ? JSON.stringify(b) : '');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw Object.assign(new Error('body too large'), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Minimal multipart/form-data reader (WeCom's media uploads carry one `media` part, §D6). */
export function parseMultipart(buf: Buffer, contentType: string): MultipartPart[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!boundary) return [];
  const delim = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const parts: MultipartPart[] = [];
  let pos = buf.indexOf(delim);
  while (pos !== -1) {
    const start = pos + delim.length;
    if (buf.subarray(start, start + 2).toString() === '--') break;
    const next = buf.indexOf(delim, start);
    if (next === -1) break;
    const part = buf.subarray(start + 2, next - 2); // skip CRLF after the delimiter and before the next one
    const sep = part.indexOf('\r\n\r\n');
    if (sep !== -1) {
      const head = part.subarray(0, sep).toString('utf8');
      const name = /name="([^"]*)"/i.exec(head)?.[1] ?? '';
      const filename = /filename="([^"]*)"/i.exec(head)?.[1];
      const type = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1];
      parts.push({
        name,
        ...(filename !== undefined ? { filename } : {}),
        ...(type ? { contentType: type.trim() } : {}),
        data: Buffer.from(part.subarray(sep + 4)),
      });
    }
    pos = next;
  }
  return parts;
}

function recordable(req: FakeRequest): unknown {
  if (req.parts) return { parts: req.parts.map((p) => ({ name: p.name, filename: p.filename, size: p.data.length })) };
  return req.json;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Build the Koa middleware serving `routes` under `prefix` ('' for a standalone server). */
export function fakeMiddleware(state: FakeWecomState, routes: Routes, prefix: string): Koa.Middleware {
  const base = prefix.replace(/\/+$/, '');
  return async (ctx, next) => {
    if (base && ctx.path !== base && !ctx.path.startsWith(`${base}/`)) {
      await next();
      return;
    }
    const path = ctx.path.slice(base.length) || '/';
    const query: Record<string, string> = {};
    for (const [k, v] of Object.entries(ctx.query)) query[k] = Array.isArray(v) ? String(v[0]) : String(v ?? '');
    const req: FakeRequest = { method: ctx.method, path, query };
    const raw = ctx.method === 'POST' ? await readBody(ctx) : Buffer.alloc(0);
    const type = ctx.get('content-type');
    let badJson = false;
    if (type.startsWith('multipart/form-data')) req.parts = parseMultipart(raw, type);
    else if (raw.length) {
      try {
        const parsed = JSON.parse(raw.toString('utf8')) as unknown;
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
          req.json = parsed as Record<string, unknown>;
        else badJson = true;
      } catch {
        badJson = true;
      }
    }
    state.calls.push({
      at: new Date(state.now()).toISOString(),
      method: ctx.method,
      path,
      query,
      body: state.lean ? undefined : badJson ? raw.toString('utf8') : recordable(req),
    });

    const reply = await answer(state, routes, req, badJson);
    if (typeof reply === 'number') {
      ctx.status = reply;
      ctx.type = 'text/html';
      ctx.body = `<html><body>fake-wecom scripted HTTP ${reply}</body></html>`;
    } else if (reply instanceof BinaryReply) {
      ctx.status = 200;
      ctx.type = reply.contentType;
      // Header values must be Latin-1: an ASCII fallback plus the RFC 5987 UTF-8 form.
      const ascii = reply.filename.replace(/[^\x20-\x7e]|"/g, '_');
      ctx.set(
        'content-disposition',
        `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(reply.filename)}`,
      );
      ctx.body = reply.buffer;
    } else {
      ctx.status = 200;
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(reply);
    }
  };
}

async function answer(
  state: FakeWecomState,
  routes: Routes,
  req: FakeRequest,
  badJson: boolean,
): Promise<Reply | number> {
  const fault = state.takeFault(req.path);
  // A delay slows this one call down (client timeouts), then it is answered normally.
  if (fault && 'delayMs' in fault) await sleep(fault.delayMs);
  else if (fault && 'httpStatus' in fault) return fault.httpStatus;
  else if (fault) return fail(fault.errcode, fault.errmsg ?? `scripted errcode ${fault.errcode}`);
  const handler = routes[`${req.method} ${req.path}`];
  if (!handler) return fail(40058, `fake-wecom does not implement ${req.method} ${req.path}`);
  if (!NO_TOKEN.has(req.path)) {
    if (req.json && 'access_token' in req.json && !req.query.access_token)
      return fail(41001, 'access_token missing: it belongs in the URL, not the body');
    const err = state.tokenError(req.query.access_token);
    if (err)
      return fail(
        err,
        err === 41001 ? 'access_token missing' : err === 42001 ? 'access_token expired' : 'invalid access_token',
      );
  }
  if (badJson) return fail(40058, 'Warning: wrong json format.');
  return handler(req, state);
}
