import { IsNull, type EntityManager } from 'typeorm';
import type { Approval } from '../../../entities/approval';
import { AwardFlag } from '../../../entities/award-flag';
import { AwardNomination } from '../../../entities/award-nomination';
import { Person } from '../../../entities/person';
import { HallWindow } from '../../../entities/window';
import { roleStep } from '../../approvals/approvers';
import { startApproval } from '../../approvals/engine';
import type { ApprovalKind } from '../../kernel/approval-kind';
import type { Ctx } from '../../kernel/ctx';
import { findPerson, personName } from '../../kernel/directory';
import { ruleRefusal, UserError } from '../../kernel/errors';
import { insertRows } from '../../db';
import { localDate, monthBounds } from '../../kernel/time';
import { getSetting } from '../../settings/settings';
import { isAwardEligible } from '../performance';

// PRF-16 (003 措施14; 004 第二十二条; 000 窗口工作 四(六)): the 首席代表 recommends staff for the named awards;
// 大厅管理室 decides through the approval kind `award-nomination`. PRF-17 (000 投诉处理 五(二) etc.): a nominee
// (or the nominee's department) whose 评优资格 for the year is cancelled is refused — at submission and again
// when 大厅管理室 approves, since a flag may be decided in between (D182).

export const NOMINATION_KIND = 'award-nomination';
const SUBJECT = 'award_nomination';

/** Who is nominated: a staff member or a window, with the department that answers for it. */
export interface Nominee {
  personUserid: string | null;
  windowNumber: string | null;
  departmentCode: string | null;
  label: string;
}

/** `李四`, `@lisi` or `12号窗` / `12` (D187). */
export async function findNominee(m: EntityManager, ref: string): Promise<Nominee> {
  const w = /^(\d{1,3})\s*(?:号窗?|号窗口)?$/.exec(ref.trim());
  if (w) {
    const win = await m.findOne(HallWindow, { where: { number: w[1] } });
    if (!win) throw new UserError(`没有 ${w[1]}号窗。`);
    return {
      personUserid: null,
      windowNumber: win.number,
      departmentCode: win.departmentCode,
      label: `${win.number}号窗`,
    };
  }
  const p = await findPerson(m, ref);
  return { personUserid: p.userid, windowNumber: null, departmentCode: p.departmentCode, label: p.name };
}

async function nomineeOf(m: EntityManager, n: AwardNomination): Promise<Nominee> {
  return {
    personUserid: n.personUserid,
    windowNumber: n.windowNumber,
    departmentCode: n.departmentCode,
    label: n.personUserid ? await personName(m, n.personUserid) : `${n.windowNumber ?? ''}号窗`,
  };
}

/** PRF-17's seed clause for the rule that took the eligibility away (the refusal cites it). */
const SOURCE_OF: Record<string, string> = {
  'CMP-19': '000 投诉处理 五(二)',
  'SUS-10': '000 高峰停办 三',
  'WIN-13': '000 调整管理 四',
  'STF-10': '000 调整管理 四',
  'ACC-01': '000 问效 第七条',
};

/** HARD PRF-17 check, naming the source record that cancelled the eligibility. */
async function assertEligible(m: EntityManager, who: Nominee, year: number): Promise<void> {
  const subjects: ['person' | 'department', string][] = [];
  if (who.personUserid) subjects.push(['person', who.personUserid]);
  if (who.departmentCode) subjects.push(['department', who.departmentCode]);
  for (const [type, id] of subjects) {
    if (await isAwardEligible(m, type, id, year)) continue;
    const flag = await m.findOneOrFail(AwardFlag, {
      where: { subjectType: type, subjectId: id, year, status: 'cancelled' },
      order: { id: 'ASC' },
    });
    throw ruleRefusal(
      'PRF-17',
      SOURCE_OF[flag.rule] ?? SOURCE_OF['CMP-19'],
      `${type === 'person' ? who.label : `${who.label} 所在单位 ${id}`} ${year}年评优资格已取消（rule ${flag.rule}，来源 ${flag.source}），不能推荐。`,
    );
  }
}

export async function nominate(ctx: Ctx, who: Nominee, award: string, reason: string): Promise<string> {
  const awards = await getSetting(ctx.m, 'performance.awards');
  if (!awards.includes(award)) throw new UserError(`奖项应为：${awards.join('、')}（rule PRF-16）。`);
  if (!who.departmentCode || who.departmentCode !== ctx.actor.departmentCode)
    throw new UserError(
      `只能推荐本单位的进驻人员或窗口；${who.label} 不属于 ${ctx.actor.departmentCode ?? '你的单位'}（rule DIR-03）。`,
    );
  const today = localDate(ctx.now);
  const year = Number(today.slice(0, 4));
  await assertEligible(ctx.m, who, year);
  const key = { year, award, personUserid: who.personUserid ?? IsNull(), windowNumber: who.windowNumber ?? IsNull() };
  const dup = await ctx.m.findOne(AwardNomination, { where: key, order: { id: 'DESC' } });
  if (dup && dup.status !== '已驳回') throw new UserError(`${who.label}「${award}」${year}年已推荐（${dup.status}）。`);
  await insertRows(ctx.m, AwardNomination, {
    year,
    month: today.slice(0, 7),
    personUserid: who.personUserid,
    windowNumber: who.windowNumber,
    departmentCode: who.departmentCode,
    award,
    reason,
    nominatedBy: ctx.actor.userid,
    approvalNo: null,
    status: '待审定',
    decidedAt: null,
    createdAt: ctx.now,
  });
  const row = await ctx.m.findOneOrFail(AwardNomination, { where: key, order: { id: 'DESC' } });
  const a = await startApproval(ctx, {
    kind: NOMINATION_KIND,
    subjectType: SUBJECT,
    // Prefixed: a bare row id could equal another kind's subject id in approval queries.
    subjectId: `AN${row.id}`,
    title: `评优推荐 ${who.label}「${award}」`,
    departmentCode: who.departmentCode,
    payload: { nominationId: row.id },
  });
  await ctx.m.update(AwardNomination, { id: row.id }, { approvalNo: a.no });
  await ctx.audit('award.nominate', SUBJECT, String(row.id), {
    person: who.personUserid,
    window: who.windowNumber,
    award,
    reason,
    approval: a.no,
  });
  return `✅ 已推荐 ${who.label}「${award}」（${a.no}，待大厅管理室审定）`;
}

async function nominationOf(ctx: Ctx, a: Approval): Promise<AwardNomination> {
  return ctx.m.findOneOrFail(AwardNomination, { where: { id: Number(a.payload.nominationId) } });
}

async function decideNomination(ctx: Ctx, a: Approval, status: '已授予' | '已驳回'): Promise<AwardNomination> {
  const n = await nominationOf(ctx, a);
  await ctx.m.update(AwardNomination, { id: n.id }, { status, decidedAt: ctx.now });
  await ctx.audit(status === '已授予' ? 'award.grant' : 'award.reject', SUBJECT, String(n.id), { approval: a.no });
  return n;
}

export const awardNominationKind: ApprovalKind = {
  kind: NOMINATION_KIND,
  async steps(ctx) {
    return [await roleStep(ctx.m, '大厅管理室审定', 'hall_office')];
  },
  async card(ctx, a) {
    const n = await nominationOf(ctx, a);
    return {
      subTitle: `推荐理由：${n.reason}`,
      fields: [
        { key: '被推荐', value: `${(await nomineeOf(ctx.m, n)).label}（${n.departmentCode ?? '—'}）` },
        { key: '奖项', value: `${n.award}（${n.year}年）` },
        { key: '推荐人', value: await personName(ctx.m, n.nominatedBy) },
      ],
    };
  },
  async beforeDecision(ctx, a, decision) {
    if (decision !== 'approve') return;
    const n = await nominationOf(ctx, a);
    await assertEligible(ctx.m, await nomineeOf(ctx.m, n), n.year);
  },
  async onApproved(ctx, a) {
    await decideNomination(ctx, a, '已授予');
  },
  async onRejected(ctx, a) {
    await decideNomination(ctx, a, '已驳回');
  },
  async onWithdrawn(ctx, a) {
    await decideNomination(ctx, a, '已驳回');
  },
};

/** Nominations made in `month` and those granted in it (PRF-16). */
export async function monthAwards(
  m: EntityManager,
  month: string,
): Promise<{ made: AwardNomination[]; granted: AwardNomination[] }> {
  const { first, last } = monthBounds(`${month}-01`);
  const made = await m.find(AwardNomination, { where: { month }, order: { id: 'ASC' } });
  const granted = (await m.find(AwardNomination, { where: { status: '已授予' }, order: { id: 'ASC' } })).filter(
    (n) => !!n.decidedAt && localDate(n.decidedAt) >= first && localDate(n.decidedAt) <= last,
  );
  return { made, granted };
}

/** A month's nominations and awards per department (书面通报 section (4), BRF-01; PRF-16). */
export async function monthAwardLines(m: EntityManager, month: string): Promise<Map<string, string[]>> {
  const { made, granted } = await monthAwards(m, month);
  const people = new Map((await m.find(Person)).map((p) => [p.userid, p.name]));
  const label = (n: AwardNomination) =>
    `${n.personUserid ? (people.get(n.personUserid) ?? n.personUserid) : `${n.windowNumber}号窗`}「${n.award}」`;
  const out = new Map<string, string[]>();
  const codes = new Set([...made, ...granted].map((n) => n.departmentCode));
  for (const code of codes) {
    if (!code) continue;
    const mine = made.filter((n) => n.departmentCode === code);
    const won = granted.filter((n) => n.departmentCode === code);
    const lines = [
      ...(mine.length ? [`推荐评优${mine.length}人次：${mine.map(label).join('、')}`] : []),
      ...(won.length ? [`获评${won.length}项：${won.map(label).join('、')}`] : []),
    ];
    out.set(code, lines);
  }
  return out;
}
