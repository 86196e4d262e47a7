import { StaffRecord } from '../../../entities/staff-record';
import { insertRows } from '../../db';
import { openAttachmentSlot } from '../../kernel/attachments';
import type { Ctx } from '../../kernel/ctx';
import { findPerson, usersWithRole } from '../../kernel/directory';
import { randomBytes } from 'node:crypto';
import type { CardClick } from '../../kernel/card';
import { greyClickedCard } from '../../kernel/card-reply';
import { buttonCard, taskIdFor } from '../../wecom/cards';
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
  const line = `${dept.code} ${a.name} 顶 ${absent.windowNumber ?? '—'}号窗 ${absent.name}，${md(a.from)}–${md(a.to)}；登记人 ${ctx.actor.name}`;
  await ctx.send(
    { group: 'G-OFFICE' },
    { text: `顶岗登记 ${no}（rule STF-06）：${line}。${PROOF}（${TRAINING_TOPICS}）随后补充。` },
    `dg:${no}:office`,
  );
  // D178: the office acknowledges on a card (who, when), after checking the cover's training proof.
  const office = (await usersWithRole(ctx.m, 'hall_office')).map((p) => p.userid);
  const card = buttonCard({
    taskId: taskIdFor(no, 'cover', randomBytes(3).toString('hex')),
    title: `顶岗登记 ${no}`,
    desc: line,
    subTitle: `请核对${PROOF}（${TRAINING_TOPICS}）后确认知悉（rule STF-06）`,
    fields: [{ key: '时段', value: `${a.from} 至 ${a.to}` }],
    buttons: [{ text: '已知悉', key: `ack:${no}`, style: 1 }],
  });
  if (office.length) await ctx.send({ user: office }, { card }, `dg:${no}:card`);
  return r;
}

/** `ack:DG…` holders: 大厅管理室. */
export async function coverAckers(ctx: Ctx): Promise<string[]> {
  return (await usersWithRole(ctx.m, 'hall_office')).map((p) => p.userid);
}

/** `ack:DG…` — 大厅管理室 has seen the 顶岗 (and its proof); recorded once. */
export async function ackCover(ctx: Ctx, no: string, click: CardClick): Promise<void> {
  const res = await ctx.m.update(
    StaffRecord,
    { no: no.toUpperCase(), kind: '顶岗', status: 'registered' },
    { status: 'acknowledged', confirmedAt: ctx.now },
  );
  if ((res.affected ?? 0) !== 1) {
    await ctx.reply(`已处理：${no} 已由大厅管理室确认。`);
    return;
  }
  await ctx.audit('staff_record.acknowledge', SUBJECT, no.toUpperCase(), {});
  await greyClickedCard(ctx, click, '已知悉');
  await ctx.reply(`✅ ${no.toUpperCase()} 已确认知悉`);
}
