import { Department } from '../../../entities/department';
import { GroupChat } from '../../../entities/group-chat';
import { Notice } from '../../../entities/notice';
import { roleStep } from '../../approvals/approvers';
import { startApproval } from '../../approvals/engine';
import type { ApprovalKind } from '../../kernel/approval-kind';
import type { Ctx } from '../../kernel/ctx';
import { UserError } from '../../kernel/errors';
import { dayOfNextMonth, isOnOrBefore } from '../../calendar/conventions';
import { insertRows } from '../../db';
import { cnDate, localDate } from '../../kernel/time';
import { saveReport, writtenNoticeDocx } from './written-docx';
import { writtenNoticeMarkdown } from './written-markdown';
import { allocateNoticeNo, showNoticeNo } from './numbering';
import { refreshApprovalCard } from './refresh-card';
import { buildWrittenContent, type WrittenContent } from './written-content';

// BRF-07 (000 督查通报 第五条(三), 第六条(二)3): last month's written notice on every stationed department, drafted on
// the 1st WD, approved by a 中心领导 (D20), issued by the 15th with the next 督通 number (BRF-10) — a .docx to
// G-LEAD (all) and each G-DEPT-<code> (its own section), and a markdown summary to G-HALL.

export const WRITTEN_KIND = 'written-notice';
export const DEADLINE_DAY = 15; // seed: 每月15日前 (inclusive, OPEN #2)
export const writtenKey = (month: string) => `书面:${month}`;
const titleOf = (month: string) => `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月督查情况书面通报`;

export async function writtenNotice(ctx: Ctx, month: string): Promise<Notice | null> {
  return ctx.m.findOne(Notice, { where: { periodKey: writtenKey(month) } });
}

/** monthly-batch (1st WD): the draft for `month` (idempotent). */
export async function draftWrittenNotice(ctx: Ctx, month: string): Promise<{ notice: Notice; created: boolean }> {
  const existing = await writtenNotice(ctx, month);
  if (existing) return { notice: existing, created: false };
  const content = await buildWrittenContent(ctx.m, ctx.deps.calendar, month);
  await insertRows(ctx.m, Notice, {
    periodKey: writtenKey(month),
    no: null,
    year: null,
    seq: null,
    type: '书面',
    title: titleOf(month),
    forDate: null,
    month,
    coversFrom: `${month}-01`,
    coversTo: null,
    departmentCode: null,
    status: '草稿',
    approvalNo: null,
    content: content as never,
    text: content.general.join('\n'),
    criticism: 0,
    praise: 0,
    drafter: ctx.actor.userid,
    approver: null,
    approvedAt: null,
    publishedAt: null,
    scope: 'G-LEAD, G-HALL, G-DEPT-*',
    createdAt: ctx.now,
  });
  const notice = (await writtenNotice(ctx, month))!;
  await ctx.audit('notice.draft', 'notice', notice.periodKey, {
    type: '书面',
    departments: content.departments.length,
  });
  return { notice, created: true };
}

async function requireDraft(ctx: Ctx, month: string): Promise<Notice> {
  const n = await writtenNotice(ctx, month);
  if (!n) throw new UserError(`${month} 书面通报草稿尚未生成（每月第一个工作日自动生成）。`);
  if (n.status === '已发布' || n.status === '已批准')
    throw new UserError(`${month} 书面通报已发布（${n.no}），不能修改。`);
  return n;
}

/** `书面通报 修改 <部门> 文字=… [节=1-6]`: replace one section, or add the department's 补充说明. */
export async function editWrittenSection(
  ctx: Ctx,
  month: string,
  code: string,
  text: string,
  section?: number,
): Promise<void> {
  const n = await requireDraft(ctx, month);
  const c = n.content as unknown as WrittenContent;
  const d = c.departments.find((x) => x.code === code);
  if (!d) throw new UserError(`${month} 书面通报中没有部门 ${code}。`);
  if (section) {
    d.sections[section - 1] = [text];
    d.edited = [...new Set([...d.edited, section])];
  } else d.remark = text;
  await ctx.m.update(Notice, { id: n.id }, { content: c as never });
  await ctx.audit('notice.edit', 'notice', n.periodKey, { department: code, section: section ?? null, text });
  if (n.status === '待审定' && n.approvalNo) await refreshApprovalCard(ctx, n.approvalNo);
}

/**
 * The draft of the 1st WD is rebuilt from the data at 送审 (findings confirmed or withdrawn since, late complaint
 * outcomes), keeping every section 大厅管理室 edited by hand and the 补充说明.
 */
async function refreshData(ctx: Ctx, old: WrittenContent, month: string): Promise<WrittenContent> {
  const fresh = await buildWrittenContent(ctx.m, ctx.deps.calendar, month);
  for (const d of fresh.departments) {
    const prev = old.departments.find((x) => x.code === d.code);
    if (!prev) continue;
    for (const i of prev.edited) d.sections[i - 1] = prev.sections[i - 1];
    d.edited = prev.edited;
    d.remark = prev.remark;
  }
  fresh.approvals = old.approvals;
  return fresh;
}

/** `书面通报 送审`: card to the 中心领导. */
export async function submitWrittenNotice(ctx: Ctx, month: string): Promise<string> {
  const n = await requireDraft(ctx, month);
  if (n.status === '待审定') throw new UserError(`${month} 书面通报已送审（${n.approvalNo}），等待中心领导审定。`);
  const c = await refreshData(ctx, n.content as unknown as WrittenContent, month);
  const a = await startApproval(ctx, {
    kind: WRITTEN_KIND,
    subjectType: 'notice',
    subjectId: n.periodKey,
    title: `书面通报审定｜${titleOf(month)}`,
    payload: { noticeId: n.id },
  });
  c.approvals = [...(c.approvals ?? []), a.no];
  await ctx.m.update(Notice, { id: n.id }, { status: '待审定', approvalNo: a.no, content: c as never });
  await ctx.audit('notice.submit', 'notice', n.periodKey, { approval: a.no });
  return a.no;
}

/** Release: number, .docx to G-LEAD and each G-DEPT-<code>, markdown to G-HALL. */
async function publishWritten(ctx: Ctx, n: Notice): Promise<string> {
  const no = await allocateNoticeNo(ctx, n);
  const c = n.content as unknown as WrittenContent;
  const today = localDate(ctx.now);
  c.late = !isOnOrBefore(today, dayOfNextMonth(n.month!, DEADLINE_DAY));
  // D41: the 版头 prints the bare 发文字号; the type stays in the file name and the chat summary.
  const meta = { no: showNoticeNo(no), title: n.title, date: today };
  const stem = `notice-${n.year}-${String(n.seq).padStart(3, '0')}`;
  const dir = ctx.deps.config.attachmentDir;
  const full = await saveReport(dir, `${stem}-all.docx`, await writtenNoticeDocx(c, meta));
  await ctx.send(
    { group: 'G-LEAD' },
    { file: { path: full, filename: `${no}（书面）${n.title}.docx` } },
    `written:${no}:lead:file`,
  );
  for (const d of c.departments) {
    const path = await saveReport(dir, `${stem}-${d.code}.docx`, await writtenNoticeDocx(c, meta, d.code));
    // A department without a bound group chat gets its part by DM to its 首席代表 (nothing lost in the outbox).
    const group = await ctx.m.findOne(GroupChat, { where: { key: `G-DEPT-${d.code}` } });
    const chief = (await ctx.m.findOne(Department, { where: { code: d.code } }))?.chiefRep;
    const to = group ? { group: group.key } : chief ? { user: chief } : null;
    if (to)
      await ctx.send(to, { file: { path, filename: `${no}（书面）${d.name}.docx` } }, `written:${no}:${d.code}:file`);
  }
  const md = writtenNoticeMarkdown(c, `${no}（书面）`, n.title);
  await ctx.send({ group: 'G-LEAD' }, { markdown: md }, `written:${no}:lead:md`);
  await ctx.send({ group: 'G-HALL' }, { markdown: md }, `written:${no}:hall:md`);
  await ctx.m.update(
    Notice,
    { id: n.id },
    { status: '已发布', publishedAt: ctx.now, forDate: today, content: c as never, text: md },
  );
  await ctx.audit('notice.publish', 'notice', no, {
    type: '书面',
    month: n.month,
    late: c.late,
    files: c.departments.length + 1,
  });
  return no;
}

export const writtenNoticeKind: ApprovalKind = {
  kind: WRITTEN_KIND,
  // BRF-07 (第六条(二)3 "由政务服务中心领导审定后印发"), D20: any 中心领导, first click wins.
  steps: async (ctx) => [await roleStep(ctx.m, '中心领导审定', 'leader')],
  async card(ctx, a) {
    const n = await ctx.m.findOneOrFail(Notice, { where: { id: Number(a.payload.noticeId) } });
    const c = n.content as unknown as WrittenContent;
    const withProblems = c.departments.filter((d) => d.sections[0][0] !== '无');
    return {
      subTitle: c.general.join(' '),
      fields: [
        { key: '月份', value: n.month ?? '' },
        { key: '部门', value: `${c.departments.length}个` },
        { key: '有问题', value: withProblems.map((d) => d.code).join('、') || '无' },
        { key: '期限', value: `${cnDate(dayOfNextMonth(n.month!, DEADLINE_DAY))}前印发` },
        { key: '查看', value: `书面通报 查看 ${n.month}` },
      ],
    };
  },
  async onApproved(ctx, a) {
    const n = await ctx.m.findOneOrFail(Notice, { where: { id: Number(a.payload.noticeId) } });
    await ctx.m.update(Notice, { id: n.id }, { status: '已批准', approver: ctx.actor.userid, approvedAt: ctx.now });
    n.status = '已批准';
    await publishWritten(ctx, n);
  },
  async onRejected(ctx, a, reason) {
    const n = await ctx.m.findOneOrFail(Notice, { where: { id: Number(a.payload.noticeId) } });
    await ctx.m.update(Notice, { id: n.id }, { status: '已驳回' });
    await ctx.audit('notice.reject', 'notice', n.periodKey, { approval: a.no, reason });
    await ctx.send(
      { group: 'G-OFFICE' },
      { text: `${n.title} ${a.no} 被驳回：${reason}\n修改：书面通报 修改 <部门> 文字=… 后再 书面通报 送审 ${n.month}` },
      `written:${n.periodKey}:rejected:${a.no}`,
    );
  },
  // BRF-07 reminders are the written-notice-reminders job (12th, 14th — OPEN #21), not the generic D17 ones.
  remindAfterWorkdays: 30,
};
