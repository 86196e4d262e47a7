import { StaffRecord } from '../../../entities/staff-record';
import { insertRows } from '../../db';
import { openAttachmentSlot } from '../../kernel/attachments';
import type { Ctx } from '../../kernel/ctx';
import { findPerson } from '../../kernel/directory';
import { UserError } from '../../kernel/errors';
import { nextDeptRecordNo } from '../../kernel/numbers';
import { type LocalDate, localDate, yearOf } from '../../kernel/time';
import { filingDepartment } from '../windows/common';
import { PROOF, SUBJECT, TRAINING_TOPICS, md } from './records';

// 顶岗 登记 DG… (STF-06, DIR-09; 000 调整管理 三(一)4 "顶岗人员…同等条件…及时告知中心"): a cover sent by the
// department for an absent member; 大厅管理室 is told at once and the training proof goes into the slot.

export interface CoverInput {
  name: string;
  /** Whom the cover stands in for. */
  covers: string;
  from: LocalDate;
  to: LocalDate;
  account?: string;
}

export async function registerCover(ctx: Ctx, a: CoverInput): Promise<StaffRecord> {
  const dept = await filingDepartment(ctx);
  const absent = await findPerson(ctx.m, a.covers);
  if (absent.departmentCode !== dept.code)
    throw new UserError(`${absent.name} 不是 ${dept.code} 的人员，只能为本部门人员安排顶岗。`);
  if (a.to < a.from) throw new UserError(`结束日期 ${a.to} 早于开始日期 ${a.from}。`);
  if (a.to < localDate(ctx.now)) throw new UserError(`顶岗时段 ${a.from}至${a.to} 已过。`);
  const no = await nextDeptRecordNo(ctx.m, 'DG', yearOf(localDate(ctx.now)), dept.code);
  await insertRows(ctx.m, StaffRecord, {
    no,
    kind: '顶岗',
    departmentCode: dept.code,
    userid: a.account?.trim().toLowerCase() || null,
    name: a.name,
    windowNumber: absent.windowNumber,
    idNumber: null,
    identity: null,
    windowKind: null,
    form: {},
    startDate: a.from,
    endDate: a.to,
    otherUserid: absent.userid,
    reasonCode: null,
    reason: null,
    noProofReason: null,
    status: 'registered',
    approvalNo: null,
    handover: null,
    confirmedAt: null,
    doneAt: null,
    createdBy: ctx.actor.userid,
    createdAt: ctx.now,
  });
  await ctx.audit('staff_record.create', SUBJECT, no, { kind: '顶岗', covers: absent.userid, from: a.from, to: a.to });
  await openAttachmentSlot(ctx, SUBJECT, no, PROOF);
  const r = await ctx.m.findOneOrFail(StaffRecord, { where: { no } });
  await ctx.send(
    { group: 'G-OFFICE' },
    {
      text: `顶岗登记 ${no}（rule STF-06）：${dept.code} ${a.name} 顶 ${absent.windowNumber ?? '—'}号窗 ${absent.name}，${md(a.from)}–${md(a.to)}；登记人 ${ctx.actor.name}。${PROOF}（${TRAINING_TOPICS}）随后补充。`,
    },
    `dg:${no}:office`,
  );
  return r;
}
