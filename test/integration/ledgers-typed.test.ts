import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuditLog } from '../../entities/audit-log';
import { Db } from '../../src/db';
import type { ColumnType, Sheet } from '../../src/kernel/ledger';
import { localStamp } from '../../src/kernel/time';
import { workbookBuffer } from '../../src/reports/xlsx';
import { runSimulation } from '../../src/simulation/run';
import { LEDGERS } from '../../src/tables';
import { freshDatabaseUrl } from '../helpers/db';

// REC-04 / D226: every ledger of the LEDGERS table, built from a simulated month of the whole hall (D69) and
// written by the one xlsx writer (the writer of `导出`, `cli export` and the yearly archive), opened again with
// exceljs: frozen header, real Excel dates showing the Beijing wall time, numbers as numbers, text as text.

interface Book {
  ledger: string;
  sheets: Sheet[];
  wb: ExcelJS.Workbook;
}

const RANGE = { from: '2026-01-01', to: '2026-12-31' };
const typeOf = (t: ColumnType | undefined): ColumnType => t ?? 'text';
/** What a Date cell shows: exceljs reads the serial back into the Date's UTC fields. */
const shown = (d: Date, type: ColumnType) => d.toISOString().slice(0, type === 'date' ? 10 : 16).replace('T', ' ');

describe('ledgers as xlsx (REC-04, D226)', () => {
  const books: Book[] = [];
  let audit: { id: number; at: Date }[] = [];
  beforeAll(async () => {
    await runSimulation({
      month: '2026-03',
      scale: 'small',
      seed: 1,
      databaseUrl: await freshDatabaseUrl(),
      invariants: [],
      beforeChecks: async (f) => {
        const db = new Db(f.m.connection);
        for (const l of LEDGERS) {
          const sheets = await l.build(db, RANGE, { unmasked: true });
          const wb = new ExcelJS.Workbook();
          await wb.xlsx.load((await workbookBuffer(l.name, sheets)) as unknown as ArrayBuffer);
          books.push({ ledger: l.name, sheets, wb });
        }
        audit = (await f.m.find(AuditLog, { order: { id: 'ASC' } })).map((a) => ({ id: a.id, at: new Date(a.at) }));
      },
    });
  }, 300_000);

  it('REC-04 every ledger of the table is written, and the simulated month fills most of them', () => {
    expect(books.map((b) => b.ledger)).toEqual(LEDGERS.map((l) => l.name));
    const filled = books.filter((b) => b.sheets.some((s) => s.rows.length > 0)).map((b) => b.ledger);
    expect(filled.length, `filled: ${filled.join('、')}`).toBeGreaterThanOrEqual(12);
  });

  it('REC-04 every sheet of every ledger keeps its header row frozen and its columns a readable width', () => {
    for (const b of books)
      for (const s of b.sheets) {
        const ws = b.wb.getWorksheet(s.name.slice(0, 31))!;
        expect(ws, `${b.ledger}/${s.name}`).toBeDefined();
        expect(ws.views[0], `${b.ledger}/${s.name}`).toMatchObject({ state: 'frozen', ySplit: 1 });
        expect(ws.getRow(1).values).toEqual([undefined, ...s.columns.map((c) => c.header)]);
        for (const c of ws.columns) expect(c.width, `${b.ledger}/${s.name}`).toBeGreaterThanOrEqual(6);
        for (const c of ws.columns) expect(c.width, `${b.ledger}/${s.name}`).toBeLessThanOrEqual(60);
      }
  });

  it('REC-04 date columns hold Excel dates showing the Beijing day/time, number columns numbers, text columns text', () => {
    const seen: Record<ColumnType, number> = { date: 0, datetime: 0, number: 0, text: 0 };
    for (const b of books)
      for (const s of b.sheets) {
        const ws = b.wb.getWorksheet(s.name.slice(0, 31))!;
        s.rows.forEach((row, i) => {
          s.columns.forEach((c, j) => {
            const built = row[c.key];
            const cell = ws.getRow(i + 2).getCell(j + 1);
            const where = `${b.ledger}/${s.name} row ${i + 2} ${c.header}=${String(built)}`;
            const type = typeOf(c.type);
            if (built === null || built === '' || built === undefined) {
              expect(cell.value, where).toBeNull();
              return;
            }
            seen[type]++;
            if (type === 'date' || type === 'datetime') {
              expect(cell.value, where).toBeInstanceOf(Date);
              // A date-only value in a datetime column (a 拾获时间 with no time) is shown as a date.
              const dateOnly = type === 'datetime' && /^\d{4}-\d{2}-\d{2}$/.test(String(built));
              expect(cell.numFmt, where).toBe(dateOnly || type === 'date' ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm');
              expect(shown(cell.value as Date, dateOnly ? 'date' : type), where).toBe(
                built instanceof Date ? localStamp(built).slice(0, type === 'date' ? 10 : 16) : String(built),
              );
            } else if (type === 'number') {
              expect(typeof cell.value, where).toBe('number');
              expect(cell.value, where).toBe(Number(built));
            } else {
              expect(typeof cell.value, where).toBe('string');
              expect(cell.value, where).toBe(String(built));
            }
          });
        });
      }
    expect(seen.date).toBeGreaterThan(50);
    expect(seen.datetime).toBeGreaterThan(50);
    expect(seen.number).toBeGreaterThan(20);
  });

  it('REC-04 the 审计日志 shows each entry at its Beijing time (an instant 8 hours ahead of UTC), not UTC', () => {
    const ws = books.find((b) => b.ledger === '审计日志')!.wb.getWorksheet('审计日志')!;
    expect(ws.rowCount - 1).toBe(audit.length);
    const late = audit.findIndex((a) => a.at.getUTCHours() >= 16); // after 00:00 in Beijing, still the day before in UTC
    expect(late).toBeGreaterThanOrEqual(0);
    const cell = ws.getRow(late + 2).getCell(1).value as Date;
    expect(cell.getTime() - audit[late].at.getTime()).toBe(8 * 3600_000 - (audit[late].at.getTime() % 60_000));
  });

  it('REC-07 all-digit text (window numbers, 平台号, phones) stays text in every ledger', () => {
    let digits = 0;
    for (const b of books)
      for (const s of b.sheets) {
        const ws = b.wb.getWorksheet(s.name.slice(0, 31))!;
        s.rows.forEach((row, i) =>
          s.columns.forEach((c, j) => {
            if (typeOf(c.type) !== 'text' || !/^\d+$/.test(String(row[c.key] ?? ''))) return;
            digits++;
            const cell = ws.getRow(i + 2).getCell(j + 1);
            expect(cell.value, `${b.ledger}/${s.name} ${c.header}`).toBe(String(row[c.key]));
            expect(cell.numFmt).toBe('@');
          }),
        );
      }
    expect(digits).toBeGreaterThan(0);
  });

  it('REC-07 an unmasked 身份证号 and phone are written as text, never as numbers', async () => {
    const sheet: Sheet = {
      name: '人员',
      columns: [
        { header: '身份证号', key: 'id' },
        { header: '电话', key: 'phone' },
        { header: '人数', key: 'n', type: 'number' },
        { header: '入岗日期', key: 'd', type: 'date' },
      ],
      rows: [{ id: '152727199001011234', phone: '13912345678', n: '3', d: '2026-03-03' }],
    };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await workbookBuffer('人员', [sheet])) as unknown as ArrayBuffer);
    const row = wb.getWorksheet('人员')!.getRow(2);
    expect(row.getCell(1).value).toBe('152727199001011234');
    expect(row.getCell(2).value).toBe('13912345678');
    expect(row.getCell(3).value).toBe(3);
    expect(row.getCell(4).value).toEqual(new Date(Date.UTC(2026, 2, 3)));
  });
});
