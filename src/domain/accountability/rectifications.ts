import { In } from 'typeorm';
import { Department } from '../../../entities/department';
import type { Person } from '../../../entities/person';
import { Rectification } from '../../../entities/rectification';
import { RectificationProgress } from '../../../entities/rectification-progress';
import type { Ctx } from '../../kernel/ctx';
import { personName } from '../../kernel/directory';
import { ruleRefusal, UserError } from '../../kernel/errors';
import { formLink } from '../../kernel/forms';
import { hasRole } from '../../kernel/permissions';
import { closeDeadline, findDeadline, openDeadline } from '../../calendar/deadlines';
import { insertRows } from '../../db';
import { nextRecordNo, normaliseRecordRef } from '../../kernel/numbers';
import { getSetting } from '../../settings/settings';
import { daysBetween, localDate, shortDate, yearOf, type LocalDate } from '../../kernel/time';
import { recordDeduction } from '../performance';
import { resolveSource } from './sources';

// ACC-04 (000 全过程监督 第十二条): confirmed problems get a 整改方案 (内容, 措施, 完成时限, 责任人 — HARD),
// periodic progress feedback (OPEN #13: weekly) and a result report; 验收 by 大厅管理室. INS-11: 整改不力 →
// 考核扣分 of the department and its 首席代表 (PRF-14); 不到位 at month end → BRF-05 candidate.

export const PLAN_CLOCK = 'rectification:plan';
export const DONE_CLOCK = 'rectification:completion';
const OPEN_STATUSES = ['待报方案', '整改中', '待验收'];

export async function rectificationByRef(ctx: Ctx, ref: string): Promise<Rectification> {
  const no = normaliseRecordRef(ref, 'ZG', yearOf(localDate(ctx.now)));
  const r = no ? await ctx.m.findOne(Rectification, { where: { no } }) : null;
  if (!r) throw new UserError(`没有找到整改单“${ref}”。`);
  return r;
}

/** Open a clock to a date (CD) or for N WD. */
async function openClock(ctx: Ctx, no: string, kind: string, until: LocalDate | undefined, workdays: number) {
  const today = localDate(ctx.now);
  if (until && until < today) throw new UserError(`期限 ${until} 已过。`);
  const spec = until
    ? { amount: daysBetween(today, until), unit: 'CD' as const }
    : { amount: workdays, unit: 'WD' as const };
  const existing = await findDeadline(ctx.m, 'rectification', no, kind);
  if (existing && existing.status !== 'closed')
    await closeDeadline(ctx.m, ctx.now, ctx.actor.userid, existing, 'replaced');
  return openDeadline(ctx.m, ctx.now, ctx.actor.userid, ctx.deps.calendar, {
    subjectType: 'rectification',
    subjectId: no,
    kind,
    startAt: ctx.now,
    ...spec,
  });
}

async function closeClock(ctx: Ctx, no: string, kind: string, outcome: string): Promise<void> {
  const d = await findDeadline(ctx.m, 'rectification', no, kind);
  if (d && d.status !== 'closed') await closeDeadline(ctx.m, ctx.now, ctx.actor.userid, d, outcome);
}

export interface IssueInput {
  source: string;
  responsible: Person;
  /** 报整改方案 by this date (default: OPEN #13, 5 WD). */
  due?: LocalDate;
  requirement?: string;
  /** A complex 差评 or complaint: the 长效机制 and the explanation to the complainant (REV-03, CMP-21). */
  longTerm?: string;
  explanation?: string;
}

/** `整改 下达` (ACC-04, ACC-05, INS-11): a 责令整改 order to the responsible person. */
export async function issueRectification(
  ctx: Ctx,
  input: IssueInput,
): Promise<{ order: Rectification; due: LocalDate }> {
  const s = await resolveSource(ctx.m, input.source, ctx.now);
  if (s.type === 'finding') {
    if (!s.known) throw new UserError(`没有找到巡查发现 ${s.no}。`);
    if (s.findingStatus === '有异议')
      throw ruleRefusal('ACC-04', '000 全过程监督 第十二条', `${s.no} 有异议待裁定，对确认的问题才能责令整改。`);
    if (s.findingStatus === '已撤销' || s.findingStatus === '不成立' || s.findingStatus === '表扬')
      throw new UserError(`${s.no} ${s.findingStatus}，不需要整改。`);
  }
  const open = await ctx.m.findOne(Rectification, { where: { source: s.no, status: In(OPEN_STATUSES) } });
  if (open) throw new UserError(`${s.no} 已有整改单 ${open.no}（${open.status}）。`);
  const today = localDate(ctx.now);
  const no = await nextRecordNo(ctx.m, 'ZG', yearOf(today));
  const departmentCode = s.departmentCode ?? input.responsible.departmentCode;
  await insertRows(ctx.m, Rectification, {
    no,
    source: s.no,
    sourceType: s.type,
    departmentCode,
    responsible: input.responsible.userid,
    issuedBy: ctx.actor.userid,
    issuedAt: ctx.now,
    status: '待报方案',
    verdict: null,
    requirement: input.requirement ?? null,
    failedChecks: 0,
    longTerm: input.longTerm ?? null,
    explanation: input.explanation ?? null,
  });
  const clock = await openClock(ctx, no, PLAN_CLOCK, input.due, await getSetting(ctx.m, 'rectification.planWorkdays'));
  await ctx.audit('rectification.issue', 'rectification', no, {
    source: s.no,
    known: s.known,
    responsible: input.responsible.userid,
    due: clock.dueDate,
    ...(input.longTerm ? { longTerm: input.longTerm, explanation: input.explanation ?? null } : {}),
  });
  const link = await formLink({ ...ctx, actor: { ...ctx.actor, userid: input.responsible.userid } }, 'rectification', {
    编号: no,
  });
  await ctx.send(
    { user: input.responsible.userid },
    {
      text: `🛠 责令整改 ${no}（来源 ${s.no}）${input.requirement ? `：${input.requirement}` : ''}\n请于 ${shortDate(clock.dueDate)} 前报送整改方案（内容、措施、完成时限、责任人）：\n整改 方案 ${no} 内容=… 措施=… 时限=… 责任人=@…\n或填写表单：${link}`,
    },
    `rect:${no}:issued`,
  );
  const chief = departmentCode
    ? (await ctx.m.findOne(Department, { where: { code: departmentCode } }))?.chiefRep
    : null;
  if (chief && chief !== input.responsible.userid) {
    await ctx.send(
      { user: chief },
      {
        text: `${departmentCode} 收到责令整改 ${no}（来源 ${s.no}），责任人 ${input.responsible.name}，${shortDate(clock.dueDate)} 前报整改方案。`,
      },
      `rect:${no}:chief`,
    );
  }
  const order = await ctx.m.findOneOrFail(Rectification, { where: { no } });
  return { order, due: clock.dueDate };
}

async function mayReport(ctx: Ctx, r: Rectification): Promise<void> {
  const chief = r.departmentCode
    ? (await ctx.m.findOne(Department, { where: { code: r.departmentCode } }))?.chiefRep
    : null;
  if ([r.responsible, r.planOwner, chief].includes(ctx.actor.userid) || hasRole(ctx.actor, 'hall_office')) return;
  throw new UserError(
    `${r.no} 由 ${await personName(ctx.m, r.responsible)} 负责，只有责任人、首席代表或大厅管理室可以报送。`,
  );
}

export interface PlanInput {
  content?: string;
  measures?: string;
  deadline?: LocalDate;
  owner?: Person;
}

/** `整改 方案` — ACC-04 HARD: all four seed fields. */
export async function submitPlan(ctx: Ctx, r: Rectification, p: PlanInput): Promise<LocalDate> {
  await mayReport(ctx, r);
  const missing = [
    !p.content && '内容',
    !p.measures && '措施',
    !p.deadline && '完成时限（时限=）',
    !p.owner && '责任人',
  ].filter(Boolean);
  if (missing.length) {
    throw ruleRefusal(
      'ACC-04',
      '000 全过程监督 第十二条',
      `整改方案应明确整改的内容、措施、完成时限、责任人，缺少：${missing.join('、')}。可填写表单：${await formLink(ctx, 'rectification', { 编号: r.no })}`,
    );
  }
  if (r.status === '已通过') throw new UserError(`${r.no} 已验收通过。`);
  if (r.status === '待验收') throw new UserError(`${r.no} 已报送整改结果，待验收。`);
  await ctx.m.update(
    Rectification,
    { id: r.id },
    {
      planContent: p.content!,
      planMeasures: p.measures!,
      planDeadline: p.deadline!,
      planOwner: p.owner!.userid,
      planAt: ctx.now,
      status: '整改中',
    },
  );
  await closeClock(ctx, r.no, PLAN_CLOCK, 'plan');
  const clock = await openClock(ctx, r.no, DONE_CLOCK, p.deadline, 0);
  await ctx.audit('rectification.plan', 'rectification', r.no, {
    content: p.content,
    measures: p.measures,
    deadline: p.deadline,
    owner: p.owner!.userid,
  });
  await ctx.send(
    { user: r.issuedBy },
    { text: `${r.no} 已报送整改方案：${p.measures}（完成时限 ${shortDate(p.deadline!)}，责任人 ${p.owner!.name}）` },
    `rect:${r.no}:plan:v${clock.version}`,
  );
  return p.deadline!;
}

export async function reportProgress(ctx: Ctx, r: Rectification, text: string): Promise<number> {
  await mayReport(ctx, r);
  if (r.status !== '整改中')
    throw new UserError(
      `${r.no} 当前为“${r.status}”，${r.status === '待报方案' ? '请先报送整改方案' : '无需报送进度'}。`,
    );
  const seq = (await ctx.m.count(RectificationProgress, { where: { rectificationNo: r.no } })) + 1;
  await insertRows(ctx.m, RectificationProgress, {
    rectificationNo: r.no,
    seq,
    date: localDate(ctx.now),
    at: ctx.now,
    text,
    by: ctx.actor.userid,
  });
  await ctx.audit('rectification.progress', 'rectification', r.no, { seq, text });
  return seq;
}

export async function reportCompletion(ctx: Ctx, r: Rectification, result: string): Promise<void> {
  await mayReport(ctx, r);
  if (r.status !== '整改中') throw new UserError(`${r.no} 当前为“${r.status}”，不能报送整改结果。`);
  await ctx.m.update(Rectification, { id: r.id }, { status: '待验收', result, completedAt: ctx.now });
  await closeClock(ctx, r.no, DONE_CLOCK, 'reported');
  await ctx.audit('rectification.complete', 'rectification', r.no, { result });
  await ctx.send(
    { user: r.issuedBy },
    { text: `${r.no} 已报送整改结果，请验收：${result}\n整改 验收 ${r.no} 通过|不到位 说明=…` },
    `rect:${r.no}:done:${r.failedChecks}`,
  );
}

/** `整改 验收` (大厅管理室): 通过 closes; 不到位 reopens with a new deadline and records 整改不力 (INS-11 → PRF-14). */
export async function acceptRectification(
  ctx: Ctx,
  r: Rectification,
  pass: boolean,
  note: string,
  due?: LocalDate,
): Promise<{ kf?: string; due?: LocalDate }> {
  if (r.status === '已通过') throw new UserError(`${r.no} 已验收通过。`);
  if (r.status === '待报方案' && pass) throw new UserError(`${r.no} 尚未报送整改方案和结果，不能验收通过。`);
  const common = {
    verdict: pass ? '通过' : '不到位',
    acceptedBy: ctx.actor.userid,
    acceptedAt: ctx.now,
    acceptNote: note,
  };
  const tell = [r.responsible];
  const chief = r.departmentCode
    ? ((await ctx.m.findOne(Department, { where: { code: r.departmentCode } }))?.chiefRep ?? null)
    : null;
  if (chief && chief !== r.responsible) tell.push(chief);
  if (pass) {
    await ctx.m.update(Rectification, { id: r.id }, { ...common, status: '已通过' });
    await closeClock(ctx, r.no, PLAN_CLOCK, 'accepted');
    await closeClock(ctx, r.no, DONE_CLOCK, 'accepted');
    await ctx.audit('rectification.accept', 'rectification', r.no, { pass, note });
    await ctx.send({ user: tell }, { text: `✅ ${r.no} 整改验收通过：${note}` }, `rect:${r.no}:accepted`);
    return {};
  }
  const failed = r.failedChecks + 1;
  await ctx.m.update(
    Rectification,
    { id: r.id },
    { ...common, status: r.status === '待报方案' ? '待报方案' : '整改中', failedChecks: failed },
  );
  const kind = r.status === '待报方案' ? PLAN_CLOCK : DONE_CLOCK;
  const clock = await openClock(ctx, r.no, kind, due, await getSetting(ctx.m, 'rectification.planWorkdays'));
  // INS-11 (000 巡查 四 结果运用): 整改不力 → 考核扣分 of the department and its 首席代表.
  const kf = await recordDeduction(ctx, {
    departmentCode: r.departmentCode,
    personUserid: chief,
    rule: 'INS-11',
    source: r.no,
    note: `整改不力（验收不到位，第${failed}次）：${note}`,
  });
  await ctx.audit('rectification.accept', 'rectification', r.no, { pass, note, kf, due: clock.dueDate });
  await ctx.send(
    { user: tell },
    {
      text: `⚠️ ${r.no} 整改验收不到位（${note}），请于 ${shortDate(clock.dueDate)} 前重新整改并报送结果。已记扣分事件 ${kf}（rule INS-11）。`,
    },
    `rect:${r.no}:failed:${failed}`,
  );
  return { kf, due: clock.dueDate };
}
