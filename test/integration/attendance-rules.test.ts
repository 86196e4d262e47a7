import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PeakPlan } from '../../entities/peak-plan';
import { ServiceExtension } from '../../entities/service-extension';
import { AuditLog } from '../../entities/audit-log';
import { type TestBot, startTestBot } from '../helpers/bot';
import { exportCsv, leave, sendImport } from './attendance-helpers';

// ATT-01 per WD (000 窗口工作 五(四)), OPEN #33, SUS-05 延时服务 log; rules §19 #22 and #23, through a real
// import of a 考勤系统 CSV, the 08:45 job and `考勤 查询`.

let t: TestBot;
beforeEach(async () => {
  t = await startTestBot({ now: '2026-03-03T08:00:00+08:00' });
});
afterEach(async () => t.close());

const query = async (who: string, text: string) => {
  await t.say(who, text);
  return t.lastTextTo(who);
};

describe('ATT-01 sign-in and sign-out (§19 #22, #23)', () => {
  it('ATT-01 §19 #22 sign-in 06:55 / 08:30 / 08:31 → invalid (请于07:00后签到) / on time / 迟到 1 min', async () => {
    await sendImport(
      t,
      exportCsv('2026-03-02', { zhangsan: ['06:55', '17:40'], lisi: ['08:30', '17:40'], wujing: ['08:31', '17:40'] }),
    );
    expect(await query('zhao', '考勤 查询 @张三 3月2日')).toBe(
      '张三 3/2 签到 06:55 签退 17:40 ❗签到无效（06:55，请于07:00后签到）',
    );
    expect(await query('lisi', '考勤 查询 3月2日')).toBe('李四 3/2 签到 08:30 签退 17:40 ✅');
    expect(await query('wujing', '考勤 查询 3月2日')).toBe('吴静 3/2 签到 08:31 签退 17:40 ❗迟到1分钟');
    expect(await query('wangwu', '考勤 查询 人=吴静 日期=3月2日')).toContain('只能查看本人或本部门'); // 吴静 is SB
    expect(await query('huangyan', '考勤 查询 人=吴静 日期=3月2日')).toContain('❗迟到1分钟');
  });

  it('ATT-01 §19 #23 sign-out 17:29 / 17:30 / 19:31 without 延时 log → 早退 1 min / ok / invalid', async () => {
    await sendImport(
      t,
      exportCsv('2026-03-02', { zhouping: ['08:10', '17:29'], xuli: ['08:10', '17:30'], hulei: ['08:10', '19:31'] }),
    );
    expect(await query('zhouping', '考勤 查询 3月2日')).toContain('❗早退1分钟');
    expect(await query('xuli', '考勤 查询 3月2日')).toBe('徐丽 3/2 签到 08:10 签退 17:30 ✅');
    expect(await query('hulei', '考勤 查询 3月2日')).toBe(
      '胡磊 3/2 签到 08:10 签退 19:31 ❗签退无效（19:31，晚于19:30且无延时服务登记）',
    );
  });

  it('ATT-01 §19 #23 SUS-05 with a 延时 log: 19:31 is valid once the window registers 延时服务 (even after the import)', async () => {
    await sendImport(t, exportCsv('2026-03-02', { hulei: ['08:10', '19:31'], hejun: ['08:10', '19:55'] }));
    // 胡磊 is at 8号窗 (SB): his own window's log, registered the next morning.
    expect(await query('hulei', '延时 登记 窗口=8 结束=19:20 人数=6 日期=3月2日')).toBe(
      '✅ 3/2 8号窗延时至19:20，办理6人\n晚于19:30的签退据此有效：胡磊 19:31',
    );
    expect(await query('hulei', '考勤 查询 3月2日')).toBe('胡磊 3/2 签到 08:10 签退 19:31 ✅（延时服务）');
    // 何军 (10号窗) signed out 19:55; a log ending 19:10 covers only up to 19:40 (grace 30 min, OPEN #33).
    await query('hejun', '延时 登记 窗口=10 结束=19:10 人数=3 日期=3月2日');
    expect(await query('hejun', '考勤 查询 3月2日')).toContain('❗签退无效（19:55');
    const log = await t.bot.deps.db.manager.findOneByOrFail(ServiceExtension, { windowNumber: '8' });
    expect(log).toMatchObject({ date: '2026-03-02', endTime: '19:20', served: 6, departmentCode: 'SB' });
  });

  it('ATT-05 approved leave is no anomaly; a pending one excuses nothing', async () => {
    await leave(t, 'songtao', '2026-03-02', '2026-03-03');
    await leave(t, 'caojie', '2026-03-02', '2026-03-02', 'pending');
    await sendImport(t, exportCsv('2026-03-02', { songtao: null, caojie: null, dengchao: null }));
    expect(await query('songtao', '考勤 查询 3月2日')).toBe('宋涛 3/2 请假（QJ2026-0140 事假）');
    expect(await query('caojie', '考勤 查询 3月2日')).toBe('曹杰 3/2 签到 — 签退 — ❗未签到，未签退');
    expect(await query('dengchao', '考勤 查询 3月2日')).toContain('❗未签到');
  });
});

describe('SUS-05 延时 登记', () => {
  it('SUS-05 staff register only their own window, after closing; a second entry corrects (audited)', async () => {
    expect(await query('lisi', '延时 登记 窗口=8 结束=18:40 人数=12')).toContain('只能登记本窗口的延时服务');
    expect(await query('lisi', '延时 登记 窗口=12 结束=17:10 人数=12')).toContain('结束时刻应晚于17:30');
    expect(await query('lisi', '延时 登记 窗口=12 结束=25:61 人数=12')).toContain('“结束=25:61”无效');
    expect(await query('lisi', '延时 登记 窗口=12 结束=18:40 人数=0')).toContain('至少1人');
    expect(await query('lisi', '延时 登记 窗口=12 结束=18:40 人数=12 日期=明天')).toContain('不能晚于今天');
    expect(await query('lisi', '延时 登记 窗口=12 结束=18:40 人数=12')).toBe('✅ 12号窗延时至18:40，办理12人');
    expect(await query('wangwu', '延时 登记 窗口=12号窗 结束=18:50 人数=13')).toBe(
      '✅ 12号窗延时至18:50，办理13人（已更正）',
    );
    const m = t.bot.deps.db.manager;
    expect(await m.count(ServiceExtension)).toBe(1);
    const audit = await m.findOneByOrFail(AuditLog, { action: 'extension.correct' });
    expect(audit.detail).toMatchObject({
      old: { endTime: '18:40', served: 12 },
      new: { endTime: '18:50', served: 13 },
    });
  });

  it('SUS-05 a GF number must be the window department’s approved peak covering the day', async () => {
    expect(await query('lisi', '延时 登记 GF2026-GA-001 窗口=12 结束=18:40 人数=12')).toContain(
      '没有找到 GF2026-GA-001',
    );
    const m = t.bot.deps.db.manager;
    await m.save(
      m.create(PeakPlan, {
        no: 'GF2026-GA-001',
        departmentCode: 'GA',
        fromDate: '2026-03-02',
        toDate: '2026-03-03',
        reasonType: '政策',
        reportedToParent: true,
        status: 'approved',
        createdBy: 'wangwu',
        createdAt: new Date('2026-02-20T09:00:00+08:00'),
      }),
    );
    expect(await query('lisi', '延时 登记 GF1 窗口=12 结束=18:40 人数=30')).toBe(
      '✅ 12号窗延时至18:40，办理30人（GF2026-GA-001）',
    );
    expect(await query('wujing', '延时 登记 GF2026-GA-001 窗口=5 结束=18:40 人数=3')).toContain(
      '不是5号窗所属部门的高峰预案',
    );
    expect(await query('lisi', '延时 登记 GF1 窗口=12 结束=18:40 人数=3 日期=3月1日')).toContain(
      '高峰期为 3/2–3/3，不含 3/1',
    );
  });
});
