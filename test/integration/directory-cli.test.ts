import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../../entities/audit-log';
import { Department } from '../../entities/department';
import { GroupChat } from '../../entities/group-chat';
import { runDirectoryCli } from '../../src/cli-directory';
import type { Db } from '../../src/db';
import { FixedClock } from '../../src/kernel/time';
import { freshDb } from '../helpers/db';

// `npm run cli -- directory import|export` (architecture "CLI"): prints the diff or the errors, returns 0/1.

const dir = mkdtempSync(join(tmpdir(), 'dir-cli-'));
const DIRECTORY = {
  departments: [{ code: 'GA', name: '旗公安局', chiefRep: 'wangwu' }],
  windows: [{ number: '12', name: '户籍办理', department: 'GA', status: '在用' }],
  people: [
    { userid: 'wangwu', name: '王五', department: 'GA', roles: ['chief_rep'] },
    { userid: 'lisi', name: '李四', department: 'GA', window: '12', roles: ['staff'] },
  ],
  groups: [{ key: 'G-DEPT-GA', name: '旗公安局窗口群', chatid: 'deptga' }],
};

let db: Db;
let out: string[];
let err: string[];
const deps = () => ({
  db,
  log: { info: () => {}, warn: () => {} },
  out: (l: string) => out.push(l),
  err: (l: string) => err.push(l),
  clock: new FixedClock(new Date('2026-03-02T02:00:00Z')),
});
const write = (name: string, data: unknown) => {
  const p = join(dir, name);
  writeFileSync(p, typeof data === 'string' ? data : JSON.stringify(data), 'utf8');
  return p;
};

beforeEach(async () => {
  db = await freshDb();
  out = [];
  err = [];
});
afterEach(async () => {
  await db.close();
});

describe('directory CLI', () => {
  it('import --dry-run prints the diff and writes nothing; import then writes and creates the missing chat', async () => {
    const file = write('d.json', DIRECTORY);
    expect(await runDirectoryCli(['import', file, '--dry-run'], deps())).toBe(0);
    expect(out).toContain('部门：新增 1，更新 0，未变 0');
    expect(out).toContain('  + 李四（lisi）');
    expect(out.at(-1)).toBe('（--dry-run：未写入。共 5 行将变更）');
    expect(await db.manager.count(Department)).toBe(0);
    expect(await db.manager.count(AuditLog)).toBe(0);

    out = [];
    const created: string[] = [];
    const wecom = {
      getAppChat: async () => Promise.reject(Object.assign(new Error('not found'), { errcode: 86003 })),
      createAppChat: async (b: { chatid?: string }) => (created.push(b.chatid!), { chatid: b.chatid }),
    };
    expect(await runDirectoryCli(['directory', 'import', file], deps(), wecom)).toBe(0);
    expect(out).toContain('✅ 已导入：5 行变更');
    expect(out).toContain('已在企业微信建群：G-DEPT-GA');
    expect(created).toEqual(['deptga']);
    expect((await db.manager.findOneByOrFail(GroupChat, { key: 'G-DEPT-GA' })).created).toBe(true);

    out = [];
    expect(await runDirectoryCli(['import', file], deps())).toBe(0);
    expect(out.at(-1)).toBe('目录无变化，未写入。');
  });

  it('an invalid file exits 1 listing every error, and writes nothing', async () => {
    const bad = structuredClone(DIRECTORY);
    bad.people[1].roles = ['boss'];
    bad.windows[0].department = 'XX';
    expect(await runDirectoryCli(['import', write('bad.json', bad)], deps())).toBe(1);
    expect(err).toEqual([
      '目录有 2 处错误，未写入任何数据：',
      '  人员 第2项：角色“boss”无效（可选：staff、window_lead、chief_rep、hall_office、guide、area_lead、leader、supervisor、provider、admin 或中文名）',
      '  窗口 第1项：部门“XX”不存在',
    ]);
    expect(await db.manager.count(Department)).toBe(0);
  });

  it('export writes JSON (importable as is) and XLSX; unknown usage exits 1', async () => {
    expect(await runDirectoryCli(['import', write('d2.json', DIRECTORY)], deps())).toBe(0);
    const json = join(dir, 'out.json');
    expect(await runDirectoryCli(['export', json], deps())).toBe(0);
    const exported = JSON.parse(readFileSync(json, 'utf8')) as { people: unknown[] };
    expect(exported).toMatchObject({
      departments: DIRECTORY.departments,
      windows: DIRECTORY.windows,
      groups: DIRECTORY.groups,
    });
    expect(exported.people).toEqual([1, 0].map((i) => ({ ...DIRECTORY.people[i], status: '在岗' }))); // sorted by userid
    expect(await runDirectoryCli(['export', join(dir, 'out.xlsx')], deps())).toBe(0);
    expect(out.at(-1)).toMatch(/^✅ 已导出 .*out\.xlsx：部门 1，窗口 1，人员 2，群 1$/);
    expect(await runDirectoryCli(['export', join(dir, 'out.txt')], deps())).toBe(1);
    expect(await runDirectoryCli(['frobnicate'], deps())).toBe(1);
    expect(err.at(-1)).toContain('directory import <文件…> [--dry-run]');
  });
});
