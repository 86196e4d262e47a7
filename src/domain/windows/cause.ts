import { PeakPlan } from '../../../entities/peak-plan';
import { Suspension } from '../../../entities/suspension';
import type { Ctx } from '../../kernel/ctx';
import { UserError } from '../../kernel/errors';
import { normaliseDeptRef } from './refs';
import { recordViolation } from './violations';

// SUS-10 (000 高峰停办 三): 大厅管理室 classifies a 主观原因 (预估不足 / 工作不到位 / 措施不力 / 未提前告知) behind
// disorder, crowding or complaints in a peak or suspension → PRF-14 event + 评优 card.

export const SUBJECTIVE_CAUSES = ['预估不足', '工作不到位', '措施不力', '未提前告知'] as const;

export async function classifyCause(
  ctx: Ctx,
  ref: string,
  cause: (typeof SUBJECTIVE_CAUSES)[number],
  note: string,
): Promise<{ departmentCode: string; deductionNo: string }> {
  const no = normaliseDeptRef(ctx, ref, ['GF', 'TB']);
  const entity = no.startsWith('GF') ? PeakPlan : Suspension;
  const rec = await ctx.m.findOne<PeakPlan | Suspension>(entity, { where: { no } });
  if (!rec) throw new UserError(`没有找到 ${no}。`);
  if (rec.status !== 'approved') throw new UserError(`${no} 未备案（${rec.status}），无需认定原因。`);
  if (rec.causeClass) throw new UserError(`${no} 已认定为“${rec.causeClass}”。`);
  await ctx.m.update(entity, { no }, { causeClass: cause, causeNote: note });
  await ctx.audit('sus10.cause', no.startsWith('GF') ? 'peak_plan' : 'suspension', no, { cause, note });
  const kf = await recordViolation(ctx, {
    rule: 'SUS-10',
    source: no,
    departmentCode: rec.departmentCode,
    note: `${no} 主观原因：${cause}。${note}`,
  });
  return { departmentCode: rec.departmentCode, deductionNo: kf };
}
