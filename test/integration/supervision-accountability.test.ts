import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Accountability } from '../../entities/accountability';
import { DeductionEvent } from '../../entities/deduction-event';
import { KeyTask } from '../../entities/key-task';
import { Notice } from '../../entities/notice';
import { Rectification } from '../../entities/rectification';
import { Referral } from '../../entities/referral';
import { findLedger } from '../../src/kernel/ledger';
import { LEDGERS } from '../../src/tables';
import { OutboxRow } from '../../entities/outbox';
import { startTestBot, type TestBot } from '../helpers/bot';
import { openForm, submitForm } from '../helpers/h5';

// ACC-01…ACC-07, INS-11, BRF-09, BRF-11 (000 问效, 全过程监督 第十二/十三条, 巡查 四 结果运用) through chat and jobs,
// March 2026: 责令整改 → 整改方案 (4 HARD fields) → 三级提醒 → 进度 → 结果 → 验收 不到位 (扣分) → 通过.

const at = (day: string, hhmm: string) => `${day}T${hhmm}:00+08:00`;

describe('rectification and 问效 (ACC)', () => {
  let t: TestBot;
  const rect = async (no = 'ZG2026-0001') => t.bot.deps.db.manager.findOneByOrFail(Rectification, { no });
  const texts = (u: string) => t.textsTo(u);
  beforeAll(async () => {
    t = await startTestBot({ now: at('2026-03-02', '08:00') });
    await t.runJob('quarterly-progress', at('2026-03-02', '09:00'));
    t.setNow(at('2026-03-02', '10:00'));
    await t.say('zhao', '巡查 开始 类型=日常 区域=前台');
    await t.say('zhao', '巡查 发现 窗口=12 人=@李四 项=3 说明=空岗');
    await t.say('zhao', '巡查 发现 窗口=13 人=@张三 项=5 说明=玩手机');
    await t.say('wangwu', '巡查 异议 WT2 理由=在查询业务系统');
  });
  afterAll(async () => {
    // every queued message was accepted by (fake) WeCom: no unknown recipient such as a job's system actor
    const failed = await t.bot.deps.db.manager.find(OutboxRow, { where: { status: 'failed' } });
    await t.close();
    expect(failed.map((r) => `${r.target}: ${r.lastError}`)).toEqual([]);
  });

  it('ACC-04 / OPEN #13 整改 下达 gives the responsible person 5 WD to report a plan; a disputed finding cannot be ordered', async () => {
    await t.say('zhao', '整改 下达 WT1 责任人=@王五');
    expect(t.lastTextTo('zhao')).toBe('✅ ZG2026-0001 已下达 GA 王五，3/9 前报整改方案');
    expect(t.lastTextTo('wangwu')).toMatch(/^🛠 责令整改 ZG2026-0001（来源 WT2026-0001）\n请于 3\/9 前报送整改方案/);
    await t.say('zhao', '整改 下达 WT1 责任人=@王五');
    expect(t.lastTextTo('zhao')).toBe('WT2026-0001 已有整改单 ZG2026-0001（待报方案）。');
    await t.say('zhao', '整改 下达 WT2 责任人=@王五');
    expect(t.lastTextTo('zhao')).toMatch(
      /^❌ 不符合规定（rule ACC-04；000 全过程监督 第十二条）：WT2026-0002 有异议待裁定/,
    );
    // a source whose table this module does not know (差评 CP) is kept as typed; the department is the person's
    await t.say('zhao', '整改 下达 CP2026-0003 责任人=@李四 期限=3月6日');
    expect(t.lastTextTo('zhao')).toBe('✅ ZG2026-0002 已下达 GA 李四，3/6 前报整改方案');
    expect(await rect('ZG2026-0002')).toMatchObject({
      source: 'CP2026-0003',
      sourceType: 'review',
      departmentCode: 'GA',
    });
  });

  it('BRF-11 quarterly reminders on the 1st WD of March and 3 WD before the 10th, skipping those who reported', async () => {
    expect(texts('wangwu').filter((x) => x.includes('一季度工作进展须于 3月10日 前报送'))).toHaveLength(1);
    t.setNow(at('2026-03-03', '10:00'));
    await t.say('wangwu', '季报 报送 GA 说明=综合窗口改造完成');
    expect(t.lastTextTo('wangwu')).toMatch(/^✅ GA 一季度进展已报送（3月3日）/);
    await t.runJob('quarterly-progress', at('2026-03-04', '09:00'));
    expect(texts('huangyan').filter((x) => x.includes('一季度工作进展'))).toHaveLength(1);
    await t.runJob('quarterly-progress', at('2026-03-05', '09:00'));
    expect(texts('huangyan').filter((x) => x.includes('一季度工作进展'))).toHaveLength(2);
    expect(texts('wangwu').filter((x) => x.includes('一季度工作进展'))).toHaveLength(1);
  });

  it('ACC-04 三级提醒 on the plan: due day − 1 WD, due day, then daily while overdue (G-OFFICE), once per day', async () => {
    await t.runJob('rectification-due', at('2026-03-06', '09:00'));
    expect(
      texts('wangwu').filter((x) => x.includes('ZG2026-0001 将于 3/9 到期：请于 3/9 前报送整改方案')),
    ).toHaveLength(1);
    expect(texts('lisi').at(-1)).toContain('ZG2026-0002 今日到期');
    expect(texts('wangwu').at(-1)).toContain('ZG2026-0002 今日到期'); // L2 also goes to the 首席代表
    await t.runJob('rectification-due', at('2026-03-09', '09:00'));
    expect(texts('wangwu').some((x) => x.includes('ZG2026-0001 今日到期'))).toBe(true);
    await t.runJob('rectification-due', at('2026-03-10', '09:00'));
    await t.runJob('rectification-due', at('2026-03-10', '09:00'), { force: true });
    const overdue = (await t.groupTexts('G-OFFICE')).filter((x) => x.startsWith('🔴 整改逾期 ZG2026-0001'));
    expect(overdue).toHaveLength(1);
    expect(texts('wangwu').filter((x) => x.startsWith('🔴 ZG2026-0001 已逾期（期限 3/9）'))).toHaveLength(1);
  });

  it('ACC-04 the plan needs 内容, 措施, 完成时限 and 责任人 (HARD); a full plan starts the completion clock', async () => {
    t.setNow(at('2026-03-10', '10:00'));
    await t.say('wangwu', '整改 方案 ZG1 内容=空岗 措施=落实AB岗');
    expect(t.lastTextTo('wangwu')).toMatch(
      /^❌ 不符合规定（rule ACC-04；000 全过程监督 第十二条）：整改方案应明确整改的内容、措施、完成时限、责任人，缺少：完成时限（时限=）、责任人。可填写表单：/,
    );
    await t.say('wangwu', '整改 方案 ZG1 内容=空岗 措施=落实AB岗和暂停服务牌 时限=3月20日 责任人=@李四');
    expect(t.lastTextTo('wangwu')).toBe('✅ ZG1 整改方案已报送（完成时限 3/20）');
    expect(await rect()).toMatchObject({ status: '整改中', planOwner: 'lisi', planDeadline: '2026-03-20' });
    await t.runJob('rectification-due', at('2026-03-11', '09:00'));
    expect((await t.groupTexts('G-OFFICE')).filter((x) => x.startsWith('🔴 整改逾期 ZG2026-0001'))).toHaveLength(1);
  });

  it('ACC-04 completion reminders: L1 past half, weekly progress, the WD before and on the due day, L3 after', async () => {
    await t.runJob('rectification-due', at('2026-03-13', '09:00'));
    expect(texts('lisi').some((x) => x.includes('ZG2026-0001 整改期限已过半'))).toBe(false);
    await t.runJob('rectification-due', at('2026-03-16', '09:00'));
    expect(texts('lisi').filter((x) => x.includes('ZG2026-0001 整改期限已过半'))).toHaveLength(1);
    await t.runJob('rectification-due', at('2026-03-17', '09:00'));
    expect(texts('lisi').at(-1)).toBe('📝 ZG2026-0001 请反馈本周整改进度：整改 进度 ZG2026-0001 说明=…');
    t.setNow(at('2026-03-17', '10:00'));
    await t.say('lisi', '整改 进度 ZG1 说明=已排定AB岗');
    expect(t.lastTextTo('lisi')).toBe('✅ ZG1 第1次进度已记录');
    await t.runJob('rectification-due', at('2026-03-19', '09:00'));
    expect(texts('lisi').at(-1)).toContain('ZG2026-0001 将于 3/20 到期');
    expect(texts('wangwu').at(-1)).toContain('ZG2026-0001 将于 3/20 到期');
    await t.runJob('rectification-due', at('2026-03-23', '09:00'));
    expect(texts('lisi').at(-1)).toContain('🔴 ZG2026-0001 已逾期（期限 3/20）：请立即完成整改并报送结果');
  });

  it('INS-11 验收 不到位 → 扣分事件 (PRF-14) for the department and its 首席代表, a new deadline; then 通过', async () => {
    t.setNow(at('2026-03-23', '10:00'));
    await t.say('lisi', '整改 完成 ZG1 结果=AB岗已落实');
    expect(t.lastTextTo('lisi')).toBe('✅ ZG1 待大厅管理室验收');
    expect(t.lastTextTo('zhao')).toContain('ZG2026-0001 已报送整改结果，请验收');
    await t.say('zhao', '整改 验收 ZG1 不到位 说明=复查仍有空岗');
    const kf = await t.bot.deps.db.manager.findOneByOrFail(DeductionEvent, { source: 'ZG2026-0001' });
    expect(kf).toMatchObject({ rule: 'INS-11', departmentCode: 'GA', personUserid: 'wangwu', status: 'active' });
    expect(t.lastTextTo('zhao')).toBe(`✅ ZG1 验收不到位：已生成扣分事件 ${kf.no}，重新整改期限 3/30`);
    expect(await rect()).toMatchObject({ status: '整改中', verdict: '不到位', failedChecks: 1 });
    expect(texts('wangwu').some((x) => x.includes(`已记扣分事件 ${kf.no}（rule INS-11）`))).toBe(true);
    await t.say('lisi', '整改 完成 ZG1 结果=连续一周无空岗');
    await t.say('zhao', '整改 验收 ZG1 通过 说明=现场核实已整改');
    expect(t.lastTextTo('zhao')).toBe('✅ ZG1 验收通过');
    expect((await rect()).status).toBe('已通过');
  });

  it('ACC-03 / ACC-07 an appeal against the deduction, then 澄清: the deduction is excluded and the department told', async () => {
    const kf = await t.bot.deps.db.manager.findOneByOrFail(DeductionEvent, { source: 'ZG2026-0001' });
    await t.say('wangwu', `问效 申辩 ${kf.no} 理由=验收当天李四在培训，B岗在岗`);
    expect(t.lastTextTo('wangwu')).toBe('✅ 申辩已提交大厅管理室，证据材料请在10分钟内发送');
    expect((await t.groupTexts('G-OFFICE')).at(-1)).toContain(`📝 申辩 ${kf.no}（GA 王五）`);
    await t.say('zhao', `问效 澄清 ${kf.no} 说明=B岗在岗，不属空岗`);
    expect((await t.bot.deps.db.manager.findOneByOrFail(DeductionEvent, { no: kf.no })).status).toBe('cleared');
    expect(t.lastTextTo('wangwu')).toContain(`澄清：${kf.no}`);
  });

  it('ACC-01 问效 measures (open list with 其他), 取消评优 raises the PRF-17 card, 限期整改 issues an order; 不成立 is told', async () => {
    await t.say('zhao', '问效 措施 @李四 措施=诫勉谈话 来源=WT1 说明=屡次空岗');
    expect(t.lastTextTo('zhao')).toBe('✅ WX2026-001 GA 李四 诫勉谈话（来源 WT1）');
    expect(t.lastTextTo('lisi')).toContain('问效 WX2026-001：GA 李四 诫勉谈话（来源 WT2026-0001）');
    await t.say('zhao', '问效 措施 GA 措施=罚款 来源=WT1');
    expect(t.lastTextTo('zhao')).toContain(
      '措施应为：限期整改、诫勉谈话、通报批评、书面检查、取消评优、调离岗位、其他（rule ACC-01）',
    );
    await t.say('zhao', '问效 措施 GA 措施=其他 来源=WT1 说明=全科室学习窗口工作制度');
    expect(t.lastTextTo('zhao')).toBe('✅ WX2026-002 GA 其他（来源 WT1）');
    await t.say('chen', '问效 措施 GA 措施=取消评优 来源=WT1');
    expect(t.lastTextTo('chen')).toContain('WX2026-003 GA 取消评优（来源 WT1），评优资格待确认（卡片）');
    expect(
      t
        .cardsTo('chen')
        .some((c) => (c.card!.button_list as { key: string }[]).some((b) => b.key.startsWith('cancel_award:'))),
    ).toBe(true);
    await t.say('zhao', '问效 措施 @张三 措施=限期整改 来源=TS2026-0099');
    expect(t.lastTextTo('zhao')).toBe('✅ WX2026-004 GA 张三 限期整改（来源 TS2026-0099），已下达 ZG2026-0003');
    await t.say('zhao', '问效 不成立 WX2026-001 说明=经核实为B岗顶岗期间');
    expect(t.lastTextTo('zhao')).toBe('✅ 已通知 GA：WX1 不成立');
    expect((await t.bot.deps.db.manager.findOneByOrFail(Accountability, { no: 'WX2026-001' })).status).toBe('不成立');
    expect(t.lastTextTo('lisi')).toContain('反映的问题不成立（rule ACC-03）');
  });

  it('ACC-02 督办: reminders the WD before the due date and daily when overdue; 完成 closes', async () => {
    t.setNow(at('2026-03-24', '10:00'));
    await t.say('chen', '督办 交办 内容=完成叫号系统升级 责任人=@钱进 期限=3月27日');
    expect(t.lastTextTo('chen')).toBe('✅ DB2026-001 期限 3/27');
    await t.runJob('rectification-due', at('2026-03-26', '09:00'));
    expect(texts('qian').at(-1)).toBe('⏰ 督办任务 DB2026-001 将于 3/27 到期：完成叫号系统升级');
    await t.runJob('rectification-due', at('2026-03-30', '09:00'));
    expect(texts('qian').at(-1)).toContain('🔴 督办任务 DB2026-001 已逾期（期限 3/27）');
    expect((await t.groupTexts('G-OFFICE')).at(-1)).toContain('🔴 督办逾期 DB2026-001');
    t.setNow(at('2026-03-30', '11:00'));
    await t.say('qian', '督办 完成 DB1');
    expect(t.lastTextTo('qian')).toBe('✅ DB2026-001 已完成（逾期完成）');
    expect((await t.bot.deps.db.manager.findOneByOrFail(KeyTask, { no: 'DB2026-001' })).status).toBe('已完成');
  });

  it('BRF-09 a notice to the 派驻部门 is signed by a 中心领导: number (其他) and two dated referral records', async () => {
    await t.say('zhao', '通报 派驻部门 WT1 说明=多次空岗整改不到位，影响恶劣');
    const sp = /（(SP\d{4}-\d{5})）/.exec(t.lastTextTo('zhao'))![1];
    await t.click('chen', `approve:${sp}`);
    const n = await t.bot.deps.db.manager.findOneByOrFail(Notice, { type: '其他' });
    expect(n.no).toMatch(/^督通〔2026〕[1-9]\d*号$/);
    expect(n.title).toBe('致乌审旗公安局书面通报（GA，WT2026-0001）');
    const refs = await t.bot.deps.db.manager.find(Referral, { where: { source: 'WT2026-0001' }, order: { id: 'ASC' } });
    expect(refs.map((r) => [r.body, r.date])).toEqual([
      ['派驻部门', '2026-03-30'],
      ['纪检监察组', '2026-03-30'],
    ]);
    expect((await t.groupTexts('G-OFFICE')).filter(Boolean).at(-1)).toContain(`${n.no}（其他）已签发`); // then the .docx
  });

  it('整改与问效台账 / 移交台账 / 督办任务台账 list the records (a 首席代表 gets its own department only)', async () => {
    const range = { from: '2026-03-01', to: '2026-03-31' };
    const [rects, wx] = await findLedger(LEDGERS, '整改与问效台账')!.build(t.bot.deps.db, range, { unmasked: true });
    expect(rects.rows.map((r) => r.no)).toEqual(['ZG2026-0001', 'ZG2026-0002', 'ZG2026-0003']);
    expect(rects.rows[0]).toMatchObject({
      source: 'WT2026-0001',
      progress: 1,
      verdict: '通过',
      status: '已通过',
      owner: '李四',
    });
    expect(wx.rows).toHaveLength(4);
    const masked = await findLedger(LEDGERS, '整改与问效台账')!.build(t.bot.deps.db, range, {
      unmasked: false,
      department: 'SB',
    });
    expect(masked[0].rows).toEqual([]);
    expect(
      (await findLedger(LEDGERS, '移交台账')!.build(t.bot.deps.db, range, { unmasked: true }))[0].rows,
    ).toHaveLength(2);
    expect(
      (await findLedger(LEDGERS, '督办任务台账')!.build(t.bot.deps.db, range, { unmasked: true }))[0].rows[0],
    ).toMatchObject({ no: 'DB2026-001', status: '已完成' });
    const ins = await findLedger(LEDGERS, '巡查台账')!.build(t.bot.deps.db, range, {
      unmasked: false,
      department: 'GA',
    });
    expect(ins[1].rows.map((r) => [r.no, r.staff, r.rect])).toEqual([
      ['WT2026-0001', '李*', 'ZG2026-0001'],
      ['WT2026-0002', '张*', ''],
    ]);
  });

  it('ACC-04 the H5 整改方案 form (link in the order) runs 整改 方案 with the same HARD check', async () => {
    const link = /https:\/\/\S+/.exec(t.textsTo('lisi').find((x) => x.includes('ZG2026-0002'))!)![0];
    expect(new URL(new URL(link.replace('#wechat_redirect', '')).searchParams.get('redirect_uri')!).pathname).toBe(
      '/h5/forms/rectification',
    );
    const submit = async (fields: Record<string, string>) => {
      const form = await openForm(t, link, 'lisi');
      const res = await submitForm(form, { 编号: 'ZG2026-0002', ...fields });
      await t.settle();
      return res.text();
    };
    expect(await submit({ 内容: '差评', 措施: '培训' })).toContain('rule ACC-04');
    expect(await submit({ 内容: '差评未回访', 措施: '逐一回访并培训', 时限: '2026-04-03', 责任人: '李四' })).toContain(
      '✅ ZG2 整改方案已报送（完成时限 4/3）',
    );
    expect(t.lastTextTo('lisi')).toBe('✅ ZG2 整改方案已报送（完成时限 4/3）');
  });
});
