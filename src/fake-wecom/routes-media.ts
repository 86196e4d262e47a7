import { extname } from 'node:path';
import { BinaryReply, fail, ok, type FakeRequest, type Reply, type Routes } from './http';
import type { FakeWecomState } from './state';
import { checkContent, feedContent } from './validate';

// Media (D6) and group robots (WeCom doc 99110). Robots authenticate by key: 93000 for an unknown key
// unless the fake accepts any key (the sandbox default).

const MEDIA_TYPES = new Set(['image', 'voice', 'video', 'file']);
const MAX_MEDIA_BYTES = 20 * 1024 * 1024;

// 1×1 transparent PNG: what media/get serves for ids nobody uploaded (inbound images in the sandbox/tests).
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

const CONTENT_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.pdf': 'application/pdf',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.txt': 'text/plain',
  '.amr': 'audio/amr',
  '.mp4': 'video/mp4',
};

function store(req: FakeRequest, s: FakeWecomState, type: string, prefix: string): Reply {
  if (!MEDIA_TYPES.has(type)) return fail(40005, 'invalid media type');
  const part = req.parts?.find((p) => p.name === 'media');
  if (!part || part.data.length === 0) return fail(40058, 'media part is missing');
  if (part.data.length > MAX_MEDIA_BYTES) return fail(40006, 'invalid file size');
  const filename = part.filename || `${type}${s.nextId()}`;
  const id = `${prefix}${s.nextId()}${Buffer.from(filename).toString('hex').slice(0, 8)}`;
  const contentType = CONTENT_TYPES[extname(filename).toLowerCase()] ?? 'application/octet-stream';
  s.media.set(id, { buffer: part.data, filename, contentType, type });
  return ok({ type, media_id: id, created_at: String(Math.floor(s.now() / 1000)) });
}

function getMedia(req: FakeRequest, s: FakeWecomState): Reply {
  const id = req.query.media_id ?? '';
  if (!id) return fail(40007, 'invalid media_id');
  const m = s.media.get(id);
  return m
    ? new BinaryReply(m.buffer, m.contentType, m.filename)
    : new BinaryReply(TINY_PNG, 'image/png', `${id.slice(0, 40)}.png`);
}

function robotSend(req: FakeRequest, s: FakeWecomState): Reply {
  const key = req.query.key ?? '';
  if (!s.isKnownRobot(key)) return fail(93000, 'invalid webhook url');
  const body = req.json ?? {};
  const problem = checkContent(body, 'robot', s);
  if (problem) return fail(problem.errcode, problem.errmsg);
  if (!s.feedLog.robotAllowed(key)) return fail(45009, 'api freq out of limit');
  s.feedLog.add({ channel: 'robot', to: key, ...feedContent(body, s) });
  return ok();
}

function robotUpload(req: FakeRequest, s: FakeWecomState): Reply {
  const key = req.query.key ?? '';
  if (!s.isKnownRobot(key)) return fail(93000, 'invalid webhook url');
  const type = req.query.type ?? '';
  if (type !== 'file' && type !== 'voice') return fail(40005, 'invalid media type');
  return store(req, s, type, 'robotmedia');
}

export const mediaRoutes: Routes = {
  'POST /cgi-bin/media/upload': (req, s) => store(req, s, req.query.type ?? '', 'media'),
  'GET /cgi-bin/media/get': getMedia,
  'POST /cgi-bin/webhook/send': robotSend,
  'POST /cgi-bin/webhook/upload_media': robotUpload,
};
