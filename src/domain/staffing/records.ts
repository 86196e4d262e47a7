import { StaffRecord } from '../../../entities/staff-record';
import type { Ctx } from '../../kernel/ctx';
import { UserError } from '../../kernel/errors';
import { maskIdNumber, seesPersonalData } from '../../kernel/mask';
import { normaliseDeptRef } from '../windows/refs';

// Staff records RG/LG/DG (D170): look-up by number, and the masked view of the 身份证号 (D18, REC-07).

export const CITE = {
  stf01: '000 调整管理 三',
  stf02: '000 调整管理 三(一)1',
  stf03: '000 调整管理 三(一)2',
  stf05: '000 调整管理 三(一)4',
  stf07: '000 调整管理 三(二)1',
  stf08: '000 调整管理 三(二)2',
} as const;

/** The 4 topics of the pre-job training proof (STF-03). */
export const TRAINING_TOPICS = '审批业务、礼仪、消防安全、管理制度';
export const PROOF = '岗前培训材料';
export const SUBJECT = 'staff_record';

export async function loadStaffRecord(ctx: Ctx, ref: string, prefix: 'RG' | 'LG' | 'DG'): Promise<StaffRecord> {
  const no = normaliseDeptRef(ctx, ref, [prefix]);
  const r = await ctx.m.findOne(StaffRecord, { where: { no } });
  if (!r) throw new UserError(`没有找到 ${no}。`);
  return r;
}

/** 身份证号 as the viewer may see it: in full for 大厅管理室 and leaders, else first and last 4 (D18). */
export function idShown(ctx: Ctx, id: string | null): string {
  if (!id) return '—';
  return seesPersonalData(ctx.actor.roles) ? id : maskIdNumber(id);
}

/** `3/16` for replies. */
export const md = (d: string | null) => (d ? `${Number(d.slice(5, 7))}/${Number(d.slice(8, 10))}` : '—');
