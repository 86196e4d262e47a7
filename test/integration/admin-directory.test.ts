import pino from 'pino';
import { MoreThan } from 'typeorm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { argTools, type CommandDef } from '../../src/kernel/command';
import {
  chiefReplace,
  chiefSet,
  groupBind,
  groupList,
  personMove,
  roleGrant,
  roleRevoke,
} from '../../commands/admin-directory';
import { AuditLog } from '../../entities/audit-log';
import { Department } from '../../entities/department';
import { GroupChat } from '../../entities/group-chat';
import { Person } from '../../entities/person';
import { PersonRole } from '../../entities/person-role';
import { loadActor } from '../../src/kernel/directory';
import { UserError } from '../../src/kernel/errors';
import { makeCtx } from '../../src/kernel/make-ctx';
import type { Db } from '../../src/db';
import type { Deps } from '../../src/kernel/deps';
import { changedRows } from '../../src/directory/diff';
import { exportDirectory } from '../../src/directory/export';
import { importDirectory } from '../../src/directory/import';
import { loadDemoDirectory } from '../../src/directory/demo';
import { freshDb } from '../helpers/db';
import { TABLES } from '../../src/tables';

// Directory edits in chat (docs/commands.md, §3.8) on the demo directory, each through handle(ctx, args) on a
// real database. The role lists are the dispatcher's business; these tests check what the handlers do.

const NOW = new Date('2026-03-02T02:00:00Z'); // 2026-03-02 10:00 Beijing
let db: Db;
let deps: Deps;
let lastAudit = 0;

beforeEach(async () => {
  db = await freshDb();
  await loadDemoDirectory(db, NOW, 'http://127.0.0.1/_fake-wecom');
  deps = {
    db,
    log: pino({ level: 'silent' }),
    config: {},
    calendar: {},
    publicBaseUrl: 'http://localhost',
    media: {},
    tables: TABLES,
  } as unknown as Deps;
  lastAudit = (await db.manager.find(AuditLog, { order: { id: 'DESC' }, take: 1 }))[0]?.id ?? 0;
});
afterEach(async () => {
  await db.close();
});

/** Run one command as `userid`, arguments as typed (parsed by the row's own schema). Returns the replies. */
async function run(userid: string, cmd: CommandDef, input: Record<string, string>): Promise<string[]> {
  const args = cmd.args(argTools(NOW)).parse(input);
  return db.tx(async (m) => {
    const ctx = makeCtx(deps, m, NOW, (await loadActor(m, userid))!, `test:${cmd.name}`);
    await cmd.handle(ctx, args);
    return ctx.replies;
  });
}

const newAudits = async () =>
  (await db.manager.find(AuditLog, { where: { id: MoreThan(lastAudit) }, order: { id: 'ASC' } })).map(
    (a) => `${a.actor} ${a.action} ${a.subjectId}`,
  );
const rolesOf = async (userid: string) =>
  (await db.manager.find(PersonRole, { where: { userid } })).map((r) => r.role).sort();
const members = async (key: string) => (await db.manager.findOneByOrFail(GroupChat, { key })).members;

/** Every chat edit keeps the directory importable: export → import changes nothing. */
async function expectStillImportable() {
  const r = await importDirectory(db, NOW, 'cli', await exportDirectory(db), { dryRun: true });
  expect(r.errors).toEqual([]);
  expect(changedRows(r.diff)).toBe(0);
}

describe('角色 授予 / 撤销 (DIR-05)', () => {
  it('grants roles by key or Chinese name, audits, and updates the derived groups', async () => {
    expect(await run('magong', roleGrant, { 人: '赵敏', 角色: '导服 leader' })).toEqual(['✅ 赵敏 +guide +leader']);
    expect(await rolesOf('zhao')).toEqual(['guide', 'hall_office', 'leader']);
    expect(await members('G-GUIDE')).toEqual(['xiaogao', 'xiaoma', 'zhao']);
    expect(await newAudits()).toEqual([
      'magong role.grant zhao',
      'magong group.members G-GUIDE',
      'magong group.members G-LEAD',
    ]);
    await expectStillImportable();
  });

  it('a role already held changes nothing and writes no audit row', async () => {
    expect(await run('magong', roleGrant, { 人: 'liu', 角色: '中心分管领导' })).toEqual([
      '刘主任 已有角色 supervisor，未作修改。',
    ]);
    expect(await newAudits()).toEqual([]);
  });

  it('refuses an unknown role and chief_rep (DIR-02: only through 首席代表 设置/更换)', async () => {
    await expect(run('magong', roleGrant, { 人: 'lisi', 角色: 'staff boss' })).rejects.toThrow(/角色“boss”无效/);
    await expect(run('magong', roleGrant, { 人: 'lisi', 角色: '首席代表' })).rejects.toThrow(/rule DIR-02/);
    await expect(run('magong', roleRevoke, { 人: 'wangwu', 角色: 'chief_rep' })).rejects.toThrow(/首席代表 更换/);
    expect(await rolesOf('lisi')).toEqual(['staff', 'window_lead']);
    expect(await newAudits()).toEqual([]);
  });

  it('revokes, updates the groups, and never removes the last admin', async () => {
    expect(await run('magong', roleRevoke, { 人: 'xiaoma', 角色: 'guide' })).toEqual(['✅ 小马 -guide']);
    expect(await members('G-GUIDE')).toEqual(['xiaogao']);
    expect(await newAudits()).toEqual(['magong role.revoke xiaoma', 'magong group.members G-GUIDE']);
    await expect(run('magong', roleRevoke, { 人: 'magong', 角色: 'admin' })).rejects.toThrow(/最后一名系统管理员/);
    expect(await rolesOf('magong')).toEqual(['admin']);
  });
});

describe('人员 调岗 (STF-01)', () => {
  it('STF-01: tenure under one year without 原因码 and 原因 → SOFT warning, nothing moved', async () => {
    // 张三 入岗 2025-09-01: 6 months on 2026-03-02.
    const err = await run('wangwu', personMove, { 人: '张三', 窗口: '12号窗' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toMatch(/^⚠️ 提醒（rule STF-01）：张三 2025-09-01 入岗，在岗未满1年（6个月）/);
    expect((err as Error).message).toContain('原因码=1-5 原因=…');
    expect((await db.manager.findOneByOrFail(Person, { userid: 'zhangsan' })).windowNumber).toBe('13');
    expect(await newAudits()).toEqual([]);
  });

  it('STF-01: with 原因码 and 原因 nothing moves yet: a 中心领导 approval is started (D173)', async () => {
    const replies = await run('wangwu', personMove, {
      人: 'zhangsan',
      窗口: '12',
      原因码: '3',
      原因: '业务骨干调整到户籍窗口',
    });
    expect(replies).toEqual([
      '⚠️ 张三在岗未满1年（6个月），已送中心领导审批（SP2026-00001），批准后调岗（rule STF-01）',
    ]);
    expect((await db.manager.findOneByOrFail(Person, { userid: 'zhangsan' })).windowNumber).toBe('13');
    expect(await newAudits()).toEqual(['wangwu approval.start SP2026-00001']);
    await expectStillImportable();
  });

  it('a year or more: moves without a reason code (李四 入岗 2025-03-01)', async () => {
    expect(await run('zhao', personMove, { 人: 'lisi', 窗口: '13' })).toEqual(['✅ 李四 12号窗 → 13号窗（GA）']);
    expect(await newAudits()).toEqual(['zhao person.move lisi']);
  });

  it('refuses another department’s window, and a 首席代表 of another department', async () => {
    await expect(run('zhao', personMove, { 人: 'lisi', 窗口: '5' })).rejects.toThrow(/5号窗属于 SB/);
    await expect(run('huangyan', personMove, { 人: 'lisi', 窗口: '13' })).rejects.toThrow(/只能为本部门人员调岗/);
    await expect(run('wangwu', personMove, { 人: 'lisi', 窗口: '12' })).rejects.toThrow(/已在12号窗/);
    expect(await newAudits()).toEqual([]);
  });
});

describe('群 列表 / 群 绑定 (§0.3, D10, D11)', () => {
  it('群 列表 shows key, name, target with the robot key masked, member count and created', async () => {
    const [reply] = await run('zhao', groupList, {});
    expect(
      reply
        .split('\n')
        .slice(0, 6)
        .map((l) => l.split(/[ ｜]/)[0]),
    ).toEqual(['通知群', 'G-HALL', 'G-OFFICE', 'G-LEAD', 'G-GUIDE', 'G-DEPT-BDC']);
    expect(reply.split('\n')).toContain('G-HALL 全体进驻人员｜chatid hall01｜未建群｜24人');
    expect(reply).toContain(
      'G-DEPT-GA 旗公安局窗口群｜机器人 http://127.0.0.1/_fake-wecom/cgi-bin/webhook/send?key=demo****｜3人',
    );
    expect(reply).not.toContain('demo-robot-ga');
  });

  it('群 绑定 re-points a group (chatid or webhook), audited; bad keys and both targets are refused', async () => {
    expect(await run('magong', groupBind, { 键: 'g-guide', chatid: 'guide02' })).toEqual([
      '✅ G-GUIDE → 群“蓝马甲”（chatid guide02，2人）',
    ]);
    expect(await db.manager.findOneByOrFail(GroupChat, { key: 'G-GUIDE' })).toMatchObject({
      chatid: 'guide02',
      webhook: null,
      created: false,
    });
    const hook = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=0123456789abcdef';
    expect(await run('magong', groupBind, { 键: 'G-OFFICE', webhook: hook })).toEqual([
      '✅ G-OFFICE → 群“大厅管理室”（机器人 https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=0123****，2人）',
    ]);
    expect(await db.manager.findOneByOrFail(GroupChat, { key: 'G-OFFICE' })).toMatchObject({
      chatid: null,
      webhook: hook,
    });
    expect(await newAudits()).toEqual(['magong group.bind G-GUIDE', 'magong group.bind G-OFFICE']);
    await expect(run('magong', groupBind, { 键: 'G-FOO', chatid: 'x1' })).rejects.toThrow(/群键“G-FOO”无效/);
    await expect(run('magong', groupBind, { 键: 'G-DEPT-XX', chatid: 'x1' })).rejects.toThrow(/部门“XX”不存在/);
    await expect(run('magong', groupBind, { 键: 'G-LEAD', chatid: 'x1', webhook: hook })).rejects.toThrow(/只填一个/);
    await expect(run('magong', groupBind, { 键: 'G-LEAD', chatid: 'hall01' })).rejects.toThrow(/已用于 G-HALL/);
    await expectStillImportable();
  });
});

describe('首席代表 设置 / 更换 (DIR-02)', () => {
  it('DIR-02: 首席代表 设置 on a department that has one is refused with the rule and the current chief', async () => {
    await expect(run('zhao', chiefSet, { 部门: 'GA', 人: '李四' })).rejects.toThrow(
      new UserError('❌ 不符合规定（rule DIR-02；000 窗口工作 四(六)）：该部门已有首席代表 王五，请先办理更换。'),
    );
    expect((await db.manager.findOneByOrFail(Department, { code: 'GA' })).chiefRep).toBe('wangwu');
    expect(await newAudits()).toEqual([]);
  });

  it('首席代表 设置 on a department without one: sets it, grants chief_rep, joins G-DEPT', async () => {
    await importDirectory(db, NOW, 'cli', {
      departments: [{ code: 'YJ', name: '旗应急管理局' }],
      people: [{ userid: 'yangfan', name: '杨帆', department: 'YJ', roles: ['staff'] }],
      groups: [{ key: 'G-DEPT-YJ', name: '应急局窗口群', chatid: 'deptyj' }],
    });
    lastAudit = (await db.manager.find(AuditLog, { order: { id: 'DESC' }, take: 1 }))[0].id;
    expect(await run('zhao', chiefSet, { 部门: 'YJ', 人: '杨帆' })).toEqual(['✅ YJ 首席代表：杨帆（2026-03-02起）']);
    expect((await db.manager.findOneByOrFail(Department, { code: 'YJ' })).chiefRep).toBe('yangfan');
    expect(await rolesOf('yangfan')).toEqual(['chief_rep', 'staff']);
    expect(await newAudits()).toEqual(['zhao chief_rep.set YJ']);
    await expectStillImportable();
  });

  it('首席代表 更换 ends the old and starts the new; the old loses chief_rep', async () => {
    expect(await run('zhao', chiefReplace, { 部门: 'GA', 人: '李四', 原因: '王五调回派驻单位' })).toEqual([
      '✅ GA 首席代表 王五 → 李四（2026-03-02起）',
    ]);
    expect((await db.manager.findOneByOrFail(Department, { code: 'GA' })).chiefRep).toBe('lisi');
    expect(await rolesOf('lisi')).toEqual(['chief_rep', 'staff', 'window_lead']);
    expect(await rolesOf('wangwu')).toEqual([]);
    const audit = await db.manager.findOneByOrFail(AuditLog, { action: 'chief_rep.replace' });
    expect(audit.detail).toEqual({ from: 'wangwu', to: 'lisi', reason: '王五调回派驻单位' });
    await expectStillImportable();
  });

  it('refuses a person of another department, the same person, and 更换 without a current chief', async () => {
    await expect(run('zhao', chiefReplace, { 部门: 'GA', 人: '黄燕', 原因: '测试原因' })).rejects.toThrow(
      /黄燕 属于 SB，不是 GA 的人员/,
    );
    await expect(run('zhao', chiefReplace, { 部门: 'GA', 人: '王五', 原因: '测试原因' })).rejects.toThrow(
      /王五 已是 GA 首席代表/,
    );
    await importDirectory(db, NOW, 'cli', {
      departments: [{ code: 'YJ', name: '旗应急管理局' }],
      people: [{ userid: 'yangfan', name: '杨帆', department: 'YJ' }],
    });
    await expect(run('zhao', chiefReplace, { 部门: 'YJ', 人: '杨帆', 原因: '测试原因' })).rejects.toThrow(
      'YJ 尚未设置首席代表，请用“首席代表 设置 YJ <人>”。',
    );
  });
});
