import { afterEach, describe, expect, it } from 'vitest';
import { Attachment } from '../../entities/attachment';
import { DeviceTask } from '../../entities/device-task';
import { startTestBot, type TestBot } from '../helpers/bot';
import { approvedClosure, closure, spOf, staffOnTrip, win, stateAt } from '../helpers/windows';

// After approval (WIN-06…WIN-11): end reminders and 到岗, 收回 after more than a month (via `job run --at`
// filing-watch), reopening a reclaimed window ≥ 5 WD ahead, early end, 恢复上岗 on a surge.
// 张三 files his 出差 first: that QJ is the closure's WIN-03 ground (D212).

let t: TestBot;
afterEach(async () => t?.close());

describe('closure lifecycle', () => {
  it('WIN-07 1 WD before the end the 首席代表 is reminded; on the end date 大厅管理室 is asked to confirm 到岗; re-runs send nothing twice', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    await staffOnTrip(t, ['13'], '3月5日', '3月6日');
    const gb = await approvedClosure(t, 'wangwu', '13号窗 从=3月5日 到=3月6日 事由=张三参加市局业务培训');
    await t.runJob('filing-watch', '2026-03-04T09:00:00+08:00');
    expect(t.lastTextTo('wangwu')).not.toContain('到岗到位');
    await t.runJob('filing-watch', '2026-03-05T09:00:00+08:00');
    expect(t.lastTextTo('wangwu')).toBe(
      `⏰ ${gb} 13号窗临时关闭至 2026-03-06，请安排工作人员于 2026-03-09 到岗到位（rule WIN-07）。`,
    );
    await t.runJob('filing-watch', '2026-03-06T09:00:00+08:00');
    const office = await t.groupTexts('G-OFFICE');
    expect(office.at(-1)).toBe(`⏰ ${gb} 13号窗临时关闭今日（2026-03-06）到期，人员到岗后请确认：窗口 到岗 ${gb}`);
    await t.runJob('filing-watch', '2026-03-06T09:00:00+08:00', { force: true });
    expect(await t.groupTexts('G-OFFICE')).toHaveLength(office.length);
    await t.say('wangwu', `窗口 到岗 ${gb}`);
    expect(t.lastTextTo('wangwu')).toBe('你没有权限使用“窗口 到岗”（需要：大厅管理室）。');
    t.setNow('2026-03-09T08:40:00+08:00');
    await t.say('zhao', `窗口 到岗 ${gb}`);
    expect(t.lastTextTo('zhao')).toBe('✅ 13号窗恢复在用，RW2026-0002 调屏/评价器/叫号机');
    expect(await win(t, '13')).toMatchObject({ status: '在用', statusUntil: null });
    expect((await closure(t, gb)).restoredOn).toBe('2026-03-09');
  });

  it('WIN-08 §19 #14 → WIN-09: closed since 2025-03-10 — no card on 04-10, card on 04-11; 收回 makes it 备用; reopening needs ≥ 5 WD', async () => {
    t = await startTestBot({ now: '2025-03-07T10:00:00+08:00' });
    await staffOnTrip(t, ['13'], '2025-03-10', '2025-05-30');
    const gb = await approvedClosure(t, 'wangwu', '13号窗 从=2025-03-10 到=2025-05-30 事由=张三借调市局');
    expect(await stateAt(t, '13', '2025-05-30')).toBe('临时关闭');
    await t.runJob('filing-watch', '2025-04-10T09:00:00+08:00');
    expect(t.cardsTo('zhao').filter((c) => JSON.stringify(c.card).includes('reclaim:'))).toHaveLength(0);
    await t.runJob('filing-watch', '2025-04-11T09:00:00+08:00');
    const card = t.cardsTo('zhao').at(-1)!.card as { main_title: { title: string }; button_list: { key: string }[] };
    expect(card.main_title.title).toBe('13号窗已关闭超过1个月，是否收回？');
    expect(card.button_list.map((b) => b.key)).toEqual([`reclaim:${gb}`, `keep:${gb}`]);
    expect(t.cardsTo('zhao').at(-1)?.taskId).toBeTruthy();
    expect(t.cardsTo('qian').at(-1)?.taskId).toBe(t.cardsTo('zhao').at(-1)?.taskId);
    await t.runJob('filing-watch', '2025-04-14T09:00:00+08:00');
    expect(t.cardsTo('zhao').filter((c) => JSON.stringify(c.card).includes('reclaim:'))).toHaveLength(1); // once per closure

    await t.click('qian', `reclaim:${gb}`);
    expect(t.lastTextTo('qian')).toBe(`✅ 13号窗已收回为备用窗口（${gb}，RW2025-0002）`);
    expect(await win(t, '13')).toMatchObject({ status: '备用', statusUntil: null });
    expect((await closure(t, gb)).status).toBe('reclaimed');
    expect(t.lastTextTo('wangwu')).toContain('已收回为备用窗口');

    // WIN-09: the department wants it back — ≥ 5 WD ahead (Mon 04-14 → earliest Mon 04-21).
    await t.say('wangwu', '窗口 重启 13 日期=2025-04-18 事由=张三借调结束返岗');
    expect(t.lastTextTo('wangwu')).toBe(
      '❌ 不符合规定（rule WIN-09；000 调整管理 二(二)3）：重启须至少提前5个工作日申请，最早重启日期 2025-04-21。',
    );
    await t.say('wangwu', '窗口 重启 13 日期=2025-04-21 事由=张三借调结束返岗');
    expect(t.lastTextTo('wangwu')).toBe('✅ GB2025-GA-002 已提交，送大厅管理室审核（13号窗 2025-04-21 重启）');
    const sp = await spOf(t, 'GB2025-GA-002');
    await t.click('zhao', `approve:${sp}`);
    await t.click('chen', `approve:${sp}`);
    expect((await win(t, '13')).status).toBe('备用'); // D38: in use from 04-21, when filing-watch moves the registry
    expect(await stateAt(t, '13', '2025-04-21')).toBe('在用');
    await t.runJob('filing-watch', '2025-04-21T09:00:00+08:00');
    expect((await win(t, '13')).status).toBe('在用');
    expect((await closure(t, 'GB2025-GA-002')).status).toBe('ended');
    expect(t.textsTo('wangwu')).toContain('✅ GB2025-GA-002 已批准：13号窗 自 4/21 起重启');
  });

  it('WIN-08 `keep:` leaves the closure; `窗口 收回` before a month has passed is refused with the first allowed day', async () => {
    t = await startTestBot({ now: '2025-03-07T10:00:00+08:00' });
    await staffOnTrip(t, ['13'], '2025-03-10', '2025-05-30');
    const gb = await approvedClosure(t, 'wangwu', '13号窗 从=2025-03-10 到=2025-05-30 事由=张三借调市局');
    t.setNow('2025-04-10T10:00:00+08:00');
    await t.say('zhao', '窗口 收回 13号窗');
    expect(t.lastTextTo('zhao')).toBe(
      '❌ 不符合规定（rule WIN-08；000 调整管理 二(二)3）：13号窗自 2025-03-10 起连续临时关闭，未超过1个月，2025-04-11 起方可收回。',
    );
    await t.runJob('filing-watch', '2025-04-11T09:00:00+08:00');
    await t.click('zhao', `keep:${gb}`);
    expect(t.lastTextTo('zhao')).toBe(`✅ ${gb} 暂不收回，13号窗继续临时关闭至 2025-05-30`);
    expect((await closure(t, gb)).reclaimDecision).toBe('保留');
    expect(await stateAt(t, '13', '2025-04-11')).toBe('临时关闭');
  });

  it('WIN-07 (000 调整管理 二(二)3): ending an ordinary closure early needs no notice — the end moves and 大厅管理室 confirms 到岗', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    await staffOnTrip(t, ['13'], '3月5日', '3月13日');
    const gb = await approvedClosure(t, 'wangwu', '13号窗 从=3月5日 到=3月13日 事由=张三参加市局业务培训');
    t.setNow('2026-03-06T10:00:00+08:00');
    await t.say('wangwu', '窗口 重启 13 日期=3月9日');
    expect(t.lastTextTo('wangwu')).toBe(`✅ ${gb} 13号窗 将于 3/9 恢复在用，已通知大厅管理室确认到岗`);
    expect((await closure(t, gb)).toDate).toBe('2026-03-08');
    expect([await stateAt(t, '13', '2026-03-08'), await stateAt(t, '13', '2026-03-09')]).toEqual(['临时关闭', '在用']);
    expect((await t.groupTexts('G-OFFICE')).at(-1)).toBe(
      `${gb}：13号窗 提前于 3/9 恢复，届时请确认到岗：窗口 到岗 ${gb}`,
    );
  });

  it('WIN-11 恢复上岗: the 首席代表 acknowledges on the card, the window is back in use, the plan is uploaded (reminded if not)', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    await staffOnTrip(t, ['13'], '3月5日', '3月13日');
    const gb = await approvedClosure(t, 'wangwu', '13号窗 从=3月5日 到=3月13日 事由=张三参加市局业务培训');
    t.setNow('2026-03-09T10:00:00+08:00');
    await t.say('zhao', `窗口 恢复上岗 ${gb} 说明=户籍业务排队超过30人`);
    expect(t.lastTextTo('zhao')).toBe('✅ 已要求 GA 立即恢复13号窗并上传预案');
    await t.click('wangwu', `ack_resume:${gb}`);
    expect(t.lastTextTo('wangwu')).toBe('✅ 13号窗已恢复上岗。请在10分钟内发送工作预案（照片或文件），rule WIN-11。');
    expect(await win(t, '13')).toMatchObject({ status: '在用', statusUntil: null });
    expect((await closure(t, gb)).status).toBe('ended');
    await t.runJob('filing-watch', '2026-03-10T09:00:00+08:00');
    expect(t.lastTextTo('wangwu')).toBe(
      `⏰ ${gb} 恢复上岗后尚未上传工作预案（rule WIN-11）：请发送“窗口 预案 ${gb}”后发送文件。`,
    );
    await t.say('wangwu', `窗口 预案 ${gb}`);
    await t.post({ type: 'image', from: 'wangwu', mediaId: 'PLAN1' } as never);
    expect(await t.bot.deps.db.manager.count(Attachment, { where: { ownerId: gb, purpose: '工作预案' } })).toBe(1);
    expect(await t.bot.deps.db.manager.count(DeviceTask, { where: { subjectId: gb } })).toBe(2);
  });
});
