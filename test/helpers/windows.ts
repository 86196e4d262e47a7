import { Approval } from '../../entities/approval';
import { In } from 'typeorm';
import { Person } from '../../entities/person';
import { HallWindow } from '../../entities/window';
import { WindowClosure } from '../../entities/window-closure';
import { insertRows } from '../../src/db';
import { loadWindowRecords, stateOn } from '../../src/domain/windows/state';
import type { TestBot } from './bot';

// Shared steps of the [windows] tests: complete 保障措施 for `窗口 关闭`, look up approvals, add windows.

export const MEASURES =
  '联络人=王五 联络电话=13900000012 咨询人员=李四 咨询电话=0477-1234567 宣传告知=公众号已发布 高峰应对=同类窗口延时服务 不限号=是';

export async function spOf(t: TestBot, subjectId: string): Promise<string> {
  const a = await t.bot.deps.db.manager.findOne(Approval, { where: { subjectId }, order: { id: 'DESC' } });
  if (!a) throw new Error(`no approval for ${subjectId}`);
  return a.no;
}

export async function closure(t: TestBot, no: string): Promise<WindowClosure> {
  return t.bot.deps.db.manager.findOneOrFail(WindowClosure, { where: { no } });
}

export async function win(t: TestBot, number: string): Promise<HallWindow> {
  return t.bot.deps.db.manager.findOneOrFail(HallWindow, { where: { number } });
}

/** D38: the window's state on `day`, derived from the records as every view and check derives it. */
export async function stateAt(t: TestBot, number: string, day: string): Promise<string> {
  const m = t.bot.deps.db.manager;
  return stateOn(await win(t, number), await loadWindowRecords(m), day).status;
}

/** Extra 在用 windows for a department (n = 5, 9 … cap cases), inserted like a directory import would. */
export async function addWindows(t: TestBot, departmentCode: string, numbers: string[], kind = '专项'): Promise<void> {
  for (const number of numbers) {
    await insertRows(t.bot.deps.db.manager, HallWindow, {
      number,
      name: `${departmentCode}${number}`,
      departmentCode,
      zone: null,
      floor: 1,
      kind,
      status: '在用',
      statusUntil: null,
      devices: ['电子屏', '评价器', '叫号机'],
    });
  }
}

/** File a closure with full 保障措施 and approve it through 大厅管理室 (赵敏) and 有关负责人 (陈主任). */
export async function approvedClosure(t: TestBot, chief: string, line: string): Promise<string> {
  await t.say(chief, `窗口 关闭 ${line} ${MEASURES}`);
  const m = /✅ (GB\d{4}-[A-Z]+-\d{3}) 已提交/.exec(t.lastTextTo(chief));
  if (!m) throw new Error(`not submitted: ${t.lastTextTo(chief)}`);
  const sp = await spOf(t, m[1]);
  await t.click('zhao', `approve:${sp}`);
  await t.click('chen', `approve:${sp}`);
  return m[1];
}

/**
 * The ground of a closure (WIN-03, D212): `who`, stationed at the window, files a 公事出差 for the days (in approval
 * counts). 理由= answers the ATT-07 warning when the B-post is away too; it is logged only when that warning fires.
 */
export async function onTrip(t: TestBot, who: string, from: string, to = from): Promise<string> {
  await t.say(who, `出差 从=${from} 到=${to} 事由=市局业务培训 理由=已申请窗口临时关闭`);
  const m = /✅ (QJ\d{4}-\d{4})/.exec(t.lastTextTo(who));
  if (!m) throw new Error(`no trip filed: ${t.lastTextTo(who)}`);
  return m[1];
}

/** The WIN-03 ground for closing `windows` (D212): everyone stationed at them files a 出差 for the days. */
export async function staffOnTrip(t: TestBot, windows: string[], from: string, to = from): Promise<string[]> {
  const people = await t.bot.deps.db.manager.find(Person, {
    where: { windowNumber: In(windows), inactive: false },
    order: { windowNumber: 'ASC' },
  });
  if (!people.length) throw new Error(`nobody stationed at ${windows.join(',')}`);
  const out: string[] = [];
  for (const p of people) out.push(await onTrip(t, p.userid, from, to));
  return out;
}
