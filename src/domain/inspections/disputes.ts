import { In } from 'typeorm';
import { Deadline } from '../../../entities/deadline';
import { Department } from '../../../entities/department';
import { Finding } from '../../../entities/finding';
import { randomBytes } from 'node:crypto';
import type { CardClick } from '../../kernel/card';
import { greyClickedCard } from '../../kernel/card-reply';
import type { Ctx } from '../../kernel/ctx';
import { personName, usersWithRole } from '../../kernel/directory';
import { UserError } from '../../kernel/errors';
import { hasRole } from '../../kernel/permissions';
import { isPastDue } from '../../calendar/deadline-reminders';
import { closeDeadline, findDeadline } from '../../calendar/deadlines';
import { getSetting } from '../../settings/settings';
import { shortDate, localDate } from '../../kernel/time';
import { buttonCard, taskIdFor } from '../../wecom/cards';
import { fileAppeal, resolveUnfounded, upholdAppeals } from '../accountability/appeals';
import { clearDeductions } from '../performance';
import { refreshOralDraftsFor } from '../briefings/oral-notice';
import { DISPUTE_CLOCK, findingByRef, shortNo } from './findings';
import { itemFull } from './rules';

// INS-09 (000 巡查 四(四); 全过程监督 第十二条), OPEN #17: the 首席代表 confirms or disputes within 2 WD; a
// dispute goes to the recorder in 大厅管理室 (维持 / 撤销); no answer in time → 确认. The seed sets no time
// limit on 申诉申辩 (D32): a dispute after the window is filed as a 问效 申辩 (ACC-03), never refused.

async function chiefOf(ctx: Ctx, f: Finding): Promise<string | null> {
  if (!f.departmentCode) return null;
  return (await ctx.m.findOne(Department, { where: { code: f.departmentCode } }))?.chiefRep ?? null;
}

async function confirm(ctx: Ctx, f: Finding, by: string, outcome: string): Promise<boolean> {
  const res = await ctx.m.update(
    Finding,
    { id: f.id, status: '待确认' },
    { status: '已确认', confirmedBy: by, confirmedAt: ctx.now },
  );
  if ((res.affected ?? 0) !== 1) return false;
  const clock = await findDeadline(ctx.m, 'finding', f.no, DISPUTE_CLOCK);
  if (clock) await closeDeadline(ctx.m, ctx.now, ctx.actor.userid, clock, outcome);
  await ctx.audit('finding.confirm', 'finding', f.no, { by, outcome });
  f.status = '已确认';
  return true;
}

/** Card `ack:<WT>`: the 首席代表 confirms. */
export async function acknowledge(ctx: Ctx, ref: string, click?: CardClick): Promise<void> {
  const f = await findingByRef(ctx.m, ref, ctx.now);
  const chief = await chiefOf(ctx, f);
  if (ctx.actor.userid !== chief) throw new UserError(`只有 ${f.departmentCode ?? ''} 的首席代表可以确认 ${f.no}。`);
  if (!(await confirm(ctx, f, ctx.actor.userid, 'ack'))) {
    await ctx.reply(`已处理：${f.no} 当前状态 ${f.status}。`);
    return;
  }
  if (click) await greyClickedCard(ctx, click, '已确认');
  await ctx.reply(`✅ ${f.no} 已确认`);
}

/** Who may press `ack:<WT>` (INS-09): the 首席代表 of the finding's department. */
export async function findingAckers(ctx: Ctx, ref: string): Promise<string[]> {
  const f = await findingByRef(ctx.m, ref, ctx.now).catch(() => undefined);
  const chief = f && (await chiefOf(ctx, f));
  return chief ? [chief] : [];
}

/** Who may press `dispute:<WT>` (INS-09, D32): the department's 首席代表 and the staff member the finding names. */
export async function findingDisputers(ctx: Ctx, ref: string): Promise<string[]> {
  const f = await findingByRef(ctx.m, ref, ctx.now).catch(() => undefined);
  if (!f) return [];
  const chief = await chiefOf(ctx, f);
  return [chief, f.staffUserid].filter((u): u is string => !!u);
}

/** May the actor dispute this finding? Its department's 首席代表, or the staff member it names (D32). */
function mayDispute(ctx: Ctx, f: Finding, chief: string | null): boolean {
  return (
    ctx.actor.userid === chief ||
    ctx.actor.userid === f.staffUserid ||
    (hasRole(ctx.actor, 'chief_rep') && ctx.actor.departmentCode === f.departmentCode)
  );
}

/** `巡查 异议 <WT> 理由=…` / card `dispute:<WT>` + reason. */
export async function dispute(ctx: Ctx, ref: string, reason: string): Promise<string> {
  const f = await findingByRef(ctx.m, ref, ctx.now);
  const chief = await chiefOf(ctx, f);
  if (f.positive) throw new UserError(`${f.no} 是表扬，无需异议。`);
  if (!mayDispute(ctx, f, chief))
    throw new UserError(`只有 ${f.departmentCode ?? '相关部门'} 的首席代表或被记录的工作人员可以对 ${f.no} 提出异议。`);
  if (f.status === '有异议') return `${f.no} 已提出异议，等待大厅管理室裁定。`;
  if (f.status === '已撤销' || f.status === '不成立') return `${f.no} 已${f.status}，无需异议。`;
  const clock = await findDeadline(ctx.m, 'finding', f.no, DISPUTE_CLOCK);
  if (f.status === '待确认' && clock && isPastDue(clock.dueAt, ctx.now)) await confirm(ctx, f, 'auto', 'window-passed');
  if (f.status === '已确认') {
    // Past the OPEN #17 window: still heard, as an appeal (ACC-03; the seed gives the right without a limit).
    await fileAppeal(ctx, f.no, reason);
    return `✅ ${shortNo(f.no)} 已过异议期（已确认），已作为申辩提交大厅管理室（rule ACC-03）`;
  }
  const res = await ctx.m.update(
    Finding,
    { id: f.id, status: '待确认' },
    { status: '有异议', disputeReason: reason, disputedBy: ctx.actor.userid, disputedAt: ctx.now },
  );
  if ((res.affected ?? 0) !== 1) return `已处理：${f.no} 状态已变化。`;
  if (clock) await closeDeadline(ctx.m, ctx.now, ctx.actor.userid, clock, 'disputed');
  await ctx.audit('finding.dispute', 'finding', f.no, { reason });
  // The recorder decides if they are in 大厅管理室; otherwise every 大厅管理室 member gets the card.
  const office = (await usersWithRole(ctx.m, 'hall_office')).map((p) => p.userid);
  const to = office.includes(f.recorder) ? [f.recorder] : office;
  const card = buttonCard({
    taskId: taskIdFor(f.no, 'dispute', randomBytes(3).toString('hex')),
    title: `巡查发现异议 ${f.no}`,
    desc: `${f.departmentCode ?? ''} ${f.windowNumber ? `${f.windowNumber}号窗` : ''}｜${ctx.actor.name}`,
    subTitle: `异议理由：${reason}`,
    fields: [
      { key: '发现', value: f.description },
      { key: '项目', value: itemFull(f.item) },
      { key: '记录时间', value: `${shortDate(f.date)}` },
    ],
    buttons: [
      { text: '维持', key: `uphold:${f.no}`, style: 1 },
      { text: '撤销', key: `withdraw:${f.no}`, style: 2 },
    ],
  });
  if (to.length) await ctx.send({ user: to }, { card }, `finding:${f.no}:dispute-card`);
  if (chief && chief !== ctx.actor.userid)
    await ctx.send(
      { user: chief },
      { text: `${f.no} 已由 ${ctx.actor.name} 提出异议：${reason}` },
      `finding:${f.no}:dispute-chief`,
    );
  await refreshOralDraftsFor(ctx, f.no);
  return `✅ ${shortNo(f.no)} 已提出异议，等待大厅管理室裁定`;
}

/** `巡查 裁定 <WT> 维持|撤销` / card `uphold:` `withdraw:` (大厅管理室). On a confirmed finding it answers a 申辩. */
export async function decideDispute(
  ctx: Ctx,
  ref: string,
  uphold: boolean,
  note: string,
  click?: CardClick,
): Promise<string> {
  const f = await findingByRef(ctx.m, ref, ctx.now);
  if (f.status === '已确认') {
    if (uphold) await upholdAppeals(ctx, f.no, note);
    else await resolveUnfounded(ctx, f.no, note, '不成立');
    if (click) await greyClickedCard(ctx, click, uphold ? '已维持' : '已撤销');
    return uphold
      ? `✅ ${shortNo(f.no)} 维持（${note}）`
      : `✅ ${shortNo(f.no)} 不成立，已通知 ${f.departmentCode ?? ''}`;
  }
  if (f.status !== '有异议') return `已处理：${f.no} 当前状态 ${f.status}，无待裁定的异议。`;
  const status = uphold ? '已确认' : '已撤销';
  const res = await ctx.m.update(
    Finding,
    { id: f.id, status: '有异议' },
    {
      status,
      decidedBy: ctx.actor.userid,
      decidedAt: ctx.now,
      decisionNote: note,
      ...(uphold ? { confirmedBy: ctx.actor.userid, confirmedAt: ctx.now } : {}),
    },
  );
  if ((res.affected ?? 0) !== 1) return `已处理：${f.no} 状态已变化。`;
  await ctx.audit(uphold ? 'finding.uphold' : 'finding.withdraw', 'finding', f.no, { note });
  if (!uphold) await clearDeductions(ctx, f.no, `异议成立，已撤销：${note}`);
  if (click) await greyClickedCard(ctx, click, uphold ? '已维持' : '已撤销');
  const chief = await chiefOf(ctx, f);
  const tell = [...new Set([chief, f.disputedBy, f.staffUserid].filter((x): x is string => !!x))];
  if (tell.length)
    await ctx.send(
      { user: tell },
      {
        text: `${f.no} 异议裁定：${uphold ? '维持' : '撤销'}（${note}）— ${await personName(ctx.m, ctx.actor.userid)}`,
      },
      `finding:${f.no}:decided`,
    );
  await refreshOralDraftsFor(ctx, f.no);
  return uphold ? `✅ ${shortNo(f.no)} 维持（${note}）` : `✅ ${shortNo(f.no)} 已撤销`;
}

/** finding-auto-confirm (09:00 WD): findings whose dispute window has passed → 确认; each 首席代表 gets one DM. */
export async function autoConfirmDue(ctx: Ctx): Promise<number> {
  const clocks = await ctx.m.find(Deadline, { where: { subjectType: 'finding', kind: DISPUTE_CLOCK, status: 'open' } });
  const due = clocks.filter((d) => isPastDue(d.dueAt, ctx.now));
  if (!due.length) return 0;
  const findings = await ctx.m.find(Finding, {
    where: { no: In(due.map((d) => d.subjectId)), status: '待确认' },
    order: { no: 'ASC' },
  });
  const byChief = new Map<string, string[]>();
  let confirmed = 0;
  for (const f of findings) {
    if (!(await confirm(ctx, f, 'auto', 'auto-confirm'))) continue;
    confirmed++;
    const chief = await chiefOf(ctx, f);
    if (chief) byChief.set(chief, [...(byChief.get(chief) ?? []), f.no]);
  }
  for (const d of due.filter((d) => !findings.some((f) => f.no === d.subjectId)))
    await closeDeadline(ctx.m, ctx.now, ctx.actor.userid, d, 'stale');
  const today = localDate(ctx.now);
  const wd = await getSetting(ctx.m, 'finding.disputeWorkdays');
  for (const [chief, nos] of byChief) {
    await ctx.send(
      { user: chief },
      {
        text: `以下巡查发现${wd}个工作日内未提出异议，已自动确认（rule INS-09）：${nos.map(shortNo).join('、')}\n如仍有异议，可发送：问效 申辩 <编号> 理由=…`,
      },
      `finding-auto:${today}:${chief}`,
    );
  }
  return confirmed;
}

/** Card `dispute:<WT>` pre-check: the clicker may dispute and the finding is still open to it. */
export async function assertMayDispute(ctx: Ctx, ref: string): Promise<Finding> {
  const f = await findingByRef(ctx.m, ref, ctx.now);
  if (!mayDispute(ctx, f, await chiefOf(ctx, f)))
    throw new UserError(`只有 ${f.departmentCode ?? '相关部门'} 的首席代表或被记录的工作人员可以对 ${f.no} 提出异议。`);
  if (f.status !== '待确认' && f.status !== '已确认')
    throw new UserError(`${f.no} 当前为“${f.status}”，无需再提异议。`);
  return f;
}
