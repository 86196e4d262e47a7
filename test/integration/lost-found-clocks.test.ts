import { afterEach, describe, expect, it } from 'vitest';
import { LostItem } from '../../entities/lost-item';
import { LostItemVersion } from '../../entities/lost-item-version';
import { correctAnnouncedDate } from '../../src/domain/lost-found/announce';
import { lostItemLedger } from '../../src/domain/lost-found/ledger';
import { systemActor } from '../../src/kernel/ctx';
import { makeCtx } from '../../src/kernel/make-ctx';
import { type TestBot, startTestBot } from '../helpers/bot';
import { registerItem, VALID_ID } from './lost-found-helpers';

// The desk's clocks and scheduled jobs (000 遗失物品 一(三), 二(2)–(4); LST-04, -05, -06, -07, REC-09;
// the rulebook's test vectors #28; OPEN #24, #25, #27). Every reminder is checked to arrive exactly once via job runs at set times.

let t: TestBot;
afterEach(async () => {
  await t.close();
});

const db = () => t.bot.deps.db.manager;
const item = (no: string) => db().findOneOrFail(LostItem, { where: { no } });
const guideGroup = async (needle: string) => (await t.groupTexts('G-GUIDE')).filter((x) => x.includes(needle));

describe('LST-05 易坏 clock (OPEN #25 calendar days)', () => {
  it('LST-05 §19 #28 perishable found 2025-03-10 → disposal due 2025-03-13, reported once at 09:00 that day', async () => {
    t = await startTestBot({ now: '2025-03-10T10:00:00+08:00' });
    const no = await registerItem(t, '名称=面包 数量=1 特征=袋装 时间=今天 9:00 地点=等候区 类别=易坏');
    expect((await item(no)).perishableDue).toBe('2025-03-13');
    await t.runJob('lost-property-clocks', '2025-03-12T09:00:00+08:00');
    expect(await guideGroup('SW1 面包')).toHaveLength(0);
    await t.runJob('lost-property-clocks', '2025-03-13T09:00:00+08:00');
    expect(await guideGroup('SW1 面包×1（2025-03-10 拾获，3月13日满三天）')).toHaveLength(1);
    await t.runJob('lost-property-clocks', '2025-03-13T09:00:00+08:00', { force: true });
    await t.runJob('lost-property-clocks', '2025-03-14T09:00:00+08:00');
    expect(await guideGroup('SW1 面包')).toHaveLength(1);
  });

  it('LST-05 a clock ending in 清明 (Thu 2025-04-03 + 3 CD = Sun 04-06) is reported on Mon 04-07, once', async () => {
    t = await startTestBot({ now: '2025-04-03T10:00:00+08:00' });
    const no = await registerItem(t, '名称=药品 数量=1 特征=感冒药一盒 时间=今天 9:00 地点=3号窗 类别=易坏');
    expect((await item(no)).perishableDue).toBe('2025-04-06');
    for (const day of ['04-04', '04-05', '04-06'])
      expect((await t.runJob('lost-property-clocks', `2025-${day}T09:00:00+08:00`)).status).toBe('non-workday');
    expect(await guideGroup('药品')).toHaveLength(0);
    await t.runJob('lost-property-clocks', '2025-04-07T09:00:00+08:00');
    expect(await guideGroup('SW1 药品×1（2025-04-03 拾获，4月6日满三天）')).toHaveLength(1);
    await t.runJob('lost-property-clocks', '2025-04-08T09:00:00+08:00');
    expect(await guideGroup('药品')).toHaveLength(1);
  });
});

describe('LST-06 贵重 not yet at the 派出所', () => {
  it('LST-06 reported once per WD until handed over', async () => {
    t = await startTestBot({ now: '2025-03-10T10:00:00+08:00' });
    await registerItem(t, '名称=笔记本电脑 数量=1 特征=银色 时间=今天 9:00 地点=2号窗 类别=贵重');
    await t.runJob('lost-property-clocks', '2025-03-11T09:00:00+08:00');
    await t.runJob('lost-property-clocks', '2025-03-11T09:00:00+08:00', { force: true });
    expect(await guideGroup('贵重物品尚未交派出所')).toHaveLength(1);
    await t.runJob('lost-property-clocks', '2025-03-12T09:00:00+08:00');
    expect(await guideGroup('贵重物品尚未交派出所')).toHaveLength(2);
    await t.say('xiaogao', '失物 交派出所 SW1 派出所=嘎鲁图派出所 接收人=张警官');
    await t.runJob('lost-property-clocks', '2025-03-13T09:00:00+08:00');
    expect(await guideGroup('贵重物品尚未交派出所')).toHaveLength(2);
  });
});

describe('LST-07 公告 and the 半年 clock', () => {
  it('LST-07 §19 #28 announced 2025-03-10 → 交公安 due 2025-09-10; reminder once at due; 交公安 refused before', async () => {
    t = await startTestBot({ now: '2025-03-10T10:00:00+08:00' });
    const no = await registerItem(t, '名称=雨伞 数量=1 特征=蓝色长柄 时间=今天 9:00 地点=门口');
    await t.say('xiaogao', '失物 公告 SW1');
    expect(t.lastTextTo('xiaogao')).toContain('✅ 公告 1 件（SW1 雨伞×1），公告日期 2025-03-10，交公安期限 9月10日起');
    expect(await item(no)).toMatchObject({ status: '已公告', announcedDate: '2025-03-10', transferDue: '2025-09-10' });
    t.setNow('2025-09-09T10:00:00+08:00');
    await t.say('xiaogao', '失物 交公安 SW2025-1 接收人=李警官');
    expect(t.lastTextTo('xiaogao')).toContain('最早可移交日期 2025-09-10');
    await t.runJob('lost-property-clocks', '2025-09-09T09:00:00+08:00');
    expect(await guideGroup('满半年')).toHaveLength(0);
    await t.runJob('lost-property-clocks', '2025-09-10T09:00:00+08:00');
    await t.runJob('lost-property-clocks', '2025-09-11T09:00:00+08:00');
    expect(await guideGroup('雨伞×1（2025-03-10 公告，9月10日满半年）')).toHaveLength(1);
    t.setNow('2025-09-11T10:00:00+08:00');
    await t.say('xiaogao', '失物 交公安 SW2025-1 接收人=李警官');
    expect(t.lastTextTo('xiaogao')).toBe('✅ SW2025-0001 已交公安机关（接收人 李警官，2025-09-11）');
  });

  it('REC-09 a corrected 公告日期 keeps the old version and restarts the 半年 clock (re-armed reminder)', async () => {
    t = await startTestBot({ now: '2025-03-10T10:00:00+08:00' });
    const no = await registerItem(t, '名称=雨伞 数量=1 特征=蓝色 时间=今天 9:00 地点=门口');
    await t.say('xiaogao', '失物 公告 SW1');
    await t.runJob('lost-property-clocks', '2025-09-10T09:00:00+08:00');
    expect(await guideGroup('满半年')).toHaveLength(1);
    await t.bot.deps.db.tx((m) =>
      correctAnnouncedDate(makeCtx(t.bot.deps, m, t.clock.now(), systemActor('test'), 'test'), no, '2025-03-20'),
    );
    expect(await item(no)).toMatchObject({ announcedDate: '2025-03-20', transferDue: '2025-09-20', version: 3 });
    const old = await db().findOneOrFail(LostItemVersion, { where: { no, version: 2 } });
    expect(old.snapshot.announcedDate).toBe('2025-03-10');
    await t.runJob('lost-property-clocks', '2025-09-22T09:00:00+08:00');
    expect(await guideGroup('满半年')).toHaveLength(2);
  });

  it('LST-07 公告日期 2025-08-31 → due 2026-02-28 (6 calendar months, clamped to month end)', async () => {
    t = await startTestBot({ now: '2025-08-31T10:00:00+08:00' });
    const no = await registerItem(t, '名称=水杯 数量=1 特征=白色保温杯 时间=今天 9:00 地点=门口');
    await t.say('xiaogao', '失物 公告 SW1');
    expect(t.lastTextTo('xiaogao')).toContain('交公安期限 2月28日起');
    expect((await item(no)).transferDue).toBe('2026-02-28');
  });

  it('LST-07 `失物 公告 本周` sets 公告日期 once; a later 公告 keeps the first date and its clock', async () => {
    t = await startTestBot({ now: '2025-03-10T10:00:00+08:00' });
    await registerItem(t, '名称=雨伞 数量=1 特征=蓝色 时间=今天 9:00 地点=门口');
    await registerItem(t, '名称=围巾 数量=1 特征=红色 时间=今天 9:10 地点=二楼');
    await t.say('xiaogao', '失物 公告 本周');
    expect(t.lastTextTo('xiaogao')).toContain('✅ 本周公告 2 件（SW1 雨伞×1、SW2 围巾×1）');
    t.setNow('2025-03-11T10:00:00+08:00');
    await t.say('xiaogao', '失物 公告 本周');
    expect(t.lastTextTo('xiaogao')).toBe('本周没有新的待公告物品。');
    await t.say('xiaoma', '失物 公告 SW1');
    expect(t.lastTextTo('xiaoma')).toContain('已公告过（期限不变）：SW1（3/10公告，9月10日到期）');
    const rows = await db().find(LostItem, { order: { id: 'ASC' } });
    expect(rows.map((r) => [r.announcedDate, r.version])).toEqual([
      ['2025-03-10', 2],
      ['2025-03-10', 2],
    ]);
  });

  it('LST-07 OPEN #27 lost-property-announce sends the week’s list on the week’s first WD, once a week', async () => {
    t = await startTestBot({ now: '2025-09-30T10:00:00+08:00' });
    await registerItem(t, '名称=雨伞 数量=1 特征=蓝色 时间=今天 9:00 地点=门口');
    // 2025-W41: 10-06…10-08 are 国庆/中秋 holidays, so the week's first WD is Thu 10-09.
    expect((await t.runJob('lost-property-announce', '2025-10-06T09:00:00+08:00')).status).toBe('non-workday');
    await t.runJob('lost-property-announce', '2025-10-09T09:00:00+08:00');
    await t.runJob('lost-property-announce', '2025-10-10T09:00:00+08:00');
    const lists = await guideGroup('本周失物招领清单');
    expect(lists).toHaveLength(1);
    expect(lists[0]).toContain('2025-W41');
    expect(lists[0]).toContain('🆕 SW1 雨伞×1｜蓝色｜9/30 门口');
    expect(lists[0]).toContain('失物 公告 本周');
    expect((await item('SW2025-0001')).announcedDate).toBeNull(); // the guide's confirmation sets it
  });
});

describe('LST-04 handover-contact-check (16:30, D39, OPEN #24)', () => {
  it('LST-04 items with 失主 info and no logged contact are reported once; a logged contact is skipped', async () => {
    t = await startTestBot({ now: '2025-03-10T10:00:00+08:00' });
    await registerItem(t, '名称=钱包 数量=1 特征=棕色 时间=今天 9:00 地点=门口 失主=王某 13912345678');
    await registerItem(t, '名称=身份证 数量=1 特征=李某 时间=今天 9:10 地点=1号窗 失主=李某');
    await registerItem(t, '名称=雨伞 数量=1 特征=蓝色 时间=今天 9:20 地点=门口');
    await t.say('xiaogao', '失物 通知 SW2 方式=微信 结果=已留言');
    await t.runJob('handover-contact-check', '2025-03-10T16:30:00+08:00');
    await t.runJob('handover-contact-check', '2025-03-10T16:30:00+08:00', { force: true });
    const sent = await guideGroup('尚未记录通知失主');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('SW1 钱包×1');
    expect(sent[0]).not.toContain('SW2');
    expect(sent[0]).not.toContain('SW3');
    expect(sent[0]).not.toContain('13912345678');
    await t.say('xiaogao', '失物 通知 SW1 方式=电话 结果=失主明天来取');
    await t.runJob('handover-contact-check', '2025-03-11T16:30:00+08:00');
    expect(await guideGroup('尚未记录通知失主')).toHaveLength(1);
  });
});

describe('遗失物品登记表 ledger (REC-07, REC-09)', () => {
  it('REC-09 closed records (注销, 销毁) stay in the 16-field ledger; ID numbers are masked except for hall_office', async () => {
    t = await startTestBot({ now: '2025-03-10T10:00:00+08:00' });
    await registerItem(t, '名称=钥匙 数量=1 特征=三把 时间=今天 9:00 地点=门口');
    await registerItem(t, '名称=牛奶 数量=1 特征=盒装 时间=今天 9:00 地点=门口 类别=易坏');
    await t.say('xiaogao', `失物 认领 SW1 方式=本人 证件=身份证 号码=${VALID_ID}`);
    await t.post({ type: 'image', from: 'xiaogao', mediaId: 'SIG' } as never);
    t.setNow('2025-03-13T10:00:00+08:00');
    await t.say('xiaogao', '失物 销毁 SW2 原因=过期');
    const range = { from: '2025-01-01', to: '2025-12-31' };
    const [masked] = await lostItemLedger.build(t.bot.deps.db, range, { unmasked: false });
    expect(masked.columns).toHaveLength(18); // the 16 form fields + 状态 + 版本
    expect(masked.rows.map((r) => [r.no, r.status])).toEqual([
      ['SW2025-0001', '已注销'],
      ['SW2025-0002', '已销毁'],
    ]);
    expect(JSON.stringify(masked.rows)).not.toContain(VALID_ID);
    expect(masked.rows[0].claimant).toContain('1527**********1239');
    expect(masked.rows[0].cancelled).toContain('2025-03-10');
    expect(masked.rows[1].destroyed).toContain('2025-03-13 过期');
    const [full] = await lostItemLedger.build(t.bot.deps.db, range, { unmasked: true });
    expect(full.rows[0].claimant).toContain(VALID_ID);
    // REC-02: every change is a version with user and time
    expect(await db().count(LostItemVersion, { where: { no: 'SW2025-0001' } })).toBe(4);
  });
});
