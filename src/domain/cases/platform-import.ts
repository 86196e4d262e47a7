import { type EntityManager, In } from 'typeorm';
import { z } from 'zod';
import { ServiceCase } from '../../../entities/case';
import { Deadline } from '../../../entities/deadline';
import { ServiceItem } from '../../../entities/item';
import { computeDue } from '../../calendar/deadline-due';
import { AuditLog } from '../../../entities/audit-log';
import { SequenceRow } from '../../../entities/sequence';
import { affected, insertRows } from '../../db';
import type { Ctx } from '../../kernel/ctx';
import { parseCnDate } from '../../kernel/dates';
import type { ImportKind, ImportRow } from '../../kernel/import-kind';
import { instantAt, yearOf } from '../../kernel/time';
import { markRule, storeMarks } from './clock-marks';
import { CASE_CLOCK_KIND, CASE_SUBJECT } from './clock-subject';
import { mismatchLines } from './platform-mismatch';

// 办件 导入 (CAS-02, D115): the 一体化在线政务服务平台's export, mirrored by 平台号. A known 平台号 gets the
// platform's 到期日/办结日期 (nothing written when they are unchanged, so a re-import writes nothing); an
// unknown one becomes a case (source 导入) with its own clock from the 受理日期 and the item's 承诺时限. The
// reply lists every mismatch; reminders and 超期率 use the earlier of the two 到期日 (D113).

const date = (required: boolean) =>
  z.string().transform((s, c) => {
    if (s === '') {
      if (required) c.addIssue({ code: 'custom', message: '不能为空' });
      return null;
    }
    // Exports write `2026/3/5`, `2026-03-05` or `2026-03-05 10:20:00`: the date part is enough.
    const d = parseCnDate(s.replace(/\//g, '-').split(/[ T]/)[0], new Date(0));
    if (!d) c.addIssue({ code: 'custom', message: `“${s}”无法识别（例：2026-03-05）` });
    return d ?? null;
  });

const row = z.object({
  platformNo: z.string().min(1, '缺少平台号').max(64, '平台号过长'),
  itemCode: z.string().max(64),
  itemName: z.string().max(128),
  applicant: z.string().max(64),
  accepted: date(true),
  due: date(true),
  closed: date(false),
});
export type PlatformRow = z.output<typeof row>;

async function itemsOf(m: EntityManager, rows: readonly ImportRow<PlatformRow>[]) {
  const codes = [...new Set(rows.map((r) => r.data.itemCode).filter(Boolean))];
  const names = [...new Set(rows.map((r) => r.data.itemName).filter(Boolean))];
  const items = [
    ...(codes.length ? await m.find(ServiceItem, { where: { code: In(codes) } }) : []),
    ...(names.length ? await m.find(ServiceItem, { where: { name: In(names) } }) : []),
  ];
  return (d: PlatformRow) =>
    items.find((i) => d.itemCode && i.code === d.itemCode) ?? items.find((i) => d.itemName && i.name === d.itemName);
}

async function casesOf(m: EntityManager, rows: readonly ImportRow<PlatformRow>[]) {
  const nos = [...new Set(rows.map((r) => r.data.platformNo))];
  const found = new Map<string, ServiceCase>();
  for (let i = 0; i < nos.length; i += 500)
    for (const c of await m.find(ServiceCase, { where: { platformNo: In(nos.slice(i, i + 500)) } }))
      found.set(c.platformNo!, c);
  return found;
}

export const platformCasesImport: ImportKind<PlatformRow> = {
  name: 'cases',
  label: '办件',
  columns: [
    { key: 'platformNo', headers: ['平台号', '办件编号', '申办流水号', 'platformNo'], required: true },
    { key: 'itemCode', headers: ['事项编码', '实施编码', 'itemCode'] },
    { key: 'itemName', headers: ['事项名称', 'itemName'] },
    { key: 'applicant', headers: ['申请人', 'applicant'] },
    { key: 'accepted', headers: ['受理日期', '受理时间', 'accepted'], required: true },
    { key: 'due', headers: ['到期日', '承诺办结日期', '到期日期', 'due'], required: true },
    { key: 'closed', headers: ['办结日期', '办结时间', 'closed'] },
  ],
  row,
  async check(m, rows) {
    const problems: string[] = [];
    const seen = new Map<string, string>();
    const item = await itemsOf(m, rows);
    const known = await casesOf(m, rows);
    for (const r of rows) {
      const d = r.data;
      const dup = seen.get(d.platformNo);
      if (dup) problems.push(`${r.at}：平台号 ${d.platformNo} 与${dup}重复`);
      seen.set(d.platformNo, r.at);
      if (d.due && d.accepted && d.due < d.accepted) problems.push(`${r.at}：到期日早于受理日期`);
      if (d.closed && d.accepted && d.closed < d.accepted) problems.push(`${r.at}：办结日期早于受理日期`);
      if (!known.has(d.platformNo) && !item(d))
        problems.push(`${r.at}：事项“${d.itemCode || d.itemName || '（空）'}”不在事项目录中（先导入事项目录，ITM-05）`);
    }
    return problems;
  },
  async write(ctx, rows) {
    const item = await itemsOf(ctx.m, rows);
    const known = await casesOf(ctx.m, rows);
    const rule = await markRule(ctx.m);
    let written = 0;
    const touched: ServiceCase[] = [];
    const moved: Deadline[] = [];
    const fresh: { d: PlatformRow; it: ServiceItem }[] = [];
    for (const r of rows) {
      const d = r.data;
      const c = known.get(d.platformNo);
      if (c) {
        if (c.platformDueDate === d.due && c.platformClosedDate === d.closed) {
          touched.push(c);
          continue;
        }
        const changes = { platformDueDate: d.due, platformClosedDate: d.closed, version: c.version + 1 };
        const res = await ctx.m.update(
          ServiceCase,
          { id: c.id, version: c.version },
          { ...changes, updatedAt: ctx.now, updatedBy: ctx.actor.userid },
        );
        if (affected(res) !== 1) throw new Error(`case ${c.no} changed concurrently`);
        await ctx.audit('case.platform', 'case', c.no, {
          from: [c.platformDueDate, c.platformClosedDate],
          to: [d.due, d.closed],
        });
        Object.assign(c, changes);
        const dl = c.deadlineId ? await ctx.m.findOne(Deadline, { where: { id: c.deadlineId } }) : null;
        if (dl) moved.push(dl);
      } else fresh.push({ d, it: item(d)! });
      written++;
    }
    touched.push(...(await createMirrors(ctx, fresh)));
    if (moved.length) await storeMarks(ctx.m, ctx.deps.calendar, ctx.now, moved, rule);
    const all = [...known.values(), ...touched.filter((c) => !known.has(c.platformNo!))];
    return { written, unchanged: rows.length - written, lines: mismatchLines(ctx, all) };
  },
};

/** Reserve `n` consecutive numbers of the `AJ-<year>` counter (the one nextRecordNo uses) in one update. */
async function reserveNos(m: EntityManager, year: number, n: number): Promise<string[]> {
  const name = `AJ-${year}`;
  await insertRows(m, SequenceRow, { name, value: 0 }, { orIgnore: true });
  await m
    .createQueryBuilder()
    .update(SequenceRow)
    .set({ value: () => `value + ${n}` })
    .where('name = :name', { name })
    .execute();
  const end = (await m.findOneOrFail(SequenceRow, { where: { name } })).value;
  return Array.from({ length: n }, (_, i) => `AJ${year}-${String(end - n + 1 + i).padStart(5, '0')}`);
}

/**
 * Platform cases the bot has not seen: mirrors with their own clock from the 受理日期 and the item's 承诺时限
 * (CAS-02, CAS-08), closed at once when the platform has closed them. Written in multi-row inserts (an export
 * holds thousands of rows), one audit row per case.
 */
async function createMirrors(ctx: Ctx, list: { d: PlatformRow; it: ServiceItem }[]): Promise<ServiceCase[]> {
  const cal = ctx.deps.calendar;
  const byYear = new Map<number, { d: PlatformRow; it: ServiceItem }[]>();
  for (const x of list) byYear.set(yearOf(x.d.accepted!), [...(byYear.get(yearOf(x.d.accepted!)) ?? []), x]);
  const cases: ServiceCase[] = [];
  const clocks: Partial<Deadline>[] = [];
  for (const [year, group] of byYear) {
    const nos = await reserveNos(ctx.m, year, group.length);
    group.forEach(({ d, it }, i) => {
      const no = nos[i];
      const accepted = instantAt(d.accepted!, '09:00');
      const instant = it.instant || it.promisedLimitWd === 0;
      const limit = instant ? 0 : (it.promisedLimitWd ?? cal.workdaysBetween(d.accepted!, d.due!));
      const clock = { startAt: accepted, amount: limit, unit: 'WD' as const, pauses: null, extendedWorkdays: 0 };
      const due = computeDue(cal, clock);
      const closedAt = d.closed ? instantAt(d.closed, cal.endOfDay) : null;
      clocks.push({
        subjectType: CASE_SUBJECT,
        subjectId: no,
        kind: CASE_CLOCK_KIND,
        ...clock,
        ...due,
        pausedAt: null,
        version: 1,
        status: d.closed ? 'closed' : 'open',
        createdAt: ctx.now,
        updatedAt: ctx.now,
        closedAt: closedAt ? ctx.now : null,
      });
      const effective = d.due! < due.dueDate ? d.due! : due.dueDate;
      cases.push(
        Object.assign(new ServiceCase(), {
          no,
          platformNo: d.platformNo,
          itemId: it.id,
          itemCode: it.code,
          itemName: it.name,
          departmentCode: it.departmentCode,
          windowNumber: it.windowNumber,
          type: instant ? '即办' : '承诺',
          mode: '普通',
          limitWd: limit,
          applicant: d.applicant || '（平台导入）',
          applicantPhone: null,
          firstResponder: ctx.actor.userid,
          handler: null,
          status: d.closed ? '已出件' : '已受理',
          receivedAt: accepted,
          supplements: [],
          acceptedAt: accepted,
          deadlineId: null,
          dueDate: due.dueDate,
          extensions: 0,
          finishedAt: closedAt,
          closedAt,
          closedOverdue: !!d.closed && d.closed > effective,
          platformDueDate: d.due,
          platformClosedDate: d.closed,
          source: '导入',
          version: 1,
          createdAt: ctx.now,
          updatedAt: ctx.now,
          updatedBy: ctx.actor.userid,
        } satisfies Partial<ServiceCase>),
      );
    });
  }
  for (let i = 0; i < clocks.length; i += 100) await insertRows(ctx.m, Deadline, clocks.slice(i, i + 100));
  const ids = new Map<string, number>();
  for (let i = 0; i < cases.length; i += 500) {
    const rows = await ctx.m.find(Deadline, {
      where: {
        subjectType: CASE_SUBJECT,
        kind: CASE_CLOCK_KIND,
        subjectId: In(cases.slice(i, i + 500).map((c) => c.no)),
      },
      select: { id: true, subjectId: true },
    });
    for (const r of rows) ids.set(r.subjectId, r.id);
  }
  for (const c of cases) c.deadlineId = ids.get(c.no)!;
  for (let i = 0; i < cases.length; i += 100) await insertRows(ctx.m, ServiceCase, cases.slice(i, i + 100));
  const audits = cases.map((c) => ({
    at: ctx.now,
    actor: ctx.actor.userid,
    action: 'case.import',
    subjectType: 'case',
    subjectId: c.no,
    detail: {
      platformNo: c.platformNo,
      deadline: c.deadlineId,
      dueDate: c.dueDate,
      platformDue: c.platformDueDate,
      closed: c.platformClosedDate,
    },
  }));
  for (let i = 0; i < audits.length; i += 100) await insertRows(ctx.m, AuditLog, audits.slice(i, i + 100));
  return cases;
}
