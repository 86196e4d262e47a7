import { afterEach, describe, expect, it } from 'vitest';
import { ServiceCase } from '../../entities/case';
import { insertAcceptedCase } from '../helpers/cases';
import { CaseEvent } from '../../entities/case-event';
import { ServiceItem } from '../../entities/item';
import { insertRows } from '../../src/db';
import { caseSlipForm } from '../../src/domain/consult/slip';
import { systemActor } from '../../src/kernel/ctx';
import { makeCtx } from '../../src/kernel/make-ctx';
import { type TestBot, startTestBot } from '../helpers/bot';

// 办件 交接 and the 《材料证照流转单》 (CAS-13, CAS-14; OPEN #44, #48). Cases are stored rows here: this file
// proves the handover stamps, the slip and the 16:30 check, not the case commands that open them.

let t: TestBot;
afterEach(async () => {
  await t.close();
});

const db = () => t.bot.deps.db.manager;

async function item(code: string, fullyOnline = false): Promise<number> {
  const now = t.clock.now();
  await insertRows(db(), ServiceItem, {
    code,
    name: code === 'GA-001' ? '户籍迁入' : '网上事项',
    departmentCode: 'GA',
    basis: null,
    conditions: null,
    materials: ['居民户口簿', '身份证复印件'],
    process: null,
    legalLimitWd: 20,
    promisedLimitWd: 5,
    limitBasis: null,
    place: null,
    hours: null,
    consultPhone: null,
    supervisePhone: null,
    windowNumber: '12',
    fees: null,
    instant: false,
    inZongchuang: true,
    fullyOnline,
    approvers: null,
    status: '在用',
    createdAt: now,
    updatedAt: now,
    updatedBy: 'test',
  });
  return (await db().findOneOrFail(ServiceItem, { where: { code } })).id;
}

/** A case accepted by `receiver` at `acceptedAt`. */
async function acceptedCase(no: string, itemId: number, acceptedAt: string, o: Partial<ServiceCase> = {}) {
  const at = new Date(acceptedAt);
  await insertAcceptedCase(db(), no, at, {
    platformNo: `P-${no}`,
    itemId,
    itemCode: 'GA-001',
    applicant: '王某某',
    applicantPhone: '13912345678',
    firstResponder: 'hexin',
    dueDate: '2026-03-09',
    source: '聊天',
    ...o,
  });
}

const paperNotes = (who: string) => t.textsTo(who).filter((x) => x.includes('纸质材料尚未记录交审批部门'));

describe('CAS-14 流转单 stamps', () => {
  it('CAS-14 审批 then 出件, each once, receiver of the 审批部门; order enforced; slip prints both stamps', async () => {
    t = await startTestBot({ now: '2026-03-02T10:20:00+08:00' });
    const id = await item('GA-001');
    await acceptedCase('AJ2026-01234', id, '2026-03-02T09:50:00+08:00');
    await t.say('hexin', '办件 交接 AJ1234 出件 接收人=@蒋涛');
    expect(t.lastTextTo('hexin')).toContain('❌ 不符合规定（rule CAS-14；002 运行规范 第十一条）');
    await t.say('hexin', '办件 交接 AJ1234 审批 接收人=@吴静');
    expect(t.lastTextTo('hexin')).toContain('吴静 不是审批部门（GA）的人员');
    await t.say('hexin', '办件 交接 AJ1234 审批 接收人=@王五 材料=户口簿原件1份,身份证复印件2份');
    expect(t.lastTextTo('hexin')).toBe('✅ AJ2026-01234 纸质材料 10:20 交 GA 王五');
    t.setNow('2026-03-02T11:00:00+08:00');
    await t.say('hexin', '办件 交接 AJ1234 审批 接收人=@王五');
    expect(t.lastTextTo('hexin')).toContain('已于 2026-03-02 10:20 交审批部门 王五，流转单不重复签收');
    await t.say('hexin', '办件 交接 AJ1234 出件 接收人=@蒋涛');
    expect(t.lastTextTo('hexin')).toContain('尚未办结（已受理）');
    await db().update(ServiceCase, { no: 'AJ2026-01234' }, { status: '办结', result: '户口迁入审批表 No.88' });
    t.setNow('2026-03-04T15:10:00+08:00');
    await t.say('hexin', '办件 交接 P-AJ2026-01234 出件 接收人=@蒋涛'); // by the platform's number
    expect(t.lastTextTo('hexin')).toBe('✅ AJ2026-01234 结果及流转单 15:10 交 统一出件 蒋涛');
    expect(await db().count(CaseEvent, { where: { caseNo: 'AJ2026-01234', action: '交接' } })).toBe(2);

    await t.say('zhao', '导出 表单 LZ1234');
    expect(t.lastTextTo('zhao')).toContain('✅ LZ2026-01234 材料证照流转单');
    expect(t.dms('zhao').some((m) => m.msgtype === 'file')).toBe(true);
    const c = await db().findOneOrFail(ServiceCase, { where: { no: 'AJ2026-01234' } });
    const ctx = makeCtx(t.bot.deps, db(), t.clock.now(), { ...systemActor('zhao'), roles: ['hall_office'] }, 'test');
    const rows = await caseSlipForm.rows(ctx, {
      no: 'LZ2026-01234',
      departmentCode: 'GA',
      status: c.status,
      row: c as never,
    });
    const v = Object.fromEntries(rows.map((r) => [r.label, r.value]));
    expect(v['1 流转单号']).toBe('LZ2026-01234');
    expect(v['6 材料清单及份数']).toBe('户口簿原件1份,身份证复印件2份');
    expect(v['7 综窗受理人签字 · 时间']).toBe('何欣　2026-03-02 09:50');
    expect(v['8 审批部门接收人签字 · 时间']).toBe('王五　2026-03-02 10:20');
    expect(v['10 出件窗口接收人签字 · 时间']).toBe('蒋涛　2026-03-04 15:10');
    expect(v['9 办理结果']).toBe('户口迁入审批表 No.88');
  });

  it('CAS-14 a mistyped case number names the nearest; a case not yet accepted is refused', async () => {
    t = await startTestBot({ now: '2026-03-02T10:00:00+08:00' });
    const id = await item('GA-001');
    await acceptedCase('AJ2026-01234', id, '2026-03-02T09:00:00+08:00');
    await acceptedCase('AJ2026-01235', id, '2026-03-02T09:00:00+08:00', { status: '待补正', acceptedAt: null });
    await t.say('hexin', '办件 交接 AJ1243 审批 接收人=@王五');
    expect(t.lastTextTo('hexin')).toContain('没有 AJ2026-01243。你是不是要：AJ2026-01234');
    await t.say('hexin', '办件 交接 AJ1235 审批 接收人=@王五');
    expect(t.lastTextTo('hexin')).toContain('尚未受理（待补正）');
    await t.say('xiaogao', '办件 交接 AJ1234 审批 接收人=@王五');
    expect(await db().count(CaseEvent)).toBe(0);
  });
});

describe('CAS-13 16:30 paper handover check (OPEN #44)', () => {
  it('CAS-13 listed at 16:30 once per WD until the paper is logged; online items, own-window and imported cases not listed', async () => {
    t = await startTestBot({ now: '2026-03-02T09:00:00+08:00' });
    const id = await item('GA-001');
    const online = await item('GA-002', true);
    await acceptedCase('AJ2026-00001', id, '2026-03-02T09:30:00+08:00');
    await acceptedCase('AJ2026-00002', online, '2026-03-02T09:40:00+08:00');
    await acceptedCase('AJ2026-00003', id, '2026-03-02T09:50:00+08:00', { firstResponder: 'lisi' });
    await acceptedCase('AJ2026-00004', id, '2026-03-02T10:00:00+08:00', { source: '导入' });
    await t.runJob('handover-contact-check', '2026-03-02T16:30:00+08:00');
    await t.runJob('handover-contact-check', '2026-03-02T16:30:00+08:00', { force: true });
    expect(paperNotes('hexin')).toEqual([
      '⏰ 以下办件的纸质材料尚未记录交审批部门（rule CAS-13，当日交接）：\nAJ2026-00001 户籍迁入（GA，今天 09:30 受理）→ 办件 交接 AJ2026-00001 审批 接收人=@…',
    ]);
    expect(paperNotes('lisi')).toHaveLength(0);
    await t.runJob('handover-contact-check', '2026-03-03T16:30:00+08:00');
    expect(paperNotes('hexin')).toHaveLength(2);
    expect(paperNotes('hexin')[1]).toContain('AJ2026-00001 户籍迁入（GA，2026-03-02 受理）');
    t.setNow('2026-03-04T10:00:00+08:00');
    await t.say('hexin', '办件 交接 AJ2026-00001 审批 接收人=@李四');
    await t.runJob('handover-contact-check', '2026-03-04T16:30:00+08:00');
    expect(paperNotes('hexin')).toHaveLength(2);
  });
});
