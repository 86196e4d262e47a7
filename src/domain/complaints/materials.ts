import type { Complaint } from '../../../entities/complaint';
import { ComplaintParty } from '../../../entities/complaint-party';
import type { Ctx } from '../../kernel/ctx';
import { UserError } from '../../kernel/errors';
import { hasRole } from '../../kernel/permissions';
import { MATERIAL, signedReportPurpose } from './handling';
import { ST } from './model';
import { requireOpen } from './store';

// `投诉 材料` (D6): which attachment slot a later photo/file fills — the 重大 written material (CMP-03), the
// platform 工单 for the archive (REC-03), interview records (CMP-09), or the signed and stamped 落实情况 (CMP-12).

async function openPartyOf(ctx: Ctx, c: Complaint, dept: string | null): Promise<ComplaintParty> {
  const parties = await ctx.m.find(ComplaintParty, {
    where: { complaintNo: c.no, status: '已转交', ...(dept ? { departmentCode: dept } : {}) },
    order: { round: 'DESC' },
  });
  if (parties.length === 0) throw new UserError(`${c.no} 没有${dept ? `转交给 ${dept} ` : ''}待落实的处理意见。`);
  if (!dept && new Set(parties.map((p) => p.departmentCode)).size > 1)
    throw new UserError(`${c.no} 有多个部门待落实，请由各部门首席代表上传。`);
  return parties[0];
}

export async function purposeFor(
  ctx: Ctx,
  c: Complaint,
  use?: '书面材料' | '工单' | '调查记录' | '落实情况',
): Promise<string> {
  if (c.status !== ST.archived) requireOpen(c, '上传材料');
  if (!hasRole(ctx.actor, 'hall_office')) {
    // A 首席代表 uploads only their department's signed report.
    const p = await openPartyOf(ctx, c, ctx.actor.departmentCode ?? '—');
    return signedReportPurpose(p.departmentCode, p.round);
  }
  switch (use) {
    case '书面材料':
      return MATERIAL;
    case '工单':
      return c.channel === '好差评' ? '好差评处理工单' : `${c.channel}工单`.slice(0, 32);
    case '调查记录':
      return '调查记录';
    case '落实情况': {
      const p = await openPartyOf(ctx, c, null);
      return signedReportPurpose(p.departmentCode, p.round);
    }
    default:
      return c.status === ST.needsMaterial ? MATERIAL : '其他材料';
  }
}
