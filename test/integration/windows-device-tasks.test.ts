import { afterEach, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../helpers/bot';
import { approvedClosure } from '../helpers/windows';

// DIR-04 / WIN-06 (D38): an approved closure's RW 电子信息 task is due on the closure's first day; device-tasks-due
// tells 大厅管理室 at 08:00 that day, then each WD while it stays open, and never twice for one day.

let t: TestBot;
afterEach(async () => t?.close());

const at = (day: string) => `${day}T08:00:00+08:00`;
const CLOSURE = '13号窗 从=3月20日 到=3月23日 事由=张三参加市局业务培训 理由=培训期间本部门无人顶岗';

describe('device-tasks-due (DIR-04, WIN-06)', () => {
  it('DIR-04 WIN-06 an RW task is announced on its day, then as overdue each WD until 任务 完成, once per day', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    await approvedClosure(t, 'wangwu', CLOSURE);
    const office = async () => (await t.groupTexts('G-OFFICE')).filter((x) => x.startsWith('⏰ 设备任务'));

    expect(await t.runJob('device-tasks-due', at('2026-03-19'))).toMatchObject({ status: 'ok', counts: { due: 0 } });
    expect(await office()).toEqual([]);

    await t.runJob('device-tasks-due', at('2026-03-20'));
    expect(await office()).toEqual([
      '⏰ 设备任务（rule DIR-04，3月20日）\n今日办理：\nRW2026-0001 调屏/评价器/叫号机（13号窗 临时关闭，3/20 办理）\n办完后发送：任务 完成 <RW号>',
    ]);
    // A forced re-run of the same day sends nothing twice (claimed per task and day).
    await t.runJob('device-tasks-due', at('2026-03-20'), { force: true });
    expect(await office()).toHaveLength(1);

    // Saturday 3/21 is not a WD; Monday 3/23 is the first WD after: overdue by one WD.
    expect((await t.runJob('device-tasks-due', at('2026-03-21'))).status).toBe('non-workday');
    await t.runJob('device-tasks-due', at('2026-03-23'));
    expect((await office())[1]).toContain(
      '已逾期：\nRW2026-0001 调屏/评价器/叫号机（13号窗 临时关闭，3/20 办理），已逾期1个工作日',
    );

    t.setNow('2026-03-23T10:00:00+08:00');
    await t.say('zhao', '任务 完成 RW2026-0001');
    await t.runJob('device-tasks-due', at('2026-03-24'));
    expect(await office()).toHaveLength(2);
  });
});
