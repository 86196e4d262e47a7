import type { Complaint } from '../../../entities/complaint';
import type { Ctx } from '../../kernel/ctx';
import { UserError } from '../../kernel/errors';
import { getSetting } from '../../settings/settings';
import { type LocalDate, localDate } from '../../kernel/time';
import { DL, ST } from './model';
import { type SentReferral, sendReferral } from './referral';
import { closeClock, partiesOf, requireOpen, updateComplaint } from './store';
import { overdueWorkdaysOf } from './sources';

// 答复回访 (000 投诉处理 三(四); CMP-08, CMP-15, CMP-16, CMP-20): reply within 2 WD of 处理完毕 (5 WD / the
// platform's date for 意见建议类, 15 WD for 信访举报); a late reply is recorded with its overdue flag, never
// refused (D31); dissatisfied + respondent at fault → 退回整改, same tier (OPEN #11), loop counted.

/** Which clocks a reply answers. */
const REPLY_CLOCKS = [DL.reply, DL.suggestion, DL.petition, DL.platform];

export interface ReplyInput {
  method: string;
  satisfaction: string;
  reason?: string;
  suggestion?: string;
}

export async function replyToComplainant(ctx: Ctx, c: Complaint, input: ReplyInput): Promise<{ lateWorkdays: number }> {
  requireOpen(c, '答复');
  const ready = [ST.toReply, ST.suggestion, ST.petition] as string[];
  if (!ready.includes(c.status))
    throw new UserError(
      `${c.no} 当前为“${c.status}”，尚未处理完毕，不能答复（处理完毕后2个工作日内答复，rule CMP-15）。`,
    );
  if (input.satisfaction === '不满意' && !input.reason?.trim())
    throw new UserError('投诉人不满意时须记录原因：原因=…（rule CMP-16）');
  let lateWorkdays = 0;
  for (const kind of REPLY_CLOCKS) {
    const r = await closeClock(ctx, c.no, kind, `答复：${input.satisfaction}`);
    if (r.late && r.deadline)
      lateWorkdays = Math.max(
        lateWorkdays,
        Math.max(1, overdueWorkdaysOf(ctx.deps.calendar, r.deadline.dueDate, localDate(ctx.now))),
      );
  }
  await updateComplaint(
    ctx,
    c,
    {
      status: ST.replied,
      repliedAt: ctx.now,
      replyMethod: input.method.slice(0, 16),
      satisfaction: input.satisfaction,
      dissatisfiedReason: input.reason ?? null,
      suggestion: input.suggestion ?? null,
      // overdue flags are only ever set, never cleared (the job sets `overdue` concurrently)
      ...(lateWorkdays > 0 ? { replyOverdue: true, overdue: true } : {}),
    },
    'complaint.reply',
    { method: input.method, satisfaction: input.satisfaction, late: lateWorkdays > 0, round: c.round },
  );
  return { lateWorkdays };
}

/** `投诉 退回整改` (CMP-16): a new round to the same departments; deadline same tier unless configured or given. */
export async function sendBack(
  ctx: Ctx,
  c: Complaint,
  opts: { until?: LocalDate; opinion?: string },
): Promise<{ round: number; sent: SentReferral[] }> {
  requireOpen(c, '退回整改');
  if (c.status !== ST.replied || c.satisfaction !== '不满意')
    throw new UserError(
      `${c.no} 须先答复并记录“不满意”（投诉 答复 … 满意度=不满意 原因=…）才能退回整改（rule CMP-16）。`,
    );
  const prev = await partiesOf(ctx, c.no, c.round);
  const depts = prev.length
    ? [...new Set(prev.map((p) => p.departmentCode))]
    : c.departmentCode
      ? [c.departmentCode]
      : [];
  if (depts.length === 0) throw new UserError(`${c.no} 无被投诉部门可退回整改，请由大厅管理室重新现场协调。`);
  const serious = prev.some((p) => p.serious) || c.serious;
  const configured = await getSetting(ctx.m, 'complaint.reReferralWorkdays');
  let workdays = configured > 0 ? configured : serious ? 10 : 5;
  if (opts.until) {
    const today = localDate(ctx.now);
    if (opts.until <= today) throw new UserError(`期限 ${opts.until} 须晚于今天。`);
    workdays = ctx.deps.calendar.workdaysBetween(today, opts.until);
    if (workdays < 1) throw new UserError(`期限 ${opts.until} 之前没有工作日。`);
  }
  const round = c.round + 1;
  await updateComplaint(
    ctx,
    c,
    { round, satisfaction: null, processedAt: null, ...(opts.opinion ? { opinion: opts.opinion } : {}) },
    'complaint.send-back',
    { round, departments: depts, workdays, reason: 'CMP-16' },
  );
  const mode = depts.length > 1 ? '协同办理' : '转交办理';
  const sent = await sendReferral(ctx, c, { depts, serious, mode, workdays, round });
  return { round, sent };
}
