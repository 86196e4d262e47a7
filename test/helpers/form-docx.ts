import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { OutboxRow } from '../../entities/outbox';
import { findRecord } from '../../src/domain/records/find';
import { printableForm } from '../../src/domain/records/print';
import { systemActor } from '../../src/kernel/ctx';
import { makeCtx } from '../../src/kernel/make-ctx';
import { fitForm } from '../../src/reports/form-fit';
import type { TestBot } from './bot';

// Reading an exported form back (REC-08): the printed table cells in document order, the whole text, and the
// font sizes the renderer chose (D219).

export interface ReadForm {
  cells: string[];
  text: string;
  /** Every run size (half-points) used in the table cells. */
  cellSizes: number[];
  filename: string;
}

/** Every printed table cell's text, in document order, and the whole text. */
export async function readDocx(bytes: Buffer): Promise<Omit<ReadForm, 'filename'>> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  const strip = (s: string) => s.replace(/<w:br\/>/g, '\n').replace(/<[^>]+>/g, '');
  // A merged cell's continuation (vMerge continue) is the same printed cell as the one above it.
  const tcs = [...xml.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((m) => m[1]);
  const cells = tcs.filter((c) => !/<w:vMerge(?![^>]*restart)[^>]*\/>/.test(c)).map(strip);
  const cellSizes = [
    ...new Set(tcs.flatMap((c) => [...c.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((m) => Number(m[1])))),
  ];
  return { cells, text: strip(xml.replace(/<w:p>/g, '\n<w:p>')), cellSizes };
}

/** The form file the bot sent last. */
export async function lastFormFile(t: TestBot): Promise<ReadForm> {
  const rows = await t.bot.deps.db.manager.find(OutboxRow, { where: { msgType: 'file' }, order: { id: 'ASC' } });
  const file = rows.at(-1)!.body.file as { path: string; filename: string };
  return { ...(await readDocx(await readFile(file.path))), filename: file.filename };
}

/** One copy's cells as label/value pairs (forms without merged group cells). */
export function pairs(cells: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < cells.length; i += 2) out.push([cells[i], cells[i + 1]]);
  return out;
}

/**
 * Pages one copy of a record's form takes by the renderer's estimate (D219), read as 大厅管理室 reads it (the
 * CLI's actor): REC-08 wants 1 wherever the seed form is one page.
 */
export async function formPages(t: TestBot, no: string): Promise<number> {
  const actor = { ...systemActor('test'), name: '大厅管理室', roles: ['hall_office' as const] };
  const form = await t.bot.deps.db.tx(async (m) => {
    const ctx = makeCtx(t.bot.deps, m, t.clock.now(), actor, 'test:form-pages');
    return printableForm(ctx, await findRecord(ctx, no));
  });
  return fitForm(form).pages;
}
