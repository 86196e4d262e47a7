import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Department } from '../../entities/department';
import { GroupChat } from '../../entities/group-chat';
import { ROLES } from '../../entities/person-role';
import type { Db } from '../../src/db';
import { demoDirectory, loadDemoDirectory } from '../../src/directory/demo';
import { changedRows } from '../../src/directory/diff';
import { importDirectory } from '../../src/directory/import';
import { freshDb } from '../helpers/db';

// the sandbox demo directory — ≥5 departments with 首席代表, ≥12 windows, ≥25 people
// covering every role, the group chats of conventions (docs/architecture.md) — with the people of docs/commands.md

interface Demo {
  departments: { code: string; chiefRep?: string }[];
  windows: { number: string; department?: string; status: string }[];
  people: {
    userid: string;
    name: string;
    department?: string;
    window?: string;
    roles: string[];
    flags: string[];
    abPartner?: string;
  }[];
  groups: { key: string; chatid?: string; webhook?: string }[];
}

const API = 'http://127.0.0.1:3999/_fake-wecom';
let demo: Demo;
let db: Db;
beforeAll(async () => {
  demo = (await demoDirectory(API)) as unknown as Demo;
  db = await freshDb();
});
afterAll(async () => {
  await db.close();
});

const person = (userid: string) => demo.people.find((p) => p.userid === userid)!;
const windowsOf = (code: string) => demo.windows.filter((w) => w.department === code).map((w) => w.number);

describe('demo directory', () => {
  it('DIR-01/DIR-02: at least 5 departments, each with exactly one 首席代表 who belongs to it', () => {
    expect(demo.departments.length).toBeGreaterThanOrEqual(5);
    for (const d of demo.departments) {
      expect(d.chiefRep, d.code).toBeTruthy();
      expect(person(d.chiefRep!).department, d.code).toBe(d.code);
      expect(
        demo.people.filter((p) => p.department === d.code && p.roles.includes('chief_rep')).map((p) => p.userid),
      ).toEqual([d.chiefRep]);
    }
    expect(demo.departments.map((d) => d.code)).toEqual(expect.arrayContaining(['GA', 'SB', 'BDC', 'SL', 'SW', 'ZH']));
  });

  it('≥12 windows; GA has 12 and 13; one department has exactly 4 windows and one has 10 (WIN-04 cap); SL has a seasonal one', () => {
    expect(demo.windows.length).toBeGreaterThanOrEqual(12);
    expect(windowsOf('GA')).toEqual(['12', '13']);
    const counts = demo.departments.map((d) => windowsOf(d.code).length);
    expect(counts).toContain(4);
    expect(counts).toContain(10);
    expect(demo.windows.some((w) => w.department === 'SL' && w.status === '季节性')).toBe(true);
  });

  it('≥25 people covering every role, with the people of docs/commands.md', () => {
    expect(demo.people.length).toBeGreaterThanOrEqual(25);
    for (const role of ROLES)
      expect(
        demo.people.some((p) => p.roles.includes(role)),
        role,
      ).toBe(true);
    expect(person('liu').roles).toContain('supervisor');
    expect(person('chen')).toMatchObject({ name: '陈主任', roles: ['leader'] });
    expect(person('chen').flags).toContain('有关负责人');
    expect(demo.people.some((p) => p.roles.includes('leader') && p.flags.includes('主要领导'))).toBe(true);
    expect(demo.people.some((p) => p.flags.includes('带班领导'))).toBe(true);
    expect(person('zhao')).toMatchObject({ name: '赵敏', roles: ['hall_office'], flags: ['考核小组'] });
    expect(person('wangwu')).toMatchObject({ name: '王五', department: 'GA', roles: ['chief_rep'] });
    expect(person('lisi')).toMatchObject({ name: '李四', department: 'GA', window: '12', abPartner: 'zhangsan' });
    expect(person('zhangsan')).toMatchObject({ name: '张三', department: 'GA', window: '13' });
    expect(person('xiaogao')).toMatchObject({ name: '小高', roles: ['guide'] });
  });

  it('every group of conventions (docs/architecture.md): the four center groups as app chats, G-DEPT-<code> for each department, one robot', () => {
    const keys = demo.groups.map((g) => g.key);
    for (const k of ['G-HALL', 'G-OFFICE', 'G-LEAD', 'G-GUIDE'])
      expect(demo.groups.find((g) => g.key === k)?.chatid, k).toBeTruthy();
    for (const d of demo.departments) expect(keys).toContain(`G-DEPT-${d.code}`);
    expect(demo.groups.find((g) => g.key === 'G-DEPT-GA')?.webhook).toBe(
      `${API}/cgi-bin/webhook/send?key=demo-robot-ga`,
    );
  });

  it('imports cleanly once; a second load does nothing', async () => {
    expect(await loadDemoDirectory(db, new Date('2026-03-02T02:00:00Z'), API)).toBe(true);
    expect(await db.manager.count(Department)).toBe(demo.departments.length);
    for (const g of await db.manager.find(GroupChat)) expect(g.members!.length, g.key).toBeGreaterThanOrEqual(2);
    expect(await loadDemoDirectory(db, new Date('2026-03-02T02:00:00Z'), API)).toBe(false);
    const again = await importDirectory(db, new Date('2026-03-02T02:00:00Z'), 'cli', await demoDirectory(API), {
      dryRun: true,
    });
    expect(again.errors).toEqual([]);
    expect(changedRows(again.diff)).toBe(0);
  });
});
