import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Attachment } from '../../entities/attachment';
import { AttachmentSlot } from '../../entities/attachment-slot';
import type { InboxRow } from '../../entities/inbox';
import { insertRows } from '../db';
import type { Deps } from './deps';
import type { Ctx } from './ctx';
import type { FetchedMedia } from './media';

// D6: a photo/file sent right after a command that asked for one is attached to that record; the slot
// lasts 10 minutes. Files are stored on disk under their sha256, with size and type limits.
const SLOT_MS = 10 * 60_000;
/** WeCom doc 90253: a file message is at most 20MB; the H5 upload keeps the same limit (D220). */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
/** The limit as the replies and pages name it. */
export const ATTACHMENT_LIMIT_MB = MAX_ATTACHMENT_BYTES / 1048576;

// Accepted types and the first bytes each must start with (anchored: `image/png-x` or `text/plainhtml` is not a
// type we know). The declared type alone proves nothing — a renamed .exe says what the sender wants — so the
// content is sniffed too; a download declared application/octet-stream is typed by its content.
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // .doc .xls .ppt
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // .zip and Office Open XML
const MAGIC: Record<string, number[][]> = {
  'image/png': [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  'image/jpeg': [[0xff, 0xd8, 0xff]],
  'image/gif': [[0x47, 0x49, 0x46, 0x38]],
  'image/webp': [[0x52, 0x49, 0x46, 0x46]],
  'application/pdf': [[0x25, 0x50, 0x44, 0x46, 0x2d]],
  'application/zip': [ZIP],
  'application/msword': [OLE2],
  'application/vnd.ms-excel': [OLE2],
  'application/vnd.ms-powerpoint': [OLE2],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': [ZIP],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': [ZIP],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': [ZIP],
};

/** How a page names an accepted type (“只接受 JPG、PNG、PDF”, D220). */
export const TYPE_LABELS: Record<string, string> = {
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
  'image/gif': 'GIF',
  'image/webp': 'WEBP',
  'application/pdf': 'PDF',
  'application/msword': 'Word',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.ms-excel': 'Excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'application/vnd.ms-powerpoint': 'PPT',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PPT',
};

const startsWith = (buf: Buffer, magic: number[]) => magic.every((b, i) => buf[i] === b);

/** Plain text: no NUL byte and valid UTF-8 in the first 8 KB. */
function looksLikeText(buf: Buffer): boolean {
  const head = buf.subarray(0, 8192);
  if (head.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, Math.max(0, head.length - 3)));
    return true;
  } catch {
    return false;
  }
}

/**
 * The media type to store, or undefined when the file is not one we accept: the declared type must be known
 * exactly and the content must start the way that type does (octet-stream: the first type whose bytes match).
 */
export function acceptedType(declared: string, buf: Buffer, fileName = ''): string | undefined {
  const type = declared.split(';')[0].trim().toLowerCase();
  if (type === 'text/plain') return looksLikeText(buf) ? type : undefined;
  // D94: a 考勤/办件 table saved by Excel may be GB18030, so a CSV is any text without NUL bytes; WeCom often
  // declares a downloaded file octet-stream, which is a CSV only when its name says so.
  const csv = type === 'text/csv' || (type === 'application/octet-stream' && /\.csv$/i.test(fileName));
  if (csv) return buf.subarray(0, 8192).includes(0) ? undefined : 'text/csv';
  if (type === 'application/octet-stream')
    return Object.keys(MAGIC).find((t) => MAGIC[t].some((m) => startsWith(buf, m)));
  const magic = MAGIC[type];
  return magic?.some((m) => startsWith(buf, m)) ? type : undefined;
}

/**
 * After-attach hook: a domain that waits for a file (e.g. a claimant's signature before an item is released,
 * LST-08) declares which slots it cares about by `ownerType` + `purpose`; the list is a table (ATTACHMENT_HOOKS in
 * src/tables.ts, read as `deps.tables.attachmentHooks`). `receiveMedia` calls every matching hook in the same transaction, right after
 * the file is stored and acknowledged, so a hook's state change, audit and replies commit with the file.
 */
export interface AttachmentHook {
  ownerType: string;
  purpose: string;
  /** A one-line reason to refuse the file before it is stored (e.g. a .doc sent for an import), or null. */
  refuse?(media: FetchedMedia, type: string): string | null;
  /** The hook replies itself, so the generic “已收到” line is not sent. */
  quiet?: true;
  afterAttach(
    ctx: Ctx,
    ownerId: string,
    attachment: { id: number; sha256: string; mediaType: string; fileName?: string },
  ): Promise<void>;
}

/** The slot each event opened (slotOpenedBy), keyed by the event's ctx. */
const openedSlots = new WeakMap<Ctx, AttachmentSlot>();

/** Open the sender's attachment slot: their next photo/file within 10 minutes belongs to this record. */
export async function openAttachmentSlot(ctx: Ctx, ownerType: string, ownerId: string, purpose: string): Promise<void> {
  const slot = await ctx.m.save(AttachmentSlot, {
    userid: ctx.actor.userid,
    ownerType,
    ownerId,
    purpose,
    expiresAt: new Date(ctx.now.getTime() + SLOT_MS),
  });
  openedSlots.set(ctx, slot);
}

export async function attachmentsOf(
  ctx: Ctx,
  ownerType: string,
  ownerId: string,
  purpose?: string,
): Promise<Attachment[]> {
  return ctx.m.find(Attachment, {
    where: { ownerType, ownerId, ...(purpose ? { purpose } : {}) },
    order: { id: 'ASC' },
  });
}

/** Download an inbound image/file before the event's transaction opens (never inside it). */
export async function prefetchMedia(deps: Deps, row: InboxRow): Promise<FetchedMedia | undefined> {
  if (row.kind !== 'image' && row.kind !== 'file') return undefined;
  const mediaId = typeof row.payload.mediaId === 'string' ? row.payload.mediaId : '';
  if (!mediaId) return undefined;
  try {
    return await deps.media.fetch(mediaId);
  } catch (err) {
    deps.log.warn({ err, inboxId: row.id }, 'media download failed');
    return undefined;
  }
}

/** Attach a received photo/file to the record named by the sender's open slot. */
export async function receiveMedia(ctx: Ctx, media: FetchedMedia | undefined): Promise<void> {
  const slot = await ctx.m.findOne(AttachmentSlot, { where: { userid: ctx.actor.userid } });
  if (!slot) {
    await ctx.reply('未关联记录：请先发送需要附件的命令（例如 窗口 关闭 …），再在10分钟内发送照片或文件。');
    return;
  }
  if (slot.expiresAt < ctx.now) {
    await ctx.reply(
      `未关联记录：${slot.purpose}（${slot.ownerId}）须在命令后10分钟内发送，已逾时。请重新发送该命令，再发送照片或文件。`,
    );
    return;
  }
  if (!media) {
    await ctx.reply('文件下载失败，请重新发送。');
    return;
  }
  if (media.buffer.length > MAX_ATTACHMENT_BYTES) {
    await ctx.reply(`文件过大（${Math.ceil(media.buffer.length / 1048576)}MB），上限 ${ATTACHMENT_LIMIT_MB}MB。`);
    return;
  }
  const type = acceptedType(media.contentType, media.buffer, media.filename);
  const refusal = type && hookRefusal(ctx, slot, media, type);
  if (refusal) {
    await ctx.reply(refusal);
    return;
  }
  if (!type) {
    const declared = media.contentType.split(';')[0].trim().slice(0, 64);
    await ctx.reply(`不支持的文件类型（${declared}，或内容与类型不符），请发送图片、PDF 或 Office 文件。`);
    return;
  }
  await storeAttachment(ctx, slot, media, type);
}

function hooksOf(ctx: Ctx, slot: AttachmentSlot): AttachmentHook[] {
  return ctx.deps.tables.attachmentHooks.filter((h) => h.ownerType === slot.ownerType && h.purpose === slot.purpose);
}

/** The first refusal of the slot's hooks (e.g. a .doc sent for an import), or undefined. */
export function hookRefusal(ctx: Ctx, slot: AttachmentSlot, media: FetchedMedia, type: string): string | undefined {
  return (
    hooksOf(ctx, slot)
      .map((h) => h.refuse?.(media, type) ?? null)
      .find((r) => r !== null) ?? undefined
  );
}

/**
 * Store an accepted file for the slot's record — on disk under its sha256, an attachment row, an audit row, the
 * “已收到” line and the slot's hooks, all in the caller's transaction. The chat slot and the H5 upload (D220) both
 * attach through here, so a file lands the same way whichever path brought it.
 */
export async function storeAttachment(
  ctx: Ctx,
  slot: AttachmentSlot,
  media: FetchedMedia,
  type: string,
): Promise<void> {
  const hooks = hooksOf(ctx, slot);
  const sha256 = createHash('sha256').update(media.buffer).digest('hex');
  const dir = ctx.deps.config.attachmentDir;
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, sha256), media.buffer);
  await insertRows(ctx.m, Attachment, {
    ownerType: slot.ownerType,
    ownerId: slot.ownerId,
    purpose: slot.purpose,
    sha256,
    mediaType: type.slice(0, 16),
    size: media.buffer.length,
    uploadedBy: ctx.actor.userid,
    at: ctx.now,
  });
  await ctx.audit('attachment.add', slot.ownerType, slot.ownerId, {
    purpose: slot.purpose,
    sha256,
    size: media.buffer.length,
  });
  const count = await ctx.m.count(Attachment, { where: { ownerType: slot.ownerType, ownerId: slot.ownerId } });
  if (!hooks.some((h) => h.quiet)) await ctx.reply(`✅ 已收到${slot.purpose}（${slot.ownerId}，共${count}份）`);
  const stored = await ctx.m.findOneOrFail(Attachment, {
    where: { ownerType: slot.ownerType, ownerId: slot.ownerId, sha256 },
    order: { id: 'DESC' },
  });
  for (const hook of hooks)
    await hook.afterAttach(ctx, slot.ownerId, { id: stored.id, sha256, mediaType: type, fileName: media.filename });
}

/**
 * The slot the command of this event opened (D220): an H5 form's files go to the record its submission created,
 * exactly where a photo sent in chat right after the command would go. Kept per event (the ctx object), so a slot
 * left from an earlier command is never mistaken for this submission's.
 */
export function slotOpenedBy(ctx: Ctx): AttachmentSlot | undefined {
  return openedSlots.get(ctx);
}
