import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Accountability } from '../../entities/accountability';
import { Appeal } from '../../entities/appeal';
import { Finding } from '../../entities/finding';
import { PatrolReport } from '../../entities/patrol-report';
import { OutboxRow } from '../../entities/outbox';
import { startTestBot, type TestBot } from '../helpers/bot';

// INS-01…INS-12 (000 巡查制度) through chat, card clicks and jobs, March–April 2026.

const at = (day: string, hhmm: string) => `${day}T${hhmm}:00+08:00`;

describe('inspections and findings (INS)', () => {
  let t: TestBot;
  const status = async (no: string) => (await t.bot.deps.db.manager.findOneByOrFail(Finding, { no })).status;
  const severity = async (no: string) => (await t.bot.deps.db.manager.findOneByOrFail(Finding, { no })).severity;
  async function find(who: string, text: string): Promise<string> {
    await t.say(who, text);
    const m = /✅ (WT\d{4}-\d{4})/.exec(t.lastTextTo(who));
    if (!m) throw new Error(`no finding: ${t.lastTextTo(who)}`);
    return m[1];
  }
  beforeAll(async () => {
    t = await startTestBot({ now: at('2026-03-02', '10:00') });
    await t.say('zhao', '巡查 开始 类型=日常 区域=前台,公共 楼层=1');
  });
  afterAll(async () => {
    // every queued message was accepted by (fake) WeCom: no unknown recipient such as a job's system actor
    const failed = await t.bot.deps.db.manager.find(OutboxRow, { where: { status: 'failed' } });
    await t.close();
    expect(failed.map((r) => `${r.target}: ${r.lastError}`)).toEqual([]);
  });

  it('INS-05 a finding must cite one check item 1–11 (HARD); INS-04 floors 1–3', async () => {
    await t.say('zhao', '巡查 发现 窗口=12 项=12 说明=空岗');
    expect(t.lastTextTo('zhao')).toMatch(
      /^❌ 不符合规定（rule INS-05；000 巡查 三）：每条巡查发现须注明一个巡查项目编号 1–11.*“12”不是有效编号/,
    );
    await t.say('zhao', '巡查 发现 窗口=12 说明=空岗');
    expect(t.lastTextTo('zhao')).toMatch(/^❌ 不符合规定（rule INS-05/);
    await t.say('zhao', '巡查 开始 类型=日常 区域=前台 楼层=4');
    expect(t.lastTextTo('zhao')).toMatch(/^❌ 不符合规定（rule INS-04；000 巡查 三）：巡查范围为1–3楼/);
    expect(await t.bot.deps.db.manager.count(Finding)).toBe(0);
  });

  it('INS-07 一般 → 首席代表 only; 重大 → also G-LEAD; 突发 → G-LEAD and G-OFFICE; a public-area finding needs no confirmation', async () => {
    const wt1 = await find('zhao', '巡查 发现 窗口=12 人=@李四 项=3 说明=空岗');
    expect(await t.groupTexts('G-LEAD')).toEqual([]);
    const wt2 = await find('zhao', '巡查 发现 窗口=5 项=2 程度=重大 说明=与群众争吵');
    expect((await t.groupTexts('G-LEAD')).at(-1)).toMatch(
      new RegExp(`^⚠️ 巡查发现 ${wt2}（重大）SB 5号窗：项2 与群众争吵`),
    );
    const wt3 = await find('zhao', '巡查 发现 项=11 区域=公共 程度=突发 说明=群众晕倒已呼叫120');
    expect((await t.groupTexts('G-OFFICE')).at(-1)).toContain(`${wt3}（突发）`);
    expect(await status(wt3)).toBe('已确认');
    expect([await status(wt1), await status(wt2)]).toEqual(['待确认', '待确认']);
  });

  it('INS-09 the 首席代表 confirms by card; the card greys', async () => {
    await t.click('wangwu', 'ack:WT2026-0001');
    expect(t.lastTextTo('wangwu')).toBe('✅ WT2026-0001 已确认');
    expect(await status('WT2026-0001')).toBe('已确认');
    expect(t.cardsTo('wangwu').find((c) => c.taskId?.startsWith('WT2026-0001'))!.cardState?.replaceName).toMatch(
      /^已确认/,
    );
    const card = t.cardsTo('wangwu').find((c) => c.taskId?.startsWith('WT2026-0001'))!;
    await t.click('huangyan', 'ack:WT2026-0001', { taskId: card.taskId });
    expect(t.lastTextTo('huangyan')).toBe('你无权处理该按钮（需要：相关部门首席代表）。');
  });

  it('INS-07 / OPEN #16 the same window and item twice within 30 days is tagged 重复 and goes to G-LEAD', async () => {
    const other = await find('zhao', '巡查 发现 窗口=13 项=3 说明=空岗');
    expect(await severity(other)).toBe('一般');
    const again = await find('zhao', '巡查 发现 窗口=12 人=@李四 项=3 说明=又空岗');
    expect(t.lastTextTo('zhao')).toContain('（自动标记：重复，rule INS-07）');
    expect(await severity(again)).toBe('重复');
    expect((await t.groupTexts('G-LEAD')).at(-1)).toContain(`${again}（重复·30天内第2次）`);
    const differentItem = await find('zhao', '巡查 发现 窗口=12 项=4 说明=台面杂乱');
    expect(await severity(differentItem)).toBe('一般');
  });

  it('INS-09 dispute by card: the next text is the reason; the recorder upholds by card; the 首席代表 is told', async () => {
    await t.click('huangyan', 'dispute:WT2026-0002');
    expect(t.lastTextTo('huangyan')).toContain('请在10分钟内直接回复对 WT2026-0002 的异议理由');
    await t.say('huangyan', '群众先动手，窗口人员未争吵');
    expect(t.lastTextTo('huangyan')).toBe('✅ WT2 已提出异议，等待大厅管理室裁定');
    expect(await status('WT2026-0002')).toBe('有异议');
    await t.click('zhao', 'uphold:WT2026-0002');
    expect(t.lastTextTo('zhao')).toMatch(/^✅ WT2 维持/);
    expect(await status('WT2026-0002')).toBe('已确认');
    expect(t.lastTextTo('huangyan')).toContain('WT2026-0002 异议裁定：维持');
  });

  it('INS-09 / D32 the named staff member may dispute; other staff may not', async () => {
    await t.say('lisi', '巡查 异议 WT5 理由=当时在后台取件');
    expect(t.lastTextTo('lisi')).toBe('✅ WT5 已提出异议，等待大厅管理室裁定');
    await t.say('zhangsan', '巡查 异议 WT6 理由=不是我');
    expect(t.lastTextTo('zhangsan')).toContain('只有 GA 的首席代表或被记录的工作人员可以对 WT2026-0006 提出异议');
  });

  it('INS-09 / OPEN #17 undisputed findings are confirmed after 2 WD (not before); the 首席代表 gets one message', async () => {
    await t.runJob('finding-auto-confirm', at('2026-03-04', '09:00'));
    expect(await status('WT2026-0006')).toBe('待确认'); // window ends Wed 03-04 17:30
    await t.runJob('finding-auto-confirm', at('2026-03-05', '09:00'));
    expect([await status('WT2026-0004'), await status('WT2026-0006'), await status('WT2026-0005')]).toEqual([
      '已确认',
      '已确认',
      '有异议',
    ]);
    expect(t.lastTextTo('wangwu')).toMatch(/^以下巡查发现2个工作日内未提出异议，已自动确认（rule INS-09）：WT4、WT6/);
  });

  it('ACC-03 / D32 a dispute after the window is heard as a 申辩, never refused; 撤销 then means 不成立', async () => {
    t.setNow(at('2026-03-05', '10:00'));
    await t.say('wangwu', '巡查 异议 WT6 理由=台面是群众的资料');
    expect(t.lastTextTo('wangwu')).toBe('✅ WT6 已过异议期（已确认），已作为申辩提交大厅管理室（rule ACC-03）');
    expect(await t.bot.deps.db.manager.countBy(Appeal, { source: 'WT2026-0006', status: '待处理' })).toBe(1);
    expect((await t.groupTexts('G-OFFICE')).at(-1)).toMatch(/^📝 申辩 WT2026-0006（GA 王五）/);
    await t.say('zhao', '巡查 裁定 WT6 撤销 说明=监控显示为群众资料');
    expect(await status('WT2026-0006')).toBe('不成立');
    expect(t.lastTextTo('wangwu')).toContain('经调查核实，WT2026-0006 反映的问题不成立（rule ACC-03）');
  });

  it('INS-03 / OPEN #56 a leader round combined with a joint one counts for both (setting); 领导 needs a leader', async () => {
    await t.say('zhao', '巡查 开始 类型=领导 区域=前台');
    expect(t.lastTextTo('zhao')).toContain('领导巡查须由中心领导带队');
    await t.say('chen', '巡查 开始 类型=领导 区域=前台,后台 联合=是 参与=@王五,@黄燕,@高峰,@梁波,@韩梅,@郑丽');
    expect(t.lastTextTo('chen')).toMatch(/^✅ XC2026-0002 领导（结合联合）巡查 开始 10:00/);
    expect(t.lastTextTo('chen')).not.toContain('未参加');
    await t.say('zhao', '巡查 统计');
    expect(t.lastTextTo('zhao')).toMatch(/^3月：日常 1\/4WD，联合 1\/2，领导 1\/1/);
    await t.say('zhao', '设置 修改 inspection.leaderCountsAsJoint 否 说明=测试');
    await t.say('zhao', '巡查 统计');
    expect(t.lastTextTo('zhao')).toMatch(/联合 0\/2，领导 1\/1/);
    await t.say('zhao', '设置 修改 inspection.leaderCountsAsJoint 是 说明=恢复');
  });

  it('INS-06 a 首席代表 records 自查 of its own department only; 自查 findings need no confirmation', async () => {
    await t.say('wangwu', '巡查 开始 类型=日常 区域=前台');
    expect(t.lastTextTo('wangwu')).toContain('首席代表只能发起自查');
    await t.say('wangwu', '巡查 开始 类型=自查 区域=前台');
    const own = await find('wangwu', '巡查 发现 窗口=13 人=@张三 项=5 说明=上班时间玩手机');
    expect(await status(own)).toBe('已确认');
    await t.say('wangwu', '巡查 发现 窗口=5 项=3 说明=空岗');
    expect(t.lastTextTo('wangwu')).toBe('自查只能记录本部门的窗口和人员。');
  });

  it('INS-01 a guide’s patrol report waits in the office queue and becomes a finding', async () => {
    t.setNow(at('2026-03-06', '09:30'));
    await t.say('xiaogao', '巡查 反映 区域=一楼等候区 说明=12号窗前排队拥挤无人引导');
    expect(t.lastTextTo('xiaogao')).toMatch(/^✅ 已报大厅管理室（反映 #1）/);
    expect((await t.groupTexts('G-OFFICE')).at(-1)).toContain('📣 巡查反映 #1（小高·一楼等候区）');
    await t.say('zhao', '巡查 反映 列表');
    expect(t.lastTextTo('zhao')).toContain('#1');
    const no = await find('zhao', '巡查 发现 反映=1 项=8 区域=公共 说明=排队拥挤无人引导');
    const f = await t.bot.deps.db.manager.findOneByOrFail(Finding, { no });
    expect([f.source, f.patrolReportId]).toEqual(['导服反映', 1]);
    expect((await t.bot.deps.db.manager.findOneByOrFail(PatrolReport, { id: 1 })).status).toBe('已转发现');
  });

  it('INS-08 阻碍巡查 becomes a 问效 record and is reported to the center leaders', async () => {
    await t.say('zhao', '巡查 阻碍 XC1 部门=GA 人=@张三 说明=拒绝出示办件记录');
    expect(t.lastTextTo('zhao')).toBe('✅ 已登记阻碍巡查，转问效 WX2026-001');
    const wx = await t.bot.deps.db.manager.findOneByOrFail(Accountability, { no: 'WX2026-001' });
    expect(wx).toMatchObject({
      event: '阻碍巡查',
      subjectType: 'person',
      subjectId: 'zhangsan',
      departmentCode: 'GA',
      source: 'XC2026-0001',
    });
    expect((await t.groupTexts('G-LEAD')).at(-1)).toMatch(/^⚠️ 阻碍巡查（rule INS-08）WX2026-001：GA 张三/);
  });

  it('INS-10 巡查 汇总 counts problems and praise by department', async () => {
    await t.say('zhao', '巡查 汇总 从=3月1日 到=3月31日');
    expect(t.lastTextTo('zhao')).toMatch(/^已生成3\/1–3\/31巡查汇总（问题 \d+，表扬 0）/);
    expect(t.lastTextTo('zhao')).toContain('GA 问题');
  });

  it('INS-02 joint rounds: ≥1 by the 15th (Sun → Fri 13th) is met; <2 on the 3rd-last WD (03-27) reminds once', async () => {
    await t.runJob('joint-inspection-count', at('2026-03-13', '09:00'));
    expect((await t.groupTexts('G-OFFICE')).some((x) => x.startsWith('⏰ 本月联合巡查'))).toBe(false);
    await t.runJob('leader-inspection-check', at('2026-03-20', '09:00'));
    expect(t.textsTo('sun').some((x) => x.includes('本月尚无中心领导带队巡查'))).toBe(false); // INS-03 met by 陈主任's round
    await t.runJob('joint-inspection-count', at('2026-03-26', '09:00'));
    expect((await t.groupTexts('G-OFFICE')).some((x) => x.startsWith('⏰ 本月联合巡查'))).toBe(false);
    await t.runJob('joint-inspection-count', at('2026-03-27', '09:00'));
    await t.runJob('joint-inspection-count', at('2026-03-30', '09:00'));
    const reminders = (await t.groupTexts('G-OFFICE')).filter((x) => x.startsWith('⏰ 本月联合巡查'));
    expect(reminders).toEqual([expect.stringContaining('本月联合巡查 1/2 次（每月不少于两次，rule INS-02）')]);
  });

  it('INS-02/INS-03 in April: no joint round by the 15th and no leader round by the 20th → reminders', async () => {
    await t.runJob('joint-inspection-count', at('2026-04-15', '09:00'));
    expect((await t.groupTexts('G-OFFICE')).at(-1)).toContain('本月联合巡查 0/2 次');
    await t.runJob('leader-inspection-check', at('2026-04-17', '09:00'));
    expect(t.textsTo('sun').some((x) => x.includes('本月尚无中心领导带队巡查'))).toBe(false); // before the 20th
    await t.runJob('leader-inspection-check', at('2026-04-20', '09:00'));
    expect(t.lastTextTo('sun')).toContain('本月尚无中心领导带队巡查（每月一次，可结合联合巡查，rule INS-03）');
  });
});
