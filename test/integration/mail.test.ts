import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeductionEvent } from '../../entities/deduction-event';
import { MailItem } from '../../entities/mail-item';
import { MailSample } from '../../entities/mail-sample';
import { type TestBot, startTestBot } from '../helpers/bot';
import { mirrorCase } from './items-mail-helpers';

// 政务专递 (000 政务专递, 遗失物品 三(二); MAIL-01…08, PRF-14) through signed callbacks.

let t: TestBot;
beforeEach(async () => {
  t = await startTestBot({ now: '2026-03-02T10:00:00+08:00' });
  await mirrorCase(t, 'AJ2026-01234', { platformNo: '150627202603020001' });
});
afterEach(async () => {
  await t.close();
});

const db = () => t.bot.deps.db.manager;
const mail = (no: string) => db().findOneOrFail(MailItem, { where: { no } });

describe('case reference (MAIL-02, MAIL-08)', () => {
  it('MAIL-02 寄入 without a case is refused; nothing is stored', async () => {
    await t.say('xiaogao', '专递 寄入 单号=1188000000001');
    expect(t.lastTextTo('xiaogao')).toBe(
      '❌ 不符合规定（rule MAIL-02；000 政务专递 二）：与办理事项无直接关系的邮件不属于免费邮寄范围：须填写办件编号（AJ…）或平台办件号。',
    );
    await t.say('xiaogao', '专递 寄入 个人信件 单号=1188000000001');
    expect(t.lastTextTo('xiaogao')).toContain('rule MAIL-02');
    expect(await db().count(MailItem)).toBe(0);
  });

  it('MAIL-02 a mistyped AJ number gets the nearest case; nothing is stored', async () => {
    await t.say('xiaogao', '专递 寄入 AJ2026-01243 单号=1188000000001');
    expect(t.lastTextTo('xiaogao')).toBe('没有 AJ2026-01243。你是不是要：AJ2026-01234？');
    expect(await db().count(MailItem)).toBe(0);
  });

  it('MAIL-08 an SW number is a lost item, not a case: 寄出 is refused', async () => {
    await t.say('xiaogao', '专递 寄出 SW2026-0007 联系人=张三 电话=13900000000 地址=乌审旗嘎鲁图镇');
    expect(t.lastTextTo('xiaogao')).toContain(
      '❌ 不符合规定（rule MAIL-08；000 遗失物品 三(二)）：SW2026-0007 是遗失物品',
    );
    expect(await db().count(MailItem)).toBe(0);
  });
});

describe('寄入 → 转交 → 查询 (MAIL-03, MAIL-05, MAIL-07)', () => {
  it('MAIL-07 a mirrored 平台号 is accepted; each hand-over is chained; 查询 shows EMS and 7218686 (MAIL-05)', async () => {
    await t.say('xiaogao', '专递 寄入 150627202603020001 单号=1188000000001');
    expect(t.lastTextTo('xiaogao')).toBe(
      '✅ YJ2026-0001 已收（AJ2026-01234 户籍迁入），请转 12号窗：专递 转交 YJ1 接收人=@…',
    );
    t.setNow('2026-03-02T10:05:00+08:00');
    await t.say('xiaogao', '专递 转交 YJ1 接收人=@李四');
    expect(t.lastTextTo('xiaogao')).toBe('✅ YJ1 10:05 交 李四（12号窗）｜第1次交接');
    expect(t.lastTextTo('lisi')).toContain('YJ1 寄入材料（AJ2026-01234 户籍迁入）由 小高 转交给你');
    await t.say('lisi', '专递 转交 YJ1 接收人=@张三');
    const m = await mail('YJ2026-0001');
    expect(m.handovers.map((h) => `${h.from}→${h.to}`)).toEqual(['xiaogao→lisi', 'lisi→zhangsan']);
    expect(m.status).toBe('已转交');
    await t.say('xiaogao', '专递 查询 AJ2026-01234');
    expect(t.lastTextTo('xiaogao')).toBe(
      'YJ1 寄入｜已转交｜EMS 1188000000001｜最后交接 张三\n查询：7218686 或 EMS官网（中国邮政速递物流）',
    );
  });
});

describe('寄出 → 发出 → 存单 (MAIL-04)', () => {
  it('MAIL-04 寄出 needs 联系人, 电话 and 地址; 发出 waits for 办结; the 快递存单 photo closes the entry', async () => {
    await t.say('lisi', '专递 寄出 AJ2026-01234 联系人=张三 电话=13900000000');
    expect(t.lastTextTo('lisi')).toContain('❌ 不符合规定（rule MAIL-04；000 政务专递 三(二)）');
    expect(t.lastTextTo('lisi')).toContain('缺少地址');
    expect(await db().count(MailItem)).toBe(0);
    await t.say('lisi', '专递 寄出 AJ2026-01234 联系人=张三 电话=13900000000 地址=乌审旗嘎鲁图镇某街1号');
    expect(t.lastTextTo('lisi')).toContain('✅ YJ2026-0001 待办结后寄出（AJ2026-01234 户籍迁入）');
    await t.say('lisi', '专递 寄出 AJ2026-01234 联系人=张三 电话=13900000000 地址=另一地址');
    expect(t.lastTextTo('lisi')).toContain('AJ2026-01234 已登记结果邮寄 YJ1（待寄出）');
    await t.say('lisi', '专递 发出 YJ1 单号=1188000000002 短信=是');
    expect(t.lastTextTo('lisi')).toContain('AJ2026-01234 尚未办结');
    expect((await mail('YJ2026-0001')).status).toBe('待寄出');

    await mirrorCase(t, 'AJ2026-01235', { finished: true });
    await t.say('lisi', '专递 寄出 AJ2026-01235 联系人=李雷 电话=13900000001 地址=乌审旗图克镇2号');
    expect(t.lastTextTo('lisi')).toContain('✅ YJ2026-0002 已办结，可寄出');
    await t.say('lisi', '专递 发出 YJ2 单号=1188000000003 短信=是');
    expect(t.lastTextTo('lisi')).toContain('✅ YJ2 已寄出 EMS 1188000000003，已短信告知');
    let m = await mail('YJ2026-0002');
    expect(m).toMatchObject({ status: '待存单', emsNo: '1188000000003', receiptAttachmentId: null });
    expect(m.smsAt?.toISOString()).toBe('2026-03-02T02:00:00.000Z');
    await t.post({ type: 'image', from: 'lisi', mediaId: 'RECEIPT1' } as never);
    expect(t.lastTextTo('lisi')).toBe('✅ YJ2 邮寄台账已关闭（EMS 1188000000003，快递存单已存）');
    m = await mail('YJ2026-0002');
    expect(m.status).toBe('已寄出');
    expect(m.receiptAttachmentId).not.toBeNull();
    await t.say('lisi', '专递 发出 YJ2 单号=1188000000003');
    expect(t.lastTextTo('lisi')).toContain('已寄出并已存快递存单');
  });
});

describe('handover-contact-check (MAIL-04, MAIL-07; D39)', () => {
  it('MAIL-07 materials not passed on, results not mailed and mail without 存单 are reminded once per WD to the holder', async () => {
    await mirrorCase(t, 'AJ2026-01235', { finished: true });
    await t.say('xiaogao', '专递 寄入 AJ2026-01234 单号=1188000000001');
    await t.say('lisi', '专递 寄出 AJ2026-01235 联系人=李雷 电话=13900000001 地址=乌审旗图克镇2号');
    await t.say('lisi', '专递 寄出 AJ2026-01234 联系人=张三 电话=13900000000 地址=乌审旗嘎鲁图镇1号');
    await t.runJob('handover-contact-check', '2026-03-02T16:30:00+08:00');
    const guide = t.textsTo('xiaogao').filter((x) => x.includes('政务专递待办'));
    expect(guide).toHaveLength(1);
    expect(guide[0]).toContain('YJ1 寄入材料（AJ2026-01234）尚未转交 12号窗');
    const staff = t.textsTo('lisi').filter((x) => x.includes('政务专递待办'));
    expect(staff).toHaveLength(1);
    expect(staff[0]).toContain('YJ2 AJ2026-01235 已办结，结果尚未寄出');
    expect(staff[0]).not.toContain('YJ3'); // its case is not 办结 yet
    await t.runJob('handover-contact-check', '2026-03-02T16:30:00+08:00', { force: true });
    expect(t.textsTo('lisi').filter((x) => x.includes('政务专递待办'))).toHaveLength(1);
    t.setNow('2026-03-03T10:00:00+08:00');
    await t.say('xiaogao', '专递 转交 YJ1 接收人=@李四');
    await t.say('lisi', '专递 发出 YJ2 单号=1188000000003');
    await t.runJob('handover-contact-check', '2026-03-03T16:30:00+08:00');
    const next = t.textsTo('lisi').filter((x) => x.includes('政务专递待办'));
    expect(next).toHaveLength(2);
    expect(next[1]).toBe(
      '⏰ 政务专递待办（rule MAIL-04/MAIL-07）：\nYJ2 已寄出（EMS 1188000000003）但未存快递存单 → 专递 发出 YJ2，再发存单照片',
    );
    expect(t.textsTo('xiaogao').filter((x) => x.includes('政务专递待办'))).toHaveLength(1);
  });
});

describe('抽查 and 判定 (MAIL-06, OPEN #49, PRF-14)', () => {
  /** February entries: 7 for window 12 (registered by 李四), 2 for window 5 (received at the 志愿服务台). */
  async function februaryEntries(): Promise<void> {
    t.setNow('2026-02-10T10:00:00+08:00');
    for (let i = 0; i < 7; i++) await t.say('lisi', `专递 寄入 AJ2026-01234 单号=11880000010${i}`);
    await mirrorCase(t, 'AJ2026-00501', { window: '5' });
    for (let i = 0; i < 2; i++) await t.say('xiaogao', `专递 寄入 AJ2026-00501 单号=11880000020${i}`);
    expect(await db().count(MailItem)).toBe(9);
  }

  it('MAIL-06 mail-spot-check on the 1st WD draws 5 per window (all if fewer); the same sample on re-run', async () => {
    await februaryEntries();
    await t.runJob('mail-spot-check', '2026-03-02T09:30:00+08:00');
    const sent = (await t.groupTexts('G-OFFICE')).filter((x) => x.includes('抽查'));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('2月抽查：2个窗口，共 7 条（每窗口5条，不足全抽）');
    const first = (await db().find(MailSample, { order: { id: 'ASC' } })).map((s) => `${s.windowKey}:${s.mailNo}`);
    expect(first.filter((s) => s.startsWith('12:'))).toHaveLength(5);
    expect(first.filter((s) => s.startsWith('5:'))).toHaveLength(2);

    // A late February entry and a forced re-run change nothing: the drawn sample is kept.
    t.setNow('2026-03-02T11:00:00+08:00');
    await t.say('lisi', '专递 寄入 AJ2026-01234 单号=118800000999');
    await db().update(MailItem, { emsNo: '118800000999' }, { date: '2026-02-27' });
    await t.runJob('mail-spot-check', '2026-03-02T09:30:00+08:00', { force: true });
    const again = (await db().find(MailSample, { order: { id: 'ASC' } })).map((s) => `${s.windowKey}:${s.mailNo}`);
    expect(again).toEqual(first);
    await t.say('zhao', '专递 抽查 2026-02 窗口=12号窗');
    const reply = t.lastTextTo('zhao');
    expect(reply).toContain('2月抽查：2个窗口，共 7 条');
    const shown = reply.split('\n')[1];
    for (const s of first.filter((x) => x.startsWith('12:'))) expect(shown).toContain(`YJ${Number(s.slice(-4))}`);
  });

  it('MAIL-06 OPEN #12 不合规 records a 扣分事件 with the rule’s points and a 补缴快递费; 合规 records none', async () => {
    await februaryEntries();
    t.setNow('2026-03-02T10:00:00+08:00');
    await t.say('magong', '设置 修改 performance.points {"MAIL-06":2} 说明=绩效考评办法');
    expect(t.lastTextTo('magong')).toContain('✅');
    await t.say('zhao', '专递 判定 YJ1 合规 说明=材料与办件一致');
    expect(t.lastTextTo('zhao')).toBe('✅ YJ1 合规');
    expect(await db().count(DeductionEvent)).toBe(0);
    await t.say('zhao', '专递 判定 YJ2 不合规 说明=寄送材料与办件无关 补缴=18');
    expect(t.lastTextTo('zhao')).toBe('✅ YJ2 不合规：扣分事件 KF2026-0001，补缴 18元');
    const kf = await db().findOneOrFail(DeductionEvent, { where: { no: 'KF2026-0001' } });
    expect(kf).toMatchObject({
      rule: 'MAIL-06',
      source: 'YJ2026-0002',
      departmentCode: 'GA',
      personUserid: 'lisi',
      points: 2,
    });
    expect(await mail('YJ2026-0002')).toMatchObject({
      eligible: false,
      checkResult: '不合规',
      repayYuan: 18,
      deductionNo: 'KF2026-0001',
    });
    expect(t.textsTo('lisi').join('\n')).toContain('须补缴 18元（rule MAIL-06）');
    // The 首席代表 may appeal the deduction by the entry's number (resolveSource knows YJ).
    await t.say('wangwu', '问效 申辩 YJ2 理由=材料系办件补正所需');
    expect(t.lastTextTo('wangwu')).toContain('✅');
    await t.say('zhao', '专递 判定 YJ2 不合规 说明=重复');
    expect(t.lastTextTo('zhao')).toContain('已判定为不合规');
    expect(await db().count(DeductionEvent)).toBe(1);
  });
});
