import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AwardNomination } from '../../entities/award-nomination';
import { DeductionEvent } from '../../entities/deduction-event';
import { SettingRow } from '../../entities/setting';
import { StaffGrade } from '../../entities/staff-grade';
import { buildWrittenContent } from '../../src/domain/briefings/written-content';
import { firstWorkday } from '../../src/domain/briefings/schedule';
import { deductionEligibilityLedger, gradeAwardLedger } from '../../src/domain/awards/ledgers';
import { carryPoints } from '../../src/migrations/0072-grades-awards';
import { type TestBot, startTestBot } from '../helpers/bot';
import { investigateBoth, register } from './complaints-helpers';

// 进驻部门及人员 绩效 (PRF-10…17) and the rule-keyed point map (PRF-14, OPEN #12) through signed callbacks.

let t: TestBot;
beforeEach(async () => {
  t = await startTestBot({ now: '2026-03-10T10:00:00+08:00' });
});
afterEach(async () => {
  await t.close();
});

const db = () => t.bot.deps.db.manager;
const approvalCard = (userid: string) => {
  const card = t.cardsTo(userid).at(-1)!;
  const keys = JSON.stringify(card);
  return /approve:(SP[\d-]+)/.exec(keys)![1];
};

describe('points (PRF-14, OPEN #12)', () => {
  it('OPEN #12 the migration keeps stored per-domain points, merged into performance.points; 分值= still overrides', async () => {
    const at = new Date('2026-03-01T00:00:00Z');
    const row = (name: string, value: unknown) => ({ name, value, updatedBy: 'magong', updatedAt: at });
    await db().createQueryBuilder().delete().from(SettingRow).execute();
    await db().save(SettingRow, [
      row('complaint.deductionPoints', 3),
      row('window.deductionPoints', 2),
      row('performance.points', { 'MAIL-06': 1, 'SUS-10': 5 }),
    ]);
    const q = t.bot.deps.db.manager.connection.createQueryRunner();
    try {
      await carryPoints(q);
    } finally {
      await q.release();
    }
    const rows = await db().find(SettingRow);
    expect(rows.map((r) => r.name)).toEqual(['performance.points']);
    // SUS-10 was already set in the map (later, on purpose): it stays 5.
    expect(rows[0].value).toEqual({ 'MAIL-06': 1, 'SUS-10': 5, 'CMP-19': 3, 'WIN-13': 2 });

    await t.say('zhao', '扣分 登记 GA 规则=WIN-13 来源=GB2026-GA-003 说明=未按程序关闭窗口');
    await t.say('zhao', '扣分 登记 GA 规则=WIN-13 来源=GB2026-GA-004 说明=未按程序关闭窗口 分值=7');
    await t.say('zhao', '扣分 登记 GA 规则=STF-10 来源=BG2026-GA-001 说明=未按程序调整人员');
    const kf = await db().find(DeductionEvent, { order: { id: 'ASC' } });
    expect(kf.map((k) => [k.rule, k.points])).toEqual([
      ['WIN-13', 2],
      ['WIN-13', 7],
      ['STF-10', 0],
    ]);
  });

  it('OPEN #12 only old settings stored: the map is created from them', async () => {
    await db().createQueryBuilder().delete().from(SettingRow).execute();
    await db().save(SettingRow, {
      name: 'complaint.deductionPoints',
      value: 4,
      updatedBy: 'magong',
      updatedAt: new Date('2026-02-01T00:00:00Z'),
    });
    const q = t.bot.deps.db.manager.connection.createQueryRunner();
    try {
      await carryPoints(q);
    } finally {
      await q.release();
    }
    const rows = await db().find(SettingRow);
    expect(rows.map((r) => [r.name, r.value, r.updatedBy])).toEqual([
      ['performance.points', { 'CMP-19': 4 }, 'magong'],
    ]);
  });
});

describe('CMP-19 reads the map', () => {
  it('CMP-19 a 属实 complaint gets the points of performance.points for CMP-19', async () => {
    await t.say('magong', '设置 修改 performance.points CMP-19:3,WIN-13:1 说明=绩效考评办法');
    const no = await register(t);
    await investigateBoth(t, no);
    await t.say('zhao', `投诉 结果 ${no} 属实`);
    const kf = await db().findOneOrFail(DeductionEvent, { where: { source: no } });
    expect([kf.rule, kf.points]).toEqual(['CMP-19', 3]);
  });
});

describe('评优 推荐 (PRF-16, PRF-17)', () => {
  it('PRF-17 a nominee whose 评优资格 is cancelled is refused, naming rule and source; nothing is stored', async () => {
    await t.say('zhao', '评优 取消 李四 年度=2026 规则=CMP-19 来源=TS2026-0012');
    expect(t.lastTextTo('zhao')).toBe('✅ 李四 2026年评优资格已取消（CMP-19）');
    await t.say('wangwu', '评优 推荐 李四 奖项=服务标兵 理由=全年零差评，办件量居前');
    expect(t.lastTextTo('wangwu')).toBe(
      '❌ 不符合规定（rule PRF-17；000 投诉处理 五(二)）：李四 2026年评优资格已取消（rule CMP-19，来源 TS2026-0012），不能推荐。',
    );
    expect(await db().count(AwardNomination)).toBe(0);
    expect(t.cardsTo('zhao')).toHaveLength(0);
  });

  it('PRF-17 the department lost its eligibility: its staff cannot be nominated either', async () => {
    await t.say('zhao', '评优 取消 GA 年度=2026 规则=WIN-13 来源=GB2026-GA-003');
    await t.say('wangwu', '评优 推荐 张三 奖项=微笑之星 理由=群众满意度高');
    expect(t.lastTextTo('wangwu')).toContain('❌ 不符合规定（rule PRF-17；000 调整管理 四）');
    expect(t.lastTextTo('wangwu')).toContain('所在单位 GA 2026年评优资格已取消（rule WIN-13，来源 GB2026-GA-003）');
    expect(await db().count(AwardNomination)).toBe(0);
  });

  it('PRF-16 a nomination goes to 大厅管理室 and is granted; an award outside the list and another department are refused', async () => {
    await t.say('wangwu', '评优 推荐 张三 奖项=最美窗口 理由=群众满意度高');
    expect(t.lastTextTo('wangwu')).toContain(
      '奖项应为：党员示范岗、红旗窗口、微笑之星、服务标兵、石榴籽窗口、年度优秀窗口、年度先进个人',
    );
    await t.say('wangwu', '评优 推荐 吴静 奖项=微笑之星 理由=群众满意度高');
    expect(t.lastTextTo('wangwu')).toContain('只能推荐本单位的进驻人员或窗口；吴静 不属于 GA');
    await t.say('wangwu', '评优 推荐 张三 奖项=微笑之星 理由=群众满意度高');
    expect(t.lastTextTo('wangwu')).toMatch(/^✅ 已推荐 张三「微笑之星」（SP2026-\d+，待大厅管理室审定）$/);
    const sp = approvalCard('zhao');
    await t.click('zhao', `approve:${sp}`);
    const n = await db().findOneOrFail(AwardNomination, { where: { personUserid: 'zhangsan' } });
    expect([n.status, n.award, n.approvalNo]).toEqual(['已授予', '微笑之星', sp]);
    await t.say('wangwu', '评优 推荐 5号窗 奖项=红旗窗口 理由=全年无投诉');
    expect(t.lastTextTo('wangwu')).toContain('5号窗 不属于 GA');
    await t.say('wangwu', '评优 推荐 12号窗 奖项=红旗窗口 理由=全年无投诉');
    expect(t.lastTextTo('wangwu')).toMatch(/^✅ 已推荐 12号窗「红旗窗口」（SP2026-\d+，待大厅管理室审定）$/);
    await t.click('zhao', `approve:${approvalCard('zhao')}`);
    await t.say('zhao', '表彰 名单 2026');
    expect(t.lastTextTo('zhao')).toContain('已获评 2：张三「微笑之星」（GA）、12号窗「红旗窗口」（GA）');
  });

  it('PRF-17 eligibility cancelled while the nomination waits: the approval is refused', async () => {
    await t.say('wangwu', '评优 推荐 张三 奖项=服务标兵 理由=全年零差评');
    const sp = approvalCard('zhao');
    await t.say('zhao', '评优 取消 张三 年度=2026 规则=CMP-19 来源=TS2026-0013');
    await t.click('zhao', `approve:${sp}`);
    expect(t.lastTextTo('zhao')).toContain('rule PRF-17');
    expect((await db().findOneOrFail(AwardNomination, { where: { personUserid: 'zhangsan' } })).status).toBe('待审定');
  });

  it('BRF-01 section (4) of the 书面通报 shows the month’s nominations and awards', async () => {
    await t.say('wangwu', '评优 推荐 张三 奖项=服务标兵 理由=全年零差评');
    await t.say('wangwu', '评优 推荐 李四 奖项=党员示范岗 理由=带头作用');
    const sps = t.cardsTo('zhao').map((c) => /approve:(SP[\d-]+)/.exec(JSON.stringify(c))![1]);
    await t.click('zhao', `approve:${sps[0]}`);
    const c = await buildWrittenContent(db(), t.bot.deps.calendar, '2026-03');
    const ga = c.departments.find((d) => d.code === 'GA')!;
    expect(ga.sections[3]).toEqual([
      '推荐评优2人次：张三「服务标兵」、李四「党员示范岗」',
      '获评1项：张三「服务标兵」',
    ]);
    const sb = c.departments.find((d) => d.code === 'SB')!;
    expect(sb.sections[3]).toEqual(['无']);
    // monthly-batch section 六 (PRF-16): the office's count and the 首席代表's own lines.
    await t.runJob('monthly-batch', `${firstWorkday(t.bot.deps.calendar, '2026-04')}T09:00:00+08:00`);
    expect((await t.groupTexts('G-OFFICE')).join('\n')).toContain('（PRF-16）评优推荐：推荐 2｜获评 1｜待审定 1');
    expect(t.textsTo('wangwu').join('\n')).toContain('推荐评优2人次：张三「服务标兵」、李四「党员示范岗」；获评1项');
  });
});

describe('年度 等次 (PRF-13, PRF-15)', () => {
  it('PRF-15 a grade is filed and told to the department’s 首席代表 in writing; a correction is told again', async () => {
    await t.say('zhao', '年度 等次 李四 良好 年度=2025');
    expect(t.lastTextTo('zhao')).toBe('等次应为：优秀｜称职｜基本称职｜不称职（rule PRF-15）。');
    await t.say('zhao', '年度 等次 李四 优秀 年度=2025');
    expect(t.lastTextTo('zhao')).toBe('✅ 李四 2025年 优秀，已书面通知 GA');
    expect(t.lastTextTo('wangwu')).toContain('你单位进驻人员 李四（12号窗） 2025年度考核等次为「优秀」');
    await t.say('zhao', '年度 等次 李四 优秀 年度=2025');
    expect(t.lastTextTo('zhao')).toBe('李四 2025年 已登记为 优秀，未变化。');
    await t.say('zhao', '年度 等次 李四 称职 年度=2025 说明=复核更正');
    expect(t.lastTextTo('wangwu')).toContain('「称职」（更正，原为「优秀」）');
    expect(t.textsTo('wangwu').filter((x) => x.includes('年度考核等次通知'))).toHaveLength(2);
    const g = await db().find(StaffGrade);
    expect(g.map((x) => [x.year, x.personUserid, x.grade])).toEqual([[2025, 'lisi', '称职']]);
    await t.say('wangwu', '年度 等次 张三 优秀 年度=2025');
    expect(t.lastTextTo('wangwu')).not.toContain('✅');
  });
});

describe('绩效 指标 (PRF-10, PRF-11, CAS-19)', () => {
  it('PRF-11 indicators per department; a 首席代表 sees only its own; a year gives the staff dossier', async () => {
    await t.say('zhao', '扣分 登记 GA 规则=WIN-13 来源=GB2026-GA-003 说明=未按程序关闭窗口');
    await t.say('zhao', '年度 等次 张三 称职 年度=2026');
    await t.say('xiaogao', '巡查 反映 区域=一楼等候区 说明=12号窗前排队拥挤无人引导');
    await t.say('xiaogao', '投诉 上报 对象=12号窗 内容=群众反映办理户籍迁入时态度生硬');
    await t.say('xiaoma', '晨会 到');
    await t.say('zhao', '绩效 指标 2026-03');
    const all = t.lastTextTo('zhao');
    expect(all).toContain('导服 小高：晨会 0｜巡查反映 1｜投诉上报 1');
    expect(all).toMatch(/导服 小马：晨会 1(（迟到1）)?｜巡查反映 0｜投诉上报 0/);
    expect(all).toContain('3月 GA：超期 —（办结0，超期0）');
    expect(all).toContain('扣分事件 1');
    expect(all).toContain('满意度：好差评 满意率 —（0 条，差评 0）'); // REV-06 beside the indicators
    expect(all).toContain('3月 SB：');
    await t.say('huangyan', '绩效 指标 2026-03 部门=GA');
    expect(t.lastTextTo('huangyan')).toContain('3月 SB：');
    expect(t.lastTextTo('huangyan')).not.toContain('GA');
    expect(t.lastTextTo('huangyan')).not.toContain('导服');
    await t.say('wangwu', '绩效 指标 2026');
    const dossier = t.lastTextTo('wangwu');
    expect(dossier).toContain('2026年 GA：');
    expect(dossier).toContain('张三（13号窗）：称职｜问题 0｜扣分事件 0');
    expect(dossier).toContain('李四（12号窗）：未定等次');
  });
});

describe('annual-batch (PRF-05, PRF-15, PRF-16)', () => {
  it('PRF-05 provider mean to 考核小组, PRF-15 grades due and PRF-16 candidates to 大厅管理室 once, on the first WD of January', async () => {
    await t.say('zhao', '年度 等次 李四 优秀 年度=2025');
    await t.say('zhao', '考核 录入 2025-11 分数=85');
    await t.say('zhao', '考核 录入 2025-12 分数=92');
    const day = firstWorkday(t.bot.deps.calendar, '2026-01');
    const at = `${day}T09:00:00+08:00`;
    const out = await t.runJob('annual-batch', at);
    expect(out.status).toBe('ok');
    const office = await t.groupTexts('G-OFFICE');
    const due = office.filter((x) => x.includes('2025年度进驻人员考核等次待登记'));
    expect(due).toHaveLength(1);
    expect(due[0]).toContain('GA：张三');
    expect(due[0]).not.toContain('李四');
    const honours = office.filter((x) => x.includes('2025年表彰名单'));
    expect(honours).toHaveLength(1);
    expect(honours[0]).toContain('个人候选 1：李四（GA，优秀）');
    const mean = t.textsTo('zhao').filter((x) => x.includes('综窗服务商年度考核'));
    expect(mean).toHaveLength(1);
    expect(mean[0]).toContain('2025年：2个月均分 88.5');
    expect((await t.runJob('annual-batch', at)).status).toBe('already-run');
    await t.runJob('annual-batch', at, { force: true });
    expect((await t.groupTexts('G-OFFICE')).filter((x) => x.includes('考核等次待登记'))).toHaveLength(1);
    expect(t.textsTo('zhao').filter((x) => x.includes('综窗服务商年度考核'))).toHaveLength(1);
  });
});

describe('ledgers (PRF-14…17)', () => {
  it('PRF-15 年度等次及评优台账 and PRF-17 扣分及评优资格台账 carry grades, nominations, points and eligibility', async () => {
    await t.say('magong', '设置 修改 performance.points WIN-13:2 说明=绩效考评办法');
    await t.say('zhao', '扣分 登记 GA 规则=WIN-13 来源=GB2026-GA-003 说明=未按程序关闭窗口');
    await t.say('zhao', '评优 取消 GA 年度=2026 规则=WIN-13 来源=GB2026-GA-003');
    await t.say('zhao', '年度 等次 李四 优秀 年度=2026');
    await t.say('huangyan', '评优 推荐 吴静 奖项=红旗窗口 理由=窗口服务规范');
    const range = { from: '2026-01-01', to: '2026-12-31' };
    const [grades] = await gradeAwardLedger.build(t.bot.deps.db, range, { unmasked: false });
    expect(grades.rows.map((r) => [r.person, r.dept, r.grade, r.award, r.status])).toEqual([
      ['李四', 'GA 12号窗', '优秀', '', '已书面通知'],
      ['吴静', 'SB 5号窗', '', '红旗窗口', expect.stringMatching(/^待审定（SP2026-\d+）$/)],
    ]);
    const [kf] = await deductionEligibilityLedger.build(t.bot.deps.db, range, { unmasked: false });
    expect(kf.rows.map((r) => [r.subject, r.rule, r.source, r.points, r.eligibility])).toEqual([
      ['GA', 'WIN-13', 'GB2026-GA-003', 2, '2026年已取消'],
    ]);
  });
});
