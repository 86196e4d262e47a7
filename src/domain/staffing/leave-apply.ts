import { LeaveRequest, type LeaveKind } from '../../../entities/leave-request';
import { Person } from '../../../entities/person';
import { insertRows } from '../../db';
import { startApproval } from '../../approvals/engine';
import type { Ctx } from '../../kernel/ctx';
import { personName } from '../../kernel/directory';
import { ruleRefusal, softWarning, UserError } from '../../kernel/errors';
import { nextRecordNo } from '../../kernel/numbers';
import { addDays, instantAt, localDate, localTime, type LocalDate, yearOf } from '../../kernel/time';
import { getSetting } from '../../settings/settings';
import { peakOverlapping } from '../windows/peak-lock';
import { coverFor, isCovered } from './leave-cover';
import { APPROVAL_KIND, APPROVER_CN, CITE, leaveLabel, rangeLabel, SUBJECT } from './leave-model';
import { awayDuring } from './leave-queries';
import { leaveApprover } from './leave-routing';

// `请假 <类型> 从= 到=` and `出差 从= 到= 事由=` (ATT-05, ATT-07, SUS-04; OPEN #36, #60). HARD: planned leave is
// asked ≥ leave.noticeWorkdays WD before its first WD; a 病假 may be reported on its first day until
// leave.sameDayBy, its paperwork 补办 after return. SOFT (理由=): a window left unstaffed, or a peak overlapped.
// 大厅管理室 is always told (000 窗口工作 五(五) "应当提前告知大厅管理室").

export interface LeaveInput {
  kind: LeaveKind;
  from: LocalDate;
  to: LocalDate;
  reason?: string;
  softReason?: string;
}

export interface LeaveFiled {
  leave: LeaveRequest;
  approverLabel: string;
  warnings: string[];
}

/** First WD of [from, to] and the number of WDs in it (the calendar engine; DIR-13). */
function workdaysOf(ctx: Ctx, from: LocalDate, to: LocalDate): { first: LocalDate | null; count: number } {
  const cal = ctx.deps.calendar;
  const count = cal.workdaysBetween(addDays(from, -1), to);
  if (count <= 0) return { first: null, count: 0 };
  const first = cal.isWorkday(from) ? from : cal.nextWorkday(from);
  return { first, count };
}

/** HARD ATT-05 notice; returns the 补办 due date of a same-day 病假, else null. */
async function checkNotice(ctx: Ctx, kind: LeaveKind, first: LocalDate, to: LocalDate): Promise<LocalDate | null> {
  const cal = ctx.deps.calendar;
  const n = await getSetting(ctx.m, 'leave.noticeWorkdays');
  if (cal.isFiledAhead(ctx.now, first, n)) return null;
  const sameDayKinds: readonly string[] = await getSetting(ctx.m, 'leave.sameDayKinds');
  if (sameDayKinds.includes(kind)) {
    const by = await getSetting(ctx.m, 'leave.sameDayBy');
    if (ctx.now <= instantAt(first, by)) {
      const makeUp = await getSetting(ctx.m, 'leave.makeUpWorkdays');
      const back = cal.nextWorkday(to);
      return makeUp === 0 ? back : cal.addWorkdays(back, makeUp);
    }
    const today = localDate(ctx.now);
    const soonest = cal.isWorkday(today) && localTime(ctx.now) <= by ? today : cal.nextWorkday(today);
    throw ruleRefusal(
      'ATT-05',
      CITE,
      `${kind}须在当日${by}前报告（${first} 的${kind}已过报告时间，现在 ${localTime(ctx.now)}），最早可请 ${soonest} 起的${kind}。如需立即离岗，请当面报告窗口负责人和大厅管理室。`,
    );
  }
  const earliest = cal.earliestStartWithNotice(ctx.now, n);
  throw ruleRefusal(
    'ATT-05',
    CITE,
    `${kind === '出差' ? '公事出差' : '请假'}须至少提前${n}个工作日申请（${first} 开始须在 ${cal.nthWorkdayBefore(first, n)} ${cal.endOfDay} 前提交），最早可${kind === '出差' ? '出差' : '请假'}日期 ${earliest}。`,
  );
}

export async function fileLeave(ctx: Ctx, a: LeaveInput): Promise<LeaveFiled> {
  const person = await ctx.m.findOneOrFail(Person, { where: { userid: ctx.actor.userid } });
  if (a.to < a.from) throw new UserError(`结束日期 ${a.to} 早于开始日期 ${a.from}。`);
  if (a.kind === '出差' && !a.reason?.trim())
    throw new UserError('缺少参数“事由”。例：出差 从=3月9日 到=3月11日 事由=市局业务培训');
  const { first, count } = workdaysOf(ctx, a.from, a.to);
  if (!first) throw new UserError(`${a.from}至${a.to} 没有工作日，无需请假。`);
  const mine = await awayDuring(ctx.m, [person.userid], a.from, a.to);
  if (mine.length) {
    const o = mine[0];
    throw new UserError(
      `${o.no} ${leaveLabel(o)} 与本次日期重叠（${o.status === 'approved' ? '已批准' : '审批中'}），请勿重复申请。`,
    );
  }
  const makeUpDue = await checkNotice(ctx, a.kind, first, a.to);
  const approver = await leaveApprover(ctx, person, count);
  const cover = await coverFor(ctx, person, a.from, a.to);
  const peaks = person.departmentCode ? await peakOverlapping(ctx.m, person.departmentCode, a.from, a.to) : [];

  // SOFT checks (conventions: proceeds only with 理由=…, logged on the record and in the audit).
  const warnings: Record<string, string> = {};
  const sameDay = makeUpDue !== null;
  if (!isCovered(cover) && !sameDay && (await getSetting(ctx.m, 'leave.unstaffedWindow')) === 'SOFT') {
    const b = cover.partner ? `B岗 ${await personName(ctx.m, cover.partner)} 同期请假` : '未设置B岗';
    warnings['ATT-07'] = `${cover.window}号窗将无人在岗（${b}，无顶岗、无临时关闭）。`;
  }
  for (const p of peaks.slice(0, 1))
    warnings['SUS-04'] = `与本部门业务高峰 ${p.no}（${rangeLabel(p)}）重叠，高峰期间工作人员须全员在岗。`;
  const rules = Object.keys(warnings);
  const softReason = a.softReason?.trim() || null;
  if (rules.length && !softReason) throw softWarning(rules.join('、'), Object.values(warnings).join(''), '理由=…');

  const no = await nextRecordNo(ctx.m, 'QJ', yearOf(localDate(ctx.now)));
  const paper = approver.role === 'paper';
  await insertRows(ctx.m, LeaveRequest, {
    no,
    userid: person.userid,
    departmentCode: person.departmentCode,
    windowNumber: person.windowNumber,
    kind: a.kind,
    fromDate: a.from,
    toDate: a.to,
    workdays: count,
    reason: a.reason?.trim() || null,
    status: paper ? 'draft' : 'pending',
    approverRole: approver.role,
    approverUserid: approver.userid,
    approvalNo: null,
    makeUpDue,
    cover,
    softReasons: rules.length ? Object.fromEntries(rules.map((r) => [r, softReason!])) : null,
    peaks: peaks.length ? peaks.map((p) => `${p.no} ${rangeLabel(p)}`) : null,
    paperApproval: false,
    paperRecordedBy: null,
    decidedAt: null,
    returnedAt: null,
    absentFlaggedOn: null,
    createdBy: ctx.actor.userid,
    createdAt: ctx.now,
  });
  let leave = await ctx.m.findOneOrFail(LeaveRequest, { where: { no } });
  await ctx.audit('leave.request', SUBJECT, no, {
    kind: a.kind,
    from: a.from,
    to: a.to,
    workdays: count,
    approver: approver.role,
    sameDay,
    ...(rules.length ? { warnings, reason: softReason } : {}),
  });
  const who = `${person.name}${person.departmentCode ? `（${person.departmentCode}${person.windowNumber ? ` ${person.windowNumber}号窗` : ''}）` : ''}`;
  const approverLabel = APPROVER_CN[approver.role];
  if (!paper) {
    const ap = await startApproval(ctx, {
      kind: APPROVAL_KIND,
      subjectType: SUBJECT,
      subjectId: no,
      title: `请假审批 ${no}｜${person.name} ${a.kind} ${rangeLabel(leave)}（${count}天）`,
      departmentCode: person.departmentCode,
    });
    await ctx.m.update(LeaveRequest, { id: leave.id }, { approvalNo: ap.no });
    leave = { ...leave, approvalNo: ap.no };
  }
  // ATT-05: 大厅管理室 always told, whoever approves.
  const office = paper
    ? `📋 ${no} 首席代表 ${who} ${leaveLabel(leave)}：部门分管领导未登记企业微信，请收到分管领导签字的纸质审批后发送“请假 纸质审批 ${no}”并拍照上传。`
    : `📋 ${no} ${who} ${leaveLabel(leave)}${sameDay ? '（当日病假）' : ''}，待${approverLabel}审批。`;
  await ctx.send({ group: 'G-OFFICE' }, { text: office }, `qj:${no}:office`);
  return { leave, approverLabel, warnings: Object.values(warnings) };
}
