import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager } from 'typeorm';
import { AuditLog } from '../../entities/audit-log';
import { Complaint } from '../../entities/complaint';
import { KeyTask } from '../../entities/key-task';
import { LostItem } from '../../entities/lost-item';
import { ProviderScore } from '../../entities/provider-score';
import { Referral } from '../../entities/referral';
import { Talk } from '../../entities/talk';
import { Db, insertRows } from '../../src/db';
import type { ColumnType, Sheet } from '../../src/kernel/ledger';
import { instantAt, localStamp } from '../../src/kernel/time';
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
const shown = (d: Date, type: ColumnType) =>
  d
    .toISOString()
    .slice(0, type === 'date' ? 10 : 16)
    .replace('T', ' ');

/**
 * The 台账 a small simulated month leaves empty get a few rows of their own, so their date and number columns are
 * checked too: one 信访举报 (a copy of a simulated complaint), a 约谈, a 移交, a 督办任务, two 失物 (with and without
 * the hour found) and two months of 服务商 scores (with and without the monthly fee).
 */
async function fillQuietLedgers(m: EntityManager): Promise<void> {
  const at = instantAt('2026-03-20', '23:45'); // 15:45 UTC: the Beijing day and the UTC day agree, the hour not
  const c = await m.findOneByOrFail(Complaint, { type: '投诉' });
  await insertRows(m, Complaint, {
    ...c,
    id: undefined,
    no: 'TS2026-0901',
    type: '信访举报',
    receivedDate: '2026-03-16',
    repliedAt: instantAt('2026-03-31', '00:10'), // 2026-03-30 in UTC
    replyOverdue: false,
  });
  await insertRows(m, Talk, {
    month: '2026-03',
    departmentCode: 'GA',
    target: '首席代表',
    status: '已约谈',
    deadline: '2026-04-10',
    talkDate: '2026-04-08',
    reasons: '连续两月被书面通报',
    evidence: { findings: ['WT2026-0001'], complaints: [], rectifications: [] },
    late: false,
  });
  await insertRows(m, Referral, {
    date: '2026-03-18',
    source: 'TS2026-0001',
    body: '旗纪委监委',
    summary: '移交线索',
    createdBy: 'sim',
    createdAt: at,
  });
  await insertRows(m, KeyTask, {
    no: 'DB2026-0901',
    content: '督办事项',
    owner: 'sim',
    departmentCode: 'GA',
    dueDate: '2026-03-27',
    status: '已完成',
    createdBy: 'sim',
    createdAt: at,
    completedAt: instantAt('2026-03-26', '00:20'),
    completedBy: 'sim',
  });
  const lost = {
    name: '身份证',
    quantity: 1,
    features: '黑色卡套',
    foundPlace: '一楼大厅',
    receivedBy: 'sim',
    category: '证件',
    contacts: [],
    status: '在库',
    version: 1,
    createdAt: at,
    updatedAt: at,
    updatedBy: 'sim',
  };
  await insertRows(m, LostItem, [
    { ...lost, no: 'SW2026-0901', foundDate: '2026-03-19', foundTime: '09:40', statusDate: '2026-03-19' },
    { ...lost, no: 'SW2026-0902', foundDate: '2026-03-20', foundTime: null, statusDate: '2026-03-20' },
  ]);
  const score = { band: '良好', status: '正常', items: null, enteredBy: 'sim', enteredAt: at };
  await insertRows(m, ProviderScore, [
    { ...score, month: '2026-01', scoreTenths: 925, deductionPercent: 0, feeFen: 1234567 },
    { ...score, month: '2026-02', scoreTenths: 880, deductionPercent: 5, feeFen: null },
  ]);
}

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
        await fillQuietLedgers(f.m);
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

  it('REC-04 every ledger of the table is written, none of them empty', () => {
    expect(books.map((b) => b.ledger)).toEqual(LEDGERS.map((l) => l.name));
    const filled = books.filter((b) => b.sheets.some((s) => s.rows.length > 0)).map((b) => b.ledger);
    expect(
      filled,
      `empty: ${LEDGERS.map((l) => l.name)
        .filter((n) => !filled.includes(n))
        .join('、')}`,
    ).toHaveLength(LEDGERS.length);
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

  /** The cell under `header` in the row whose column `keyHeader` is `key`, of the ledger's sheet `sheet`. */
  const cellOf = (ledger: string, sheet: string, keyHeader: string, key: string, header: string) => {
    const ws = books.find((b) => b.ledger === ledger)!.wb.getWorksheet(sheet)!;
    const heads = ws.getRow(1).values as unknown[];
    let found: ExcelJS.Cell | undefined;
    ws.eachRow((r) => {
      if (r.getCell(heads.indexOf(keyHeader)).value === key) found = r.getCell(heads.indexOf(header));
    });
    expect(found, `${ledger} ${key} ${header}`).toBeDefined();
    return found!;
  };
  const day = (y: number, mo: number, d: number, h = 0, mi = 0) => new Date(Date.UTC(y, mo - 1, d, h, mi));

  it('REC-04 instants near midnight show their Beijing day; a 拾获时间 without the hour is a date; amounts are numbers', () => {
    expect(cellOf('信访举报台账', '信访举报台账', '编号', 'TS2026-0901', '收到日期').value).toEqual(day(2026, 3, 16));
    expect(cellOf('信访举报台账', '信访举报台账', '编号', 'TS2026-0901', '答复日期').value).toEqual(day(2026, 3, 31));
    expect(cellOf('督办任务台账', '督办任务台账', 'DB编号', 'DB2026-0901', '完成日期').value).toEqual(day(2026, 3, 26));
    const found = cellOf('遗失物品登记表', '遗失物品登记表', '1 登记编号', 'SW2026-0901', '5 拾获时间');
    expect([found.value, found.numFmt]).toEqual([day(2026, 3, 19, 9, 40), 'yyyy-mm-dd hh:mm']);
    const noHour = cellOf('遗失物品登记表', '遗失物品登记表', '1 登记编号', 'SW2026-0902', '5 拾获时间');
    expect([noHour.value, noHour.numFmt]).toEqual([day(2026, 3, 20), 'yyyy-mm-dd']);
    const p = (month: string, h: string) => cellOf('综窗服务商考核台账', '综窗服务商考核台账', '月份', month, h).value;
    expect([p('2026-01', '分数'), p('2026-01', '扣费比例（%）'), p('2026-01', '应付金额（元）')]).toEqual([
      92.5, 0, 12345.67,
    ]);
    expect([p('2026-02', '分数'), p('2026-02', '扣费比例（%）'), p('2026-02', '应付金额（元）')]).toEqual([
      88,
      5,
      null,
    ]);
    expect(p('2026-02', '月服务费')).toBe('未设置');
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
