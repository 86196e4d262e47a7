import { afterEach, describe, expect, it } from 'vitest';
import { ServiceCase } from '../../entities/case';
import { Deadline } from '../../entities/deadline';
import { type TestBot, startTestBot, textsDuring } from '../helpers/bot';
import { addItem, receive } from './cases-helpers';

// The CAS-07/08/12 worked examples end to end through chat — 办件 收件 → 补正/补齐/中止/恢复 → 受理 — and the
// CAS-18 reminder job run at set instants, so the due date the commands compute is the one the reminders use.
// 5-WD item 户籍迁入 (GA-001), 承办 李四 (lisi); March 2025 has no holiday between 03-10 and 03-21.

let t: TestBot;
afterEach(async () => {
  await t.close();
});
const db = () => t.bot.deps.db.manager;
const clock = (no: string) => db().findOneByOrFail(Deadline, { subjectType: 'case', subjectId: no, kind: 'case:办结' });
const aCase = (no: string) => db().findOneByOrFail(ServiceCase, { no });
const remind = (day: string, time = '09:00') => t.runJob('case-reminders', `2025-03-${day}T${time}:00+08:00`);
const said = (who: string, needle: string) => t.textsTo(who).filter((x) => x.includes(needle));
/** CAS-18 reminders (L1/L2/L3) naming the case, not the replies to the commands. */
const reminders = (who: string, no: string) => said(who, no).filter((x) => /（L[123]）/.test(x));

async function start(now: string) {
  t = await startTestBot({ now });
  await addItem(t);
}

describe('CAS worked examples through chat', () => {
  it('CAS-08 补正 restart: 补齐 Wed 2025-03-12 on a 5-WD item → due Wed 03-19; reminders follow that date', async () => {
    await start('2025-03-10T10:00:00+08:00');
    const no = await receive(t, '事项=户籍迁入 申请人=张某');
    await t.say('lisi', `办件 补正 ${no} 材料=户口簿原件`);
    expect(t.lastTextTo('lisi')).toContain(`✅ ${no} 一次性告知书已生成（1项）`);
    // The clock does not run while material is missing: no reminder of this case on 03-11.
    await remind('11');
    expect(reminders('lisi', no)).toHaveLength(0);
    t.setNow('2025-03-12T11:00:00+08:00');
    await t.say('lisi', `办件 补齐 ${no}`);
    expect(t.lastTextTo('lisi')).toContain('材料已补齐（2025-03-12）');
    await t.say('lisi', `办件 受理 ${no}`);
    expect(t.lastTextTo('lisi')).toContain(`✅ ${no} 已受理，到期 3/19`);
    expect((await clock(no)).dueDate).toBe('2025-03-19');
    expect((await aCase(no)).clockStart).toBe('2025-03-12');
    for (const d of ['13', '14', '17', '18', '19', '20']) {
      await remind(d);
      await remind(d, '09:05');
    }
    expect(said('lisi', `${no}（户籍迁入）将于 3月19日 到期（L2）`)).toHaveLength(1);
    expect(said('lisi', `${no}（户籍迁入）今日到期（L2）`)).toHaveLength(1);
    expect(said('liu', `${no} GA 户籍迁入 超期1个工作日（到期 3月19日）`)).toHaveLength(1);
  });

  it('CAS-12 pause: 受理 Mon 03-10 (5 WD), 现场踏勘 Wed 03-12 to Thu 03-13 → due Wed 03-19, not 03-17', async () => {
    await start('2025-03-10T10:00:00+08:00');
    const no = await receive(t, '事项=户籍迁入 申请人=张某');
    await t.say('lisi', `办件 受理 ${no}`);
    expect(t.lastTextTo('lisi')).toContain('已受理，到期 3/17');
    t.setNow('2025-03-12T09:30:00+08:00');
    await t.say('lisi', `办件 中止 ${no} 原因=现场踏勘 已告知=是`);
    expect(t.lastTextTo('lisi')).toContain(`✅ ${no} 中止（现场踏勘），已告知申请人`);
    // A paused clock reminds nobody.
    await remind('13');
    expect(reminders('lisi', no)).toHaveLength(0);
    t.setNow('2025-03-13T16:00:00+08:00');
    await t.say('lisi', `办件 恢复 ${no}`);
    expect(t.lastTextTo('lisi')).toContain('已恢复计时，到期 3/19');
    expect((await clock(no)).dueDate).toBe('2025-03-19');
    for (const d of ['14', '17', '18', '19']) await remind(d);
    // Nothing on the old L2 day (Fri 03-14) nor the old due day (Mon 03-17).
    expect(said('lisi', '3月17日')).toHaveLength(0);
    expect(said('lisi', `${no}（户籍迁入）将于 3月19日 到期（L2）`)).toHaveLength(1);
    expect(said('lisi', `${no}（户籍迁入）今日到期（L2）`)).toHaveLength(1);
  });

  it('CAS-12 pause reason "等待领导签字" is refused; the clock runs on and reminds on the original dates', async () => {
    await start('2025-03-10T10:00:00+08:00');
    const no = await receive(t, '事项=户籍迁入 申请人=张某');
    await t.say('lisi', `办件 受理 ${no}`);
    t.setNow('2025-03-12T10:00:00+08:00');
    await t.say('lisi', `办件 中止 ${no} 原因=等待领导签字 已告知=是`);
    expect(t.lastTextTo('lisi')).toMatch(/^❌ 不符合规定（rule CAS-12；002 运行规范 第十一条4）/);
    expect(t.lastTextTo('lisi')).toContain('收到“等待领导签字”');
    expect(await aCase(no)).toMatchObject({ status: '已受理', dueDate: '2025-03-17' });
    expect(await clock(no)).toMatchObject({ status: 'open', dueDate: '2025-03-17' });
    await remind('14');
    expect(said('lisi', `${no}（户籍迁入）将于 3月17日 到期（L2）`)).toHaveLength(1);
    // 恢复 of a clock never paused is refused too, and moves nothing.
    await t.say('lisi', `办件 恢复 ${no}`);
    expect(t.lastTextTo('lisi')).toBe(`${no} 当前状态为“已受理”，不能恢复（未中止）。`);
    expect((await clock(no)).dueDate).toBe('2025-03-17');
  });

  it('CAS-07 a second 补正 naming material not in the first notice is refused; the clock stays stopped', async () => {
    await start('2025-03-10T10:00:00+08:00');
    const no = await receive(t, '事项=户籍迁入 申请人=张某');
    await t.say('lisi', `办件 补正 ${no} 材料=户口簿原件,婚姻证明`);
    t.setNow('2025-03-11T10:00:00+08:00');
    await t.say('lisi', `办件 补正 ${no} 材料=出生证明`);
    expect(t.lastTextTo('lisi')).toBe(
      '❌ 不符合规定（rule CAS-07；000 一次性告知 第八条）：一次性告知后不得再要求补充新材料：出生证明 不在已告知且未补齐的材料中（未补齐：户口簿原件、婚姻证明）。',
    );
    expect((await aCase(no)).supplements).toHaveLength(1);
    // Still missing the first notice's items: 受理 is refused and no clock exists.
    await t.say('lisi', `办件 受理 ${no}`);
    expect(t.lastTextTo('lisi')).toContain('尚有补正材料未补齐：户口簿原件、婚姻证明');
    expect(await db().countBy(Deadline, { subjectId: no })).toBe(0);
    // 补齐 Wed 03-12 → the CAS-08 vector date again: due Wed 03-19.
    t.setNow('2025-03-12T10:00:00+08:00');
    await t.say('lisi', `办件 补齐 ${no}`);
    await t.say('lisi', `办件 受理 ${no}`);
    expect(t.lastTextTo('lisi')).toContain('已受理，到期 3/19');
  });

  it('CAS-18 三级提醒 on a case received and accepted in chat Mon 03-10 (10 WD): L1 03-18, L2 03-21 and 03-24, L3 from 03-25', async () => {
    t = await startTestBot({ now: '2025-03-10T10:00:00+08:00' });
    await addItem(t, { promisedLimitWd: 10 });
    const no = await receive(t, '事项=户籍迁入 申请人=张某');
    await t.say('lisi', `办件 受理 ${no}`);
    expect(t.lastTextTo('lisi')).toContain('已受理，到期 3/24');
    const days = ['11', '12', '13', '14', '17', '18', '19', '20', '21', '24', '25', '26'];
    const on: Record<string, string[]> = {};
    for (const d of days) {
      on[d] = await textsDuring(t, ['lisi', 'wangwu', 'liu'], async () => {
        await remind(d);
      });
    }
    const when = (re: RegExp) => days.filter((d) => on[d].some((x) => re.test(x)));
    expect(when(new RegExp(`^lisi:⏰ 办件 ${no}（户籍迁入）承诺时限已过半（L1）`))).toEqual(['18']);
    expect(when(new RegExp(`^lisi:⏰ 办件 ${no}（户籍迁入）将于 3月24日 到期（L2）`))).toEqual(['21']);
    expect(when(new RegExp(`^wangwu:⏰ 办件 ${no}（户籍迁入）将于 3月24日 到期（L2）`))).toEqual(['21']);
    expect(when(new RegExp(`^(lisi|wangwu):.*${no}（户籍迁入）今日到期（L2）`))).toEqual(['24']);
    expect(when(new RegExp(`^liu:🔴 办件超期（L3）[\\s\\S]*${no} GA 户籍迁入`))).toEqual(['25', '26']);
  });
});
