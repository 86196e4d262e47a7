import { In, MoreThanOrEqual, type EntityManager } from 'typeorm';
import { Finding } from '../../../entities/finding';
import type { Inspection } from '../../../entities/inspection';
import { PatrolReport } from '../../../entities/patrol-report';
import type { Person } from '../../../entities/person';
import type { HallWindow } from '../../../entities/window';
import { openAttachmentSlot } from '../../kernel/attachments';
import type { Ctx } from '../../kernel/ctx';
import { UserError } from '../../kernel/errors';
import { hasRole } from '../../kernel/permissions';
import { openDeadline } from '../../calendar/deadlines';
import { insertRows } from '../../db';
import { nextRecordNo, normaliseRecordRef } from '../../kernel/numbers';
import { getSetting } from '../../settings/settings';
import { addDays, localDate, yearOf } from '../../kernel/time';
import { routeFinding, routePraise } from './finding-routing';
import { findInspection } from './inspections';
import { autoSeverity, parseItem, type Severity } from './rules';

// INS-05…INS-07: a finding cites one check item (HARD), is attributed to a window / staff / department,
// tagged 重复 by OPEN #16, and routed by severity. Praise (表现突出) is a positive finding (INS-06, BRF-02).

export const DISPUTE_CLOCK = 'finding:dispute';
export const LIVE_STATUSES = ['待确认', '已确认', '有异议'] as const;

export interface FindingInput {
  inspectionRef?: string;
  window?: HallWindow | null;
  person?: Person | null;
  departmentCode?: string | null;
  item?: string;
  severity?: Severity;
  description: string;
  action?: string;
  source?: string;
  area?: string | null;
  patrolReportId?: number;
}

interface Attribution {
  round: Inspection | null;
  departmentCode: string | null;
  windowNumber: string | null;
  staffUserid: string | null;
}

async function attribute(ctx: Ctx, input: FindingInput): Promise<Attribution> {
  const round = await findInspection(ctx, input.inspectionRef);
  const windowNumber = input.window?.number ?? input.person?.windowNumber ?? null;
  const departmentCode = input.window?.departmentCode ?? input.person?.departmentCode ?? input.departmentCode ?? null;
  if (
    input.window &&
    input.person?.departmentCode &&
    input.window.departmentCode &&
    input.person.departmentCode !== input.window.departmentCode
  ) {
    throw new UserError(
      `${input.person.name} 属于 ${input.person.departmentCode}，不在 ${input.window.number}号窗（${input.window.departmentCode}）。`,
    );
  }
  // INS-06: a 首席代表 records 自查 findings of its own department only, inside its own 自查 round.
  if (!hasRole(ctx.actor, 'hall_office', 'leader')) {
    if (!round || round.type !== '自查') throw new UserError('首席代表请先发起自查：巡查 开始 类型=自查 区域=…');
    if (departmentCode !== ctx.actor.departmentCode) throw new UserError('自查只能记录本部门的窗口和人员。');
  }
  return { round, departmentCode, windowNumber, staffUserid: input.person?.userid ?? null };
}

async function takePatrolReport(ctx: Ctx, id: number | undefined, no: string): Promise<void> {
  if (id === undefined) return;
  const res = await ctx.m.update(
    PatrolReport,
    { id, status: '待处理' },
    { status: '已转发现', findingNo: no, handledBy: ctx.actor.userid, handledAt: ctx.now },
  );
  if ((res.affected ?? 0) !== 1) throw new UserError(`反映 #${id} 不存在或已处理。`);
  await ctx.audit('patrol.convert', 'patrol_report', String(id), { finding: no });
}

/** Record a problem; returns the finding and where it was routed. */
export async function recordFinding(ctx: Ctx, input: FindingInput): Promise<{ finding: Finding; routed: string }> {
  const item = parseItem(input.item);
  const at = await attribute(ctx, input);
  const chosen: Severity = input.severity ?? '一般';
  const days = await getSetting(ctx.m, 'inspection.repeatDays');
  const count = await getSetting(ctx.m, 'inspection.repeatCount');
  const today = localDate(ctx.now);
  let earlier = 0;
  if (at.windowNumber || at.staffUserid) {
    const recent = await ctx.m.find(Finding, {
      where: {
        item,
        positive: false,
        status: In([...LIVE_STATUSES]),
        date: MoreThanOrEqual(addDays(today, -(days - 1))),
      },
    });
    earlier = recent.filter(
      (f) =>
        (at.windowNumber && f.windowNumber === at.windowNumber) || (at.staffUserid && f.staffUserid === at.staffUserid),
    ).length;
  }
  const { severity, tagged } = autoSeverity(chosen, earlier, count);
  const no = await nextRecordNo(ctx.m, 'WT', yearOf(today));
  // Nobody can dispute a hall-level finding (public area), and a department's own 自查 needs no confirmation.
  const selfCheck = at.round?.type === '自查';
  const status = !at.departmentCode || selfCheck ? '已确认' : '待确认';
  await insertRows(ctx.m, Finding, {
    no,
    inspectionNo: at.round?.no ?? null,
    at: ctx.now,
    date: today,
    source: at.round?.type ?? input.source ?? (input.patrolReportId !== undefined ? '导服反映' : '日常'),
    positive: false,
    item,
    severity,
    autoTagged: tagged,
    departmentCode: at.departmentCode,
    windowNumber: at.windowNumber,
    staffUserid: at.staffUserid,
    area: input.area ?? at.round?.area?.split(',')[0] ?? null,
    description: input.description,
    action: input.action ?? null,
    status,
    recorder: ctx.actor.userid,
    confirmedBy: status === '已确认' ? ctx.actor.userid : null,
    confirmedAt: status === '已确认' ? ctx.now : null,
    patrolReportId: input.patrolReportId ?? null,
  });
  await ctx.audit('finding.record', 'finding', no, {
    item,
    severity,
    autoTagged: tagged,
    department: at.departmentCode,
    window: at.windowNumber,
    staff: at.staffUserid,
    round: at.round?.no ?? null,
  });
  await takePatrolReport(ctx, input.patrolReportId, no);
  const finding = await ctx.m.findOneOrFail(Finding, { where: { no } });
  if (status === '待确认') {
    // INS-09 / OPEN #17: the dispute window runs on the calendar (recomputed if the calendar changes).
    await openDeadline(ctx.m, ctx.now, ctx.actor.userid, ctx.deps.calendar, {
      subjectType: 'finding',
      subjectId: no,
      kind: DISPUTE_CLOCK,
      startAt: ctx.now,
      amount: await getSetting(ctx.m, 'finding.disputeWorkdays'),
      unit: 'WD',
    });
  }
  await openAttachmentSlot(ctx, 'finding', no, '巡查证据');
  const routed = await routeFinding(ctx, finding, earlier + 1);
  return { finding, routed };
}

/** INS-06 表现突出 → 表扬 in the next 口头通报 (BRF-02). */
export async function recordPraise(ctx: Ctx, input: FindingInput): Promise<Finding> {
  const at = await attribute(ctx, input);
  const today = localDate(ctx.now);
  const no = await nextRecordNo(ctx.m, 'WT', yearOf(today));
  await insertRows(ctx.m, Finding, {
    no,
    inspectionNo: at.round?.no ?? null,
    at: ctx.now,
    date: today,
    source: at.round?.type ?? input.source ?? '日常',
    positive: true,
    item: null,
    severity: null,
    autoTagged: false,
    departmentCode: at.departmentCode,
    windowNumber: at.windowNumber,
    staffUserid: at.staffUserid,
    area: input.area ?? null,
    description: input.description,
    action: null,
    status: '表扬',
    recorder: ctx.actor.userid,
  });
  await ctx.audit('finding.praise', 'finding', no, {
    department: at.departmentCode,
    window: at.windowNumber,
    staff: at.staffUserid,
  });
  await openAttachmentSlot(ctx, 'finding', no, '巡查证据');
  const finding = await ctx.m.findOneOrFail(Finding, { where: { no } });
  await routePraise(ctx, finding);
  return finding;
}

export async function findingByRef(m: EntityManager, ref: string, now: Date): Promise<Finding> {
  const no = normaliseRecordRef(ref, 'WT', yearOf(localDate(now)));
  const f = no ? await m.findOne(Finding, { where: { no } }) : null;
  if (!f) throw new UserError(`没有找到巡查发现“${ref}”。`);
  return f;
}

/** `WT87` short form for lists. */
export function shortNo(no: string): string {
  const m = /^([A-Z]+)\d{4}-0*(\d+)$/.exec(no);
  return m ? `${m[1]}${m[2]}` : no;
}

/** `GA 12号窗 李四` — where a finding is. */
export function whereOf(f: Pick<Finding, 'departmentCode' | 'windowNumber'>, staffName?: string): string {
  const parts = [f.departmentCode ?? '公共区域', f.windowNumber ? `${f.windowNumber}号窗` : '', staffName ?? ''];
  return parts.filter(Boolean).join(' ');
}
