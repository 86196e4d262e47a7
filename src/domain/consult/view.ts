import { In } from 'typeorm';
import { Consultation } from '../../../entities/consultation';
import type { Ctx } from '../../kernel/ctx';
import { personName } from '../../kernel/directory';
import { UserError } from '../../kernel/errors';
import { maskPhone, seesPersonalData } from '../../kernel/mask';
import { hasRole } from '../../kernel/permissions';
import { cnDate, localDate, localStamp, shortDate } from '../../kernel/time';
import { loadConsultation, shortZx, ST } from './model';

// 咨询 列表 / 查看 (CAS-03, CAS-04, CAS-20): what is still open, and one record in full. Staff and guides see their
// own and their department's; 大厅管理室, leaders and supervisors see all. The contact is masked per D18 for
// anyone but the first responder and the unmasked roles.

const WIDE = ['hall_office', 'leader', 'supervisor'] as const;

function mayView(ctx: Ctx, c: Consultation): boolean {
  if (hasRole(ctx.actor, ...WIDE)) return true;
  if (c.firstResponder === ctx.actor.userid) return true;
  const d = ctx.actor.departmentCode;
  return !!d && (c.departmentCode === d || c.expertDept === d);
}

export async function listOpen(ctx: Ctx): Promise<string[]> {
  const rows = await ctx.m.find(Consultation, {
    where: { status: In([ST.open, ST.expertWaiting]) },
    order: { id: 'ASC' },
  });
  const today = localDate(ctx.now);
  const lines: string[] = [];
  for (const c of rows.filter((r) => mayView(ctx, r))) {
    const who = await personName(ctx.m, c.firstResponder);
    if (c.kind === '专家') {
      lines.push(`${shortZx(c.no, ctx.now)} 待${c.expertDept}派员｜${who}｜${c.question}`);
      continue;
    }
    const due = c.answerDue ? `${c.answerDue < today ? '⚠️逾期 ' : ''}期限 ${shortDate(c.answerDue)}` : '';
    lines.push(`${shortZx(c.no, ctx.now)} ${due}｜${who}｜${c.question}`);
  }
  return lines;
}

export async function viewConsultation(ctx: Ctx, ref: string): Promise<string> {
  const c = await loadConsultation(ctx, ref);
  if (!mayView(ctx, c)) throw new UserError(`${c.no} 不是你或你部门登记的咨询，无权查看。`);
  const unmasked = seesPersonalData(ctx.actor.roles) || c.firstResponder === ctx.actor.userid;
  const lines = [
    `${c.no}｜${c.kind === '专家' ? `请求专家（${c.expertDept}）` : c.outcome}｜${c.status}`,
    `登记 ${localStamp(c.createdAt)}｜首问责任人 ${await personName(ctx.m, c.firstResponder)}｜${c.channel}`,
    `问题：${c.question}`,
  ];
  if (c.guidedTo) lines.push(`指引至：${c.guidedTo}`);
  if (c.unit) lines.push(`告知单位：${c.unit}｜地址：${c.address ?? ''}`);
  if (c.contact) lines.push(`联系：${unmasked ? c.contact : maskPhone(c.contact)}`);
  if (c.answerDue) lines.push(`答复期限：${cnDate(c.answerDue)}`);
  if (c.answeredAt)
    lines.push(
      `答复：${localStamp(c.answeredAt)} ${await personName(ctx.m, c.answeredBy)}${c.callback ? '（已回电致歉）' : ''}${c.answer ? `｜${c.answer}` : ''}`,
    );
  if (c.kind === '专家')
    lines.push(
      c.ackAt
        ? `回应：${localStamp(c.ackAt)} ${await personName(ctx.m, c.ackBy)}`
        : `待 ${c.expertDept} 首席代表回应${c.expertWindow ? `（${c.expertWindow}号窗）` : ''}`,
    );
  return lines.join('\n');
}
