import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { ATTACHMENT_LIMIT_MB, MAX_ATTACHMENT_BYTES } from '../../kernel/attachments';
import type { Ctx } from '../../kernel/ctx';
import { formParts, ledgerParts, noticeParts, type ArchivePart } from './archive-parts';

// `归档 年度 <年>` and the January step of annual-batch (REC-04 立卷归档, REC-10 / OPEN #54: no automatic deletion,
// a yearly archive export). One zip per year under <attachmentDir>/archive/<年>.zip: the ledgers, the numbered
// notices, the filed forms and a manifest with counts and sha256 sums (D205). The records stay in the database.

/** D207: every date inside the archive is the year's last instant (Asia/Shanghai), so a re-run gives the same bytes. */
const fixedInstant = (year: number) => new Date(Date.UTC(year, 11, 31, 15, 59, 58));

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/**
 * D207: docx and xlsx are zips that stamp the time they were made (docProps/core.xml and each entry's date).
 * Rewrite both to the fixed instant so the same records give the same bytes and the same sums.
 */
async function fixOoxml(bytes: Buffer, at: Date): Promise<Buffer> {
  const src = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  const iso = at.toISOString().replace(/\.\d{3}Z$/, 'Z');
  for (const name of Object.keys(src.files).sort()) {
    const f = src.files[name];
    if (f.dir) continue;
    let data: Buffer | string = await f.async('nodebuffer');
    if (name === 'docProps/core.xml')
      data = data.toString('utf8').replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${iso}$2`);
    out.file(name, data, { date: at, createFolders: false });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' });
}

export interface Manifest {
  year: number;
  counts: {
    ledgers: number;
    ledgerRows: Record<string, number>;
    notices: number;
    noticesByType: Record<string, number>;
    forms: number;
    formsByKind: Record<string, number>;
    files: number;
  };
  files: { path: string; bytes: number; sha256: string }[];
}

export interface ArchiveResult {
  path: string;
  filename: string;
  manifest: Manifest;
  manifestSha256: string;
  zipSha256: string;
  bytes: number;
}

function tally(parts: ArchivePart[], group: ArchivePart['group']): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of parts.filter((x) => x.group === group)) {
    const key = group === 'ledger' ? p.path.replace(/^台账\//, '').replace(/_\d{4}\.xlsx$/, '') : (p.kind ?? '');
    out[key] = (out[key] ?? 0) + p.items;
  }
  return out;
}

export function manifestOf(year: number, parts: ArchivePart[]): Manifest {
  const count = (g: ArchivePart['group']) => parts.filter((p) => p.group === g).length;
  return {
    year,
    counts: {
      ledgers: count('ledger'),
      ledgerRows: tally(parts, 'ledger'),
      notices: count('notice'),
      noticesByType: tally(parts, 'notice'),
      forms: count('form'),
      formsByKind: tally(parts, 'form'),
      files: parts.length,
    },
    files: parts.map((p) => ({ path: p.path, bytes: p.bytes.length, sha256: sha256(p.bytes) })),
  };
}

/** Builds and stores the year's archive; the caller sends it and writes the audit row. */
export async function buildYearArchive(ctx: Ctx, year: number): Promise<ArchiveResult> {
  const at = fixedInstant(year);
  const raw = [...(await ledgerParts(ctx, year)), ...(await noticeParts(ctx, year)), ...(await formParts(ctx, year))];
  const parts: ArchivePart[] = [];
  for (const p of raw) parts.push({ ...p, bytes: await fixOoxml(p.bytes, at) });
  const manifest = manifestOf(year, parts);
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
  if (isEmpty(manifest))
    // D208: a year with no records says so and writes nothing.
    return { path: '', filename: '', manifest, manifestSha256: sha256(manifestText), zipSha256: '', bytes: 0 };
  const zip = new JSZip();
  zip.file('manifest.json', manifestText, { date: at, createFolders: false });
  for (const p of parts) zip.file(p.path, p.bytes, { date: at, createFolders: false });
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' });
  const dir = join(ctx.deps.config.attachmentDir, 'archive');
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${year}.zip`);
  await writeFile(path, bytes);
  return {
    path,
    filename: `${year}年度归档.zip`,
    manifest,
    manifestSha256: sha256(manifestText),
    zipSha256: sha256(bytes),
    bytes: bytes.length,
  };
}

/** No ledger row, notice or form in the year. */
export function isEmpty(m: Manifest): boolean {
  const rows = Object.values(m.counts.ledgerRows).reduce((a, b) => a + b, 0);
  return rows === 0 && m.counts.notices === 0 && m.counts.forms === 0;
}

/** The chat summary of an archive (the reply, and the text beside the file to 大厅管理室). */
export function archiveSummary(r: ArchiveResult): string {
  const c = r.manifest.counts;
  if (isEmpty(r.manifest)) return `🗄 ${r.manifest.year}年没有任何记录，未生成归档文件（rule REC-10）。`;
  const rows = Object.values(c.ledgerRows).reduce((a, b) => a + b, 0);
  const kinds = Object.entries(c.formsByKind)
    .map(([k, n]) => `${k} ${n}`)
    .join('、');
  return [
    `🗄 ${r.manifest.year}年度归档（rule REC-04、REC-10）`,
    `台账 ${c.ledgers} 本，共 ${rows} 行；编号通报 ${c.notices} 份；表单 ${c.forms} 份${kinds ? `（${kinds}）` : ''}`,
    `清单 sha256：${r.manifestSha256.slice(0, 16)}…`,
    // WeCom doc 90253: a file message is at most the attachment limit; a larger archive stays on the server (D209).
    ...(r.bytes > MAX_ATTACHMENT_BYTES
      ? [
          `归档包 ${Math.ceil(r.bytes / 1048576)}MB，超过企业微信文件上限 ${ATTACHMENT_LIMIT_MB}MB，未发送；存于服务器 ${r.path}`,
        ]
      : []),
    '记录仍保留在系统中，归档文件为副本。',
  ].join('\n');
}

/** Builds, stores, audits and sends the year's archive to 大厅管理室 (G-OFFICE); `key` makes the send unique. */
export async function archiveYear(ctx: Ctx, year: number, key: string): Promise<ArchiveResult> {
  const r = await buildYearArchive(ctx, year);
  await ctx.audit('records.archive', 'archive', String(year), {
    files: r.manifest.counts.files,
    notices: r.manifest.counts.notices,
    forms: r.manifest.counts.forms,
    manifestSha256: r.manifestSha256,
  });
  if (isEmpty(r.manifest)) return r; // D208: nothing written, nothing sent; the audit row records the attempt
  if (r.bytes <= MAX_ATTACHMENT_BYTES)
    await ctx.send({ group: 'G-OFFICE' }, { file: { path: r.path, filename: r.filename } }, `${key}:file`);
  await ctx.send({ group: 'G-OFFICE' }, { text: archiveSummary(r) }, `${key}:text`);
  return r;
}
