import { Notice } from '../../../entities/notice';
import { Department } from '../../../entities/department';
import type { Ctx } from '../../kernel/ctx';
import { localDate, type LocalDate } from '../../kernel/time';
import { bodyPara, officialDocx } from '../../reports/official-doc';
import { formDocx } from '../../reports/form-docx';
import { workbookBuffer } from '../../reports/xlsx';
import { printableForm } from './print';

// The parts of the yearly archive (REC-04, REC-10, D205): every ledger for the year in full (hall_office's view),
// every numbered notice of the year, every filed form of the year. Each part is listed in a fixed order so a
// second run packs the same files in the same order (D207).

export interface ArchivePart {
  /** Path inside the zip. */
  path: string;
  bytes: Buffer;
  /** Which count of the manifest it adds to (`ledger`, `notice`, or the record kind's prefix). */
  group: 'ledger' | 'notice' | 'form';
  /** Rows for a ledger; 1 for a document. */
  items: number;
  kind?: string;
}

/** A name safe inside a zip on any desktop (no slashes or reserved punctuation). */
const safe = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '_');

export async function ledgerParts(ctx: Ctx, year: number): Promise<ArchivePart[]> {
  const range = { from: `${year}-01-01`, to: `${year}-12-31` };
  const out: ArchivePart[] = [];
  const ledgers = [...ctx.deps.tables.ledgers].sort((a, b) => a.name.localeCompare(b.name, 'en'));
  for (const l of ledgers) {
    // REC-07: the archive is 大厅管理室's copy, so personal data is not masked.
    const sheets = await l.build(ctx.deps.db, range, { unmasked: true });
    out.push({
      path: `台账/${safe(l.name)}_${year}.xlsx`,
      bytes: await workbookBuffer(l.name, sheets),
      group: 'ledger',
      items: sheets.reduce((n, s) => n + s.rows.length, 0),
    });
  }
  return out;
}

/** D206: every numbered notice of the year as a 公文 of its released text (the oral ones have no other file). */
export async function noticeParts(ctx: Ctx, year: number): Promise<ArchivePart[]> {
  const notices = await ctx.m.find(Notice, { where: { year }, order: { seq: 'ASC', id: 'ASC' } });
  const out: ArchivePart[] = [];
  for (const n of notices) {
    if (!n.no) continue;
    const dept = n.departmentCode ? await ctx.m.findOne(Department, { where: { code: n.departmentCode } }) : null;
    const date: LocalDate =
      n.forDate ?? (n.publishedAt ? localDate(n.publishedAt) : localDate(n.approvedAt ?? n.createdAt));
    const bytes = await officialDocx({
      no: n.no,
      title: n.title,
      mainTo: dept?.name ?? '各进驻部门（单位）',
      body: n.text
        .split('\n')
        .filter((l) => l.trim())
        .map(bodyPara),
      date,
      copyTo: ['中心领导'],
    });
    out.push({ path: `通报/${safe(n.no)}_${n.type}.docx`, bytes, group: 'notice', items: 1, kind: n.type });
  }
  return out;
}

/** The year a record belongs to: the day it was filed, else the year in its number (TS2026-0012). */
function recordYear(no: string, row: Record<string, unknown>): number | null {
  if (row.createdAt instanceof Date) return Number(localDate(row.createdAt).slice(0, 4));
  const m = /(20\d\d)/.exec(no);
  return m ? Number(m[1]) : null;
}

/** Every filed record of the year whose kind prints a seed form, rendered as `导出 表单` renders it (REC-08). */
export async function formParts(ctx: Ctx, year: number): Promise<ArchivePart[]> {
  // The archive is read as 大厅管理室 (D208), whoever starts it (the January job's system actor included).
  const office: Ctx = { ...ctx, actor: { ...ctx.actor, roles: ['hall_office'] } };
  const out: ArchivePart[] = [];
  const kinds = ctx.deps.tables.recordKinds.filter((k) => k.printForm);
  for (const kind of [...kinds].sort((a, b) => a.prefix.localeCompare(b.prefix, 'en'))) {
    const numbers = [...(await kind.numbers(office))].sort((a, b) => a.localeCompare(b, 'en'));
    for (const no of numbers) {
      const rec = await kind.load(office, no);
      if (!rec || recordYear(no, rec.row) !== year) continue;
      if (kind.printForm?.appliesTo && !kind.printForm.appliesTo(rec)) continue; // e.g. an 口头 督通 notice
      const form = await printableForm(office, { kind, rec });
      out.push({
        path: `表单/${safe(kind.prefix)}/${safe(no)}.docx`,
        bytes: await formDocx(form),
        group: 'form',
        items: 1,
        kind: kind.prefix,
      });
    }
  }
  return out;
}
