import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import { MAX_ATTACHMENT_BYTES } from '../../kernel/attachments';
import type { FetchedMedia } from '../../kernel/media';

// A form page with a file field posts multipart/form-data (D220). Parsed with busboy under hard limits, so a
// hostile body costs bounded memory: a file above the attachment limit is cut off and reported (the page names
// the limit), and a body above what the limits allow in total, a bad boundary or a broken part ends in a 4xx.

/** Files one form page may carry (each at most MAX_ATTACHMENT_BYTES). */
export const MAX_H5_FILES = 3;
/** Text values of a form page (the same limit as the urlencoded page). */
const MAX_TEXT_BYTES = 64 * 1024;
/** Everything a page can legitimately send: its files, their part headers and the text values. */
const MAX_BODY_BYTES = MAX_H5_FILES * (MAX_ATTACHMENT_BYTES + 64 * 1024) + MAX_TEXT_BYTES;

export interface PostedFile extends FetchedMedia {
  field: string;
  /** Cut off at the size limit: refused, never stored. */
  oversize: boolean;
}

export interface PostedForm {
  fields: Record<string, string>;
  files: PostedFile[];
}

/**
 * A body the parser refused: 413 when it is too large, 400 when it is not well-formed multipart, 401 when a file
 * comes before any proof of who sends it.
 */
export class BadBody extends Error {
  constructor(readonly status: 400 | 401 | 413) {
    super(`multipart body refused (${status})`);
  }
}

export function isMultipart(req: IncomingMessage): boolean {
  return /^multipart\/form-data\b/i.test(req.headers['content-type'] ?? '');
}

/**
 * `admit` is asked, with the values read so far, before the first file part is kept: the page puts its identity
 * proof (hidden inputs) before every file input, so a sender who cannot prove who they are never gets a file
 * buffered (D222).
 */
export function readMultipart(
  req: IncomingMessage,
  admit: (fields: Record<string, string>) => boolean,
): Promise<PostedForm> {
  return new Promise((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({
        headers: req.headers,
        // Browsers send the (Chinese) field and file names as raw UTF-8 in the part headers.
        defParamCharset: 'utf8',
        defCharset: 'utf8',
        limits: {
          fileSize: MAX_ATTACHMENT_BYTES,
          files: MAX_H5_FILES,
          fields: 200,
          fieldSize: MAX_TEXT_BYTES,
          parts: 200 + MAX_H5_FILES,
          headerPairs: 20,
        },
      });
    } catch {
      return reject(new BadBody(400)); // no or malformed boundary
    }
    const fields: Record<string, string> = {};
    const files: PostedFile[] = [];
    let received = 0;
    let failed = false;
    let admitted = false;
    const fail = (status: 400 | 401 | 413) => {
      if (failed) return;
      failed = true;
      req.unpipe(bb);
      req.resume(); // drain what the client still sends; nothing more is kept
      reject(new BadBody(status));
    };
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > MAX_BODY_BYTES) fail(413);
    });
    req.on('error', () => fail(400));
    bb.on('field', (name, value, info) => {
      if (info.valueTruncated) return fail(413);
      if (!(name in fields)) fields[name] = value;
    });
    const parts: { field: string; chunks: Buffer[]; info: busboy.FileInfo; stream: { truncated?: boolean } }[] = [];
    bb.on('file', (name, stream, info) => {
      if (!admitted && !(admitted = admit(fields))) {
        stream.resume();
        return fail(401);
      }
      const part = { field: name, chunks: [] as Buffer[], info, stream };
      parts.push(part);
      stream.on('data', (c: Buffer) => part.chunks.push(c));
      stream.on('limit', () => (part.chunks.length = 0)); // the rest is discarded by busboy
    });
    bb.on('filesLimit', () => fail(413));
    bb.on('fieldsLimit', () => fail(413));
    bb.on('partsLimit', () => fail(413));
    bb.on('error', () => fail(400));
    bb.on('close', () => {
      if (failed) return;
      for (const p of parts) {
        // A file input left empty still sends a part with no name and no bytes.
        if (!p.info.filename && p.chunks.length === 0 && !p.stream.truncated) continue;
        files.push({
          field: p.field,
          buffer: Buffer.concat(p.chunks),
          contentType: p.info.mimeType,
          filename: p.info.filename,
          oversize: p.stream.truncated === true,
        });
      }
      resolve({ fields, files });
    });
    req.pipe(bb);
  });
}
