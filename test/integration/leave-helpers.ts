import { expect } from 'vitest';
import { Approval } from '../../entities/approval';
import { LeaveRequest } from '../../entities/leave-request';
import { PeakPlan } from '../../entities/peak-plan';
import { insertRows } from '../../src/db';
import type { TestBot } from '../helpers/bot';

// Shared by the leave-*.test.ts files (ATT-05/06/07). Demo directory: GA 首席代表 王五 (wangwu); 李四 (lisi)
// 12号窗 and 窗口负责人, B-post 张三; 张三 (zhangsan) 13号窗, B-post 李四; 大厅管理室 赵敏 (zhao).

export const leave = (t: TestBot, no: string) => t.bot.deps.db.manager.findOneOrFail(LeaveRequest, { where: { no } });

/** Send a request as `who`; returns the QJ number from the ✅ reply. */
export async function ask(t: TestBot, who: string, line: string): Promise<string> {
  await t.say(who, line);
  const m = /✅ (QJ\d{4}-\d{4})/.exec(t.lastTextTo(who));
  expect(m, t.lastTextTo(who)).not.toBeNull();
  return m![1];
}

export async function spOf(t: TestBot, qj: string): Promise<string> {
  const a = await t.bot.deps.db.manager.findOneOrFail(Approval, { where: { subjectId: qj }, order: { id: 'DESC' } });
  return a.no;
}

/** Request and approve in one go (the approver clicks the card). */
export async function approved(t: TestBot, who: string, line: string, approver: string): Promise<string> {
  const no = await ask(t, who, line);
  await t.click(approver, `approve:${await spOf(t, no)}`);
  expect((await leave(t, no)).status).toBe('approved');
  return no;
}

/** An approved 业务高峰 plan (SUS-02) of a department, as the peak approval would leave it. */
export async function approvedPeak(t: TestBot, departmentCode: string, from: string, to: string): Promise<string> {
  const no = `GF2026-${departmentCode}-001`;
  await insertRows(t.bot.deps.db.manager, PeakPlan, {
    no,
    departmentCode,
    fromDate: from,
    toDate: to,
    reasonType: '政策性',
    reason: '城乡居民医保集中缴费',
    contactName: null,
    contactPhone: null,
    staffing: null,
    publicity: null,
    techPerson: null,
    riskOwner: null,
    orderStaff: null,
    extendedService: null,
    dailyCapacity: null,
    reportedToParent: false,
    checklist: null,
    coordination: null,
    status: 'approved',
    approvalNo: null,
    filedAt: null,
    causeClass: null,
    causeNote: null,
    createdBy: 'wangwu',
    createdAt: new Date('2026-02-20T02:00:00Z'),
  });
  return no;
}
