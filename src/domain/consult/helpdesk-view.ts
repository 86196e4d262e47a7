import { In } from 'typeorm';
import { HelpdeskProject } from '../../../entities/helpdesk-project';
import { attachmentsOf } from '../../kernel/attachments';
import type { Ctx } from '../../kernel/ctx';
import { personName } from '../../kernel/directory';
import { localDate, localStamp, shortDate } from '../../kernel/time';
import { BB_SUBJECT, loadProject, PAPERS, shortBb, STEP_LABEL, STEPS, TERMINATION } from './helpdesk';

// 帮您办 查看 / 列表 (CAS-21): the steps done, the next one, and which signed papers are on file.

export async function viewProject(ctx: Ctx, ref: string): Promise<string> {
  const p = await loadProject(ctx, ref);
  const papers = await attachmentsOf(ctx, BB_SUBJECT, p.no, PAPERS);
  const lines = [
    `${p.no}｜${p.project}｜${p.category}｜${p.status}（无偿）`,
    `申请人 ${p.applicant ?? '未填'}｜专人 ${p.assignee ? await personName(ctx.m, p.assignee) : '未指定'}｜登记 ${localStamp(p.createdAt)}`,
  ];
  for (const s of p.steps)
    lines.push(
      `✔ ${STEP_LABEL[s.step]} ${shortDate(localDate(new Date(s.at)))} ${await personName(ctx.m, s.by)}${s.note ? `｜${s.note}` : ''}`,
    );
  if (p.status === '办理中') lines.push(`下一步：${STEP_LABEL[STEPS[p.steps.length]]}`);
  if (p.steps.some((s) => s.step === '委托')) lines.push(`授权委托书、承诺书：已收到 ${papers.length} 份`);
  if (p.status === '已终止') {
    const slip = await attachmentsOf(ctx, BB_SUBJECT, p.no, TERMINATION);
    lines.push(`终止：${p.terminationReason ?? ''}｜《终止单》${slip.length ? '已存档' : '未收到'}`);
  }
  return lines.join('\n');
}

export async function listProjects(ctx: Ctx): Promise<string[]> {
  const rows = await ctx.m.find(HelpdeskProject, { where: { status: In(['办理中']) }, order: { id: 'ASC' } });
  const out: string[] = [];
  for (const p of rows)
    out.push(
      `${shortBb(p.no, ctx.now)} ${p.project}｜${p.category}｜${p.assignee ? await personName(ctx.m, p.assignee) : '待指定专人'}｜下一步 ${STEPS[p.steps.length]}`,
    );
  return out;
}
