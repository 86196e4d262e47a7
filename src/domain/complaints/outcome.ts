import type { Complaint } from '../../../entities/complaint';
import type { Ctx } from '../../kernel/ctx';
import { chiefRepOf, personName } from '../../kernel/directory';
import { UserError } from '../../kernel/errors';
import { clearDeductions, raiseAwardDecision, recordDeduction } from '../../domain/performance';
import { recordReferral } from '../../domain/referrals';
import { ST, redact } from './model';
import { requireOpen, updateComplaint } from './store';

// 结果 and 结果运用 (000 投诉处理 四(五), 五; 003 措施14; CMP-18, CMP-19, ACC-07). 部分属实 is a verified valid
// complaint in part and takes the same 结果运用 as 属实 (seed 五 "经核查属实的有效投诉"; decision logged).
// Texts to the respondent side name the complaint number and category, never the complainant.

export interface VerdictResult {
  deduction?: string;
  awardFlag?: number;
  referral?: string;
  cleared?: number;
}

export async function recordVerdict(
  ctx: Ctx,
  c: Complaint,
  verdict: '属实' | '部分属实' | '不实',
  opts: { malicious: boolean; referTo?: string; note?: string },
): Promise<VerdictResult> {
  if (c.outcome) throw new UserError(`${c.no} 已认定为“${c.outcome}”。`);
  if ([ST.transferred, ST.withdrawn, ST.ended].includes(c.status as never)) requireOpen(c, '认定结果');
  if (c.type !== '投诉' || c.nature === '意见建议类')
    throw new UserError(`${c.no} 为${c.type === '投诉' ? '意见建议类' : c.type}，无需认定属实与否。`);
  if (opts.malicious && verdict !== '不实') throw new UserError('恶意投诉只能在认定“不实”时标注（rule CMP-18）。');
  const use: string[] = [...(c.outcomeUse ?? [])];
  const out: VerdictResult = {};
  if (verdict === '属实' || verdict === '部分属实') {
    // CMP-19 (一) 扣分通报 — PRF-14 event, points per OPEN #12; (二) 评优 decision card to the handler.
    out.deduction = await recordDeduction(ctx, {
      departmentCode: c.departmentCode,
      personUserid: c.staffUserid,
      rule: 'CMP-19',
      source: c.no,
      note: `投诉${verdict}（${c.category}）`,
    });
    use.push(`扣分 ${out.deduction}`);
    const subject = c.staffUserid
      ? { subjectType: 'person' as const, subjectId: c.staffUserid }
      : c.departmentCode
        ? { subjectType: 'department' as const, subjectId: c.departmentCode }
        : null;
    if (subject) {
      out.awardFlag = await raiseAwardDecision(ctx, {
        ...subject,
        rule: 'CMP-19',
        source: c.no,
        note: `投诉${verdict}（${c.category}）`,
        decider: c.handler,
      });
      use.push('评优资格待定');
    }
    // (三) 违法违纪 → 旗纪委监委 (referral record, no account there).
    if (opts.referTo) {
      const r = await recordReferral(
        ctx,
        c.no,
        opts.referTo,
        opts.note ? redact(opts.note, c) : `投诉${verdict}：${c.category}，${c.respondentLabel}`,
      );
      out.referral = r.body;
      use.push(`移交 ${r.body}`);
    }
  } else {
    // CMP-18 / ACC-07: the wrongly accused are cleared, in writing to their department; deductions excluded.
    out.cleared = await clearDeductions(ctx, c.no, '投诉经核查不实');
    use.push('澄清');
    const who = c.staffUserid ? await personName(ctx.m, c.staffUserid) : c.respondentLabel;
    const text = `【澄清】${c.no} 对 ${who} 的投诉（${c.category}）经核查不实，予以澄清（rule CMP-18；003 措施14）。`;
    if (c.departmentCode) {
      const chief = await chiefRepOf(ctx.m, c.departmentCode);
      await ctx.send({ user: chief.userid }, { text }, `cmp:${c.no}:clear:chief`);
    }
    if (c.staffUserid) await ctx.send({ user: c.staffUserid }, { text }, `cmp:${c.no}:clear:staff`);
    if (opts.malicious) {
      // 000 投诉处理 四(五): 捏造事实诬告 / 以投诉为名制造事端 → handed to the competent authority.
      const r = await recordReferral(
        ctx,
        c.no,
        opts.referTo ?? '公安机关',
        opts.note ? redact(opts.note, c) : '恶意投诉（捏造事实诬告或以投诉为名制造事端），移交有关部门依法处理',
      );
      out.referral = r.body;
      use.push(`移交 ${r.body}`);
    }
  }
  await updateComplaint(ctx, c, { outcome: verdict, outcomeUse: use, malicious: opts.malicious }, 'complaint.verdict', {
    verdict,
    malicious: opts.malicious,
    use,
  });
  return out;
}
