import { In } from 'typeorm';
import { Department } from '../../../entities/department';
import { Notice } from '../../../entities/notice';
import { Talk } from '../../../entities/talk';
import { roleStep } from '../../approvals/approvers';
import { startApproval } from '../../approvals/engine';
import type { ApprovalKind } from '../../kernel/approval-kind';
import type { Ctx } from '../../kernel/ctx';
import { chiefRepOf, personName } from '../../kernel/directory';
import { UserError } from '../../kernel/errors';
import { dayOfNextMonth, isOnOrBefore } from '../../calendar/conventions';
import { insertRows } from '../../db';
import { cnDate, localDate, shortDate, type LocalDate } from '../../kernel/time';
import { saveReport } from './written-docx';
import { talkRecordDocx } from '../../reports/briefing-docx';
import { issueRectification } from '../accountability/rectifications';
import { allocateNoticeNo, showNoticeNo } from './numbering';
import { talkCandidates, type Candidate } from './talk-candidates';

// BRF-04…BRF-06 (000 督查通报 第五条(二), 第六条(二)2): 大厅管理室 confirms the month's candidates and drafts the
// 约谈记录 (9 fields, OPEN #23); a 中心领导 approves it (D20); approval gives the 督通 number (BRF-10) and an
// ACC-04 整改 order to the 首席代表. Deadline: 10th of the next month, inclusive (OPEN #2); a later talk is
// recorded with its real date and flagged late, never refused (D31).

export const TALK_KIND = 'talk-record';
export const TALK_DAY = 10;
export const TARGETS = ['首席代表', '分管领导'] as const;

/** monthly-batch: store the candidates (status 候选) so reminders and the record can refer to them. */
export async function storeCandidates(ctx: Ctx, month: string): Promise<Candidate[]> {
  const list = await talkCandidates(ctx.m, month);
  for (const c of list) {
    await insertRows(
      ctx.m,
      Talk,
      {
        month,
        departmentCode: c.departmentCode,
        target: c.target,
        status: '候选',
        deadline: dayOfNextMonth(month, TALK_DAY),
        reasons: c.reasons.join('、'),
        evidence: c.evidence,
        proposedAt: ctx.now,
        late: false,
      },
      { orIgnore: true },
    );
  }
  if (list.length)
    await ctx.audit('talk.candidates', 'talk', month, {
      candidates: list.map((c) => `${c.departmentCode}:${c.target}`),
    });
  return list;
}

async function talkOf(ctx: Ctx, month: string, code: string, target: string): Promise<Talk | null> {
  return ctx.m.findOne(Talk, { where: { month, departmentCode: code, target } });
}

/** `约谈 确认 <部门> 对象=…`: schedules the talk; a department that was not proposed may be added by 大厅管理室. */
export async function confirmTalk(ctx: Ctx, month: string, code: string, target: string): Promise<Talk> {
  const deadline = dayOfNextMonth(month, TALK_DAY);
  let t = await talkOf(ctx, month, code, target);
  if (!t) {
    await insertRows(ctx.m, Talk, {
      month,
      departmentCode: code,
      target,
      status: '候选',
      deadline,
      reasons: '大厅管理室确认',
      evidence: { findings: [], complaints: [], rectifications: [] },
      proposedAt: null,
      late: false,
    });
    t = (await talkOf(ctx, month, code, target))!;
  }
  if (t.status === '已完成')
    throw new UserError(`${code} ${month} 约谈${target}已完成（${showNoticeNo(t.noticeNo ?? '')}）。`);
  if (t.status === '候选') {
    await ctx.m.update(Talk, { id: t.id }, { status: '已确认', confirmedBy: ctx.actor.userid, confirmedAt: ctx.now });
    await ctx.audit('talk.confirm', 'talk', String(t.id), { month, department: code, target, deadline });
    const chief = await chiefRepOf(ctx.m, code);
    await ctx.send(
      { user: chief.userid },
      {
        text: `📅 ${code} 将被约谈（约谈${target}，${month} 问题：${t.reasons}），须于 ${cnDate(deadline)} 前完成（rule ${target === '首席代表' ? 'BRF-04' : 'BRF-05'}）。`,
      },
      `talk:${t.id}:confirmed`,
    );
  }
  return (await talkOf(ctx, month, code, target))!;
}

export interface TalkRecordInput {
  month: string;
  code: string;
  target: string;
  date: LocalDate;
  talkers: string;
  targetName?: string;
  issues?: string;
  opinions: string;
  requirements: string;
  due: LocalDate;
}

/** `约谈 记录` (H5 form 约谈记录): the record goes to a 中心领导 for 审定 (BRF-06). */
export async function recordTalk(ctx: Ctx, r: TalkRecordInput): Promise<{ talk: Talk; sp: string }> {
  let t = await talkOf(ctx, r.month, r.code, r.target);
  if (!t) t = await confirmTalk(ctx, r.month, r.code, r.target);
  if (t.status === '已完成')
    throw new UserError(`${r.code} ${r.month} 约谈${r.target}已完成（${showNoticeNo(t.noticeNo ?? '')}）。`);
  if (t.status === '待审定') throw new UserError(`${r.code} ${r.month} 约谈记录已送审（${t.approvalNo}）。`);
  if (r.date > localDate(ctx.now)) throw new UserError(`约谈日期 ${r.date} 尚未到来，请在约谈后记录。`);
  const dept = await ctx.m.findOneOrFail(Department, { where: { code: r.code } });
  const targetName =
    r.targetName ?? (r.target === '首席代表' ? await personName(ctx.m, dept.chiefRep) : (dept.deptLeaderName ?? ''));
  const issues =
    r.issues ?? [...t.evidence.findings, ...t.evidence.complaints, ...t.evidence.rectifications].join('、');
  const late = !isOnOrBefore(r.date, t.deadline);
  await ctx.m.update(
    Talk,
    { id: t.id },
    {
      status: '待审定',
      talkDate: r.date,
      talkers: r.talkers.slice(0, 128),
      targetName: targetName.slice(0, 64),
      opinions: r.opinions,
      requirements: r.requirements,
      requirementDue: r.due,
      drafter: ctx.actor.userid,
      late,
      evidence: { ...t.evidence, ...(r.issues ? { findings: r.issues.split(/[,，、\s]+/).filter(Boolean) } : {}) },
    },
  );
  const a = await startApproval(ctx, {
    kind: TALK_KIND,
    subjectType: 'talk',
    subjectId: `talk:${t.id}`,
    title: `约谈记录审定｜${r.code} 约谈${r.target}（${r.month}）`,
    departmentCode: r.code,
    payload: { talkId: t.id, issues },
  });
  await ctx.m.update(Talk, { id: t.id }, { approvalNo: a.no });
  await ctx.audit('talk.record', 'talk', String(t.id), { date: r.date, late, approval: a.no });
  return { talk: (await talkOf(ctx, r.month, r.code, r.target))!, sp: a.no };
}

export const talkRecordKind: ApprovalKind = {
  kind: TALK_KIND,
  steps: async (ctx) => [await roleStep(ctx.m, '中心领导审定', 'leader')],
  async card(ctx, a) {
    const t = await ctx.m.findOneOrFail(Talk, { where: { id: Number(a.payload.talkId) } });
    return {
      subTitle: `意见建议：${t.opinions ?? ''}`,
      fields: [
        { key: '部门', value: `${t.departmentCode}（${t.month}）` },
        { key: '约谈', value: `${t.target} ${t.targetName ?? ''}${t.late ? '（逾期）' : ''}` },
        { key: '日期', value: `${t.talkDate ?? ''} ${t.talkers ?? ''}` },
        { key: '问题清单', value: (a.payload.issues as string | undefined) || t.reasons },
        { key: '整改要求', value: t.requirements ?? '' },
        { key: '期限', value: t.requirementDue ? shortDate(t.requirementDue) : '' },
      ],
    };
  },
  async onApproved(ctx, a) {
    const t = await ctx.m.findOneOrFail(Talk, { where: { id: Number(a.payload.talkId) } });
    await insertRows(ctx.m, Notice, {
      periodKey: `约谈:${t.id}`,
      type: '约谈',
      title: `约谈${t.target}｜${t.departmentCode}（${t.month}）`,
      forDate: localDate(ctx.now),
      month: t.month,
      coversFrom: null,
      coversTo: null,
      departmentCode: t.departmentCode,
      status: '已批准',
      approvalNo: a.no,
      content: { talkId: t.id, issues: a.payload.issues ?? '' },
      text: `约谈${t.target} ${t.targetName ?? ''}：${t.opinions ?? ''}；整改要求：${t.requirements ?? ''}（期限 ${t.requirementDue ?? ''}）`,
      criticism: t.evidence.findings.length,
      praise: 0,
      drafter: t.drafter ?? a.requester,
      approver: ctx.actor.userid,
      approvedAt: ctx.now,
      publishedAt: ctx.now,
      scope: `G-DEPT-${t.departmentCode}`,
      createdAt: ctx.now,
    });
    const notice = await ctx.m.findOneOrFail(Notice, { where: { periodKey: `约谈:${t.id}` } });
    const no = await allocateNoticeNo(ctx, notice);
    await ctx.m.update(Notice, { id: notice.id }, { status: '已发布' });
    // The 约谈记录's 整改要求 · 期限 becomes an ACC-04 order to the 首席代表.
    const chief = await chiefRepOf(ctx.m, t.departmentCode);
    const { order } = await issueRectification(ctx, {
      source: no,
      responsible: chief,
      requirement: `${t.requirements ?? ''}（完成期限 ${t.requirementDue ?? ''}）`,
    });
    await ctx.m.update(
      Talk,
      { id: t.id },
      { status: '已完成', approver: ctx.actor.userid, approvedAt: ctx.now, noticeNo: no, rectificationNo: order.no },
    );
    await ctx.audit('talk.approve', 'talk', String(t.id), { notice: no, rectification: order.no });
    await ctx.send(
      { group: 'G-OFFICE' },
      { text: `✅ 约谈记录 ${no}（约谈）${t.departmentCode} 约谈${t.target}已审定，整改单 ${order.no}` },
      `talk:${t.id}:approved`,
    );
    // D41: the record as a 公文 for 大厅管理室 to print and file (000 督查通报 第六条(二)4).
    const dept = await ctx.m.findOneOrFail(Department, { where: { code: t.departmentCode } });
    const doc = await talkRecordDocx({
      no: showNoticeNo(no),
      deptName: dept.name,
      target: t.target,
      targetName: t.targetName ?? '',
      month: t.month,
      talkDate: t.talkDate ?? localDate(ctx.now),
      talkers: t.talkers ?? '',
      issues: `${t.reasons}${a.payload.issues ? `（${a.payload.issues as string}）` : ''}`,
      opinions: t.opinions ?? '',
      requirements: t.requirements ?? '',
      due: t.requirementDue,
      date: localDate(ctx.now),
    });
    const path = await saveReport(ctx.deps.config.attachmentDir, `notice-talk-${t.id}.docx`, doc);
    await ctx.send(
      { group: 'G-OFFICE' },
      { file: { path, filename: `${showNoticeNo(no)}（约谈）${dept.name}约谈记录.docx` } },
      `talk:${t.id}:file`,
    );
  },
  async onRejected(ctx, a, reason) {
    const t = await ctx.m.findOneOrFail(Talk, { where: { id: Number(a.payload.talkId) } });
    await ctx.m.update(Talk, { id: t.id }, { status: '已确认' });
    await ctx.audit('talk.reject', 'talk', String(t.id), { approval: a.no, reason });
  },
  // BRF-04/05 reminders are the talk-reminders job (5th, 8th, escalation after the 10th).
  remindAfterWorkdays: 30,
};

/** Talks of `month` not yet done (for reminders): unconfirmed candidates and confirmed, unrecorded talks. */
export async function openTalks(ctx: Ctx, month: string): Promise<Talk[]> {
  return ctx.m.find(Talk, {
    where: { month, status: In(['候选', '已确认', '待审定', '已驳回']) },
    order: { departmentCode: 'ASC' },
  });
}
