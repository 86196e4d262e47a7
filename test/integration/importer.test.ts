import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AuditLog } from '../../entities/audit-log';
import { Person } from '../../entities/person';
import { openImportSlot } from '../../src/importer/slot';
import { defineCommand } from '../../src/kernel/command';
import type { ImportKind } from '../../src/kernel/import-kind';
import { TABLES } from '../../src/tables';
import { startTestBot, type TestBot } from '../helpers/bot';

// D94: the shared chat-file importer. A test-only kind (`tally`: 姓名 + 数量, one audit row per line) goes
// through the real path: a command opens the slot, the file arrives as an encrypted WeCom file message, the
// fake WeCom serves its bytes, and the rows are checked, then written all or nothing.

const tally: ImportKind<{ name: string; count: number }> = {
  name: 'tally',
  label: '计数',
  columns: [
    { key: 'name', headers: ['姓名', 'name'], required: true },
    { key: 'count', headers: ['数量', 'count'], required: true },
  ],
  row: z.object({
    name: z.string().min(1, '不能为空'),
    count: z
      .string()
      .regex(/^\d{1,4}$/, '应为0–9999的整数')
      .transform(Number),
  }),
  async check(m, rows) {
    const known = new Set((await m.find(Person)).map((p) => p.name));
    return rows.filter((r) => !known.has(r.data.name)).map((r) => `${r.at}：没有此人“${r.data.name}”`);
  },
  async write(ctx, rows) {
    for (const r of rows) await ctx.audit('tally.row', 'person', r.data.name, { count: r.data.count });
    return { written: rows.length, unchanged: 0 };
  },
};

const open = defineCommand({
  name: '计数 导入',
  group: '常用',
  summary: '测试用',
  roles: 'all',
  usage: '计数 导入',
  examples: [],
  args: () => z.object({}),
  handle: (ctx) => openImportSlot(ctx, 'tally'),
});

let t: TestBot;
let n = 0;
const written = () => t.bot.deps.db.manager.count(AuditLog, { where: { action: 'tally.row' } });

async function sendFile(bytes: Buffer, filename: string, contentType: string): Promise<string> {
  await t.say('zhao', '计数 导入');
  const mediaId = `IMPORT${++n}`;
  t.fake.state.media.set(mediaId, { buffer: bytes, filename, contentType, type: 'file' });
  await t.post({ type: 'file', from: 'zhao', mediaId, title: filename } as never);
  return t.lastTextTo('zhao');
}

async function xlsx(rows: (string | number | Date)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('说明').addRow(['本表用于测试']);
  const ws = wb.addWorksheet('计数');
  rows.forEach((r) => ws.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('D94 chat-file importer', () => {
  beforeAll(async () => {
    t = await startTestBot({
      now: '2026-03-03T10:00:00+08:00',
      tables: { ...TABLES, commands: [...TABLES.commands, open], imports: [...TABLES.imports, tally] },
    });
  });
  afterAll(async () => t.close());
  beforeEach(async () => {
    await t.bot.deps.db.manager.delete(AuditLog, { action: 'tally.row' });
  });

  it('the slot prompt names the columns', async () => {
    await t.say('zhao', '计数 导入');
    expect(t.lastTextTo('zhao')).toContain('第一行为列名：姓名、数量');
  });

  it('a GB18030 CSV (as Excel saves it) is imported: one reply with the counts', async () => {
    // 姓名,数量 / 赵敏,3 / "钱进",12 in GB18030 (CRLF), as Excel on Chinese Windows writes it
    const gb = Buffer.from('d0d5c3fb2ccafdc1bf0d0ad5d4c3f42c330d0a22c7aebdf8222c31320d0a', 'hex');
    expect(await sendFile(gb, '计数.csv', 'text/csv')).toBe('✅ 计数导入完成：2行，新增或更新2行，未变0行');
    expect(await written()).toBe(2);
  });

  it('an XLSX sent as octet-stream is imported from its 计数 sheet, the 说明 sheet skipped', async () => {
    const bytes = await xlsx([
      ['姓名', '数量'],
      ['赵敏', 1],
      ['小高', 2],
      ['小马', 3],
    ]);
    const reply = await sendFile(bytes, '计数.xlsx', 'application/octet-stream');
    expect(reply).toBe('✅ 计数导入完成：3行，新增或更新3行，未变0行');
    expect(await written()).toBe(3);
  });

  it('a bad file writes nothing and names each sheet and line (first 10 + total)', async () => {
    const rows: (string | number)[][] = [['姓名', '数量']];
    for (let i = 0; i < 11; i++) rows.push(['赵敏', 'x']);
    rows.push(['无名氏', 5]);
    const reply = await sendFile(await xlsx(rows), '计数.xlsx', 'application/octet-stream');
    expect(reply).toContain('❌ 计数导入未写入任何数据（11处问题）');
    expect(reply).toContain('计数 第2行：数量：应为0–9999的整数');
    expect(reply).toContain('…共11处问题');
    expect(await written()).toBe(0);
  });

  it('database checks run only on well-formed rows and still write nothing', async () => {
    const csv = Buffer.from('姓名,数量\n赵敏,1\n无名氏,5\n');
    const reply = await sendFile(csv, 'x.csv', 'application/octet-stream'); // a CSV WeCom calls octet-stream
    expect(reply).toContain('x.csv 第3行：没有此人“无名氏”');
    expect(await written()).toBe(0);
  });

  it('an unknown column or a missing required column is refused before any row', async () => {
    const reply = await sendFile(Buffer.from('姓名,件数\n赵敏,1\n'), 'y.csv', 'text/csv');
    expect(reply).toContain('y.csv 第1行：未知列“件数”');
    expect(reply).toContain('缺少列 “数量”');
    expect(await written()).toBe(0);
  });

  it('a .doc gets a one-line reason and is not stored', async () => {
    const doc = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const reply = await sendFile(doc, '计数.doc', 'application/msword');
    expect(reply).toBe('不支持的文件（计数.doc）：请发送 .xlsx 或 .csv 表格（Word、PDF、图片不能导入）。');
    expect(await written()).toBe(0);
  });
});

describe('D94 CLI import', () => {
  it('cli import: an unknown kind is a usage error (exit 2) naming the usage', () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-cli-'));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}`,
      LOG_LEVEL: 'silent',
    };
    for (const k of Object.keys(env)) if (k.startsWith('WECOM_')) delete env[k];
    const file = join(dir, 'a.csv');
    writeFileSync(file, 'a,b\n1,2\n');
    const r = spawnSync('node_modules/.bin/tsx', ['src/cli.ts', 'import', 'no-such-kind', file], {
      env,
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('usage: import <kind>');
  });
});
