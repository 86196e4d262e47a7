import { Consultation } from '../../../entities/consultation';
import { insertRows } from '../../db';
import type { CardClick } from '../../kernel/card';
import { greyClickedCard } from '../../kernel/card-reply';
import type { Ctx } from '../../kernel/ctx';
import { chiefRepOf, findDepartment, findWindow, personName } from '../../kernel/directory';
import { UserError } from '../../kernel/errors';
import { nextRecordNo } from '../../kernel/numbers';
import { claimReminder } from '../../kernel/reminders';
import { localDate, localTime, yearOf } from '../../kernel/time';
import { buttonCard, taskIdFor } from '../../wecom/cards';
import { getSetting } from '../../settings/settings';
import { loadConsultation, PREFIX, shortZx, ST, SUBJECT, WIDTH } from './model';

// 咨询 请求专家 (CAS-20; 002 运行规范 第九条 "审批部门及时派员"): a complex question at the 综窗 → a card to the
// department's 首席代表 with `ack:ZX…`; "及时" = acknowledged within 30 minutes (OPEN #47,
// consult.expertAckMinutes). The presence-timers check reminds once when the time has passed unanswered (D131).

export async function requestExpert(ctx: Ctx, a: { 事项: string; 窗口?: string; 部门?: string }): Promise<string> {
  const window = a.窗口?.trim() ? await findWindow(ctx.m, a.窗口) : null;
  const deptCode = a.部门?.trim() ? (await findDepartment(ctx.m, a.部门)).code : window?.departmentCode;
  if (!deptCode) throw new UserError('请写明需要派员的部门或其窗口：部门=GA 或 窗口=12。');
  const chief = await chiefRepOf(ctx.m, deptCode);
  const minutes = await getSetting(ctx.m, 'consult.expertAckMinutes');
  const by = localTime(new Date(ctx.now.getTime() + minutes * 60_000));
  const no = await nextRecordNo(ctx.m, PREFIX, yearOf(localDate(ctx.now)), WIDTH);
  await insertRows(ctx.m, Consultation, {
    no,
    kind: '专家',
    channel: '现场',
    question: a.事项.trim(),
    outcome: null,
    guidedTo: null,
    unit: null,
    address: null,
    contact: null,
    firstResponder: ctx.actor.userid,
    departmentCode: ctx.actor.departmentCode,
    status: ST.expertWaiting,
    answerDue: null,
    answer: null,
    answeredAt: null,
    answeredBy: null,
    callback: false,
    expertDept: deptCode,
    expertWindow: window?.number ?? ctx.actor.windowNumber,
    ackAt: null,
    ackBy: null,
    createdAt: ctx.now,
  });
  await ctx.audit('consult.expert', SUBJECT, no, { department: deptCode, window: window?.number ?? null });
  const where = window?.number ?? ctx.actor.windowNumber;
  const card = buttonCard({
    taskId: taskIdFor('zx-expert', no),
    title: `请派员：综窗复杂咨询 ${shortZx(no, ctx.now)}`,
    desc: `${minutes}分钟内回应（rule CAS-20）`,
    subTitle: a.事项.trim(),
    fields: [
      { key: '请求人', value: ctx.actor.name },
      { key: '窗口', value: where ? `${where}号窗` : '综合受理区' },
      { key: '回应期限', value: by },
    ],
    buttons: [{ text: '已收到，派员', key: `ack:${no}` }],
  });
  await ctx.send({ user: chief.userid }, { card }, `consult:${no}:expert-card`);
  return `✅ 已请求 ${deptCode} 派员（${shortZx(no, ctx.now)}），${by} 前回应`;
}

/** Who may press `ack:ZX…`: the asked department's 首席代表. */
export async function expertAckers(ctx: Ctx, id: string): Promise<string[]> {
  const c = await loadConsultation(ctx, id).catch(() => null);
  if (!c?.expertDept) return [];
  return [(await chiefRepOf(ctx.m, c.expertDept)).userid];
}

export async function expertAck(ctx: Ctx, id: string, click: CardClick): Promise<void> {
  const c = await loadConsultation(ctx, id);
  if (c.ackAt) {
    await ctx.reply(`${shortZx(c.no, ctx.now)} 已于 ${localTime(c.ackAt)} 由${await personName(ctx.m, c.ackBy)}回应。`);
    return;
  }
  await ctx.m.update(Consultation, { id: c.id }, { status: ST.expertAcked, ackAt: ctx.now, ackBy: ctx.actor.userid });
  await ctx.audit('consult.expert-ack', SUBJECT, c.no, { department: c.expertDept });
  await greyClickedCard(ctx, click, '已派员');
  await ctx.send(
    { user: c.firstResponder },
    { text: `✅ ${c.expertDept} 首席代表${ctx.actor.name}已回应 ${shortZx(c.no, ctx.now)}，正在派员。` },
    `consult:${c.no}:expert-acked`,
  );
  await ctx.reply(
    `✅ ${shortZx(c.no, ctx.now)} 已回应，请尽快派员到${c.expertWindow ? `${c.expertWindow}号窗` : '综窗'}。`,
  );
}

/**
 * presence-timers row (CAS-20, OPEN #47): expert requests still unanswered once the minutes have passed →
 * one reminder to the 首席代表 and the requester, claimed once per request.
 */
export async function remindUnansweredExperts(ctx: Ctx): Promise<number> {
  const minutes = await getSetting(ctx.m, 'consult.expertAckMinutes');
  const waiting = await ctx.m.find(Consultation, { where: { status: ST.expertWaiting }, order: { id: 'ASC' } });
  let sent = 0;
  for (const c of waiting) {
    if (ctx.now.getTime() - c.createdAt.getTime() < minutes * 60_000) continue;
    if (!(await claimReminder(ctx.m, ctx.now, c.no, 'expert-ack', 0, 'once'))) continue;
    // A department left without a 首席代表 since the request: 大厅管理室 gets the reminder instead (DIR-02).
    const chief = await chiefRepOf(ctx.m, c.expertDept!).catch(() => null);
    const short = shortZx(c.no, ctx.now);
    await ctx.send(
      chief ? { user: chief.userid } : { group: 'G-OFFICE' },
      {
        text: `⏰ ${short} 综窗请求 ${c.expertDept} 派员（${localTime(c.createdAt)}，“${c.question}”）已超过${minutes}分钟未回应（rule CAS-20）。请派员并点卡片“已收到，派员”。`,
      },
      `consult:${c.no}:expert-late`,
    );
    await ctx.send(
      { user: c.firstResponder },
      { text: `⏰ ${short} ${c.expertDept} 首席代表${chief?.name ?? ''}${minutes}分钟内未回应，已再次提醒。` },
      `consult:${c.no}:expert-late-requester`,
    );
    sent++;
  }
  return sent;
}
