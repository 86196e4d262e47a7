import type { Complaint } from '../../../entities/complaint';
import type { Ctx } from '../../kernel/ctx';
import { peakOn } from '../windows/peak-lock';
import { SUBJECT } from './model';

/**
 * SUS-10, complaint side (D200): a complaint against a department received on a day of its approved 业务高峰 (GF) or
 * 暂停办理 (TB) is linked to that plan by an audit row (`complaint.peak-link`, no column: the link is evidence for
 * 高峰 原因, not a field anyone edits), and 大厅管理室 is asked to classify the cause. A complaint registered from a
 * 差评 intake is not prompted again: the 差评 already asked for the same plan (D201).
 */
export async function linkComplaintToPeak(ctx: Ctx, c: Complaint, fromReview: boolean): Promise<string | null> {
  if (!c.departmentCode) return null;
  const ref = await peakOn(ctx.m, c.departmentCode, c.receivedDate);
  if (!ref) return null;
  await ctx.audit('complaint.peak-link', SUBJECT, c.no, { peakRef: ref, date: c.receivedDate });
  if (!fromReview)
    await ctx.send(
      { group: 'G-OFFICE' },
      {
        text: `⚠️ 投诉 ${c.no}（${c.respondentLabel}）发生在 ${ref} 期间（SUS-10）。如属主观原因，请认定：高峰 原因 ${ref} 主观=预估不足|工作不到位|措施不力|未提前告知 说明=…`,
      },
      `complaint:${c.no}:sus10`,
    );
  return ref;
}
