import { ServiceCase } from '../../entities/case';
import { closeDeadline, openDeadline, pauseDeadline, resumeDeadline } from '../../src/calendar/deadlines';
import { CASE_CLOCK_KIND, CASE_SUBJECT } from '../../src/domain/cases/clock-subject';
import { insertRows } from '../../src/db';
import type { TestBot } from '../helpers/bot';

// Cases for the clock tests, written through the entities (the chat commands of 办件 收件/受理 are another
// module's): a GA case handled by 李四 (lisi), 首席代表 王五 (wangwu).

export interface CaseSpec {
  no: string;
  limitWd: number;
  acceptedAt: string;
  type?: '即办' | '承诺';
  dept?: string;
  handler?: string;
  platformNo?: string;
  item?: string;
}

export async function acceptCase(t: TestBot, s: CaseSpec): Promise<number> {
  const at = new Date(s.acceptedAt);
  return t.bot.deps.db.tx(async (m) => {
    const d = await openDeadline(m, at, 'test', t.bot.deps.calendar, {
      subjectType: CASE_SUBJECT,
      subjectId: s.no,
      kind: CASE_CLOCK_KIND,
      startAt: at,
      amount: s.type === '即办' ? 0 : s.limitWd,
      unit: 'WD',
    });
    await insertRows(m, ServiceCase, {
      no: s.no,
      platformNo: s.platformNo ?? null,
      itemId: 1,
      itemCode: 'GA-001',
      itemName: s.item ?? '户籍迁入',
      departmentCode: s.dept ?? 'GA',
      windowNumber: '12',
      type: s.type ?? '承诺',
      mode: '普通',
      limitWd: s.limitWd,
      applicant: '申请人甲',
      applicantPhone: null,
      firstResponder: s.handler ?? 'lisi',
      handler: s.handler ?? 'lisi',
      status: '已受理',
      receivedAt: at,
      supplements: [],
      acceptedAt: at,
      deadlineId: d.id,
      dueDate: d.dueDate,
      extensions: 0,
      closedOverdue: false,
      source: '聊天',
      version: 1,
      createdAt: at,
      updatedAt: at,
      updatedBy: 'test',
    });
    return d.id;
  });
}

export async function pauseCase(t: TestBot, id: number, from: string, to: string): Promise<void> {
  const cal = t.bot.deps.calendar;
  await t.bot.deps.db.tx((m) => pauseDeadline(m, new Date(from), 'test', cal, id, new Date(from), '现场踏勘'));
  await t.bot.deps.db.tx((m) => resumeDeadline(m, new Date(to), 'test', cal, id, new Date(to)));
}

/** 办结 (or 撤回) a case through the entities and close its clock, as the lifecycle commands do. */
export async function finishCase(
  t: TestBot,
  no: string,
  at: string,
  status: '已出件' | '已撤回' = '已出件',
): Promise<void> {
  const when = new Date(at);
  await t.bot.deps.db.tx(async (m) => {
    const c = await m.findOneByOrFail(ServiceCase, { no });
    await m.update(
      ServiceCase,
      { id: c.id },
      { status, finishedAt: status === '已撤回' ? null : when, closedAt: when, updatedAt: when },
    );
    await closeDeadline(m, when, 'test', c.deadlineId!, status);
  });
}

export async function setPlatformDue(t: TestBot, no: string, due: string): Promise<void> {
  await t.bot.deps.db.manager.update(ServiceCase, { no }, { platformDueDate: due });
}
