import { In, Like } from 'typeorm';
import { Complaint } from '../../../entities/complaint';
import { ComplaintParty } from '../../../entities/complaint-party';
import { Deadline } from '../../../entities/deadline';
import type { Ctx } from '../../kernel/ctx';
import { hasRole } from '../../kernel/permissions';
import { UserError } from '../../kernel/errors';
import { isPastDue } from '../../calendar/deadline-reminders';
import { localDate, shortDate } from '../../kernel/time';
import { ST, SUBJECT } from './model';
import { assertMayView, clockLine, complainantText, matterText } from './view';

// 投诉 查看 / 列表 / 统计 (CMP-07, CMP-17, REC-01, REC-02, D1). A 首席代表 sees only complaints about
// (or referred to) their department, with the complainant masked or "保密".

const clip = (s: string, n: number) => ([...s].length > n ? `${[...s].slice(0, n - 1).join('')}…` : s);

async function partyDepts(ctx: Ctx, no: string): Promise<string[]> {
  return (await ctx.m.find(ComplaintParty, { where: { complaintNo: no } })).map((p) => p.departmentCode);
}

export async function describeComplaint(ctx: Ctx, c: Complaint): Promise<string> {
  assertMayView(ctx.actor, c, await partyDepts(ctx, c.no));
  const clocks = await ctx.m.find(Deadline, {
    where: { subjectType: SUBJECT, subjectId: c.no, status: In(['open', 'paused']) },
    order: { id: 'ASC' },
  });
  const lines = [
    `${c.no} ${c.status}｜${c.respondentLabel}｜${c.category}｜${c.type === '投诉' ? c.nature : c.type}`,
    `投诉人：${complainantText(c, ctx.actor)}｜${c.channel}｜${shortDate(c.receivedDate)}`,
    `事项：${clip(matterText(c, ctx.actor).replace(/\s+/g, ' '), 60)}`,
    clocks.length
      ? `期限：${clocks.map((d) => clockLine(ctx.deps.calendar, d, ctx.now)).join('；')}`
      : `处理：${c.handlingMode ?? '—'}${c.processedAt ? `（${shortDate(localDate(c.processedAt))}处理完毕）` : ''}`,
    `轮次 ${c.round}｜满意度 ${c.satisfaction ?? '—'}${c.replyOverdue ? '（答复超期）' : ''}｜结果 ${c.outcome ?? '—'}${c.closeReason && c.outcome === '终结' ? `（${c.closeReason}）` : ''}`,
  ];
  if (c.outcomeUse?.length) lines.push(`结果运用：${c.outcomeUse.join('、')}`);
  return lines.slice(0, 6).join('\n');
}

export interface ListFilter {
  status?: string;
  channel?: string;
  department?: string;
  month?: string;
  type?: string;
}

export async function listComplaints(ctx: Ctx, f: ListFilter): Promise<{ header: string; lines: string[] }> {
  let dept = f.department;
  // DIR-10: a 首席代表 (without office/leader roles) sees only their own department.
  if (!hasRole(ctx.actor, 'hall_office', 'leader', 'supervisor')) dept = ctx.actor.departmentCode ?? '—';
  const where: Record<string, unknown> = {};
  if (f.status) {
    const all = Object.values(ST) as string[];
    const st = all.find((s) => s === f.status || s === `已${f.status}`);
    if (!st) throw new UserError(`“状态=${f.status}”无效。可选：${all.join('、')}`);
    where.status = st;
  }
  if (f.channel) where.channel = f.channel;
  if (f.type) where.type = f.type;
  if (f.month) where.receivedDate = Like(`${f.month}-%`);
  let rows = await ctx.m.find(Complaint, { where, order: { no: 'DESC' } });
  if (dept) {
    const referred = new Set(
      (await ctx.m.find(ComplaintParty, { where: { departmentCode: dept } })).map((p) => p.complaintNo),
    );
    rows = rows.filter((c) => c.departmentCode === dept || referred.has(c.no));
  }
  const clocks = rows.length
    ? await ctx.m.find(Deadline, {
        where: { subjectType: SUBJECT, subjectId: In(rows.map((c) => c.no)), status: 'open' },
        order: { dueAt: 'ASC' },
      })
    : [];
  const lines = rows.map((c) => {
    const d = clocks.find((x) => x.subjectId === c.no);
    const due = d ? `｜${clockLine(ctx.deps.calendar, d, ctx.now)}` : c.outcome ? `｜${c.outcome}` : '';
    return `${c.no.replace(/^TS\d{4}-0*/, 'TS')} ${c.status}｜${c.respondentLabel}｜${c.category}${due}`;
  });
  const scope = [f.month, dept, f.status, f.channel, f.type].filter(Boolean).join(' ');
  return { header: `投诉${scope ? `（${scope}）` : ''} ${rows.length} 件`, lines };
}

const count = <T>(xs: T[], key: (x: T) => string) => {
  const m = new Map<string, number>();
  for (const x of xs) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return (
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k} ${n}`)
      .join('、') || '无'
  );
};

/** `投诉 统计` (D1): counts by department, category, outcome, overdue for a month. */
export async function complaintStats(ctx: Ctx, month: string): Promise<string> {
  let rows = await ctx.m.find(Complaint, { where: { receivedDate: Like(`${month}-%`) } });
  const own = !hasRole(ctx.actor, 'hall_office', 'leader', 'supervisor');
  if (own) rows = rows.filter((c) => c.departmentCode === ctx.actor.departmentCode);
  const open = rows.length
    ? await ctx.m.find(Deadline, {
        where: { subjectType: SUBJECT, subjectId: In(rows.map((c) => c.no)), status: 'open' },
      })
    : [];
  const overdueNow = new Set(open.filter((d) => isPastDue(d.dueAt, ctx.now)).map((d) => d.subjectId));
  const overdue = rows.filter((c) => c.overdue || overdueNow.has(c.no)).length;
  const petitions = rows.filter((c) => c.type === '信访举报').length;
  return [
    `${month}${own ? ` ${ctx.actor.departmentCode}` : ''} 投诉 ${rows.length} 件${petitions ? `（含信访举报 ${petitions}）` : ''}`,
    `部门：${count(rows, (c) => c.departmentCode ?? '无部门')}`,
    `类别：${count(rows, (c) => c.category)}`,
    `结果：${count(rows, (c) => c.outcome ?? '未定')}`,
    `超期 ${overdue} 件｜不满意 ${rows.filter((c) => c.satisfaction === '不满意' || c.round > 1).length} 件`,
  ].join('\n');
}

/** Words for complaint audit actions in `记录 历史` / `投诉 历史` (REC-02). */
export const COMPLAINT_ACTIONS: Record<string, string> = {
  'complaint.register': '登记',
  'complaint.material': '补交书面材料',
  'complaint.investigate': '调查记录',
  'complaint.soft-override': '未齐调查记录处理（理由）',
  'complaint.onsite': '现场协调办结',
  'complaint.opinion': '出具处理意见',
  'complaint.approval': '送审批',
  'complaint.approval-rejected': '审批驳回',
  'complaint.approval-withdrawn': '审批撤回',
  'complaint.refer': '转交',
  'complaint.referred': '转交办理中',
  'complaint.ack': '首席代表确认收到',
  'complaint.implement': '报送落实情况',
  'complaint.processed': '处理完毕',
  'complaint.suggest': '意见建议转参考',
  'complaint.reply': '答复回访',
  'complaint.send-back': '退回整改',
  'complaint.verdict': '认定结果',
  'complaint.transfer-out': '转介',
  'complaint.withdraw': '撤销',
  'complaint.end': '终结',
  'complaint.archive': '归档',
  'complaint.overdue': '超期',
  'deadline.open': '期限开始',
  'deadline.close': '期限结束',
  'attachment.add': '附件',
  'referral.record': '移交',
  'complaint.correct': '更正',
};
