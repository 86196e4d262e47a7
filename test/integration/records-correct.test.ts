import { afterEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../../entities/audit-log';
import { Complaint } from '../../entities/complaint';
import { LostItemVersion } from '../../entities/lost-item-version';
import { WindowClosure } from '../../entities/window-closure';
import { startTestBot, type TestBot } from '../helpers/bot';
import { MEASURES, staffOnTrip } from '../helpers/windows';
import { register } from './complaints-helpers';
import { registerItem } from './lost-found-helpers';

// 记录 更正 (REC-09, REC-02, REC-06) through signed callbacks: a correction is a new version with who, when, why
// and the old value; evidence is read-only; a date that starts a clock moves it and its reminder re-arms once.

let t: TestBot;
afterEach(async () => t?.close());
const db = () => t.bot.deps.db.manager;
const reminders = (userid: string) => t.textsTo(userid).filter((s) => s.startsWith('⏰'));

describe('记录 更正 (REC-09)', () => {
  it('REC-09 SW 特征: a new lost_item_version keeps the old one; the history shows who, when, why and the old value', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    const no = await registerItem(t, '名称=钱包 数量=1 特征=黑色皮质 时间=今天 9:00 地点=一楼大厅');
    t.setNow('2026-03-03T11:00:00+08:00');
    await t.say('zhao', `记录 更正 ${no} 特征=棕色皮质 原因=登记时写错颜色`);
    expect(t.lastTextTo('zhao')).toBe(`✅ ${no} v2：特征 已更正（原值已留痕，可用 记录 历史 ${no} 查看）`);
    const versions = await db().find(LostItemVersion, { where: { no }, order: { version: 'ASC' } });
    expect(versions.map((v) => [v.version, (v.snapshot as { features: string }).features])).toEqual([
      [1, '黑色皮质'],
      [2, '棕色皮质'],
    ]);
    await t.say('zhao', `记录 历史 ${no}`);
    expect(t.lastTextTo('zhao')).toContain(
      '03-03 11:00 v2 赵敏 更正 字段 特征｜原值 黑色皮质｜新值 棕色皮质｜原因 登记时写错颜色',
    );
  });

  it('REC-09 TS 受理日期 moves the running 答复 clock through the recompute path; its reminder re-arms once', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    const no = await register(t, '性质=意见建议类');
    expect(t.lastTextTo('zhao')).toContain('答复期限 3月10日');
    await t.runJob('complaint-deadlines', '2026-03-09T09:00:00+08:00');
    expect(reminders('zhao')).toEqual([`⏰ ${no} 意见建议答复将于 3月10日 17:30 到期｜GA 12号窗`]);

    t.setNow('2026-03-09T10:00:00+08:00');
    await t.say('zhao', `记录 更正 ${no} 受理日期=3月4日 原因=纸质登记本记于3月4日`);
    expect(t.lastTextTo('zhao')).toBe(
      `✅ ${no} v2：受理日期 已更正（原值已留痕，可用 记录 历史 ${no} 查看）\n期限已重算：3月10日→3月11日`,
    );
    expect(await db().findOneByOrFail(Complaint, { no })).toMatchObject({ receivedDate: '2026-03-04', version: 2 });

    await t.runJob('complaint-deadlines', '2026-03-10T09:00:00+08:00');
    await t.runJob('complaint-deadlines', '2026-03-10T11:00:00+08:00', { force: true });
    expect(reminders('zhao')).toEqual([
      `⏰ ${no} 意见建议答复将于 3月10日 17:30 到期｜GA 12号窗`,
      `⏰ ${no} 意见建议答复将于 3月11日 17:30 到期｜GA 12号窗`,
    ]);
    // REC-02: the history holds the correction with its old value and both reminders, in time order.
    await t.say('zhao', `记录 历史 ${no}`);
    const history = t.lastTextTo('zhao');
    expect(history).toContain('03-09 09:00 系统 到期前提醒｜意见建议答复（第1版期限）');
    expect(history).toContain(
      '03-09 10:00 v2 赵敏 更正 字段 受理日期｜原值 2026-03-03｜新值 2026-03-04｜原因 纸质登记本记于3月4日',
    );
    expect(history).toContain('03-10 09:00 系统 到期前提醒｜意见建议答复（第2版期限）');
    const audit = await db().find(AuditLog, { where: { subjectId: no, action: 'complaint.correct' } });
    expect(audit[0]).toMatchObject({
      actor: 'zhao',
      detail: { field: '受理日期', previous: '2026-03-03', value: '2026-03-04' },
    });
  });

  it('REC-09 an unknown field lists the correctable ones; no reason, no change; nothing is written', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    const no = await registerItem(t, '名称=钱包 数量=1 特征=黑色皮质 时间=今天 9:00 地点=一楼大厅');
    const before = await db().count(AuditLog);
    await t.say('zhao', `记录 更正 ${no} 颜色=棕色 原因=写错`);
    expect(t.lastTextTo('zhao')).toBe(
      `${no}（遗失物品）没有可更正的字段“颜色”。可更正：物品名称、数量、特征、拾获地点、存放位置、公告日期`,
    );
    await t.say('zhao', `记录 更正 ${no} 特征=棕色`);
    expect(t.lastTextTo('zhao')).toBe(`请写明更正原因：记录 更正 ${no} 特征=… 原因=…`);
    await t.say('zhao', `记录 更正 ${no} 数量=两个 原因=写错`);
    expect(t.lastTextTo('zhao')).toBe('“数量=两个”须为正整数。');
    expect(await db().count(AuditLog)).toBe(before);
  });

  it('REC-09 only 大厅管理室 corrects; a 首席代表 corrects the own department’s draft, not another’s, not a submitted form', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    await staffOnTrip(t, ['13'], '3月5日', '3月6日'); // the closure's WIN-03 ground (D212)
    await t.say('wangwu', '窗口 关闭 13号窗 从=3月5日 到=3月6日 事由=张三参加市局业务培训');
    expect(t.lastTextTo('wangwu')).toMatch(/^📝 GB2026-GA-001 已保存草稿/);
    await t.say('wangwu', '记录 更正 GB2026-GA-001 事由=张三参加自治区业务培训 原因=培训单位写错');
    expect(t.lastTextTo('wangwu')).toMatch(/^✅ GB2026-GA-001：事由 已更正/);
    expect((await db().findOneByOrFail(WindowClosure, { no: 'GB2026-GA-001' })).reason).toBe('张三参加自治区业务培训');

    await t.say('gaofeng', '记录 更正 GB2026-GA-001 事由=改 原因=试');
    expect(t.lastTextTo('gaofeng')).toMatch(/^你不能查看 GB2026-GA-001|^只有大厅管理室可以更正/);
    await t.say('lisi', '记录 更正 GB2026-GA-001 事由=改 原因=试');
    expect(t.lastTextTo('lisi')).not.toMatch(/^✅/);

    await t.say('wangwu', `窗口 关闭 编号=GB2026-GA-001 ${MEASURES}`);
    expect(t.lastTextTo('wangwu')).toMatch(/^✅ GB2026-GA-001 已提交/);
    await t.say('wangwu', '记录 更正 GB2026-GA-001 事由=改 原因=试');
    expect(t.lastTextTo('wangwu')).toBe('只有大厅管理室可以更正 GB2026-GA-001；首席代表可更正本部门尚未提交的草稿。');
    expect((await db().findOneByOrFail(WindowClosure, { no: 'GB2026-GA-001' })).reason).toBe('张三参加自治区业务培训');
  });
});

describe('证据只读 (REC-06)', () => {
  it('REC-06 a confirmed finding and any attachment are refused with the rule ID and the way forward', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    await t.say('zhao', '巡查 开始 类型=日常 区域=前台 楼层=1');
    await t.say('zhao', '巡查 发现 窗口=12 人=@李四 项=3 说明=空岗');
    const wt = /WT\d{4}-\d{4}/.exec(t.lastTextTo('zhao'))![0];
    await t.say('zhao', `记录 更正 ${wt} 问题=离岗 原因=描述不准`);
    expect(t.lastTextTo('zhao')).toMatch(/^✅ /); // still 待确认: it may be corrected
    await t.say('zhao', `记录 更正 ${wt} 附件=新照片 原因=换一张`);
    expect(t.lastTextTo('zhao')).toBe(
      '❌ 不符合规定（rule REC-06；000 巡查 四(二)；全过程监督 第九条(一)）：附件，是留存的证据，不能更正。如有错误，请提出异议或另行登记新记录。',
    );
    await t.click('wangwu', `ack:${wt}`); // INS-09: the 首席代表 confirms the finding
    await t.say('zhao', `记录 更正 ${wt} 问题=空岗 原因=改回`);
    expect(t.lastTextTo('zhao')).toMatch(/^❌ 不符合规定（rule REC-06；.*）：.*已确认，是留存的证据，不能更正。/);
  });
});

describe('通报 (REC-06, BRF-10)', () => {
  it('REC-06 a released notice is found by its number and refused for correction; its history starts before it was numbered', async () => {
    const at = (hhmm: string, day = '2026-03-03') => `${day}T${hhmm}:00+08:00`;
    t = await startTestBot({ now: at('10:00', '2026-03-02') });
    await t.say('zhao', '巡查 开始 类型=日常 区域=前台,公共 楼层=1');
    await t.say('zhao', '巡查 发现 窗口=12 人=@李四 项=3 程度=一般 说明=空岗');
    await t.say('zhao', '巡查 结束');
    await t.runJob('oral-notice-draft', at('07:45'));
    t.setNow(at('08:05'));
    await t.click('liu', 'approve:SP2026-00001');
    await t.runJob('oral-notice-publish', at('08:20'));
    t.setNow(at('09:00'));
    await t.say('zhao', '记录 更正 督通1 内容=改 原因=试');
    expect(t.lastTextTo('zhao')).toMatch(
      /^❌ 不符合规定（rule REC-06；.*）：督通〔2026〕1号 通报已发布，是留存的证据，不能更正。/,
    );
    await t.say('zhao', '记录 历史 督通〔2026〕1号');
    const history = t.lastTextTo('zhao');
    expect(history).toMatch(/^督通〔2026〕1号 通报 全过程记录（只增不改）\n03-03 07:45 系统 /);
    expect(history).toContain('系统 发布');
  });
});
