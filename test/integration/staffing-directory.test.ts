import { afterEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../../entities/audit-log';
import { HallWindow } from '../../entities/window';
import { Person } from '../../entities/person';
import { findLedger } from '../../src/kernel/ledger';
import { mapWindowKinds } from '../../src/migrations/0063-staffing';
import { LEDGERS } from '../../src/tables';
import { startTestBot, type TestBot } from '../helpers/bot';
import { spOf } from '../helpers/windows';

// DIR-07 window kinds (D172), DIR-09 AB岗, DIR-14 综合窗口 ratio (OPEN #9), DIR-15 持证 (monthly line), the
// 人员进出台账 and the STF-08 report of a 交接 still open on the 离岗 date.

let t: TestBot;
afterEach(async () => t?.close());
const m = () => t.bot.deps.db.manager;

describe('窗口类型 and 综合窗口 (DIR-07, DIR-14)', () => {
  it('DIR-14 / OPEN #9: 无差别 ÷ (无差别 + 分领域综合), spare windows not counted; below 80% is flagged', async () => {
    t = await startTestBot({ now: '2026-03-02T10:00:00+08:00' });
    await t.say('zhao', '统计 综合窗口');
    expect(t.lastTextTo('zhao')).toBe('无差别 9 / 9 = 100% ✅（≥80%）');
    await m().update(HallWindow, { departmentCode: 'SW' }, { kind: '分领域综合' });
    await t.say('chen', '统计 综合窗口');
    expect(t.lastTextTo('chen')).toBe('无差别 9 / 12 = 75% ❌（≥80%）');
    await t.say('lisi', '统计 综合窗口');
    expect(t.lastTextTo('lisi')).toBe('你没有权限使用“统计 综合窗口”（需要：大厅管理室、中心领导）。');
  });

  it('D172: the migration maps old spellings and reports what it cannot map', async () => {
    t = await startTestBot({ now: '2026-03-02T10:00:00+08:00' });
    await m().update(HallWindow, { number: '15' }, { kind: '综合窗口' });
    await m().update(HallWindow, { number: '4' }, { kind: '自助服务区' });
    const q = t.bot.deps.db.ds.createQueryRunner();
    try {
      await mapWindowKinds(q);
    } finally {
      await q.release();
    }
    expect((await m().findOneByOrFail(HallWindow, { number: '15' })).kind).toBe('综合受理');
    expect((await m().findOneByOrFail(HallWindow, { number: '4' })).kind).toBeNull();
    const audit = await m().findOneByOrFail(AuditLog, { action: 'window.kind.unmapped' });
    expect(audit.detail).toEqual({ unmapped: [{ window: '4', kind: '自助服务区' }] });
  });
});

describe('持证 and AB岗 (DIR-15, DIR-09)', () => {
  it('DIR-15: 人员 证书 records grade and certificate; 统计 持证 lists the uncertified; the monthly batch has the line', async () => {
    t = await startTestBot({ now: '2026-03-02T10:00:00+08:00' });
    await t.say('zhao', '统计 持证');
    expect(t.lastTextTo('zhao')).toMatch(/^综合窗口人员 5人，未持证 5人\n/);
    await t.say('zhao', '人员 证书 何欣 等级=中 证书=政务服务办事员四级');
    expect(t.lastTextTo('zhao')).toBe('✅ 何欣 岗位等级 中｜证书 政务服务办事员四级');
    await t.say('zhao', '人员 证书 罗宇 等级=特');
    expect(t.lastTextTo('zhao')).toContain('等级应为 初、中 或 高');
    await t.say('zhao', '统计 持证');
    expect(t.lastTextTo('zhao')).toBe(
      '综合窗口人员 5人，未持证 4人\n罗宇（ZH 16号窗）\n唐宁（ZH 17号窗）\n冯雪（ZH 18号窗）\n蒋涛（ZH 19号窗）',
    );
    await t.runJob('monthly-batch', '2026-04-01T09:00:00+08:00');
    expect((await t.groupTexts('G-OFFICE')).at(-1)).toContain('（DIR-15）未持证综窗人员：4/5人：罗宇（ZH 16号窗）');
    expect(t.lastTextTo('zhengli')).toContain('未持证综窗人员：4/5人');
    expect(t.lastTextTo('wangwu')).not.toContain('未持证综窗人员'); // GA has no comprehensive window
  });

  it('DIR-09: AB岗 设置 writes the B-post partner; own department only', async () => {
    t = await startTestBot({ now: '2026-03-02T10:00:00+08:00' });
    await t.say('huangyan', 'AB岗 设置 5 A=吴静 B=徐丽');
    expect(t.lastTextTo('huangyan')).toBe('✅ 5号窗 A 吴静 / B 徐丽');
    expect((await m().findOneByOrFail(Person, { userid: 'wujing' })).abPartner).toBe('xuli');
    await t.say('huangyan', 'AB岗 设置 12 A=李四 B=张三');
    expect(t.lastTextTo('huangyan')).toBe('12号窗属于 GA，只能设置本部门窗口的AB岗。');
    await t.say('wangwu', 'AB岗 设置 12 A=李四 B=吴静');
    expect(t.lastTextTo('wangwu')).toBe('吴静 不是 GA 的在岗人员，不能担任B岗。');
  });
});

describe('人员进出台账 and open 交接 (STF-08)', () => {
  it('STF-08: a 交接 still open on the 离岗 date is reported to G-OFFICE once; the ledger lists it with the ID masked', async () => {
    t = await startTestBot({ now: '2025-03-10T10:00:00+08:00' });
    await t.say('hanmei', '离岗 申请 曹杰 离岗=3月31日 原因=调回派驻单位');
    await t.click('caojie', 'confirm:LG2025-SW-001');
    await t.click('zhao', `approve:${await spOf(t, 'LG2025-SW-001')}`);
    await t.say('hanmei', '交接 LG2025-SW-001 a');
    expect((await t.runJob('offboarding-handover-due', '2025-03-28T09:00:00+08:00')).status).toBe('ok');
    const before = (await t.groupTexts('G-OFFICE')).length;
    await t.runJob('offboarding-handover-due', '2025-03-31T09:00:00+08:00');
    const texts = await t.groupTexts('G-OFFICE');
    expect(texts).toHaveLength(before + 1);
    expect(texts.at(-1)).toMatch(
      /^⏰ LG2025-SW-001 SW 曹杰 离岗日期 3\/31 已到，离岗交接未完成（rule STF-08）：a✅ b⬜ c⬜ d⬜ e🔒 f🔒\nb 收回工作牌/,
    );
    await t.runJob('offboarding-handover-due', '2025-04-01T09:00:00+08:00');
    expect(await t.groupTexts('G-OFFICE')).toHaveLength(before + 1);

    await t.say('hanmei', '入岗 申请 新人 窗口=1 入岗=4月10日 身份证=152701199001011239 无材料理由=补寄');
    const ledger = findLedger(LEDGERS, '人员进出台账')!;
    const [sheet] = await ledger.build(t.bot.deps.db, { from: '2025-03-01', to: '2025-04-30' }, { unmasked: false });
    expect(sheet.rows.map((r) => [r.no, r.kind, r.name, r.id, r.status])).toEqual([
      ['LG2025-SW-001', '离岗', '曹杰', '', '已批准'],
      ['RG2025-SW-001', '入岗', '新人', '1527**********1239', '审批中'],
    ]);
    expect(sheet.rows[0].handover).toMatch(/^a 2025-03-10$/);
    expect(sheet.rows[1].proof).toBe('无（补寄）');
  });
});
