import { afterEach, describe, expect, it } from 'vitest';
import { Appointment } from '../../entities/appointment';
import { type TestBot, startTestBot } from '../helpers/bot';

// 预约 登记 (CAS-17; 000 窗口工作 四(四); 002 运行规范 第七条). Mon 2026-03-02; Sat 03-07; Sun 03-08; 5/1 劳动节.

let t: TestBot;
afterEach(async () => {
  await t.close();
});

const db = () => t.bot.deps.db.manager;
const office = async () => (await t.groupTexts('G-OFFICE')).filter((x) => x.includes('预约'));

describe('CAS-17 预约 周一至周六上午', () => {
  it('CAS-17 a Saturday morning is booked without agreement; an afternoon is refused (HARD)', async () => {
    t = await startTestBot({ now: '2026-03-02T10:00:00+08:00' });
    await t.say('lisi', '预约 登记 日期=3月7日 时间=9:30 事项=户籍迁入 申请人=王某某');
    expect(t.lastTextTo('lisi')).toBe('✅ 3/7（周六）09:30 预约已登记（#1｜GA）');
    await t.say('lisi', '预约 登记 日期=3月4日 时间=14:00 事项=户籍迁入 申请人=王某某');
    expect(t.lastTextTo('lisi')).toBe(
      '❌ 不符合规定（rule CAS-17；002 运行规范 第七条）：预约服务为周一至周六上午（12:00 前），14:00 不在预约时段。',
    );
    expect(await db().count(Appointment)).toBe(1);
    expect(await office()).toHaveLength(0);
  });

  it('CAS-17 Sunday and a holiday need 公休日=是 (by agreement); then 大厅管理室 is told', async () => {
    t = await startTestBot({ now: '2026-03-02T10:00:00+08:00' });
    await t.say('lisi', '预约 登记 日期=3月8日 时间=10:00 事项=户籍迁入 申请人=王某某');
    expect(t.lastTextTo('lisi')).toContain('❌ 不符合规定（rule CAS-17；000 窗口工作 四(四)）：3/8（周日）是公休日');
    await t.say('lisi', '预约 登记 日期=2026-05-01 时间=10:00 事项=户籍迁入 申请人=王某某');
    expect(t.lastTextTo('lisi')).toContain('5/1（周五，劳动节）是公休日');
    await t.say('lisi', '预约 登记 日期=3月8日 时间=10:00 事项=户籍迁入 申请人=王某某 公休日=是 说明=出国务工急需');
    expect(t.lastTextTo('lisi')).toBe('✅ 3/8（周日）10:00 预约已登记（#1｜GA｜公休日约定）');
    expect(await office()).toEqual([
      '📅 预约 #1 3/8（周日）10:00｜户籍迁入｜GA｜公休日约定办理｜请安排开门与值守｜登记人 李四',
    ]);
  });

  it('CAS-17 several departments → 大厅管理室 coordinates; list masks the applicant for staff', async () => {
    t = await startTestBot({ now: '2026-03-02T10:00:00+08:00' });
    await t.say('hexin', '预约 登记 日期=3月3日 时间=9:00 事项=企业开办 申请人=王某某 部门=SW,SB');
    expect(t.lastTextTo('hexin')).toBe(
      '✅ 3/3（周二）09:00 预约已登记（#1｜SW、SB）\n涉及多个部门，已通知大厅管理室协调统筹安排（rule CAS-17）。',
    );
    expect((await office())[0]).toContain('涉及多个部门，请大厅管理室协调统筹安排（rule CAS-17）');
    expect(await db().findOneByOrFail(Appointment, { id: 1 })).toMatchObject({
      coordinator: '大厅管理室',
      departments: 'SW,SB',
    });
    await t.say('caojie', '预约 列表');
    expect(t.lastTextTo('caojie')).toContain('#1 3/3（周二）09:00｜企业开办｜王*｜SW、SB｜大厅管理室协调');
    await t.say('zhao', '预约 列表');
    expect(t.lastTextTo('zhao')).toContain('｜王某某｜');
    await t.say('lisi', '预约 列表');
    expect(t.lastTextTo('lisi')).toContain('（无预约）');
    await t.say('hexin', '预约 登记 日期=3月1日 时间=9:00 事项=企业开办 申请人=王某某');
    expect(t.lastTextTo('hexin')).toContain('已过');
  });

  it('CAS-17 08:00 digest: the Saturday appointments reach the department groups and 大厅管理室 on the day, once', async () => {
    t = await startTestBot({ now: '2026-03-02T10:00:00+08:00' });
    await t.say('lisi', '预约 登记 日期=3月7日 时间=9:30 事项=户籍迁入 申请人=王某某');
    await t.say('hexin', '预约 登记 日期=3月7日 时间=10:00 事项=企业开办 申请人=李某 部门=SW,SB');
    await t.runJob('appointment-digest', '2026-03-06T08:00:00+08:00');
    expect((await t.groupTexts('G-DEPT-SB')).filter((x) => x.includes('今日预约'))).toHaveLength(0);
    await t.runJob('appointment-digest', '2026-03-07T08:00:00+08:00');
    await t.runJob('appointment-digest', '2026-03-07T08:00:00+08:00', { force: true });
    expect((await t.groupTexts('G-DEPT-GA')).filter((x) => x.includes('今日预约'))).toEqual([
      '📅 今日预约 1 件（rule CAS-17），请按时接待：\n09:30 户籍迁入｜王*｜#1',
    ]);
    expect((await t.groupTexts('G-DEPT-SB')).filter((x) => x.includes('10:00 企业开办｜李*｜#2'))).toHaveLength(1);
    expect((await t.groupTexts('G-DEPT-SW')).filter((x) => x.includes('10:00 企业开办｜李*｜#2'))).toHaveLength(1);
    expect((await office()).filter((x) => x.includes('今日需协调的预约 1 件'))).toHaveLength(1);
  });
});
