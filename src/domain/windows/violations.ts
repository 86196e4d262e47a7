import { Department } from '../../../entities/department';
import type { Ctx } from '../../kernel/ctx';
import { raiseAwardDecision, recordDeduction } from '../performance';
import { awardDecider } from './common';

// WIN-13 (000 调整管理 四) and SUS-10 (000 高峰停办 三): the department and its 首席代表 are 扣分 + 通报批评; serious
// cases lose the year's 评优 eligibility — a PRF-14 event plus a PRF-17 card to 大厅管理室, who decides.

export async function recordViolation(
  ctx: Ctx,
  v: { rule: 'WIN-13' | 'SUS-10'; source: string; departmentCode: string; note: string },
): Promise<string> {
  const dept = await ctx.m.findOne(Department, { where: { code: v.departmentCode } });
  const kf = await recordDeduction(ctx, {
    departmentCode: v.departmentCode,
    personUserid: dept?.chiefRep ?? null,
    rule: v.rule,
    source: v.source,
    note: v.note,
  });
  // One card per event, for the unit (单位); the 首席代表 is named on the deduction itself.
  await raiseAwardDecision(ctx, {
    subjectType: 'department',
    subjectId: v.departmentCode,
    rule: v.rule,
    source: v.source,
    note: `${v.note}（${kf}）`,
    decider: await awardDecider(ctx),
  });
  return kf;
}
