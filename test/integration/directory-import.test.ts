import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { MoreThan } from 'typeorm';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../../entities/audit-log';
import { Department } from '../../entities/department';
import { GroupChat } from '../../entities/group-chat';
import { Person } from '../../entities/person';
import { PersonRole } from '../../entities/person-role';
import { HallWindow } from '../../entities/window';
import type { Db } from '../../src/db';
import { changedRows } from '../../src/directory/diff';
import { LISTS } from '../../src/directory/fields';
import { exportDirectory, writeDirectoryXlsx } from '../../src/directory/export';
import { ensureGroupChats } from '../../src/directory/groups';
import { importDirectory } from '../../src/directory/import';
import { readDirectoryFile, readDirectoryFiles } from '../../src/directory/read';
import { freshDb } from '../helpers/db';

// "Directory: JSON/CSV/XLSX round trip; invalid row → nothing written and a precise
// error; re-import is a no-op". The same small directory is written in all three formats.

const NOW = new Date('2026-03-02T02:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'dir-import-'));
const file = (name: string, text: string) => (writeFileSync(join(dir, name), text, 'utf8'), join(dir, name));

const SMALL = {
  departments: [
    { code: 'GA', name: '旗公安局', chiefRep: 'wangwu', deptLeader: { name: '赵六', phone: '0477-0000000' } },
    { code: 'SB', name: '旗社保局', chiefRep: 'huangyan' },
  ],
  windows: [
    { number: '5', name: '社保登记', department: 'SB', zone: 'B区', floor: 1, kind: '专项', status: '在用' },
    {
      number: '12',
      name: '户籍办理',
      department: 'GA',
      zone: 'A区',
      floor: 1,
      kind: '专项',
      status: '在用',
      devices: ['电子屏', '评价器'],
    },
    { number: '13', name: '出入境', department: 'GA', zone: 'A区', floor: 2, kind: '专项', status: '备用' },
  ],
  people: [
    { userid: 'wangwu', name: '王五', department: 'GA', roles: ['chief_rep'], stationedSince: '2024-06-01' },
    {
      userid: 'lisi',
      name: '李四',
      department: 'GA',
      window: '12',
      roles: ['staff', 'window_lead'],
      abPartner: 'zhangsan',
      stationedSince: '2025-03-01',
    },
    {
      userid: 'zhangsan',
      name: '张三',
      department: 'GA',
      window: '13',
      roles: ['staff'],
      abPartner: 'lisi',
      stationedSince: '2025-09-01',
    },
    { userid: 'huangyan', name: '黄燕', department: 'SB', window: '5', roles: ['chief_rep', 'staff'] },
    { userid: 'zhao', name: '赵敏', roles: ['hall_office'], flags: ['考核小组'] },
    { userid: 'chen', name: '陈主任', roles: ['leader'], flags: ['有关负责人', '带班领导'] },
  ],
  groups: [
    { key: 'G-HALL', name: '全体进驻人员', chatid: 'hall01' },
    { key: 'G-OFFICE', name: '大厅管理室', chatid: 'office01' },
    { key: 'G-LEAD', name: '中心领导', webhook: 'https://robot.example/cgi-bin/webhook/send?key=abc123' },
    { key: 'G-DEPT-GA', name: '旗公安局窗口群', chatid: 'deptga' },
  ],
};

// One CSV per list, Chinese headers, lists separated with 、 (Excel habits).
const CSV = {
  部门: '代码,名称,首席代表,分管领导,分管领导电话\nGA,旗公安局,wangwu,赵六,0477-0000000\nSB,旗社保局,huangyan,,\n',
  窗口: '窗口号,名称,部门,区域,楼层,类型,状态,设备\n5,社保登记,SB,B区,1,专项,在用,\n12号窗,户籍办理,GA,A区,1,专项,在用,电子屏、评价器\n13,出入境,GA,A区,2,专项,备用,\n',
  人员:
    '账号,姓名,部门,窗口,角色,标记,B岗,入岗时间\n' +
    'WangWu,王五,GA,,首席代表,,,2024-06-01\nlisi,李四,GA,12,"staff, 窗口负责人",,zhangsan,2025/3/1\n' +
    'zhangsan,张三,GA,13,staff,,lisi,2025-09-01\nhuangyan,黄燕,SB,5,首席代表、staff,,,\n' +
    'zhao,赵敏,,,大厅管理室,考核小组,,\nchen,陈主任,,,leader,有关负责人、带班领导,,\n',
  群: '群键,名称,chatid,webhook\nG-HALL,全体进驻人员,hall01,\nG-OFFICE,大厅管理室,office01,\nG-LEAD,中心领导,,https://robot.example/cgi-bin/webhook/send?key=abc123\nG-DEPT-GA,旗公安局窗口群,deptga,\n',
};

const csvFiles = () => Object.entries(CSV).map(([name, text]) => file(`${name}.csv`, text));

/** The XLSX form with English sheet names and headers, a Date cell and numbers where Excel puts them. */
async function smallXlsx(path: string, edit?: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const sheet = (name: string, rows: unknown[][]) =>
    rows.forEach((r) => (wb.getWorksheet(name) ?? wb.addWorksheet(name)).addRow(r));
  sheet('departments', [
    ['code', 'name', 'chiefRep', 'deptLeader.name', 'deptLeader.phone'],
    ['GA', '旗公安局', 'wangwu', '赵六', '0477-0000000'],
    ['SB', '旗社保局', 'huangyan'],
  ]);
  sheet('windows', [
    ['number', 'name', 'department', 'zone', 'floor', 'kind', 'status', 'devices'],
    [5, '社保登记', 'SB', 'B区', 1, '专项', '在用'],
    [12, '户籍办理', 'GA', 'A区', 1, '专项', '在用', '电子屏,评价器'],
    [13, '出入境', 'GA', 'A区', 2, '专项', '备用'],
  ]);
  sheet('people', [
    ['userid', 'name', 'department', 'window', 'roles', 'flags', 'abPartner', 'stationedSince'],
    ['wangwu', '王五', 'GA', null, 'chief_rep', null, null, new Date(Date.UTC(2024, 5, 1))],
    ['lisi', '李四', 'GA', 12, 'staff,window_lead', null, 'zhangsan', '2025-03-01'],
    ['zhangsan', '张三', 'GA', 13, 'staff', null, 'lisi', '2025-09-01'],
    ['huangyan', '黄燕', 'SB', 5, 'chief_rep staff'],
    ['zhao', '赵敏', null, null, 'hall_office', '考核小组'],
    ['chen', '陈主任', null, null, 'leader', '有关负责人,带班领导'],
  ]);
  sheet('groups', [
    ['key', 'name', 'chatid', 'webhook'],
    ['G-HALL', '全体进驻人员', 'hall01'],
    ['G-OFFICE', '大厅管理室', 'office01'],
    ['G-LEAD', '中心领导', null, 'https://robot.example/cgi-bin/webhook/send?key=abc123'],
    ['G-DEPT-GA', '旗公安局窗口群', 'deptga'],
  ]);
  edit?.(wb);
  await wb.xlsx.writeFile(path);
  return path;
}

const dbs: Db[] = [];
const db = async () => dbs[dbs.push(await freshDb()) - 1];
afterEach(async () => void (await Promise.all(dbs.splice(0).map((d) => d.close()))));

async function imported(input: Parameters<typeof importDirectory>[3]) {
  const d = await db();
  const r = await importDirectory(d, NOW, 'cli', input);
  expect(r.errors).toEqual([]);
  return d;
}

describe('directory import', () => {
  it('JSON, CSV (one file per list) and XLSX import the same directory', async () => {
    const fromJson = await imported(SMALL);
    const fromCsv = await imported(await readDirectoryFiles(csvFiles()));
    const fromXlsx = await imported(await readDirectoryFile(await smallXlsx(join(dir, 'small.xlsx'))));
    const expected = await exportDirectory(fromJson);
    expect(await exportDirectory(fromCsv)).toEqual(expected);
    expect(await exportDirectory(fromXlsx)).toEqual(expected);
    // Spot checks on what was stored.
    const lisi = await fromXlsx.manager.findOneByOrFail(Person, { userid: 'lisi' });
    expect(lisi).toMatchObject({
      departmentCode: 'GA',
      windowNumber: '12',
      abPartner: 'zhangsan',
      stationedSince: '2025-03-01',
    });
    const roles = await fromCsv.manager.find(PersonRole, { where: { userid: 'lisi' } });
    expect(roles.map((r) => r.role).sort()).toEqual(['staff', 'window_lead']);
    expect((await fromCsv.manager.findOneByOrFail(Department, { code: 'GA' })).chiefRep).toBe('wangwu'); // `WangWu` lower-cased
    expect((await fromXlsx.manager.findOneByOrFail(HallWindow, { number: '12' })).devices).toEqual([
      '电子屏',
      '评价器',
    ]);
    expect((await fromJson.manager.findOneByOrFail(GroupChat, { key: 'G-LEAD' })).webhook).toBe(
      SMALL.groups[2].webhook,
    );
  });

  it('a single CSV with a 表 column holds all four lists; a cell of another list is reported', async () => {
    const csv =
      '表,代码,名称,首席代表,部门,窗口号,状态,账号,角色,群键,chatid\n' +
      '部门,GA,旗公安局,wangwu,,,,,,,\n' +
      '窗口,,户籍办理,,GA,12,在用,,,,\n' +
      '人员,,王五,,GA,,,wangwu,首席代表,,\n' +
      '群,,全体进驻人员,,,,,,,G-HALL,hall01\n';
    const r = await importDirectory(await db(), NOW, 'cli', await readDirectoryFile(file('all.csv', csv)));
    expect(r.errors).toEqual([]);
    expect(LISTS.map((l) => r.diff[l].created.map((x) => x.key))).toEqual([['GA'], ['12'], ['wangwu'], ['G-HALL']]);

    const bad = csv.replace('人员,,王五,,GA,,,', '人员,,王五,,GA,,在用,');
    const refused = await importDirectory(await db(), NOW, 'cli', await readDirectoryFile(file('all-bad.csv', bad)));
    expect(refused.errors).toEqual([
      'all-bad.csv 第4行（人员）：状态“在用”无效（应为 拟入岗/在岗/顶岗/拟离岗/已离岗）',
    ]);
  });

  it('re-import of the same file is a no-op: no writes, zero audit rows', async () => {
    const d = await imported(SMALL);
    const audits = await d.manager.count(AuditLog);
    expect(audits).toBe(
      SMALL.departments.length + SMALL.windows.length + SMALL.people.length + SMALL.groups.length + 1,
    );
    const again = await importDirectory(d, NOW, 'cli', SMALL);
    expect(changedRows(again.diff)).toBe(0);
    expect(again.diff.people.unchanged).toBe(6);
    expect(await d.manager.count(AuditLog)).toBe(audits);
  });

  it('round trip: export → JSON / XLSX → import is a no-op with zero audit rows', async () => {
    const d = await imported(await readDirectoryFiles(csvFiles()));
    const audits = await d.manager.count(AuditLog);
    const exported = await exportDirectory(d);
    const asJson = await importDirectory(
      d,
      NOW,
      'cli',
      JSON.parse(JSON.stringify(exported)) as Record<string, unknown>,
    );
    expect(asJson.errors).toEqual([]);
    expect(changedRows(asJson.diff)).toBe(0);
    const xlsx = join(dir, 'export.xlsx');
    await writeDirectoryXlsx(exported, xlsx);
    const asXlsx = await importDirectory(d, NOW, 'cli', await readDirectoryFile(xlsx));
    expect(asXlsx.errors).toEqual([]);
    expect(changedRows(asXlsx.diff)).toBe(0);
    expect(await d.manager.count(AuditLog)).toBe(audits);
    // The exported sheet is importable into an empty database and gives the same directory.
    const other = await imported(await readDirectoryFile(xlsx));
    expect(await exportDirectory(other)).toEqual(exported);
  });

  it('invalid rows → nothing written, and every error names its sheet and line (bad role, unknown department, DIR-02 second chief, DIR-06 floor)', async () => {
    const xlsx = await smallXlsx(join(dir, 'bad.xlsx'), (wb) => {
      wb.getWorksheet('people')!.getRow(3).getCell(5).value = 'staff,boss'; // lisi
      wb.getWorksheet('people')!.getRow(4).getCell(5).value = 'staff,chief_rep'; // zhangsan: GA already has 王五
      wb.getWorksheet('windows')!.getRow(4).getCell(3).value = 'XX'; // window 13
      wb.getWorksheet('windows')!.getRow(2).getCell(5).value = 5; // window 5
    });
    const d = await db();
    const r = await importDirectory(d, NOW, 'cli', await readDirectoryFile(xlsx));
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual([
      'windows 第2行：楼层“5”无效（应为1–3，rule DIR-06）',
      'people 第3行：角色“boss”无效（可选：staff、window_lead、chief_rep、hall_office、guide、area_lead、leader、supervisor、provider、admin 或中文名）',
      'windows 第4行：部门“XX”不存在',
      'people 第4行：不符合规定（rule DIR-02）：GA 已有首席代表 王五（wangwu），每个部门只能有一名首席代表',
    ]);
    for (const E of [Department, HallWindow, Person, PersonRole, GroupChat, AuditLog])
      expect(await d.manager.count(E)).toBe(0);
  });

  it('DIR-02: a department’s 首席代表 must be one of its people; CSV errors name the file and line', async () => {
    const files = csvFiles();
    const people = file('人员.csv', CSV.人员.replace('WangWu,王五,GA,', 'WangWu,王五,SB,'));
    const raw = await readDirectoryFiles([...files.filter((f) => !f.endsWith('人员.csv')), people]);
    const d = await db();
    const r = await importDirectory(d, NOW, 'cli', raw);
    expect(r.errors).toContain('部门.csv 第2行：首席代表 王五（wangwu） 不是 GA 的人员（其部门为 SB，rule DIR-02）');
    expect(r.errors).toContain(
      '人员.csv 第2行：不符合规定（rule DIR-02）：SB 已有首席代表 黄燕（huangyan），每个部门只能有一名首席代表',
    );
    expect(await d.manager.count(Person)).toBe(0);
  });

  it('file-level problems are reported: unknown column, unknown sheet, duplicate key', async () => {
    const raw = await readDirectoryFiles([file('窗口.csv', '窗口号,名称,颜色\n12,户籍办理,红\n12,出入境,蓝\n')]);
    const r = await importDirectory(await db(), NOW, 'cli', raw);
    expect(r.errors).toEqual([
      '窗口.csv 第1行：未知列“颜色”',
      '窗口.csv 第3行：窗口号“12”重复（已见于 窗口.csv 第2行）',
    ]);
    const xlsx = await smallXlsx(join(dir, 'extra-sheet.xlsx'), (wb) => wb.addWorksheet('人 员').addRow(['账号']));
    expect((await readDirectoryFile(xlsx)).errors).toEqual([
      'extra-sheet.xlsx：未知工作表“人 员”（应为 部门/窗口/人员/群）',
    ]);
  });

  it('--dry-run writes nothing and reports the field-level diff; the real run then applies it with one audit row per change', async () => {
    const d = await imported(SMALL);
    const audits = await d.manager.count(AuditLog);
    const next = structuredClone(SMALL) as typeof SMALL & { people: Record<string, unknown>[] };
    next.windows[2].name = '出入境·车驾管';
    next.people.push({ userid: 'xiaogao', name: '小高', roles: ['guide'] });
    const dry = await importDirectory(d, NOW, 'cli', next, { dryRun: true });
    expect(dry.ok).toBe(true);
    expect(dry.diff.windows.updated).toEqual([
      { key: '13', title: '13号窗 出入境·车驾管', changes: [{ field: 'name', from: '出入境', to: '出入境·车驾管' }] },
    ]);
    expect(dry.diff.people.created.map((p) => p.key)).toEqual(['xiaogao']);
    expect(dry.diff.windows.unchanged).toBe(2);
    expect(await d.manager.count(AuditLog)).toBe(audits);
    expect((await d.manager.findOneByOrFail(HallWindow, { number: '13' })).name).toBe('出入境');
    expect(await d.manager.countBy(Person, { userid: 'xiaogao' })).toBe(0);

    const real = await importDirectory(d, NOW, 'cli', next);
    expect(real.diff).toEqual(dry.diff);
    expect((await d.manager.findOneByOrFail(HallWindow, { number: '13' })).name).toBe('出入境·车驾管');
    const rows = await d.manager.find(AuditLog, { where: { id: MoreThan(audits) }, order: { id: 'ASC' } });
    const actions = rows.map((a) => `${a.action} ${a.subjectType} ${a.subjectId}`);
    expect(actions).toEqual([
      'directory.update window 13',
      'directory.create person xiaogao',
      'directory.import directory import',
    ]);
  });

  it('a partial file refers to stored rows; a blank cell keeps the stored value and “-” clears it', async () => {
    const d = await imported(SMALL);
    const raw = await readDirectoryFiles([
      file('people.csv', 'userid,name,window,stationedSince,B岗\nlisi,李四,13,,-\n'),
    ]);
    const r = await importDirectory(d, NOW, 'cli', raw);
    expect(r.errors).toEqual([]);
    expect(r.diff.people.updated[0].changes).toEqual([
      { field: 'window', from: '12', to: '13' },
      { field: 'abPartner', from: 'zhangsan', to: null },
    ]);
    expect(await d.manager.findOneByOrFail(Person, { userid: 'lisi' })).toMatchObject({
      windowNumber: '13',
      abPartner: null,
      stationedSince: '2025-03-01',
      departmentCode: 'GA',
    });
  });

  it('group members are derived from the directory (§0.3) and follow later imports', async () => {
    const d = await imported(SMALL);
    const members = async (key: string) => (await d.manager.findOneByOrFail(GroupChat, { key })).members;
    expect(await members('G-HALL')).toEqual(['huangyan', 'lisi', 'wangwu', 'zhangsan']);
    expect(await members('G-OFFICE')).toEqual(['zhao']);
    expect(await members('G-LEAD')).toEqual(['chen']);
    expect(await members('G-DEPT-GA')).toEqual(['lisi', 'wangwu', 'zhangsan']);
    // 张三 leaves (已离岗) and 赵敏 also becomes a leader.
    const r = await importDirectory(d, NOW, 'cli', {
      people: [
        { userid: 'zhangsan', name: '张三', status: '已离岗' },
        { userid: 'zhao', name: '赵敏', roles: ['hall_office', '中心领导'] },
      ],
    });
    expect(r.errors).toEqual([]);
    expect(await members('G-HALL')).toEqual(['huangyan', 'lisi', 'wangwu']);
    expect(await members('G-DEPT-GA')).toEqual(['lisi', 'wangwu']);
    expect(await members('G-LEAD')).toEqual(['chen', 'zhao']);
    expect(r.diff.groups.updated.map((g) => g.key)).toEqual(['G-DEPT-GA', 'G-HALL', 'G-LEAD']);
  });

  it('ensureGroupChats creates only the app chats WeCom lacks, skips groups under 2 members (D11), and is idempotent', async () => {
    const d = await imported(SMALL);
    const calls: string[] = [];
    const known = new Set(['hall01']);
    const wecom = {
      async getAppChat(chatid: string) {
        calls.push(`get ${chatid}`);
        if (!known.has(chatid)) throw Object.assign(new Error('chatid not found'), { errcode: 86003 });
        return { chatid };
      },
      async createAppChat(body: { name: string; userlist: string[]; chatid?: string }) {
        calls.push(`create ${body.chatid} ${body.name} ${body.userlist.join(',')}`);
        known.add(body.chatid!);
        return { chatid: body.chatid };
      },
    };
    const log = { info: () => {}, warn: () => {} };
    const first = await ensureGroupChats(d, wecom, log, NOW);
    expect(first).toEqual({ created: ['G-DEPT-GA'], existing: ['G-HALL'], skipped: ['G-OFFICE'], failed: [] });
    expect(calls).toEqual(['get deptga', 'create deptga 旗公安局窗口群 lisi,wangwu,zhangsan', 'get hall01']);
    const flags = await d.manager.find(GroupChat, { order: { key: 'ASC' } });
    expect(Object.fromEntries(flags.map((g) => [g.key, g.created]))).toEqual({
      'G-DEPT-GA': true,
      'G-HALL': true,
      'G-LEAD': false,
      'G-OFFICE': false,
    });
    calls.length = 0;
    expect(await ensureGroupChats(d, wecom, log, NOW)).toEqual({
      created: [],
      existing: [],
      skipped: ['G-OFFICE'],
      failed: [],
    });
    expect(calls).toEqual([]);
    // Re-pointing a group at another chatid makes it pending again.
    await importDirectory(d, NOW, 'cli', { groups: [{ key: 'G-HALL', name: '全体进驻人员', chatid: 'hall02' }] });
    expect((await d.manager.findOneByOrFail(GroupChat, { key: 'G-HALL' })).created).toBe(false);
  });
});
