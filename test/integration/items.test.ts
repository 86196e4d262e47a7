import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Approval } from '../../entities/approval';
import { Deadline } from '../../entities/deadline';
import { ServiceItem } from '../../entities/item';
import { ItemChange } from '../../entities/item-change';
import { ItemGuide } from '../../entities/item-guide';
import { type TestBot, startTestBot } from '../helpers/bot';
import { importItems, ITEM_HEADER, ITEM_ROWS, mirrorCase } from './items-mail-helpers';

// 事项动态管理 (000 事项动态, 限时办结 第四、五条; ITM-01…10, REC-05) through signed callbacks.

let t: TestBot;
beforeEach(async () => {
  t = await startTestBot({ now: '2026-03-02T10:00:00+08:00' });
});
afterEach(async () => {
  await t.close();
});

const db = () => t.bot.deps.db.manager;
const spOf = async (no: string) => (await db().findOneOrFail(ItemChange, { where: { no } })).approvalNo!;

describe('import (ITM-01, ITM-05, ITM-06, REC-05)', () => {
  it('ITM-05 the catalogue imports from a chat file; a re-import of the same file writes nothing', async () => {
    const first = await importItems(t, [ITEM_HEADER, ...ITEM_ROWS]);
    expect(first).toContain('✅ 事项导入完成：3行，新增或更新3行，未变0行');
    expect(first).toContain('1个事项未设承诺时限'); // 1500-0002 (1500-0003 is 即办)
    const before = await db().findOneOrFail(ServiceItem, { where: { code: '1500-0001' } });
    expect(before).toMatchObject({ name: '户籍迁入', departmentCode: 'GA', legalLimitWd: 20, promisedLimitWd: 5 });
    expect(before).toMatchObject({ inZongchuang: true, fullyOnline: true, instant: false, windowNumber: '12' });
    t.setNow('2026-03-03T10:00:00+08:00');
    expect(await importItems(t, [ITEM_HEADER, ...ITEM_ROWS])).toContain('新增或更新0行，未变3行');
    const after = await db().findOneOrFail(ServiceItem, { where: { code: '1500-0001' } });
    expect(after.updatedAt.toISOString()).toBe(before.updatedAt.toISOString());
    expect(await db().count(ServiceItem)).toBe(3);
  });

  it('ITM-01 REC-05 a 涉密 row refuses the whole file; nothing is stored', async () => {
    const reply = await importItems(t, [ITEM_HEADER, ...ITEM_ROWS, '1500-0009,某涉密审批,GA,20,10,否,否,否,是,,,']);
    expect(reply).toContain('❌ 事项导入未写入任何数据（1处问题）');
    expect(reply).toContain('事项.csv 第5行：❌ 不符合规定（rule ITM-01；000 事项动态 第一条）');
    expect(reply).not.toContain('某涉密审批');
    expect(await db().count(ServiceItem)).toBe(0);
  });

  it('import: a malformed file names each line and writes nothing', async () => {
    const reply = await importItems(t, [
      ITEM_HEADER,
      ITEM_ROWS[0],
      '1500-0004,不动产登记,BDC,二十,5,否,否,否,否,,,',
      '1500-0005,取水许可,XX,20,5,也许,否,否,否,,,',
    ]);
    expect(reply).toContain('事项.csv 第3行：法定时限：“二十”应为工作日数');
    expect(reply).toContain('事项.csv 第4行：即办：“也许”应为 是 或 否');
    expect(await db().count(ServiceItem)).toBe(0);
  });

  it('ITM-06 OPEN #40 承诺时限 above 法定时限 refuses the file; 事项 设置 refuses it too', async () => {
    const reply = await importItems(t, [ITEM_HEADER, '1500-0004,不动产登记,BDC,20,25,否,否,否,否,,,']);
    expect(reply).toContain('rule ITM-06');
    expect(reply).toContain('承诺时限（25）不得超过法定时限（20个工作日）');
    expect(await db().count(ServiceItem)).toBe(0);
    await importItems(t, [ITEM_HEADER, ...ITEM_ROWS]);
    await t.say('zhao', '事项 设置 1500-0001 承诺时限=25');
    expect(t.lastTextTo('zhao')).toBe(
      '❌ 不符合规定（rule ITM-06；000 限时办结 第四、五条）：承诺时限不得超过法定时限（20个工作日）。',
    );
    expect((await db().findOneOrFail(ServiceItem, { where: { code: '1500-0001' } })).promisedLimitWd).toBe(5);
    await t.say('zhao', '事项 设置 1500-0002 承诺时限=10 依据=参照同类事项');
    expect(t.lastTextTo('zhao')).toContain('✅ 居民身份证换领（1500-0002）｜承诺 10WD（法定 30WD）');
  });
});

describe('查看 (ITM-05, ITM-06, ITM-08)', () => {
  it('ITM-05 事项 查看 shows the limits, window and flags; a typo gets the nearest items', async () => {
    await importItems(t, [ITEM_HEADER, ...ITEM_ROWS]);
    await t.say('lisi', '事项 查看 户籍迁入');
    const reply = t.lastTextTo('lisi');
    expect(reply.split('\n')[0]).toBe('户籍迁入｜承诺 5WD（法定 20WD）｜12号窗');
    expect(reply).toContain('综窗 是｜全程网办 是');
    expect(reply.split('\n').length).toBeLessThanOrEqual(6);
    await t.say('lisi', '事项 查看 1500-0031');
    expect(t.lastTextTo('lisi')).toContain('你是不是要：');
  });
});

describe('调整 (ITM-01, ITM-02, ITM-03, ITM-04, ITM-10)', () => {
  it('ITM-03 新增 without 审批人员 is refused; nothing is filed', async () => {
    await t.say('wangwu', '事项 调整 新增 事项=居住证办理 原因=1 生效=3月10日');
    expect(t.lastTextTo('wangwu')).toBe(
      '❌ 不符合规定（rule ITM-03；000 事项动态 第三条）：新增事项须明确审批人员。请加 审批人员=@… 后重发。',
    );
    expect(await db().count(ItemChange)).toBe(0);
    expect(await db().count(Approval)).toBe(0);
  });

  it('ITM-01 a 涉密 item is refused at 调整; nothing is filed', async () => {
    await t.say('wangwu', '事项 调整 新增 事项=某涉密审批 原因=1 生效=3月10日 审批人员=@李四 涉密=是');
    expect(t.lastTextTo('wangwu')).toContain('❌ 不符合规定（rule ITM-01；000 事项动态 第一条）');
    expect(await db().count(ItemChange)).toBe(0);
  });

  it('ITM-10 OPEN #39 approval opens an SX task due 5 WD; item-tasks-overdue reports it once; 事项 更新 closes it', async () => {
    await t.say('wangwu', '事项 调整 新增 事项=居住证办理 原因=1 生效=3月2日 审批人员=@李四');
    expect(t.lastTextTo('wangwu')).toMatch(/^✅ SX2026-0001 已提交中心初审（SP2026-\d{5}）｜新增｜居住证办理/);
    const card = t.cardsTo('zhao').at(-1)!;
    expect(JSON.stringify(card.card)).toContain('事项调整初审 SX2026-0001｜新增｜GA');
    await t.click('zhao', `approve:${await spOf('SX2026-0001')}`);
    const sx = await db().findOneOrFail(ItemChange, { where: { no: 'SX2026-0001' } });
    expect(sx.status).toBe('待更新');
    const clock = await db().findOneOrFail(Deadline, { where: { subjectId: 'SX2026-0001' } });
    expect(clock.dueDate).toBe('2026-03-09'); // Mon 03-02 + 5 WD
    expect((await t.groupTexts('G-OFFICE')).join('\n')).toContain('SX2026-0001 待更新事项清单');

    await t.runJob('item-tasks-overdue', '2026-03-09T09:00:00+08:00');
    expect((await t.groupTexts('G-OFFICE')).join('\n')).not.toContain('事项清单更新逾期');
    await t.runJob('item-tasks-overdue', '2026-03-10T09:00:00+08:00');
    const late = (await t.groupTexts('G-OFFICE')).filter((x) => x.includes('事项清单更新逾期'));
    expect(late).toHaveLength(1);
    expect(late[0]).toContain('SX2026-0001 新增 居住证办理（GA）应于 2026-03-09 前更新，已逾期1个工作日');
    await t.runJob('item-tasks-overdue', '2026-03-10T09:00:00+08:00', { force: true });
    expect((await t.groupTexts('G-OFFICE')).filter((x) => x.includes('事项清单更新逾期'))).toHaveLength(1);

    await t.say('zhao', '事项 更新 SX1');
    expect(t.lastTextTo('zhao')).toContain('新增事项须给出事项编码');
    await t.say('zhao', '事项 更新 SX1 编码=1500-0101');
    expect(t.lastTextTo('zhao')).toContain('✅ SX1 已更新清单（逾期，应于 2026-03-09 前）');
    const item = await db().findOneOrFail(ServiceItem, { where: { code: '1500-0101' } });
    expect(item).toMatchObject({ name: '居住证办理', departmentCode: 'GA', approvers: ['李四'], status: '在用' });
    expect((await db().findOneOrFail(Deadline, { where: { subjectId: 'SX2026-0001' } })).status).toBe('closed');
    await t.runJob('item-tasks-overdue', '2026-03-11T09:00:00+08:00');
    expect((await t.groupTexts('G-OFFICE')).filter((x) => x.includes('事项清单更新逾期'))).toHaveLength(1);
  });

  it('ITM-10 a rejection goes back to the 首席代表 with the reason; 取消 of another department’s item is refused', async () => {
    await importItems(t, [ITEM_HEADER, ...ITEM_ROWS]);
    await t.say('huangyan', '事项 调整 取消 事项=户籍迁入 原因=4 生效=今天');
    expect(t.lastTextTo('huangyan')).toContain('属于 GA，不是 SB 的事项');
    await t.say('wangwu', '事项 调整 取消 事项=1500-0002 原因=4 生效=今天');
    await t.click('zhao', `reject:${await spOf('SX2026-0001')}`);
    await t.say('zhao', '材料不全');
    expect((await db().findOneOrFail(ItemChange, { where: { no: 'SX2026-0001' } })).status).toBe('已驳回');
    expect(t.textsTo('wangwu').join('\n')).toContain('未通过中心初审：材料不全');
  });
});

describe('要点 and 报表 (ITM-07, ITM-09; OPEN #41, #42)', () => {
  it('ITM-07 要点 keep versions; ITM-09 报表 shows 网办率 vs 85 %, no 承诺时限, stale 要点 and dormant items', async () => {
    await importItems(t, [ITEM_HEADER, ...ITEM_ROWS]);
    await t.say('wangwu', '事项 要点 1500-0001 版本=2 日期=2025-01-05');
    expect(t.lastTextTo('wangwu')).toContain('✅ 审查要点 v2（2025-01-05）｜户籍迁入｜共1个版本');
    await t.say('wangwu', '事项 要点 1500-0001 版本=2');
    expect(t.lastTextTo('wangwu')).toContain('已登记过');
    await t.say('wangwu', '事项 要点 社保卡挂失 版本=1');
    expect(t.lastTextTo('wangwu')).toContain('属于 SB');
    expect(await db().count(ItemGuide)).toBe(1);

    // A year later: 户籍迁入's 要点 (2025-01-05) are stale; items listed since 2026-03-02 are not yet.
    t.setNow('2026-09-10T10:00:00+08:00');
    await mirrorCase(t, 'AJ2026-00001', { itemCode: '1500-0002', receivedAt: '2026-08-01T10:00:00+08:00' });
    await t.say('zhao', '事项 报表');
    let r = t.lastTextTo('zhao');
    expect(r.split('\n')[0]).toBe('在用事项 3｜网办率 67%（目标85%，未达标）｜休眠事项 2｜要点过期 1');
    expect(r).toContain('无承诺时限（1，不能受理计时 rule ITM-05）：居民身份证换领');
    expect(r).toContain('要点过期（1，rule ITM-07）：户籍迁入');
    expect(r).toContain('休眠事项（2，rule ITM-09）：户籍迁入、社保卡挂失');
    await t.say('wangwu', '事项 要点 1500-0001 版本=3');
    await t.say('zhao', '事项 报表 部门=GA');
    r = t.lastTextTo('zhao');
    expect(r.split('\n')[0]).toBe('GA 在用事项 2｜网办率 50%（目标85%，未达标）｜休眠事项 1｜要点过期 0');
  });
});
