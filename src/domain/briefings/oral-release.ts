import { In, LessThanOrEqual } from 'typeorm';
import type { Approval } from '../../../entities/approval';
import { Finding } from '../../../entities/finding';
import { Notice } from '../../../entities/notice';
import { roleStep } from '../../approvals/approvers';
import type { ApprovalKind } from '../../kernel/approval-kind';
import type { Ctx } from '../../kernel/ctx';
import { usersWithRole } from '../../kernel/directory';
import { cnDate, instantAt, localDate } from '../../kernel/time';
import { allocateNoticeNo, displayNo } from './numbering';
import {
  aboutLabel,
  criticismDetail,
  criticismSummary,
  placeOf,
  renderOral,
  type OralContent,
  type OralItem,
} from './oral-content';
import { ORAL_KIND, oralKey } from './oral-notice';
import { dutyLeaderOn } from '../presence/roster';
import { oralPublishTime } from './oral-times';

// BRF-02 / BRF-03 / BRF-10: the 分管领导 approves (HARD: nothing is published without it); at 08:20 (OPEN #18) the
// approved text gets the next 督通 number and goes to G-HALL, and the 带班领导 gets it to read out. An approval
// after 08:20 publishes at once; nothing is released on a non-working day.

async function noticeOf(ctx: Ctx, a: Approval): Promise<Notice> {
  return ctx.m.findOneOrFail(Notice, { where: { id: Number(a.payload.noticeId) } });
}

/**
 * BRF-02 / INS-09 (000_c8ed09c118362bcb.txt 全过程监督 第十二条): a finding disputed after the 分管领导 approved the
 * text but before the release is published marked （有异议）, the mark a dispute before approval gets. Marking
 * (rather than leaving it out) keeps the approved items and their numbering, and tells the hall the item is contested.
 */
async function markLateDisputes(ctx: Ctx, c: OralContent): Promise<OralItem[]> {
  const unmarked = c.criticism.filter((i) => !i.disputed);
  if (unmarked.length === 0) return [];
  const disputed = await ctx.m.find(Finding, { where: { no: In(unmarked.map((i) => i.no)), status: '有异议' } });
  const late = unmarked.filter((i) => disputed.some((f) => f.no === i.no));
  for (const i of late) i.disputed = true;
  return late;
}

/**
 * INS-09 / BRF-02: a finding withdrawn after the approval (a dispute upheld as 撤销, or found 不成立) is not a
 * criticism any more, so the release leaves it out rather than publish a withdrawn item; the approver is told.
 */
async function dropWithdrawn(ctx: Ctx, c: OralContent): Promise<OralItem[]> {
  if (c.criticism.length === 0) return [];
  const nos = c.criticism.map((i) => i.no);
  const gone = await ctx.m.find(Finding, { where: { no: In(nos), status: In(['已撤销', '不成立']) } });
  const withdrawn = c.criticism.filter((i) => gone.some((f) => f.no === i.no));
  c.criticism = c.criticism.filter((i) => !withdrawn.includes(i));
  return withdrawn;
}

/** Release one approved 口头通报: number, G-HALL, 带班领导. Guarded by status, so it happens once. */
export async function publishOral(ctx: Ctx, notice: Notice): Promise<boolean> {
  if (notice.status !== '已批准') return false;
  // Claim the release first, so a concurrent publisher (the 08:20 job and a late click) gives up before numbering.
  const res = await ctx.m.update(
    Notice,
    { id: notice.id, status: '已批准' },
    { status: '已发布', publishedAt: ctx.now },
  );
  if ((res.affected ?? 0) !== 1) return false;
  notice.status = '已发布';
  const no = await allocateNoticeNo(ctx, notice);
  const c = notice.content as unknown as OralContent;
  const withdrawn = await dropWithdrawn(ctx, c);
  const late = await markLateDisputes(ctx, c);
  const text = renderOral(c, `【口头通报 ${no}】${cnDate(c.day)}（关于${aboutLabel(c)}）`);
  const changed = late.length + withdrawn.length > 0;
  await ctx.m.update(Notice, { id: notice.id }, { text, ...(changed ? { content: c as never } : {}) });
  await ctx.send({ group: 'G-HALL' }, { text }, `oral:${notice.periodKey}:hall`);
  // DIR-12 / BRF-02: only the day's 带班领导 on the 带班表 reads it out; a day without one → 大厅管理室 (D163).
  const duty = await dutyLeaderOn(ctx.m, localDate(ctx.now));
  await ctx.send(
    duty ? { user: duty } : { group: 'G-OFFICE' },
    {
      text: duty
        ? `📢 今日口头通报（${displayNo(notice)}）请播报：\n${text}`
        : `📢 今日带班表无带班领导，口头通报（${displayNo(notice)}）请大厅管理室播报：\n${text}`,
    },
    `oral:${notice.periodKey}:duty`,
  );
  // The approver learns of a late dispute in the DM announcing the release (BRF-02, 全过程监督 第十二条).
  const list = (items: OralItem[]) => items.map((i) => `${i.no} ${placeOf(i)} ${i.desc}`).join('；');
  const since = [
    ...(late.length ? [`审定后有${late.length}项提出异议，已标注（有异议）：${list(late)}。`] : []),
    ...(withdrawn.length ? [`审定后有${withdrawn.length}项已撤销，未发布：${list(withdrawn)}。`] : []),
  ];
  if (since.length && notice.approver)
    await ctx.send(
      { user: notice.approver },
      { text: `📢 口头通报 ${displayNo(notice)}已发布。${since.join('')}` },
      `oral:${notice.periodKey}:approver`,
    );
  await ctx.audit('notice.publish', 'notice', no, {
    type: '口头',
    periodKey: notice.periodKey,
    scope: 'G-HALL',
    lateDisputes: late.map((i) => i.no),
    withdrawnAfterApproval: withdrawn.map((i) => i.no),
  });
  return true;
}

/** After the release time of a WD (or for an earlier day's draft) an approval publishes at once. */
async function releaseIsDue(ctx: Ctx, notice: Notice): Promise<boolean> {
  const today = localDate(ctx.now);
  if (!ctx.deps.calendar.isWorkday(today)) return false;
  if ((notice.forDate ?? today) < today) return true;
  return ctx.now.getTime() >= instantAt(today, await oralPublishTime(ctx.m)).getTime();
}

/** oral-notice-publish (08:20 each WD): every approved, unreleased 口头通报 up to today. */
export async function publishDueOral(ctx: Ctx): Promise<{ published: number; waiting: number }> {
  const today = localDate(ctx.now);
  const approved = await ctx.m.find(Notice, {
    where: { type: '口头', status: '已批准', forDate: LessThanOrEqual(today) },
    order: { forDate: 'ASC' },
  });
  let published = 0;
  for (const n of approved) if (await publishOral(ctx, n)) published++;
  const waiting = await ctx.m.count(Notice, { where: { periodKey: oralKey(today), status: In(['待审定', '已驳回']) } });
  return { published, waiting };
}

/** oral-notice-nudge (08:15 each WD): BRF-03 PROPOSAL — not approved yet → DM the 分管领导; release waits. */
export async function nudgeOral(ctx: Ctx): Promise<number> {
  const today = localDate(ctx.now);
  const n = await ctx.m.findOne(Notice, { where: { periodKey: oralKey(today), status: '待审定' } });
  if (!n?.approvalNo) return 0;
  const to = (await usersWithRole(ctx.m, 'supervisor')).map((p) => p.userid);
  if (!to.length) return 0;
  const time = await oralPublishTime(ctx.m);
  await ctx.send(
    { user: to },
    {
      text: `⏰ 今日口头通报（${cnDate(today)}）尚未审定，审定后方可发布（${time}）。请点卡片“同意”，或发送：审批 ${n.approvalNo} 同意`,
    },
    `oral:${n.periodKey}:nudge`,
  );
  return 1;
}

export const oralNoticeKind: ApprovalKind = {
  kind: ORAL_KIND,
  // BRF-03 (000 督查通报 第六条(二)1): 分管领导 审定 only.
  steps: async (ctx) => [await roleStep(ctx.m, '分管领导审定', 'supervisor')],
  async card(ctx, a) {
    const n = await noticeOf(ctx, a);
    const c = n.content as unknown as OralContent;
    return {
      subTitle: criticismDetail(c),
      fields: [
        { key: '批评', value: criticismSummary(c) },
        {
          key: '表扬',
          value: c.praise.length
            ? `${c.praise.length}：${c.praise.map((p) => `${p.window ? `${p.window}号窗` : (p.dept ?? '')}`).join('、')}`
            : '无',
        },
        { key: 'CAS L3', value: c.casesL3.length ? String(c.casesL3.length) : '无' },
        { key: '投诉超期', value: String(c.complaints.length) },
        { key: '发布', value: `${await oralPublishTime(ctx.m)} 全体进驻人员群` },
      ],
    };
  },
  extraButtons: (a) => [{ text: '修改', key: `edit:${a.no}`, style: 3 }],
  async onApproved(ctx, a) {
    const n = await noticeOf(ctx, a);
    await ctx.m.update(
      Notice,
      { id: n.id, status: '待审定' },
      { status: '已批准', approver: ctx.actor.userid, approvedAt: ctx.now },
    );
    n.status = '已批准';
    await ctx.audit('notice.approve', 'notice', n.periodKey, { approval: a.no });
    if (await releaseIsDue(ctx, n)) await publishOral(ctx, n);
  },
  async onRejected(ctx, a, reason) {
    const n = await noticeOf(ctx, a);
    await ctx.m.update(Notice, { id: n.id }, { status: '已驳回' });
    await ctx.audit('notice.reject', 'notice', n.periodKey, { approval: a.no, reason });
    await ctx.send(
      { group: 'G-OFFICE' },
      {
        text: `口头通报（${cnDate(n.forDate!)}）${a.no} 被驳回：${reason}\n修改后重新送审：通报 修改 ${a.no} 删除=… 增加=… 文字=…`,
      },
      `oral:${n.periodKey}:rejected:${a.no}`,
    );
  },
};
