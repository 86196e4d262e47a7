import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ServiceCase } from '../../entities/case';
import { Deadline } from '../../entities/deadline';
import { SequenceRow } from '../../entities/sequence';
import { type TestBot, startTestBot } from '../helpers/bot';
import { addItem, receive } from './cases-helpers';

// Every HARD refusal of the 办件 lifecycle (§0.3 pattern: rule ID, seed cite, what is valid); nothing changes.

let t: TestBot;
beforeEach(async () => {
  t = await startTestBot({ now: '2026-03-02T10:00:00+08:00' });
  await addItem(t);
});
afterEach(async () => {
  await t.close();
});
const db = () => t.bot.deps.db.manager;
const aCase = (no: string) => db().findOneOrFail(ServiceCase, { where: { no } });

async function accepted(extra = ''): Promise<string> {
  const no = await receive(t, `事项=户籍迁入 申请人=张某 ${extra}`);
  await t.say('lisi', `办件 受理 ${no}`);
  return no;
}

describe('HARD refusals', () => {
  it('ITM-05 an item without 承诺时限 cannot be received; nothing is stored, no number used', async () => {
    await addItem(t, { code: 'GA-009', name: '户籍迁出', promisedLimitWd: null });
    await t.say('lisi', '办件 收件 事项=户籍迁出 申请人=张某');
    expect(t.lastTextTo('lisi')).toMatch(
      /^❌ 不符合规定（rule ITM-05；000 一次性告知 第三条\(三\)；限时办结 第三条）：事项“户籍迁出”尚未设置承诺时限/,
    );
    expect(await db().count(ServiceCase)).toBe(0);
    expect(await db().count(SequenceRow, { where: { name: 'AJ-2026' } })).toBe(0);
  });

  it('CAS-07 a second 补正 may only re-list unmet items of the first notice', async () => {
    const no = await receive(t, '事项=户籍迁入 申请人=张某');
    await t.say('lisi', `办件 补正 ${no} 材料=户口簿原件,婚姻证明`);
    await t.say('lisi', `办件 补齐 ${no} 材料=户口簿原件`);
    await t.say('lisi', `办件 补正 ${no} 材料=婚姻证明,出生证明`);
    expect(t.lastTextTo('lisi')).toBe(
      '❌ 不符合规定（rule CAS-07；000 一次性告知 第八条）：一次性告知后不得再要求补充新材料：出生证明 不在已告知且未补齐的材料中（未补齐：婚姻证明）。',
    );
    await t.say('lisi', `办件 补正 ${no} 材料=户口簿原件`);
    expect(t.lastTextTo('lisi')).toContain('rule CAS-07');
    expect((await aCase(no)).supplements).toHaveLength(1);
    await t.say('lisi', `办件 补正 ${no} 材料=婚姻证明`);
    expect(t.lastTextTo('lisi')).toContain('一次性告知书已生成（1项）');
    expect((await aCase(no)).supplements).toHaveLength(2);
  });

  it('CAS-12 中止 only for the 4 reasons (OPEN #59) and only with the applicant told', async () => {
    const no = await accepted();
    await t.say('lisi', `办件 中止 ${no} 原因=等待领导签字 已告知=是`);
    expect(t.lastTextTo('lisi')).toBe(
      '❌ 不符合规定（rule CAS-12；002 运行规范 第十一条4）：仅现场踏勘/现场核查/技术审查/听证论证可中止时限（收到“等待领导签字”）。延期请用“办件 延期”，补正请用“办件 补正”。',
    );
    await t.say('lisi', `办件 中止 ${no} 原因=技术审查`);
    expect(t.lastTextTo('lisi')).toContain('rule CAS-12');
    expect(t.lastTextTo('lisi')).toContain('已告知=是');
    expect((await aCase(no)).status).toBe('已受理');
    expect((await db().findOneByOrFail(Deadline, { subjectId: no })).status).toBe('open');
  });

  it('CAS-10 延期 needs a reason; CAS-11 不予受理 needs reason and 法律依据; CAS-16 撤回 needs a reason', async () => {
    const no = await accepted();
    await t.say('lisi', `办件 延期 ${no} 新期限=3月20日`);
    expect(t.lastTextTo('lisi')).toMatch(/^❌ 不符合规定（rule CAS-10；000 限时办结 第七条）/);
    await t.say('lisi', `办件 撤回 ${no}`);
    expect(t.lastTextTo('lisi')).toMatch(/^❌ 不符合规定（rule CAS-16；002 运行规范 第十三条）/);
    const other = await receive(t, '事项=户籍迁入 申请人=李某');
    await t.say('lisi', `办件 不予受理 ${other} 原因=不属于本机关职权范围`);
    expect(t.lastTextTo('lisi')).toBe(
      '❌ 不符合规定（rule CAS-11；000 限时办结 第八条）：不予受理须出具《不予受理通知书》，写明法律依据：办件 不予受理 <AJ号> 原因=… 依据=…',
    );
    expect((await aCase(no)).extensions).toBe(0);
    expect((await aCase(no)).status).toBe('已受理');
    expect((await aCase(other)).status).toBe('收件');
    await t.say('lisi', `办件 不予受理 ${other} 原因=不属于本机关职权范围 依据=《行政许可法》第三十二条`);
    expect(t.lastTextTo('lisi')).toContain(`✅ ${other} 不予受理通知书已生成`);
    expect(await aCase(other)).toMatchObject({ status: '不予受理', refusalBasis: '《行政许可法》第三十二条' });
  });

  it('CAS-24 一次办 needs the 审核部门 confirmation before 受理; 异地通办 出件 needs the pickup place', async () => {
    const once = await receive(t, '事项=户籍迁入 申请人=张某 模式=一次办');
    await t.say('lisi', `办件 受理 ${once}`);
    expect(t.lastTextTo('lisi')).toBe(
      '❌ 不符合规定（rule CAS-24；002 运行规范 第十五条1、第十七条）：一次办件须经审核部门确认后方可受理，请补充 确认=@确认人。',
    );
    expect(await db().count(Deadline)).toBe(0);
    await t.say('lisi', `办件 受理 ${once} 确认=@王五`);
    expect(await aCase(once)).toMatchObject({ status: '已受理', confirmedBy: '王五' });

    const away = await accepted('模式=异地通办');
    expect(t.lastTextTo('lisi')).toContain('异地通办件须经属地部门确认');
    await t.say('lisi', `办件 受理 ${away} 确认=属地审核人`);
    await t.say('lisi', `办件 办结 ${away} 结果=准予`);
    await t.say('lisi', `办件 出件 ${away} 方式=专递`);
    expect(t.lastTextTo('lisi')).toMatch(/^❌ 不符合规定（rule CAS-24；002 运行规范 第二十六条）/);
    expect((await aCase(away)).status).toBe('办结');
    await t.say('lisi', `办件 出件 ${away} 方式=专递 取件地=属地`);
    expect(t.lastTextTo('lisi')).toContain('已出件（专递，属地领取）');
    expect(t.lastTextTo('lisi')).toContain(`专递 寄出 ${away}`);
  });

  it('a case of another department is not shown, and an event on it is refused as unknown', async () => {
    await addItem(t, { code: 'SB-001', name: '养老保险登记', departmentCode: 'SB', windowNumber: '5' });
    const sb = await receive(t, '事项=养老保险登记 申请人=赵某', 'wujing');
    await t.say('lisi', `办件 受理 ${sb}`);
    expect(t.lastTextTo('lisi')).toBe(`没有 ${sb}。发送“办件 列表”查看你的办件。`);
    expect((await aCase(sb)).status).toBe('收件');
  });
});
