import { afterEach, describe, expect, it } from 'vitest';
import { LeaveRequest } from '../../entities/leave-request';
import { attendanceLedger } from '../../src/domain/attendance/ledger';
import { ShortAbsence } from '../../entities/short-absence';
import { insertRows } from '../../src/db';
import { type TestBot, startTestBot } from '../helpers/bot';

// 暂离 (000_c8ed09c118362bcb.txt 窗口工作 五(四), 六(三); 导服 七(二)): ATT-03 window staff 15 min, REV-05 评价器,
// OPEN #34 超时离岗; ATT-04 guides — replacement confirm first, then the guide's own 区域领导 (D160), ≤10 min.
// The rulebook's test vector §19 #24: window staff away 16 min → flagged; guide away 11 min → flagged.
// Demo zones: 小高 and 区域领导 周强 in A区, 小马 in B区 (no 区域领导 → 大厅管理室).

let t: TestBot;
afterEach(async () => {
  await t.close();
});

const at = (hhmm: string, day = '2026-03-02') => `${day}T${hhmm}:00+08:00`;
const db = () => t.bot.deps.db.manager;
const office = async (needle: string) => (await t.groupTexts('G-OFFICE')).filter((x) => x.includes(needle));
const texts = (u: string, needle: string) => t.textsTo(u).filter((x) => x.includes(needle));
const cardKeys = (u: string) =>
  t.cardsTo(u).flatMap((c) => ((c.card as { button_list?: { key: string }[] }).button_list ?? []).map((b) => b.key));

describe('ATT-03 window staff 暂离', () => {
  it('ATT-03 §19 #24 away 16 min: reminder at 15, 超时离岗 to G-OFFICE and the 首席代表 at 16, each once', async () => {
    t = await startTestBot({ now: at('09:40') });
    await t.say('zhangsan', '暂离 原因=去后台取材料');
    expect(t.lastTextTo('zhangsan')).toBe(
      '✅ 09:40 暂离（ZL2026-0001），请放置暂停服务牌，并将评价器切换为“停止服务”，15分钟内回岗。回岗后发送：回岗',
    );
    await t.runJob('presence-timers', at('09:54'));
    expect(texts('zhangsan', '已满15分钟')).toHaveLength(0);
    await t.runJob('presence-timers', at('09:55'));
    await t.runJob('presence-timers', at('09:55'));
    expect(texts('zhangsan', '暂离已满15分钟（ZL2026-0001）')).toHaveLength(1);
    expect(await office('超时离岗')).toHaveLength(0); // 15 minutes is still allowed (“15分钟”)
    await t.runJob('presence-timers', at('09:56'));
    await t.runJob('presence-timers', at('09:57'));
    const flagged = await office('超时离岗');
    expect(flagged).toEqual([
      '⚠️ 超时离岗（rule ATT-03）：张三 GA 13号窗 09:40 起暂离，已超过15分钟未回岗（ZL2026-0001）。未经批准请假，按擅自离岗处理。',
    ]);
    expect(texts('wangwu', '超时离岗')).toHaveLength(1); // GA 首席代表
    t.setNow(at('09:58'));
    await t.say('zhangsan', '回岗');
    expect(t.lastTextTo('zhangsan')).toContain('暂离18分钟，超过15分钟，已记超时离岗（rule ATT-03）');
    expect(await db().findOneByOrFail(ShortAbsence, { no: 'ZL2026-0001' })).toMatchObject({
      status: '已回岗',
      overtime: true,
    });
    await t.runJob('presence-timers', at('10:10'));
    expect(await office('超时离岗')).toHaveLength(1);
    // ATT-03 in the 考勤与请假台账 (sheet 暂离), masked for a department export
    const day = at('09:00').slice(0, 10);
    const sheets = await attendanceLedger.build(
      t.bot.deps.db,
      { from: day, to: day },
      { unmasked: false, department: 'GA' },
    );
    const absences = sheets.find((x) => x.name === '暂离')!.rows;
    expect(absences.map((r) => [r.no, r.dept, r.minutes, r.limit, r.overtime])).toEqual([
      ['ZL2026-0001', 'GA', 18, 15, '是'],
    ]);
    expect(absences[0].person).not.toBe('张三');
    await t.say('wangwu', '考勤 汇总 2026-03');
    expect(t.lastTextTo('wangwu')).toContain('暂离 1 次，超时离岗 1 次');
  });

  it('ATT-03 back within 15 min: no reminder; a second 暂离 while away is refused', async () => {
    t = await startTestBot({ now: at('14:00') });
    await t.say('lisi', '暂离');
    t.setNow(at('14:05'));
    await t.say('lisi', '暂离');
    expect(t.lastTextTo('lisi')).toContain('你已有一条暂离记录（ZL2026-0001，14:00起暂离中）');
    await t.runJob('presence-timers', at('14:14'));
    t.setNow(at('14:14'));
    await t.say('lisi', '回岗');
    expect(t.lastTextTo('lisi')).toBe('✅ 14:14 回岗（ZL2026-0001，暂离14分钟）。请收回暂停服务牌，评价器恢复服务。');
    await t.runJob('presence-timers', at('14:20'));
    expect(texts('lisi', '分钟（ZL')).toHaveLength(0);
    expect(await office('超时离岗')).toHaveLength(0);
  });

  it('ATT-03 the limit is a setting (OPEN #34): 10 minutes flags at 11', async () => {
    t = await startTestBot({ now: at('10:00') });
    await t.say('magong', '设置 修改 presence.staffAbsenceMinutes 10');
    await t.say('zhangsan', '暂离');
    expect(t.lastTextTo('zhangsan')).toContain('10分钟内回岗');
    await t.runJob('presence-timers', at('10:11'));
    expect(await office('已超过10分钟未回岗')).toHaveLength(1);
  });
});

describe('ATT-04 guide 暂离 申请', () => {
  it('ATT-04 §19 #24 replacement confirms, then only the A区 区域领导 approves; away 11 min → flagged to him', async () => {
    t = await startTestBot({ now: at('10:00') });
    await t.say('xiaogao', '暂离 申请 替=@小马 分钟=10 原因=去洗手间');
    expect(t.lastTextTo('xiaogao')).toBe(
      '✅ 已请 小马 接替（ZL2026-0001），待其确认后送区域领导同意；同意前请勿离岗。',
    );
    expect(cardKeys('xiaoma')).toEqual(['confirm:ZL2026-0001']);
    expect(t.cardsTo('zhouqiang')).toHaveLength(0); // HARD: the replacement first
    await t.click('xiaoma', 'confirm:ZL2026-0001');
    expect(t.lastTextTo('xiaoma')).toBe('✅ 已确认接替 小高（ZL2026-0001），待区域领导同意。');
    expect(cardKeys('zhouqiang')).toEqual(['approve:SP2026-00001', 'reject:SP2026-00001']);
    expect(t.cardsTo('zhao')).toHaveLength(0); // 大厅管理室 is not asked when the zone has a 区域领导
    t.setNow(at('10:02'));
    await t.click('zhouqiang', 'approve:SP2026-00001');
    expect(texts('xiaogao', '区域领导已同意暂离（ZL2026-0001），由 小马 接替，请10分钟内回岗')).toHaveLength(1);
    await t.runJob('presence-timers', at('10:12'));
    expect(texts('xiaogao', '暂离已满10分钟（ZL2026-0001），请回岗，并告知接替人员 小马')).toHaveLength(1);
    expect(texts('zhouqiang', '超时离岗')).toHaveLength(0);
    await t.runJob('presence-timers', at('10:13'));
    await t.runJob('presence-timers', at('10:14'));
    expect(texts('zhouqiang', '⚠️ 超时离岗（rule ATT-04）：小高 10:02 起暂离，已超过10分钟未回岗')).toHaveLength(1);
    expect(await office('超时离岗')).toHaveLength(0); // the zone's 区域领导 only
  });

  it('ATT-04 HARD refusals: more than 10 minutes; a guide’s plain 暂离; oneself as replacement', async () => {
    t = await startTestBot({ now: at('10:00') });
    await t.say('xiaogao', '暂离 申请 替=@小马 分钟=15');
    expect(t.lastTextTo('xiaogao')).toContain(
      '不符合规定（rule ATT-04；000 导服 七(二)）：导服人员暂离时间不得超过10分钟',
    );
    await t.say('xiaogao', '暂离');
    expect(t.lastTextTo('xiaogao')).toContain('导服人员暂离须事先经区域领导同意并安排接替人员');
    await t.say('xiaogao', '暂离 申请 替=@小高');
    expect(t.lastTextTo('xiaogao')).toContain('接替人员不能是本人');
    expect(await db().count(ShortAbsence)).toBe(0);
  });

  it('ATT-04 D160 a B区 guide (no 区域领导) goes to 大厅管理室; rejection frees the replacement', async () => {
    t = await startTestBot({ now: at('15:00') });
    await t.say('xiaoma', '暂离 申请 替=@小高 分钟=5');
    await t.click('xiaogao', 'confirm:ZL2026-0001');
    expect(t.cardsTo('zhouqiang')).toHaveLength(0);
    expect(cardKeys('zhao')).toContain('approve:SP2026-00001');
    await t.say('zhao', '审批 SP2026-00001 驳回 原因=现在是咨询高峰');
    expect(texts('xiaogao', 'ZL2026-0001 暂离未获同意（现在是咨询高峰），无需接替。')).toHaveLength(1);
    expect((await db().findOneByOrFail(ShortAbsence, { no: 'ZL2026-0001' })).status).toBe('已驳回');
  });

  it('ATT-04 回岗 before approval withdraws the request and its approval', async () => {
    t = await startTestBot({ now: at('11:00') });
    await t.say('xiaogao', '暂离 申请 替=@小马');
    await t.click('xiaoma', 'confirm:ZL2026-0001');
    await t.say('xiaogao', '回岗');
    expect(t.lastTextTo('xiaogao')).toBe('✅ 暂离申请 ZL2026-0001 已撤回（尚未同意，无需离岗）。');
    expect(texts('xiaoma', '小高 的暂离申请 ZL2026-0001 已撤回，无需接替。')).toHaveLength(1);
    await t.click('zhouqiang', 'approve:SP2026-00001');
    expect((await db().findOneByOrFail(ShortAbsence, { no: 'ZL2026-0001' })).status).toBe('已撤回');
    await t.runJob('presence-timers', at('11:30'));
    expect(texts('xiaogao', '已满')).toHaveLength(0);
  });
});

describe('D160 zones', () => {
  it('CMP-02 a guide’s 投诉 上报 reaches only the 区域领导 of the guide’s zone', async () => {
    t = await startTestBot({ now: at('10:00') });
    await t.say('xiaogao', '投诉 上报 内容=群众反映12号窗态度生硬');
    expect(texts('zhouqiang', '导服人员 小高 接到投诉')).toHaveLength(1);
    await t.say('xiaoma', '投诉 上报 内容=群众反映5号窗让等太久');
    expect(texts('zhouqiang', '小马')).toHaveLength(0);
    expect(await office('小马 上报投诉')).toHaveLength(1);
  });

  it('DIR-08 人员 查看 shows the 区域', async () => {
    t = await startTestBot({ now: at('10:00') });
    await t.say('zhao', '人员 查看 小高');
    expect(t.lastTextTo('zhao')).toContain('区域 A区');
  });
});

describe('OPEN #34 an approved leave excuses the over-time 暂离', () => {
  it('ATT-03 OPEN #34 with an approved 事假 today the flag says it is not 擅自离岗', async () => {
    t = await startTestBot({ now: at('15:00') });
    // The leave record as the leave approval leaves it (the 请假 commands are the attendance domain's).
    await insertRows(db(), LeaveRequest, {
      no: 'QJ2026-0001',
      userid: 'zhangsan',
      departmentCode: 'GA',
      windowNumber: '13',
      kind: '事假',
      fromDate: '2026-03-02',
      toDate: '2026-03-02',
      workdays: 1,
      reason: '下午办理私事',
      status: 'approved',
      approverRole: 'window_lead',
      approverUserid: 'lisi',
      approvalNo: null,
      makeUpDue: null,
      cover: null,
      softReasons: null,
      peaks: null,
      paperApproval: false,
      paperRecordedBy: null,
      decidedAt: new Date(at('09:00')),
      returnedAt: null,
      absentFlaggedOn: null,
      createdBy: 'zhangsan',
      createdAt: new Date(at('08:40')),
    });
    await t.say('zhangsan', '暂离');
    await t.runJob('presence-timers', at('15:16'));
    expect(await office('超时离岗')).toEqual([
      '⚠️ 超时离岗（rule ATT-03）：张三 GA 13号窗 15:00 起暂离，已超过15分钟未回岗（ZL2026-0001）。当日有已批准的事假（QJ2026-0001），不按擅自离岗处理。',
    ]);
  });
});
