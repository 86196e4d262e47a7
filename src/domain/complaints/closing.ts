import type { Complaint } from '../../../entities/complaint';
import { ComplaintParty } from '../../../entities/complaint-party';
import { attachmentsOf } from '../../kernel/attachments';
import type { Ctx } from '../../kernel/ctx';
import { chiefRepOf } from '../../kernel/directory';
import { UserError, ruleRefusal } from '../../kernel/errors';
import { localDate } from '../../kernel/time';
import { END_REASONS, ST, SUBJECT } from './model';
import { closeAllClocks, requireOpen, updateComplaint } from './store';

// Off-ramps and the archive (CMP-05, CMP-06, CMP-14, CMP-07/15, REC-03).

/** Tell departments still holding an open referral that nothing more is owed. */
async function releaseParties(ctx: Ctx, c: Complaint, why: string): Promise<void> {
  const open = await ctx.m.find(ComplaintParty, { where: { complaintNo: c.no, status: '已转交' } });
  for (const p of open) {
    await ctx.m.update(ComplaintParty, { id: p.id }, { status: '撤回' });
    const chief = await chiefRepOf(ctx.m, p.departmentCode);
    await ctx.send(
      { user: chief.userid },
      { text: `${c.no} ${why}，无需继续落实处理意见。` },
      `cmp:${c.no}:r${p.round}:${p.departmentCode}:release`,
    );
  }
}

async function closeAs(
  ctx: Ctx,
  c: Complaint,
  status: string,
  outcome: string,
  reason: string,
  note: string,
  action: string,
): Promise<void> {
  requireOpen(c, outcome);
  if (c.status === ST.approving)
    throw new UserError(`${c.no} 的处理意见正在审批（${c.approvalNo}），请先撤回审批：审批 撤回 ${c.approvalNo}`);
  await closeAllClocks(ctx, c.no, outcome);
  await releaseParties(ctx, c, `已${outcome}`);
  await updateComplaint(ctx, c, { status, outcome, closeReason: reason, closeNote: note }, action, { reason });
}

/** CMP-05: outside the center's scope — closed as 转介 with the competent body and its contact. */
export function transferOut(ctx: Ctx, c: Complaint, body: string, contact: string): Promise<void> {
  return closeAs(
    ctx,
    c,
    ST.transferred,
    '转介',
    '不属受理范围',
    `${body} ${contact}`.slice(0, 500),
    'complaint.transfer-out',
  );
}

/** CMP-06: voluntary withdrawal, with the complainant's confirmation note. */
export function withdrawComplaint(ctx: Ctx, c: Complaint, confirmation: string): Promise<void> {
  return closeAs(ctx, c, ST.withdrawn, '撤销', '投诉人确认', confirmation, 'complaint.withdraw');
}

/** `原因=` as typed → one of the four CMP-14 codes (the seed's phrases are accepted too). */
export function endReasonCode(raw: string): string {
  const s = raw.trim();
  if (END_REASONS[s]) return s;
  if (/仲裁|复议|诉讼|法院/.test(s)) return '复议诉讼';
  if (/放弃/.test(s)) return '自愿放弃';
  if (/不出席|协调会|拒绝|联系不上|不配合|到场/.test(s)) return '拒不到场';
  throw new UserError(`“原因=${raw}”无效。可选：${Object.keys(END_REASONS).join('、')}`);
}

/** CMP-14: 终结 with one of the four reason codes; 其他 needs 说明. */
export function endComplaint(ctx: Ctx, c: Complaint, code: string, note?: string): Promise<void> {
  if (code === '其他' && !note?.trim()) throw new UserError('终结原因为“其他”时须写明 说明=…（rule CMP-14）');
  return closeAs(ctx, c, ST.ended, '终结', code, note?.trim() || END_REASONS[code], 'complaint.end');
}

const OFF_RAMPS: string[] = [ST.transferred, ST.withdrawn, ST.ended];

/**
 * `投诉 归档` (CMP-07, CMP-15, REC-03). HARD: a satisfaction result unless nobody can be asked (anonymous, or
 * closed as 终结/撤销/转介 — D47); a 结果 for investigated complaints; the channel's 工单 (12345,
 * 好差评) as number or attachment; 重大 written material. Returns the number of archive items.
 */
export async function archiveComplaint(ctx: Ctx, c: Complaint): Promise<number> {
  if (c.status === ST.archived) throw new UserError(`${c.no} 已于 ${c.archivedDate} 归档。`);
  const anonymous = !c.complainantName && !c.complainantPhone && !c.complainantAddress;
  const offRamp = OFF_RAMPS.includes(c.status);
  if (!offRamp) {
    if (!anonymous) {
      if (!c.satisfaction)
        throw ruleRefusal('CMP-15', '000 投诉处理 三(四)', `${c.no} 尚未答复回访并记录满意度，不能归档。`);
      if (c.satisfaction === '不满意')
        throw new UserError(
          `${c.no} 投诉人不满意：请先退回整改（投诉 退回整改 ${c.no}）或终结（投诉 终结 ${c.no} 原因=…）（rule CMP-16）。`,
        );
    } else if (![ST.toReply, ST.replied, ST.suggestion, ST.petition].includes(c.status as never)) {
      throw new UserError(`${c.no} 当前为“${c.status}”，尚未处理完毕，不能归档。`);
    }
    if (c.type === '投诉' && c.nature !== '意见建议类' && !c.outcome)
      throw new UserError(`${c.no} 尚未认定结果：投诉 结果 ${c.no} 属实|部分属实|不实（rule CMP-18/19）`);
  }
  const files = await attachmentsOf(ctx, SUBJECT, c.no);
  const missing: string[] = [];
  if (c.channel === '12345' && !c.platformRef && !files.some((f) => f.purpose.includes('工单')))
    missing.push('“12345”投诉工单（工单号=… 或 投诉 材料 用途=工单）');
  if (c.channel === '好差评' && !c.platformRef && !files.some((f) => f.purpose.includes('工单')))
    missing.push('好差评处理工单');
  if (c.nature === '重大' && !files.some((f) => f.purpose === '书面投诉材料')) missing.push('书面投诉材料');
  if (missing.length)
    throw ruleRefusal('REC-03', '000 投诉处理 三(五)', `${c.no} 归档材料不全：缺${missing.join('、')}。`);
  await updateComplaint(ctx, c, { status: ST.archived, archivedDate: localDate(ctx.now) }, 'complaint.archive', {
    files: files.length,
    offRamp,
  });
  // 投诉登记表 + 台账 entry are generated by the bot; plus every attached file and the platform 工单 number.
  return 2 + files.length + (c.platformRef ? 1 : 0);
}
