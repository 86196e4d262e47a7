import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../../entities/audit-log';
import { LostItem } from '../../entities/lost-item';
import { LostItemVersion } from '../../entities/lost-item-version';
import { SequenceRow } from '../../entities/sequence';
import { Like } from 'typeorm';
import { lastLinkTo, openForm, submitForm } from '../helpers/h5';
import { type TestBot, startTestBot } from '../helpers/bot';
import { guideFeed, registerItem, VALID_ID } from './lost-found-helpers';

// 遗失物品 desk (000 遗失物品; LST-01…04, LST-06, LST-08…10, MAIL-08, REC-02, REC-07) through signed callbacks.

let t: TestBot;
beforeEach(async () => {
  t = await startTestBot({ now: '2025-03-10T10:00:00+08:00' });
});
afterEach(async () => {
  await t.close();
});

const db = () => t.bot.deps.db.manager;
const item = (no: string) => db().findOneOrFail(LostItem, { where: { no } });

describe('登记 (LST-01, LST-02, LST-03)', () => {
  it('LST-02 a registration with all five seed fields gets SW<年>-<4位>, 完好情况 and 柜/格 (LST-03)', async () => {
    const no = await registerItem(
      t,
      '名称=黑色钱包 数量=1 特征=黑色皮质 时间=今天 9:30 地点=一楼大厅 存放=柜2-3 完好=完好',
    );
    expect(no).toBe('SW2025-0001');
    expect(t.lastTextTo('xiaogao')).toContain('✅ SW2025-0001 黑色钱包×1｜存放 柜2-3｜完好');
    expect(await item(no)).toMatchObject({
      name: '黑色钱包',
      quantity: 1,
      foundDate: '2025-03-10',
      foundTime: '09:30',
      foundPlace: '一楼大厅',
      storage: '柜2-3',
      intact: '完好',
      status: '在库',
      receivedBy: 'xiaogao',
      version: 1,
    });
  });

  it('LST-02 missing fields are named in one refusal with the prefilled H5 form; nothing is saved', async () => {
    await t.say('xiaogao', '失物 登记 名称=雨伞 特征=蓝色长柄');
    const reply = t.lastTextTo('xiaogao');
    expect(reply).toContain('rule LST-02');
    expect(reply).toContain('缺少数量、拾获时间、拾获地点');
    // The link carries a server-side draft (D63), not the values: the opened form shows them prefilled.
    const form = await openForm(t, lastLinkTo(t, 'xiaogao'), 'xiaogao');
    expect(form.url).toContain('/h5/forms/lost-item');
    expect(form.values).toMatchObject({ 名称: '雨伞' });
    expect(form.html).toContain('蓝色长柄'); // 特征 is a textarea
    expect(await db().count(LostItem)).toBe(0);
    expect(await db().count(SequenceRow, { where: { name: 'SW-2025' } })).toBe(0);
  });

  it('LST-02 数量 0 or not an integer and a future 拾获时间 are named; nothing is saved', async () => {
    await t.say('xiaogao', '失物 登记 名称=雨伞 数量=0 特征=蓝色 时间=今天 地点=门口');
    expect(t.lastTextTo('xiaogao')).toContain('数量“0”应为大于0的整数');
    await t.say('xiaogao', '失物 登记 名称=雨伞 数量=1.5 特征=蓝色 时间=今天 地点=门口');
    expect(t.lastTextTo('xiaogao')).toContain('数量“1.5”应为大于0的整数');
    await t.say('xiaogao', '失物 登记 名称=雨伞 数量=1 特征=蓝色 时间=明天 地点=门口');
    expect(t.lastTextTo('xiaogao')).toContain('拾获时间 2025-03-11 晚于现在');
    await t.say('xiaogao', '失物 登记 名称=雨伞 数量=1 特征=蓝色 时间=今天 11:00 地点=门口');
    expect(t.lastTextTo('xiaogao')).toContain('晚于现在');
    expect(await db().count(LostItem)).toBe(0);
  });

  it('LST-01 the desk is the guides’ and hall_office’s: a window staff member is refused', async () => {
    await t.say('lisi', '失物 登记 名称=雨伞 数量=1 特征=蓝色 时间=今天 地点=门口');
    expect(t.lastTextTo('lisi')).not.toContain('✅');
    expect(await db().count(LostItem)).toBe(0);
    await t.say('zhao', '失物 登记 名称=雨伞 数量=1 特征=蓝色 时间=今天 地点=门口');
    expect(t.lastTextTo('zhao')).toContain('✅ SW2025-0001');
  });

  it('LST-01 the H5 form 市民遗失物品登记表 (alias 遗失物品登记表) is offered to guides', async () => {
    await t.say('xiaogao', '表单 遗失物品登记表');
    expect(decodeURIComponent(t.lastTextTo('xiaogao'))).toMatch(/^市民遗失物品登记表：http.*\/h5\/forms\/lost-item/);
  });

  it('LST-02 submitting the H5 form runs the same command: saved when complete, refused naming the missing fields', async () => {
    // Each submission opens the form afresh from chat, as a phone does (one-time submission ids, D63).
    const submit = async (fields: Record<string, string>) => {
      await t.say('xiaogao', '表单 遗失物品登记表');
      return submitForm(await openForm(t, lastLinkTo(t, 'xiaogao'), 'xiaogao'), fields);
    };
    const bad = await submit({ 名称: '雨伞', 特征: '蓝色' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('缺少数量、拾获时间、拾获地点');
    expect(await db().count(LostItem)).toBe(0);
    const good = await submit({
      名称: '雨伞',
      数量: '1',
      特征: '蓝色',
      时间: '今天 8:30',
      地点: '门口',
      存放: '柜1-2',
    });
    expect(good.status).toBe(200);
    expect(await good.text()).toContain('SW2025-0001 雨伞×1｜存放 柜1-2');
    expect(await item('SW2025-0001')).toMatchObject({ receivedBy: 'xiaogao', foundTime: '08:30', version: 1 });
  });

  it('LST-01 报失 lists possible matches, and a later 登记 matching an open 报失 tells the desk', async () => {
    await registerItem(t, '名称=钱包 数量=1 特征=黑色皮质 时间=今天 9:00 地点=一楼大厅');
    await t.say('xiaoma', '失物 报失 描述=黑色钱包，上午在一楼丢的 联系=13912345678');
    expect(t.lastTextTo('xiaoma')).toContain('可能匹配：\nSW1 钱包×1（3/10 一楼大厅）');
    expect(t.lastTextTo('xiaoma')).toContain('139****5678');
    await t.say('xiaoma', '失物 报失 描述=红色雨伞 联系=13800001111');
    expect(t.lastTextTo('xiaoma')).toContain('暂无可能匹配');
    await registerItem(t, '名称=雨伞 数量=1 特征=红色折叠伞 时间=今天 9:40 地点=二楼');
    expect(t.lastTextTo('xiaogao')).toContain('📌 可能是报失的物品：\n报失 #2 红色雨伞');
    const group = await t.groupTexts('G-GUIDE');
    expect(group.at(-1)).toContain('SW2025-0002 雨伞×1（二楼）可能与报失匹配');
    expect(group.at(-1)).toContain('138****1111');
  });
});

describe('类别 (LST-05, LST-06)', () => {
  it('LST-06 贵重 replies 请交派出所; 交派出所 records 派出所, 接收人, 日期 and closes the item', async () => {
    const no = await registerItem(t, '名称=手机 数量=1 特征=黑色华为 时间=今天 9:00 地点=3号窗 类别=贵重 存放=保险柜');
    expect(t.lastTextTo('xiaogao')).toContain('贵重：请交派出所');
    await t.say('xiaogao', '失物 交派出所 SW1 派出所=嘎鲁图派出所 接收人=张警官');
    expect(t.lastTextTo('xiaogao')).toBe('✅ SW2025-0001 已交 嘎鲁图派出所 张警官（2025-03-10）');
    expect(await item(no)).toMatchObject({
      status: '已交派出所',
      disposal: { station: '嘎鲁图派出所', receiver: '张警官' },
    });
  });

  it('LST-06 OPEN #26 the bot suggests 贵重 for the configured categories but the guide decides', async () => {
    const no = await registerItem(t, '名称=银行卡 数量=2 特征=工商银行 时间=今天 9:00 地点=大厅');
    expect(t.lastTextTo('xiaogao')).toContain('⚠️ 含“银行卡”，可能属贵重物品（rule LST-06）');
    expect((await item(no)).category).toBe('一般');
  });

  it('LST-05 销毁 is refused for an item that is not 易坏, and before its 3 days are up', async () => {
    await registerItem(t, '名称=雨伞 数量=1 特征=蓝色 时间=今天 9:00 地点=门口');
    await t.say('xiaogao', '失物 销毁 SW1 原因=破损');
    expect(t.lastTextTo('xiaogao')).toContain('❌ 不符合规定（rule LST-05');
    await registerItem(t, '名称=牛奶 数量=2 特征=盒装 时间=今天 9:00 地点=等候区 类别=易坏');
    expect(t.lastTextTo('xiaogao')).toContain('2025-03-13 前无人认领需处理');
    await t.say('xiaogao', '失物 销毁 SW2 原因=过期');
    expect(t.lastTextTo('xiaogao')).toContain('最早可销毁日期 2025-03-13');
    t.setNow('2025-03-13T10:00:00+08:00');
    await t.say('xiaogao', '失物 销毁 SW2 原因=已变质 见证=小马');
    expect(t.lastTextTo('xiaogao')).toContain(
      '✅ SW2025-0002 牛奶×2 已销毁登记（2025-03-13，原因：已变质，见证 小马）',
    );
    expect((await item('SW2025-0002')).status).toBe('已销毁');
  });
});

describe('通知 (LST-04)', () => {
  it('LST-04 通知 logs each contact attempt with channel, result, user and time', async () => {
    const no = await registerItem(t, '名称=身份证 数量=1 特征=王某 时间=今天 9:00 地点=1号窗 失主=王某 13912345678');
    expect(t.lastTextTo('xiaogao')).toContain('请尽快通知失主（rule LST-04）');
    await t.say('xiaogao', '失物 通知 SW1 方式=电话 结果=无人接听');
    await t.say('xiaoma', '失物 通知 SW1 方式=微信 结果=失主下午来取');
    expect(t.lastTextTo('xiaoma')).toBe('✅ SW2025-0001 已微信通知失主（第2次）：失主下午来取');
    const contacts = (await item(no)).contacts;
    expect(contacts.map((c) => [c.channel, c.by])).toEqual([
      ['电话', 'xiaogao'],
      ['微信', 'xiaoma'],
    ]);
    await t.say('xiaogao', '失物 通知 SW1 方式=邮件 结果=x');
    expect(t.lastTextTo('xiaogao')).toContain('方式应为');
  });
});

describe('认领 (LST-08, LST-09, LST-10, MAIL-08)', () => {
  it('LST-08 证件 and 号码 are required; a 身份证 failing its check digit is named; the item stays open', async () => {
    const no = await registerItem(t, '名称=钥匙 数量=1 特征=三把 时间=今天 9:00 地点=门口');
    await t.say('xiaogao', '失物 认领 SW1 方式=本人');
    expect(t.lastTextTo('xiaogao')).toContain('rule LST-08');
    expect(t.lastTextTo('xiaogao')).toContain('证件=');
    await t.say('xiaogao', '失物 认领 SW1 方式=本人 证件=身份证 号码=152701199001011234');
    expect(t.lastTextTo('xiaogao')).toContain('身份证号码校验位不符');
    expect(t.lastTextTo('xiaogao')).not.toContain('152701199001011234');
    expect(await item(no)).toMatchObject({ status: '在库', claim: null, version: 1 });
  });

  it('LST-08 LST-10 the item is released (已认领, then 已注销) only when the signature photo arrives', async () => {
    const no = await registerItem(t, '名称=钥匙 数量=1 特征=三把 时间=今天 9:00 地点=门口');
    await t.post({ type: 'image', from: 'xiaogao', mediaId: 'ITEMPHOTO' } as never);
    expect(t.lastTextTo('xiaogao')).toContain('✅ 已收到物品照片（SW2025-0001');
    expect((await item(no)).status).toBe('在库');
    await t.say('xiaogao', `失物 认领 SW1 方式=本人 证件=身份证 号码=${VALID_ID} 姓名=王某`);
    expect(t.lastTextTo('xiaogao')).toContain('认领待签字');
    expect(t.lastTextTo('xiaogao')).toContain('1527**********1239');
    expect((await item(no)).status).toBe('在库');
    t.setNow('2025-03-10T10:05:00+08:00');
    await t.post({ type: 'image', from: 'xiaogao', mediaId: 'SIGNATURE' } as never);
    expect(t.lastTextTo('xiaogao')).toBe('✅ SW2025-0001 已认领并注销（本人认领，身份证 1527**********1239）');
    const row = await item(no);
    expect(row).toMatchObject({ status: '已注销', cancelledDate: '2025-03-10', cancelledBy: 'xiaogao' });
    expect(row.claim?.signatureId).toBeGreaterThan(0);
    const versions = await db().find(LostItemVersion, { where: { no }, order: { version: 'ASC' } });
    expect(versions.map((v) => [v.action, v.snapshot.status])).toEqual([
      ['登记', '在库'],
      ['认领', '在库'],
      ['签字', '已认领'],
      ['注销', '已注销'],
    ]);
    // LST-10: the item leaves the open list
    await t.say('xiaogao', '失物 列表');
    expect(t.lastTextTo('xiaogao')).toMatch(/^在库 0｜/);
  });

  it('LST-08 no signature photo within 10 minutes: refused, the item stays open', async () => {
    const no = await registerItem(t, '名称=钥匙 数量=1 特征=三把 时间=今天 9:00 地点=门口');
    await t.say('xiaogao', `失物 认领 SW1 方式=本人 证件=身份证 号码=${VALID_ID}`);
    t.setNow('2025-03-10T10:11:00+08:00');
    await t.post({ type: 'image', from: 'xiaogao', mediaId: 'LATE' } as never);
    expect(t.lastTextTo('xiaogao')).toContain('未关联记录：认领人签字（SW2025-0001）须在命令后10分钟内发送，已逾时');
    expect((await item(no)).status).toBe('在库');
    await t.say('xiaogao', '失物 查看 SW1');
    expect(t.lastTextTo('xiaogao')).toContain('签字：未收到（已逾时，未放行）');
  });

  it('LST-09 委托 records the proxy and the owner’s consent; both are required', async () => {
    const no = await registerItem(t, '名称=钥匙 数量=1 特征=三把 时间=今天 9:00 地点=门口');
    await t.say('xiaogao', `失物 认领 SW1 方式=委托 证件=身份证 号码=${VALID_ID}`);
    expect(t.lastTextTo('xiaogao')).toContain('rule LST-09');
    await t.say(
      'xiaogao',
      `失物 认领 SW1 方式=委托 代领人=李某 同意=微信视频核实失主并授权 证件=身份证 号码=${VALID_ID}`,
    );
    await t.post({ type: 'image', from: 'xiaogao', mediaId: 'SIG' } as never);
    expect(t.lastTextTo('xiaogao')).toContain('已认领并注销（委托代领');
    expect((await item(no)).claim).toMatchObject({ method: '委托', proxy: '李某', consent: '微信视频核实失主并授权' });
  });

  it('MAIL-08 LST-09 a 邮寄 claim records consent and owner-paid postage and creates no 政务专递 (YJ) record', async () => {
    const no = await registerItem(t, '名称=钥匙 数量=1 特征=三把 时间=今天 9:00 地点=门口');
    await t.say('xiaogao', `失物 认领 SW1 方式=邮寄 证件=身份证 号码=${VALID_ID} 地址=呼和浩特市新城区某路1号`);
    expect(t.lastTextTo('xiaogao')).toContain('邮寄须写明 地址= 和 同意=');
    await t.say(
      'xiaogao',
      `失物 认领 SW1 方式=邮寄 同意=微信确认自费邮寄 证件=身份证 号码=${VALID_ID} 地址=呼和浩特市新城区某路1号`,
    );
    expect(t.lastTextTo('xiaogao')).toContain('邮寄费用由失主自行承担，不属于政务专递免费邮寄（rule MAIL-08）');
    await t.post({ type: 'image', from: 'xiaogao', mediaId: 'SIG' } as never);
    expect(t.lastTextTo('xiaogao')).toContain('已认领并注销（邮寄（失主付费）');
    expect((await item(no)).claim).toMatchObject({ method: '邮寄', consent: '微信确认自费邮寄' });
    expect(await db().count(SequenceRow, { where: { name: Like('YJ%') } })).toBe(0);
    const audit = await db().find(AuditLog);
    expect(audit.some((a) => a.subjectId.startsWith('YJ') || a.action.startsWith('mail.'))).toBe(false);
  });

  it('Bad input: any change to a closed SW record names its status and date, nothing changed', async () => {
    const no = await registerItem(t, '名称=手机 数量=1 特征=黑色 时间=今天 9:00 地点=门口 类别=贵重');
    await t.say('xiaogao', '失物 交派出所 SW1 派出所=嘎鲁图派出所 接收人=张警官');
    for (const cmd of [
      '失物 通知 SW1 方式=电话 结果=x',
      '失物 公告 SW1',
      `失物 认领 SW1 方式=本人 证件=身份证 号码=${VALID_ID}`,
      '失物 交公安 SW1 接收人=李警官',
      '失物 交派出所 SW1 派出所=城关派出所 接收人=王警官',
    ]) {
      await t.say('xiaogao', cmd);
      expect(t.lastTextTo('xiaogao')).toBe('SW2025-0001 已交派出所（2025-03-10），记录已关闭，未作更改。');
    }
    expect((await item(no)).version).toBe(2);
  });
});

describe('masking (REC-07, D18)', () => {
  it('REC-07 no ID number or 失主 phone is unmasked in any outbound message to a guide; hall_office sees them', async () => {
    await registerItem(t, '名称=钱包 数量=1 特征=内有身份证 时间=今天 9:00 地点=门口 失主=王某 13912345678');
    await t.say('xiaogao', `失物 认领 SW1 方式=本人 证件=身份证 号码=${VALID_ID} 电话=13812345678`);
    await t.post({ type: 'image', from: 'xiaogao', mediaId: 'SIG' } as never);
    await t.say('xiaogao', '失物 查看 SW1');
    expect(t.lastTextTo('xiaogao')).toContain('失主信息：王某 139****5678');
    expect(t.lastTextTo('xiaogao')).toContain('身份证 1527**********1239');
    await t.say('zhao', '失物 查看 SW1');
    expect(t.lastTextTo('zhao')).toContain(VALID_ID);
    expect(t.lastTextTo('zhao')).toContain('13912345678');
    const feed = await guideFeed(t);
    for (const secret of [VALID_ID, '13912345678', '13812345678']) expect(feed.join('\n')).not.toContain(secret);
    // REC-02: audit rows carry no personal data either
    expect(JSON.stringify(await db().find(AuditLog))).not.toContain(VALID_ID);
  });
});
