import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { AttachmentHook } from '../kernel/attachments';
import { openAttachmentSlot } from '../kernel/attachments';
import type { Ctx } from '../kernel/ctx';
import { UserError } from '../kernel/errors';
import type { ImportKind } from '../kernel/import-kind';
import { formatImport, runImport } from './run';

// D94: `<领域> 导入` opens the sender's attachment slot for that import kind; the CSV or XLSX they send next is
// read, checked and written (all or nothing) by the one hook below, in the transaction that stores the file,
// so the stored file, the rows and the reply commit together.

const OWNER = 'import';
const PURPOSE = '导入文件';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function findImportKind(kinds: readonly ImportKind<unknown>[], name: string): ImportKind<unknown> {
  const kind = kinds.find((k) => k.name === name);
  if (!kind) throw new Error(`unknown import kind ${name}`);
  return kind;
}

/** The command side: the sender's next file within 10 minutes is this import. */
export async function openImportSlot(ctx: Ctx, name: string): Promise<void> {
  const kind = findImportKind(ctx.deps.tables.imports, name);
  await openAttachmentSlot(ctx, OWNER, kind.name, PURPOSE);
  await ctx.reply(
    `请在10分钟内发送${kind.label}表格文件（.xlsx，或 UTF-8/GB18030 编码的 .csv）。第一行为列名：${kind.columns
      .map((c) => `${c.headers[0] ?? c.key}${c.required ? '' : '（选填）'}`)
      .join('、')}。有任何一行不对时不写入任何数据。`,
  );
}

function isSpreadsheet(type: string, fileName: string): boolean {
  if (type === 'text/csv' || type === XLSX) return true;
  return type === 'application/zip' && /\.xlsx$/i.test(fileName);
}

export const importFileHook: AttachmentHook = {
  ownerType: OWNER,
  purpose: PURPOSE,
  quiet: true,
  refuse: (media, type) =>
    isSpreadsheet(type, media.filename ?? '')
      ? null
      : `不支持的文件（${media.filename ?? type}）：请发送 .xlsx 或 .csv 表格（Word、PDF、图片不能导入）。`,
  async afterAttach(ctx, ownerId, attachment) {
    const kind = findImportKind(ctx.deps.tables.imports, ownerId);
    const bytes = await readFile(join(ctx.deps.config.attachmentDir, attachment.sha256));
    const ext = attachment.mediaType === 'text/csv' ? 'csv' : 'xlsx';
    const name =
      attachment.fileName && extname(attachment.fileName) === `.${ext}` ? attachment.fileName : `${kind.label}.${ext}`;
    const outcome = await runImport(ctx, kind, { name, bytes });
    if (!outcome.ok) throw new UserError(formatImport(kind, outcome));
    await ctx.reply(formatImport(kind, outcome));
  },
};
