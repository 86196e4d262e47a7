import { Notice } from '../../../entities/notice';
import { startApproval } from '../../approvals/engine';
import type { Ctx } from '../../kernel/ctx';
import { UserError } from '../../kernel/errors';
import { insertRows } from '../../db';
import { cnDate, type LocalDate } from '../../kernel/time';
import { aboutLabel, collectOral, renderOral, type OralContent } from './oral-content';
import { approvalStatus, refreshApprovalCard } from './refresh-card';

// BRF-02 / BRF-03: the daily 口头通报 draft, its edits and its refresh when a finding in it is disputed or
// withdrawn. Release (number, G-HALL, 带班领导) is in oral-release.ts.

export const ORAL_KIND = 'oral-notice';
export const oralKey = (day: LocalDate) => `口头:${day}`;

export function oralTitle(c: Pick<OralContent, 'day' | 'from' | 'to' | 'criticism' | 'praise'>): string {
  return `口头通报审定｜${cnDate(c.day)}（关于${aboutLabel(c)}）`;
}

export function draftHeader(c: OralContent): string {
  return `【口头通报】${cnDate(c.day)}（关于${aboutLabel(c)}）`;
}

function counts(c: OralContent) {
  return { criticism: c.criticism.length, praise: c.praise.length };
}

/** oral-notice-draft (07:45 each WD): draft from the previous WD and send the 分管领导's card. Idempotent per day. */
export async function draftOralNotice(ctx: Ctx, day: LocalDate): Promise<{ notice: Notice; created: boolean }> {
  const existing = await ctx.m.findOne(Notice, { where: { periodKey: oralKey(day) } });
  if (existing) return { notice: existing, created: false };
  const content = await collectOral(ctx.m, ctx.deps.calendar, day, ctx.now);
  await insertRows(ctx.m, Notice, {
    periodKey: oralKey(day),
    no: null,
    year: null,
    seq: null,
    type: '口头',
    title: oralTitle(content),
    forDate: day,
    month: day.slice(0, 7),
    coversFrom: content.from,
    coversTo: content.to,
    departmentCode: null,
    status: '待审定',
    approvalNo: null,
    content: content as never,
    text: renderOral(content, draftHeader(content)),
    ...counts(content),
    drafter: ctx.actor.userid,
    approver: null,
    approvedAt: null,
    publishedAt: null,
    scope: 'G-HALL',
    createdAt: ctx.now,
  });
  const notice = await ctx.m.findOneOrFail(Notice, { where: { periodKey: oralKey(day) } });
  await ctx.audit('notice.draft', 'notice', notice.periodKey, {
    type: '口头',
    from: content.from,
    to: content.to,
    ...counts(content),
  });
  await sendForApproval(ctx, notice);
  return { notice, created: true };
}

/** BRF-03: the draft goes to the 分管领导 (supervisor) for 审定. */
async function sendForApproval(ctx: Ctx, notice: Notice): Promise<string> {
  const a = await startApproval(ctx, {
    kind: ORAL_KIND,
    subjectType: 'notice',
    subjectId: notice.periodKey,
    title: notice.title,
    payload: { noticeId: notice.id },
  });
  const content = notice.content as unknown as OralContent;
  content.approvals = [...(content.approvals ?? []), a.no];
  await ctx.m.update(Notice, { id: notice.id }, { approvalNo: a.no, status: '待审定', content: content as never });
  notice.approvalNo = a.no;
  notice.status = '待审定';
  return a.no;
}

/** Re-collect with the current finding states and the stored selection; refresh the card if pending. */
export async function rebuildOral(ctx: Ctx, notice: Notice): Promise<OralContent> {
  const old = notice.content as unknown as OralContent;
  const content = await collectOral(ctx.m, ctx.deps.calendar, notice.forDate!, ctx.now, {
    removed: old.removed ?? [],
    added: old.added ?? [],
    extra: old.extra ?? null,
  });
  content.approvals = old.approvals ?? [];
  const title = oralTitle(content);
  const text = renderOral(content, draftHeader(content));
  await ctx.m.update(Notice, { id: notice.id }, { content: content as never, text, title, ...counts(content) });
  Object.assign(notice, { content, text, title, ...counts(content) });
  return content;
}

export interface OralEdit {
  remove: string[];
  add: string[];
  extra?: string;
}

/** `通报 修改` / H5 editor: change the selection; a pending card is refreshed, a rejected draft is sent again. */
export async function editOralNotice(ctx: Ctx, notice: Notice, edit: OralEdit): Promise<string> {
  if (notice.type !== '口头') throw new UserError('该编号不是口头通报草稿；书面通报请用“书面通报 修改”。');
  if (notice.status === '已批准' || notice.status === '已发布')
    throw new UserError(`该口头通报已审定${notice.no ? `（${notice.no}）` : ''}，不能再修改（rule BRF-03）。`);
  const c = notice.content as unknown as OralContent;
  const removed = [...new Set([...(c.removed ?? []).filter((n) => !edit.add.includes(n)), ...edit.remove])];
  const added = [...new Set([...(c.added ?? []).filter((n) => !edit.remove.includes(n)), ...edit.add])];
  c.removed = removed;
  c.added = added;
  if (edit.extra !== undefined) c.extra = edit.extra || null;
  notice.content = c as never;
  await rebuildOral(ctx, notice);
  await ctx.audit('notice.edit', 'notice', notice.periodKey, {
    remove: edit.remove,
    add: edit.add,
    extra: edit.extra ?? null,
  });
  const status = await approvalStatus(ctx, notice.approvalNo);
  if (status === 'pending') {
    await refreshApprovalCard(ctx, notice.approvalNo!);
    return notice.approvalNo!;
  }
  return sendForApproval(ctx, notice);
}

/** INS-09: a finding in a pending draft was disputed, decided or withdrawn → the 分管领导's card refreshes. */
export async function refreshOralDraftsFor(ctx: Ctx, findingNo: string): Promise<number> {
  const drafts = await ctx.m.find(Notice, { where: { type: '口头', status: '待审定' } });
  let n = 0;
  for (const d of drafts) {
    const c = d.content as unknown as OralContent;
    if (!c.criticism.some((i) => i.no === findingNo) && !c.added?.includes(findingNo)) continue;
    await rebuildOral(ctx, d);
    if (await refreshApprovalCard(ctx, d.approvalNo ?? '')) n++;
  }
  return n;
}

export async function oralNoticeOn(ctx: Ctx, day: LocalDate): Promise<Notice | null> {
  return ctx.m.findOne(Notice, { where: { periodKey: oralKey(day) } });
}
