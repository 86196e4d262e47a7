import { HelpdeskProject, type HelpdeskStep } from '../../../entities/helpdesk-project';
import { insertRows } from '../../db';
import { attachmentsOf, openAttachmentSlot } from '../../kernel/attachments';
import type { Ctx } from '../../kernel/ctx';
import { findPerson, personName } from '../../kernel/directory';
import { ruleRefusal, UserError } from '../../kernel/errors';
import { nextRecordNo, normaliseRecordRef } from '../../kernel/numbers';
import { cnDate, localDate, yearOf } from '../../kernel/time';

// 帮您办 (CAS-21; 002 运行规范 第二十七、二十八条): free (无偿) help for key projects. Eligible are only the four
// categories of 第二十七条; the steps of 第二十八条 run in order — 专人 assigned, 核实 facts checked, 委托 授权委托书
// and 承诺书 signed (both files sent before 方案), 方案 代办方案 + 申报计划, 反馈, 归档 材料归档返还, 回访 评估评价
// — and 终止 ends the service with a signed 《终止单》 (D136).

export const BB_PREFIX = 'BB';
export const BB_SUBJECT = 'helpdesk_project';
export const CATEGORIES = ['重点投资', '招商引资', '科技创新', '国家鼓励'] as const;
export const CATEGORY_LABEL: Record<string, string> = {
  重点投资: '旗（区）级及以上人民政府确定的重点投资建设项目',
  招商引资: '招商引资的重大项目',
  科技创新: '科技创新类投资建设项目',
  国家鼓励: '国家鼓励类投资建设项目',
};
export const STEPS = ['专人', '核实', '委托', '方案', '反馈', '归档', '回访'] as const;
export const STEP_LABEL: Record<string, string> = {
  专人: '指定专人',
  核实: '核实情况',
  委托: '签订授权委托书、承诺书',
  方案: '制定代办方案及申报计划',
  反馈: '办理结果反馈',
  归档: '材料归档返还',
  回访: '回访评估评价',
};
export const PAPERS = '授权委托书承诺书';
export const TERMINATION = '终止单';

export async function loadProject(ctx: Ctx, ref: string): Promise<HelpdeskProject> {
  const no = normaliseRecordRef(ref, BB_PREFIX, yearOf(localDate(ctx.now)), 3);
  if (!no) throw new UserError(`“${ref}”不是帮您办编号（形如 BB2026-004 或 BB4）。`);
  const p = await ctx.m.findOne(HelpdeskProject, { where: { no } });
  if (!p) throw new UserError(`没有 ${no}。发送“帮您办 列表”查看在办项目。`);
  return p;
}

export const shortBb = (no: string, now: Date) =>
  no.startsWith(`${BB_PREFIX}${yearOf(localDate(now))}-`) ? `${BB_PREFIX}${Number(no.slice(7))}` : no;

export async function applyProject(ctx: Ctx, a: { 项目: string; 类别: string; 申请人?: string }): Promise<string> {
  const category = a.类别.trim();
  if (!(CATEGORIES as readonly string[]).includes(category))
    throw ruleRefusal(
      'CAS-21',
      '002 运行规范 第二十七条',
      `帮您办服务范围为：${CATEGORIES.map((c) => `${c}（${CATEGORY_LABEL[c]}）`).join('、')}；“${category}”不在范围内，未登记。`,
    );
  const no = await nextRecordNo(ctx.m, BB_PREFIX, yearOf(localDate(ctx.now)), 3);
  await insertRows(ctx.m, HelpdeskProject, {
    no,
    project: a.项目.trim().slice(0, 128),
    category,
    applicant: a.申请人?.trim().slice(0, 64) || null,
    assignee: null,
    steps: [],
    status: '办理中',
    terminationReason: null,
    createdBy: ctx.actor.userid,
    createdAt: ctx.now,
  });
  await ctx.audit('helpdesk.apply', BB_SUBJECT, no, { category });
  return `✅ ${no} 已登记（${category}，无偿代办），请指定专人：帮您办 进度 ${shortBb(no, ctx.now)} 专人 专人=@…`;
}

function assertOpen(p: HelpdeskProject): void {
  if (p.status !== '办理中') throw new UserError(`${p.no} ${p.status}，不再记录进度。`);
}

export async function recordStep(
  ctx: Ctx,
  ref: string,
  a: { 步骤: string; 说明?: string; 专人?: string },
): Promise<string> {
  const p = await loadProject(ctx, ref);
  assertOpen(p);
  const step = a.步骤.trim();
  if (!(STEPS as readonly string[]).includes(step))
    throw new UserError(`步骤“${step}”无效，依次为：${STEPS.join('、')}。`);
  const next = STEPS[p.steps.length];
  if (step !== next)
    throw ruleRefusal(
      'CAS-21',
      '002 运行规范 第二十八条',
      p.steps.some((s) => s.step === step)
        ? `${p.no} 已完成 ${step}。`
        : `须按顺序办理，下一步是 ${next}（${STEP_LABEL[next]}）。`,
    );
  let assignee = p.assignee;
  if (step === '专人') {
    if (!a.专人?.trim()) throw new UserError(`请写明专人：帮您办 进度 ${shortBb(p.no, ctx.now)} 专人 专人=@…`);
    assignee = (await findPerson(ctx.m, a.专人)).userid;
  }
  if (step === '方案') {
    const files = await attachmentsOf(ctx, BB_SUBJECT, p.no, PAPERS);
    if (files.length < 2)
      throw ruleRefusal(
        'CAS-21',
        '002 运行规范 第二十八条',
        `制定代办方案前须签订授权委托书和承诺书，已收到 ${files.length} 份；请发送 帮您办 进度 … 委托 后在10分钟内发送两份文件的照片。`,
      );
  }
  const done: HelpdeskStep = {
    step,
    at: ctx.now.toISOString(),
    by: ctx.actor.userid,
    note: a.说明?.trim() || null,
    attachments: [],
  };
  const steps = [...p.steps, done];
  const status = steps.length === STEPS.length ? '已完成' : '办理中';
  await ctx.m.update(HelpdeskProject, { id: p.id }, { steps, assignee, status });
  await ctx.audit('helpdesk.step', BB_SUBJECT, p.no, { step, status });
  const short = shortBb(p.no, ctx.now);
  const lines = [
    `✅ ${short} 已完成 ${step}（${cnDate(localDate(ctx.now))}）${step === '专人' ? `：${await personName(ctx.m, assignee)}` : ''}`,
  ];
  if (step === '委托') {
    await openAttachmentSlot(ctx, BB_SUBJECT, p.no, PAPERS);
    lines.push('请在10分钟内发送已签订的授权委托书和承诺书照片（两份）。');
  }
  lines.push(status === '已完成' ? '帮您办服务全部完成。' : `下一步：${STEP_LABEL[STEPS[steps.length]]}`);
  return lines.join('\n');
}

export async function terminateProject(ctx: Ctx, ref: string, reason: string): Promise<string> {
  const p = await loadProject(ctx, ref);
  assertOpen(p);
  await ctx.m.update(HelpdeskProject, { id: p.id }, { status: '已终止', terminationReason: reason.trim() });
  await ctx.audit('helpdesk.terminate', BB_SUBJECT, p.no, { after: p.steps.at(-1)?.step ?? null });
  await openAttachmentSlot(ctx, BB_SUBJECT, p.no, TERMINATION);
  return `✅ ${shortBb(p.no, ctx.now)} 已终止代办帮办。请在10分钟内发送双方签订的《终止单》照片（rule CAS-21）。`;
}
