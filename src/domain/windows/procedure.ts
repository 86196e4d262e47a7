import { Department } from '../../../entities/department';
import { WindowChange } from '../../../entities/window-change';
import { WindowClosure } from '../../../entities/window-closure';
import type { Ctx } from '../../kernel/ctx';
import { UserError } from '../../kernel/errors';
import { recordViolation } from './violations';

/**
 * `窗口 违规` (WIN-13, 000 调整管理 四): 大厅管理室 records that a department did not follow the window procedure
 * (e.g. closed a window without an approved 申请表) — PRF-14 event on the department and its 首席代表 + 评优 card.
 */
export async function recordProcedureViolation(
  ctx: Ctx,
  ref: string,
  note: string,
  source?: string,
): Promise<{ departmentCode: string; source: string; deductionNo: string }> {
  const s = ref.trim().toUpperCase();
  let code: string | undefined;
  let src = source?.trim().toUpperCase();
  if (/^GB\d{4}-/.test(s)) code = (await ctx.m.findOne(WindowClosure, { where: { no: s } }))?.departmentCode;
  else if (/^BG\d{4}-/.test(s)) code = (await ctx.m.findOne(WindowChange, { where: { no: s } }))?.departmentCode;
  else code = (await ctx.m.findOne(Department, { where: { code: s } }))?.code;
  if (!code) throw new UserError(`没有找到“${ref}”（应为 GB/BG 编号或部门代码）。`);
  if (s !== code) src = s;
  if (!src)
    throw new UserError('请注明 来源=<记录编号或窗口号>，例：窗口 违规 GA 来源=13号窗 说明=未经批准擅自关闭窗口');
  const kf = await recordViolation(ctx, { rule: 'WIN-13', source: src.slice(0, 32), departmentCode: code, note });
  return { departmentCode: code, source: src, deductionNo: kf };
}
