import { afterEach, describe, expect, it } from 'vitest';
import { CaseEvent } from '../../entities/case-event';
import { ServiceCase } from '../../entities/case';
import { Deadline } from '../../entities/deadline';
import { DeviceTask } from '../../entities/device-task';
import { resolveSource } from '../../src/domain/accountability/sources';
import { caseDeadlineLedger } from '../../src/domain/cases/ledger';
import { type TestBot, startTestBot } from '../helpers/bot';
import { addItem, receive } from './cases-helpers';

// 办件 lifecycle through chat (CAS-01…24): the versioned clock of src/calendar/deadlines.ts, §19 vector
// "受理 Fri 2026-02-13, 5 WD → due 02-27", 补正/补齐, 中止/恢复, 延期, 并联, 办结 → 出件, 撤回, 查看/列表.

let t: TestBot;
afterEach(async () => {
  await t.close();
});
const db = () => t.bot.deps.db.manager;
const aCase = (no: string) => db().findOneOrFail(ServiceCase, { where: { no } });
const clock = async (no: string) =>
  db().findOneOrFail(Deadline, { where: { subjectType: 'case', subjectId: no, kind: 'case:办结' } });

async function start(now: string) {
  t = await startTestBot({ now });
  await addItem(t);
}

describe('收件 and 受理 (CAS-01, CAS-03, CAS-08)', () => {
  it('CAS-08 §19: 受理 Fri 2026-02-13 with 5 WD is due 02-27 (Sat 02-14 makeup day counts, 春节 does not)', async () => {
    await start('2026-02-13T10:00:00+08:00');
    const no = await receive(t, '事项=户籍迁入 申请人=张某 电话=13912345678 平台号=150626-2026-000812');
    expect(no).toBe('AJ2026-00001');
    expect(t.lastTextTo('lisi')).toContain('户籍迁入｜承诺 5WD');
    expect(t.lastTextTo('lisi')).toContain('首问责任人 李四');
    expect(t.lastTextTo('lisi')).toContain('139****5678'); // staff see the phone masked (REC-07)
    await t.say('lisi', '办件 受理 AJ1');
    expect(t.lastTextTo('lisi')).toContain('✅ AJ2026-00001 已受理，到期 2/27');
    expect((await clock(no)).dueDate).toBe('2026-02-27');
    expect(await aCase(no)).toMatchObject({
      status: '已受理',
      firstResponder: 'lisi',
      clockStart: '2026-02-13',
      dueDate: '2026-02-27',
      platformNo: '150626-2026-000812',
      windowNumber: '12',
    });
    // The 平台号 finds the same case.
    await t.say('lisi', '办件 查看 150626-2026-000812');
    expect(t.lastTextTo('lisi')).toContain('AJ2026-00001（平台号 150626-2026-000812） 户籍迁入');
    await t.say('lisi', '办件 查看 150626-2026-000821');
    expect(t.lastTextTo('lisi')).toBe('没有 150626-2026-000821。你是不是要：150626-2026-000812？');
  });

  it('CAS-01 a 即办件 is due 17:30 the same day', async () => {
    await start('2026-03-03T09:00:00+08:00');
    const no = await receive(t, '事项=GA-001 申请人=王某 类型=即办');
    await t.say('lisi', `办件 受理 ${no}`);
    expect(t.lastTextTo('lisi')).toContain('已受理，到期 3/3 17:30');
    const d = await clock(no);
    expect(d.dueDate).toBe('2026-03-03');
    expect(d.dueAt.toISOString()).toBe('2026-03-03T09:30:00.000Z');
  });

  it('CAS-06 CAS-08 补正 writes the 一次性告知书; 补齐 on Mon 03-02 starts the clock from Tue 03-03', async () => {
    await start('2026-02-27T10:00:00+08:00');
    const no = await receive(t, '事项=户籍迁入 申请人=张某');
    await t.say('lisi', `办件 补正 ${no} 材料=户口簿原件,婚姻证明`);
    const reply = t.lastTextTo('lisi');
    expect(reply).toContain(`✅ ${no} 一次性告知书已生成（2项）`);
    expect(reply).toContain('1. 户口簿原件');
    expect(reply).toContain('2. 婚姻证明');
    await t.say('lisi', `办件 受理 ${no}`);
    expect(t.lastTextTo('lisi')).toContain('尚有补正材料未补齐：户口簿原件、婚姻证明');
    t.setNow('2026-03-02T15:00:00+08:00');
    await t.say('lisi', `办件 补齐 ${no} 材料=户口簿原件`);
    expect(t.lastTextTo('lisi')).toContain('尚缺 婚姻证明');
    await t.say('lisi', `办件 补齐 ${no}`);
    expect(t.lastTextTo('lisi')).toContain('材料已补齐（2026-03-02）');
    t.setNow('2026-03-04T09:00:00+08:00');
    await t.say('lisi', `办件 受理 ${no}`);
    // D0 = the 补齐 day 03-02: 5 WD counted from 03-03 → 03-09.
    expect((await clock(no)).dueDate).toBe('2026-03-09');
    expect((await aCase(no)).clockStart).toBe('2026-03-02');
  });
});

describe('clock events (CAS-09, CAS-10, CAS-12, CAS-22)', () => {
  it('CAS-12 中止 Wed–Thu adds 2 WD on 恢复; the clock gets a new version each time (D16)', async () => {
    await start('2026-03-02T10:00:00+08:00');
    const no = await receive(t, '事项=户籍迁入 申请人=张某');
    await t.say('lisi', `办件 受理 ${no}`); // due Mon 03-09
    const v1 = (await clock(no)).version;
    t.setNow('2026-03-04T10:00:00+08:00');
    await t.say('lisi', `办件 中止 ${no} 原因=现场踏勘 已告知=是`);
    expect(t.lastTextTo('lisi')).toContain(`✅ ${no} 中止（现场踏勘），已告知申请人`);
    expect((await clock(no)).status).toBe('paused');
    t.setNow('2026-03-05T16:00:00+08:00');
    await t.say('lisi', `办件 恢复 ${no}`);
    expect(t.lastTextTo('lisi')).toContain('已恢复计时，到期 3/11');
    const d = await clock(no);
    expect(d.dueDate).toBe('2026-03-11');
    expect(d.version).toBe(v1 + 2);
    expect((await aCase(no)).status).toBe('已受理');
  });

  it('CAS-10 延期 moves the due date with a written notice and counts extensions; CAS-09 会商 is a note', async () => {
    await start('2026-03-02T10:00:00+08:00');
    const no = await receive(t, '事项=户籍迁入 申请人=张某');
    await t.say('lisi', `办件 受理 ${no}`);
    await t.say('lisi', `办件 延期 ${no} 新期限=3月20日 原因=需补充专家论证`);
    expect(t.lastTextTo('lisi')).toContain(`✅ ${no} 延期至 3/20（第1次）`);
    expect(t.lastTextTo('lisi')).toContain('书面延期告知');
    expect((await clock(no)).dueDate).toBe('2026-03-20');
    expect((await aCase(no)).extensions).toBe(1);
    await t.say('lisi', `办件 会商 ${no} 说明=与不动产中心会商，确认需补测绘报告`);
    expect(t.lastTextTo('lisi')).toContain('✅ 已记录会商');
    const events = await db().find(CaseEvent, { where: { caseNo: no }, order: { id: 'ASC' } });
    expect(events.map((e) => e.action)).toEqual(['收件', '受理', '延期', '会商']);
  });

  it('CAS-22 并联 gives each department its own clock; 异地通办 寄材料=是 opens a mailing task', async () => {
    await start('2026-03-02T10:00:00+08:00');
    const no = await receive(t, '事项=户籍迁入 申请人=张某 模式=异地通办');
    await t.say('lisi', `办件 受理 ${no} 确认=@属地王科长 寄材料=是`);
    expect(t.lastTextTo('lisi')).toMatch(/已建寄递任务 RW2026-\d{4}/);
    const task = await db().findOneOrFail(DeviceTask, { where: { subjectType: 'case', subjectId: no } });
    expect(task).toMatchObject({ item: '异地材料寄递', purpose: '异地通办', status: 'open' });
    await t.say('zhao', `任务 完成 ${task.no} 说明=EMS 1188000011`);
    expect(t.lastTextTo('zhao')).toContain(`✅ ${task.no} 完成`);
    expect((await db().findOneByOrFail(DeviceTask, { id: task.id })).status).toBe('done');
    await t.say('lisi', `办件 并联 ${no} 部门=GA:3,BDC`);
    expect(t.lastTextTo('lisi')).toBe(`✅ ${no} 并联：GA 3/5，BDC 3/9`);
    const parts = await db().find(Deadline, { where: { subjectId: no }, order: { id: 'ASC' } });
    expect(parts.map((d) => [d.kind, d.dueDate])).toEqual([
      ['case:办结', '2026-03-09'],
      ['case:并联:GA', '2026-03-05'],
      ['case:并联:BDC', '2026-03-09'],
    ]);
    await t.say('lisi', `办件 并联 ${no} 完成=GA`);
    expect(t.lastTextTo('lisi')).toContain('待完成：BDC 3/9');
    expect((await db().findOneByOrFail(Deadline, { kind: 'case:并联:GA', subjectId: no })).status).toBe('closed');
  });
});

describe('办结 and 出件 (CAS-15, CAS-24), 撤回 (CAS-16)', () => {
  it('CAS-15 办结 opens the 办结告知 task and tells the 首问责任人; 出件 closes case and task; late 办结 is flagged', async () => {
    await start('2026-03-02T10:00:00+08:00');
    const no = await receive(t, '事项=户籍迁入 申请人=张某', 'hexin'); // 综窗 receiver = 首问责任人 (CAS-03)
    await t.say('lisi', `办件 受理 ${no}`); // due 03-09
    t.setNow('2026-03-10T10:00:00+08:00');
    await t.say('lisi', `办件 办结 ${no} 结果=准予迁入`);
    expect(t.lastTextTo('lisi')).toContain(`✅ ${no} 办结，请出件窗口告知申请人`);
    expect(t.lastTextTo('lisi')).toContain('超期 1 个工作日办结');
    expect(t.lastTextTo('hexin')).toContain(`${no} 户籍迁入 已办结（准予迁入）`);
    expect(await aCase(no)).toMatchObject({ status: '办结', closedOverdue: true, overdueWd: 1 });
    const task = await db().findOneOrFail(DeviceTask, { where: { subjectId: no, item: '办结告知' } });
    expect(task.status).toBe('open');
    // The 统一出件 window (19号, 综窗 like the receiver) delivers it.
    await t.say('jiangtao', `办件 出件 ${no} 方式=现场 告知=短信 许可证=XK-2026-001`);
    expect(t.lastTextTo('jiangtao')).toContain(`✅ ${no} 已出件（现场｜一证通 XK-2026-001），办件已关闭`);
    expect(await aCase(no)).toMatchObject({
      status: '已出件',
      deliveryMethod: '现场',
      notifyChannel: '短信',
      licenceNo: 'XK-2026-001',
    });
    expect((await db().findOneByOrFail(DeviceTask, { id: task.id })).status).toBe('done');
  });

  it('CAS-16 撤回 with a reason closes as 审批不通过（申请撤回） and is never overdue', async () => {
    await start('2026-03-02T10:00:00+08:00');
    const no = await receive(t, '事项=户籍迁入 申请人=张某');
    await t.say('lisi', `办件 受理 ${no}`);
    t.setNow('2026-03-12T10:00:00+08:00');
    await t.say('lisi', `办件 撤回 ${no} 原因=申请人自愿撤回`);
    expect(t.lastTextTo('lisi')).toBe(`✅ ${no} 已按撤回办结（审批不通过，申请撤回）`);
    expect(await aCase(no)).toMatchObject({ status: '已撤回', closedOverdue: false });
    expect((await clock(no)).status).toBe('closed');
  });
});

describe('查看, 列表, mistyped numbers, records', () => {
  it('CAS-18 列表 shows due dates and the level; a mistyped AJ gets the nearest numbers the sender may see', async () => {
    await start('2026-03-02T10:00:00+08:00');
    await addItem(t, { code: 'SB-001', name: '养老保险登记', departmentCode: 'SB', windowNumber: '5' });
    const a = await receive(t, '事项=户籍迁入 申请人=张某');
    await t.say('lisi', `办件 受理 ${a}`);
    const b = await receive(t, '事项=养老保险登记 申请人=赵某', 'wujing'); // SB: not visible to 李四
    expect(b).toBe('AJ2026-00002');
    t.setNow('2026-03-09T10:00:00+08:00');
    await t.say('lisi', '办件 列表');
    expect(t.lastTextTo('lisi')).toBe('在办办件 1 件\nAJ1 户籍迁入｜已受理｜到期 3/9｜L2 今日到期');
    t.setNow('2026-03-11T10:00:00+08:00');
    await t.say('lisi', '办件 列表 超期');
    expect(t.lastTextTo('lisi')).toContain('AJ1 户籍迁入｜已受理｜到期 3/9｜L3 超期2WD');
    await t.say('lisi', '办件 查看 AJ2026-00012');
    expect(t.lastTextTo('lisi')).toBe('没有 AJ2026-00012。你是不是要：AJ2026-00001？');
    await t.say('lisi', `办件 查看 ${b}`);
    expect(t.lastTextTo('lisi')).toBe('没有 AJ2026-00002。你是不是要：AJ2026-00001？');
    await t.say('zhao', '办件 查看 AJ2026-00012');
    expect(t.lastTextTo('zhao')).toBe('没有 AJ2026-00012。你是不是要：AJ2026-00002 / AJ2026-00001？');
  });

  it('REC-09 记录 更正 计时起算日 recomputes the clock; 记录 历史 lists the case events; resolveSource knows AJ', async () => {
    await start('2026-03-02T10:00:00+08:00');
    const no = await receive(t, '事项=户籍迁入 申请人=张某');
    await t.say('lisi', `办件 受理 ${no}`);
    await t.say('zhao', `记录 更正 ${no} 计时起算日=2026-03-03 原因=平台受理日为3月3日`);
    expect((await clock(no)).dueDate).toBe('2026-03-10');
    expect((await aCase(no)).clockStart).toBe('2026-03-03');
    await t.say('zhao', `记录 历史 ${no}`);
    expect(t.lastTextTo('zhao')).toContain(no);
    const src = await resolveSource(db(), 'AJ1', t.clock.now());
    expect(src).toMatchObject({ no, type: 'case', departmentCode: 'GA', personUserid: 'lisi', known: true });
  });

  it('CAS-19 ACC-08 办件时限台账 ● lists 到期日, 中止/延期, 超期 WD, 撤回 and 待认定 per department', async () => {
    await start('2026-03-02T10:00:00+08:00');
    await addItem(t, { code: 'SB-001', name: '养老保险登记', departmentCode: 'SB', windowNumber: '5' });
    const late = await receive(t, '事项=户籍迁入 申请人=张某');
    await t.say('lisi', `办件 受理 ${late}`);
    const gone = await receive(t, '事项=户籍迁入 申请人=李某');
    await t.say('lisi', `办件 受理 ${gone}`);
    await t.say('lisi', `办件 延期 ${gone} 新期限=3月12日 原因=需现场补充说明`);
    await receive(t, '事项=养老保险登记 申请人=赵某', 'wujing');
    t.setNow('2026-03-11T10:00:00+08:00');
    await t.say('lisi', `办件 办结 ${late} 结果=准予迁入`);
    await t.say('lisi', `办件 撤回 ${gone} 原因=申请人自愿撤回`);
    const [sheet] = await caseDeadlineLedger.build(
      t.bot.deps.db,
      { from: '2026-03-01', to: '2026-03-31' },
      { unmasked: false, department: 'GA' },
    );
    expect(sheet.rows).toEqual([
      expect.objectContaining({
        no: late,
        due: '2026-03-09',
        finished: '2026-03-11',
        overdue: 2,
        withdrawn: '',
        fault: '待认定',
      }),
      expect.objectContaining({
        no: gone,
        due: '2026-03-12',
        pauses: '中止0次/延期1次',
        overdue: '',
        withdrawn: '是',
        fault: '',
      }),
    ]);
  });
});
