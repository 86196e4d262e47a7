import { Complaint } from '../../../entities/complaint';
import { ComplaintIntake } from '../../../entities/complaint-intake';
import type { Ctx } from '../../kernel/ctx';
import { personName, zoneLeads } from '../../kernel/directory';
import { UserError, ruleRefusal } from '../../kernel/errors';
import { hasRole } from '../../kernel/permissions';
import { openAttachmentSlot } from '../../kernel/attachments';
import { insertRows } from '../../db';
import { nextRecordNo } from '../../kernel/numbers';
import { getSetting } from '../../settings/settings';
import { cnDate, daysBetween, instantAt, localDate, localTime, type LocalDate, yearOf } from '../../kernel/time';
import { CATEGORIES, DL, NATURES, PLATFORM_CHANNELS, ST, SUBJECT } from './model';
import { type RespondentRefs, hasRespondent, normaliseChannel, resolveRespondent } from './respondent';
import { linkComplaintToPeak } from './peak-link';
import { openClock } from './store';

// 登记受理 (000 投诉处理 三(1); CMP-01…05, CMP-07, CMP-08, CMP-20): the 投诉登记表 with its number, the intake
// notes without a number (上报 triage D4, 差评 REV-02, 无效 CMP-04/OPEN #10).

export interface RegisterInput extends RespondentRefs {
  type: '投诉' | '信访举报';
  channel?: string;
  receivedOn?: LocalDate;
  name?: string;
  phone?: string;
  address?: string;
  confidential: boolean;
  matter?: string;
  cause?: string;
  demand?: string;
  category?: string;
  nature?: string;
  platformDue?: LocalDate;
  platformRef?: string;
  intakeId?: number;
}

async function loadIntake(ctx: Ctx, id: number): Promise<ComplaintIntake> {
  const row = await ctx.m.findOne(ComplaintIntake, { where: { id } });
  if (!row) throw new UserError(`没有找到待登记 #${id}。发送“投诉 待登记”查看。`);
  if (row.status !== '待登记')
    throw new UserError(`待登记 #${id} 已处理（${row.status}${row.complaintNo ? ` ${row.complaintNo}` : ''}）。`);
  return row;
}

export async function registerComplaint(ctx: Ctx, input: RegisterInput): Promise<{ c: Complaint; reply: string }> {
  // CMP-04: no respondent or no matter → 无效投诉, neither registered nor accepted.
  if (!hasRespondent(input) || !input.matter?.trim()) {
    const missing = [!hasRespondent(input) && '被投诉对象', !input.matter?.trim() && '投诉事项']
      .filter(Boolean)
      .join('和');
    throw ruleRefusal(
      'CMP-04',
      '000 投诉处理 三(1)4',
      `无效投诉：缺少${missing}，不予登记和受理。如需留痕请发送：投诉 无效 说明=…`,
    );
  }
  const intake = input.intakeId ? await loadIntake(ctx, input.intakeId) : null;
  const channel = normaliseChannel(input.channel ?? (intake?.kind === '差评' ? '好差评' : intake ? '导服转交' : ''));
  const category = input.category ?? (input.type === '信访举报' ? '其他' : undefined);
  if (!category) throw new UserError(`缺少参数“类别”。可选：${CATEGORIES.join('、')}`, '类别');
  const nature = input.nature ?? '一般';
  if (!NATURES.includes(nature as never))
    throw new UserError(`“性质=${nature}”无效。可选：${NATURES.join('、')}`, '性质');
  const r = await resolveRespondent(ctx.m, input);
  const today = localDate(ctx.now);
  const receivedOn = input.receivedOn ?? today;
  if (receivedOn > today) throw new UserError(`投诉时间 ${receivedOn} 晚于今天。`, '时间');
  const receivedAt = receivedOn === today ? ctx.now : instantAt(receivedOn, localTime(ctx.now));
  if (input.platformDue && input.platformDue < receivedOn)
    throw new UserError(`平台期限 ${input.platformDue} 早于投诉时间。`, '平台期限');
  const no = await nextRecordNo(ctx.m, 'TS', yearOf(today));
  // CMP-03: a 重大 complaint waits for its written material before anything else happens (attachment slot).
  const needsMaterial = nature === '重大';
  const status = needsMaterial ? ST.needsMaterial : input.type === '信访举报' ? ST.petition : ST.registered;
  await insertRows(ctx.m, Complaint, {
    no,
    type: input.type,
    receivedAt,
    receivedDate: receivedOn,
    channel,
    complainantName: input.name?.trim() || null,
    complainantPhone: input.phone?.trim() || null,
    complainantAddress: input.address?.trim() || null,
    confidential: input.confidential,
    departmentCode: r.departmentCode,
    windowNumber: r.windowNumber,
    staffUserid: r.staffUserid,
    respondentLabel: r.label || '—',
    matter: input.matter.trim(),
    cause: input.cause ?? null,
    demand: input.demand ?? null,
    category,
    nature,
    platformDue: input.platformDue ?? null,
    platformRef: input.platformRef ?? intake?.sourceRef ?? null,
    status,
    handlingMode: null,
    serious: false,
    opinion: null,
    recordComplainant: null,
    recordRespondent: null,
    round: 1,
    processedAt: null,
    repliedAt: null,
    replyMethod: null,
    satisfaction: null,
    dissatisfiedReason: null,
    suggestion: null,
    replyOverdue: false,
    overdue: false,
    outcome: null,
    outcomeUse: null,
    malicious: false,
    closeReason: null,
    closeNote: null,
    handler: ctx.actor.userid,
    intakeId: intake?.id ?? null,
    approvalNo: null,
    archivedDate: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    version: 1,
  });
  const c = await ctx.m.findOneOrFail(Complaint, { where: { no } });
  // REC-02: the history row carries no personal data of the complainant (REC-01).
  await ctx.audit('complaint.register', SUBJECT, no, {
    v: 1,
    type: c.type,
    channel,
    category,
    nature,
    department: r.departmentCode,
    window: r.windowNumber,
    staff: r.staffUserid,
    confidential: c.confidential,
    anonymous: !c.complainantName && !c.complainantPhone,
    intake: intake?.id ?? null,
    status,
  });
  if (intake) {
    await ctx.m.update(ComplaintIntake, { id: intake.id }, { status: '已登记', complaintNo: no, handledAt: ctx.now });
    await ctx.audit('complaint.intake.register', 'complaint_intake', String(intake.id), { complaintNo: no });
  }
  await linkComplaintToPeak(ctx, c, intake?.kind === '差评');
  const head = `✅ ${no} ${input.type === '信访举报' ? '信访举报' : '已登记'}｜${c.respondentLabel}｜${category}`;
  let due: string | undefined;
  if (input.type === '信访举报') {
    // CMP-20: handled and answered within 15 WD of receipt.
    const d = await openClock(ctx, no, DL.petition, receivedAt, 15);
    due = `答复期限 ${cnDate(d.dueDate)}`;
  } else if (nature === '意见建议类') {
    // CMP-08: reply within 5 WD of receipt, or by the platform's date (seed L247).
    const d = input.platformDue
      ? await openClock(ctx, no, DL.suggestion, receivedAt, daysBetween(receivedOn, input.platformDue), 'CD')
      : await openClock(ctx, no, DL.suggestion, receivedAt, 5);
    due = `答复期限 ${cnDate(d.dueDate)}`;
  } else if (input.platformDue && PLATFORM_CHANNELS.includes(channel)) {
    // D45: any platform-channel complaint is answered by the platform's date.
    const d = await openClock(ctx, no, DL.platform, receivedAt, daysBetween(receivedOn, input.platformDue), 'CD');
    due = `平台期限 ${cnDate(d.dueDate)}`;
  }
  if (needsMaterial) {
    await openAttachmentSlot(ctx, SUBJECT, no, '书面投诉材料');
    return {
      c,
      reply: `${head}｜待补材料\n重大事项投诉须提供书面材料（rule CMP-03）：请在10分钟内发送照片或文件；补交前不能调查或转交。\n逾时请发送：投诉 材料 ${no}`,
    };
  }
  const next = input.type === '信访举报' ? '投诉 答复' : nature === '意见建议类' ? '投诉 建议' : '投诉 调查';
  return { c, reply: `${head}${due ? `｜${due}` : ''}｜下一步：${next}` };
}

/** CMP-04 / OPEN #10: a minimal intake note of an invalid complaint, without a case number. */
export async function recordInvalid(ctx: Ctx, note: string, intakeId?: number): Promise<string> {
  if (!(await getSetting(ctx.m, 'complaint.invalidNote'))) return '按设置不保留无效投诉记录（OPEN #10）。';
  if (intakeId) {
    await loadIntake(ctx, intakeId);
    await ctx.m.update(
      ComplaintIntake,
      { id: intakeId },
      { status: '无效', handledAt: ctx.now, content: note.slice(0, 2000) },
    );
    await ctx.audit('complaint.invalid', 'complaint_intake', String(intakeId), {});
    return `已记录无效投诉（无编号，待登记 #${intakeId}）：${note}`;
  }
  await insertRows(ctx.m, ComplaintIntake, {
    kind: '无效',
    status: '已记录',
    content: note,
    target: null,
    sourceRef: null,
    reportedBy: ctx.actor.userid,
    complaintNo: null,
    createdAt: ctx.now,
    handledAt: ctx.now,
  });
  const row = await ctx.m.findOneOrFail(ComplaintIntake, {
    where: { reportedBy: ctx.actor.userid, kind: '无效' },
    order: { id: 'DESC' },
  });
  await ctx.audit('complaint.invalid', 'complaint_intake', String(row.id), {});
  return `已记录无效投诉（无编号）：${note}`;
}

const maskPhones = (s: string) => s.replace(/1\d{10}/g, (p) => `${p.slice(0, 3)}****${p.slice(-4)}`);

/**
 * `投诉 上报` (导服 2(三), D4): a guide or window staff forwards a complaint to 大厅管理室's triage list; a guide's
 * 所在区域有关领导 is told as well (seed L193 "及时与所在区域有关领导联系").
 */
export async function reportIntake(ctx: Ctx, content: string, target?: string): Promise<number> {
  await insertRows(ctx.m, ComplaintIntake, {
    kind: '上报',
    status: '待登记',
    content,
    target: target ?? null,
    sourceRef: null,
    reportedBy: ctx.actor.userid,
    complaintNo: null,
    createdAt: ctx.now,
    handledAt: null,
  });
  const row = await ctx.m.findOneOrFail(ComplaintIntake, {
    where: { reportedBy: ctx.actor.userid, kind: '上报' },
    order: { id: 'DESC' },
  });
  await ctx.audit('complaint.intake', 'complaint_intake', String(row.id), { kind: '上报', target: target ?? null });
  const about = target ? `（对象：${target}）` : '';
  await ctx.send(
    { group: 'G-OFFICE' },
    {
      text: `📥 待登记 #${row.id}：${ctx.actor.name} 上报投诉${about}\n${content}\n登记：投诉 登记 来源=#${row.id} 对象=… 事项=… 类别=…`,
    },
    `cmp-intake:${row.id}:office`,
  );
  if (hasRole(ctx.actor, 'guide')) {
    // D160: only the guide's own 区域领导 hears of it; a zone without one has only G-OFFICE (told above).
    const leads = await zoneLeads(ctx.m, ctx.actor.userid);
    if (leads.length > 0) {
      // The area lead is not an unmasked role (D18): phone numbers in the guide's text are masked.
      await ctx.send(
        { user: leads.map((p) => p.userid) },
        {
          text: `导服人员 ${ctx.actor.name} 接到投诉${about}，已转大厅管理室（待登记 #${row.id}）：${maskPhones(content)}`,
        },
        `cmp-intake:${row.id}:area`,
      );
    }
  }
  return row.id;
}

/** REV-02: a 不满意/非常不满意 rating enters the same triage list (channel 好差评), for the 好差评 import. */
export async function intakeFromReview(
  ctx: Ctx,
  input: { reviewNo: string; content: string; target?: string },
): Promise<number> {
  const existing = await ctx.m.findOne(ComplaintIntake, { where: { kind: '差评', sourceRef: input.reviewNo } });
  if (existing) return existing.id;
  await insertRows(ctx.m, ComplaintIntake, {
    kind: '差评',
    status: '待登记',
    content: input.content,
    target: input.target ?? null,
    sourceRef: input.reviewNo,
    reportedBy: ctx.actor.userid,
    complaintNo: null,
    createdAt: ctx.now,
    handledAt: null,
  });
  const row = await ctx.m.findOneOrFail(ComplaintIntake, { where: { kind: '差评', sourceRef: input.reviewNo } });
  await ctx.audit('complaint.intake', 'complaint_intake', String(row.id), {
    kind: '差评',
    review: input.reviewNo,
    target: input.target ?? null,
  });
  await ctx.send(
    { group: 'G-OFFICE' },
    {
      text: `📥 待登记 #${row.id}：差评 ${input.reviewNo}${input.target ? `（${input.target}）` : ''}\n${input.content}\n登记：投诉 登记 来源=#${row.id} 方式=好差评 …`,
    },
    `cmp-intake:${row.id}:office`,
  );
  return row.id;
}

export async function pendingIntakes(ctx: Ctx): Promise<string[]> {
  const rows = await ctx.m.find(ComplaintIntake, { where: { status: '待登记' }, order: { id: 'ASC' } });
  const lines: string[] = [];
  for (const r of rows)
    lines.push(
      `#${r.id} ${r.kind}${r.sourceRef ? ` ${r.sourceRef}` : ''}｜${await personName(ctx.m, r.reportedBy)}｜${r.target ?? ''} ${r.content.slice(0, 24)}`,
    );
  return lines;
}
