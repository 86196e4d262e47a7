import { BadReview } from '../../../entities/bad-review';
import { insertRows } from '../../db';
import type { Ctx } from '../../kernel/ctx';
import { nextRecordNo, normaliseRecordRef } from '../../kernel/numbers';
import { nearestNumbers, notFoundError } from '../../kernel/match';
import { instantAt, localDate, yearOf, type LocalDate } from '../../kernel/time';
import { intakeFromReview } from '../complaints/intake';
import { peakOn } from '../windows/peak-lock';

// 差评 (REV-02, REV-03): a 不满意/非常不满意 rating becomes a CP record in the 差评台账 and a 待登记 intake in
// the complaint triage (D4: a rating is not yet a complaint; 大厅管理室 decides). SUS-10: a 差评 that falls in
// an approved peak or suspension of its department is linked to it, and 大厅管理室 is asked to classify the cause.

export interface BadReviewInput {
  key: string;
  caseRef: string;
  departmentCode: string;
  window: string;
  staff: string;
  staffUserid: string | null;
  level: string;
  comment: string;
  time: { date: LocalDate; hhmm: string };
}

export async function recordBadReview(ctx: Ctx, r: BadReviewInput): Promise<string> {
  const no = await nextRecordNo(ctx.m, 'CP', yearOf(localDate(ctx.now)));
  const target = [r.departmentCode, r.window ? `${r.window}号窗` : '', r.staff].filter(Boolean).join(' ');
  const content = `${r.level}（${r.time.date} ${r.time.hhmm}${r.caseRef ? `，办件 ${r.caseRef}` : ''}）${r.comment ? `：${r.comment}` : ''}`;
  const intakeId = await intakeFromReview(ctx, { reviewNo: no, content, target });
  const peakRef = await peakOn(ctx.m, r.departmentCode, r.time.date);
  await insertRows(ctx.m, BadReview, {
    no,
    ratingKey: r.key,
    ratedAt: instantAt(r.time.date, r.time.hhmm),
    departmentCode: r.departmentCode,
    windowNumber: r.window || null,
    staffUserid: r.staffUserid,
    staffName: r.staff || null,
    level: r.level,
    comment: r.comment || null,
    caseRef: r.caseRef || null,
    intakeId,
    status: '待整改',
    rectificationNo: null,
    peakRef,
    createdAt: ctx.now,
  });
  await ctx.audit('review.bad', 'bad_review', no, { level: r.level, department: r.departmentCode, peakRef });
  if (peakRef)
    await ctx.send(
      { group: 'G-OFFICE' },
      {
        text: `⚠️ 差评 ${no}（${target}）发生在 ${peakRef} 期间（SUS-10）。如属主观原因，请认定：高峰 原因 ${peakRef} 主观=预估不足|工作不到位|措施不力|未提前告知 说明=…`,
      },
      `review:${no}:sus10`,
    );
  return no;
}

/** `CP11`, `cp2026-0011` … → the stored record, or the nearest numbers the sender may see. */
export async function badReviewByRef(ctx: Ctx, ref: string, own?: string | null): Promise<BadReview> {
  const no = normaliseRecordRef(ref.trim().toUpperCase(), 'CP', yearOf(localDate(ctx.now))) ?? ref.trim();
  const r = await ctx.m.findOne(BadReview, { where: { no } });
  if (r && (own === undefined || r.departmentCode === own)) return r;
  const visible = await ctx.m.find(BadReview, {
    select: { no: true },
    where: own === undefined ? {} : { departmentCode: own ?? '—' },
  });
  throw notFoundError(
    no,
    nearestNumbers(
      no,
      visible.map((x) => x.no),
    ),
    '发送“差评 列表”查看。',
  );
}
