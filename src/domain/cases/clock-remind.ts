import { In } from 'typeorm';
import { CaseClock } from '../../../entities/case-clock';
import { Deadline } from '../../../entities/deadline';
import { Department } from '../../../entities/department';
import type { Ctx } from '../../kernel/ctx';
import { usersWithRole } from '../../kernel/directory';
import { Person } from '../../../entities/person';
import { addDays, cnDate, type LocalDate, localDate } from '../../kernel/time';
import type { WorkCalendar } from '../../kernel/work-calendar';
import { type CaseInfo, caseInfos } from './clock-cases';
import { claimDeadlineReminder } from '../../calendar/deadline-reminders';
import { markRule, syncCaseClocks } from './clock-marks';
import { type Candidate, claimLevel, digestKey, reminderCandidates, unclaimed } from './clock-scan';

// case-reminders (09:00 each WD, CAS-18, OPEN #46): L1 → 承办人; L2 → 承办人 + 首席代表; L3 → ONE digest to
// G-OFFICE and each 分管领导 (`supervisor`) listing every case overdue today. instant-cases-open (17:30): a
// 即办件 still open gets L2 at once; its L3 follows at the next WD's 09:00 scan (D112).

export interface CaseReminderCounts {
  synced: number;
  l1: number;
  l2: number;
  l3: number;
}

/** WDs a case is past its due day on `today` (the first WD after the due day counts 1). */
export function overdueWorkdays(cal: WorkCalendar, due: LocalDate, today: LocalDate): number {
  let n = 0;
  for (let d = today, i = 0; d > due && i < 800; d = addDays(d, -1), i++) if (cal.dayInfo(d).workday) n++;
  return n;
}

/** Department code → 首席代表 (DIR-03), read once per run. */
async function chiefs(ctx: Ctx): Promise<Map<string, string | null>> {
  return new Map((await ctx.m.find(Department)).map((d) => [d.code, d.chiefRep]));
}

/** What a reminder line shows of a clock. */
type Shown = Pick<CaseClock, 'caseNo' | 'dueDate' | 'instant'>;

const label = (i: CaseInfo | undefined, no: string) => `${no}${i?.item ? `（${i.item}）` : ''}`;

/** The L1/L2 direct message of one case (§7 #18 house style). */
function personalText(lv: 'L1' | 'L2', c: Shown, i: CaseInfo | undefined, today: LocalDate, atClose: boolean) {
  const what = c.instant ? '即办件' : '办件';
  if (atClose) return `⏰ ${what} ${label(i, c.caseNo)}仍未办结（L2），请今日办结或说明原因`;
  if (lv === 'L1') return `⏰ ${what} ${label(i, c.caseNo)}承诺时限已过半（L1），请于 ${cnDate(c.dueDate)} 前办结`;
  return c.dueDate === today
    ? `⏰ ${what} ${label(i, c.caseNo)}今日到期（L2），请今日办结或说明原因`
    : `⏰ ${what} ${label(i, c.caseNo)}将于 ${cnDate(c.dueDate)} 到期（L2），请抓紧办结`;
}

async function sendPersonal(
  ctx: Ctx,
  c: Candidate,
  info: CaseInfo | undefined,
  chief: Map<string, string | null>,
  atClose = false,
): Promise<void> {
  const today = localDate(ctx.now);
  const lv = c.level === 'L1' ? 'L1' : 'L2';
  const to = [info?.handler ?? null];
  if (lv === 'L2') to.push(chief.get(info?.departmentCode ?? '') ?? null);
  const users = [...new Set(to.filter((x): x is string => !!x))];
  if (users.length === 0) return;
  await ctx.send(
    { user: users },
    { text: personalText(lv, c.clock, info, today, atClose) },
    `case-clock:${c.deadline.id}:v${c.deadline.version}:${lv}:${today}${atClose ? ':1730' : ''}`,
  );
}

/** One line of the L3 digest and of 口头通报 section 三 (no staff names there, D41). */
export function overdueLine(cal: WorkCalendar, c: Shown, i: CaseInfo | undefined, today: LocalDate): string {
  return (
    `${c.caseNo} ${i?.departmentCode ?? ''} ${i?.item ?? ''}`.replace(/\s+/g, ' ').trim() +
    ` 超期${overdueWorkdays(cal, c.dueDate, today)}个工作日（到期 ${cnDate(c.dueDate)}）`
  );
}

export async function remindCases(ctx: Ctx): Promise<CaseReminderCounts> {
  const today = localDate(ctx.now);
  const { synced, candidates } = await reminderCandidates(ctx.m, ctx);
  const infos = await caseInfos(
    ctx.m,
    candidates.map((c) => c.clock.caseNo),
  );
  const counts: CaseReminderCounts = { synced, l1: 0, l2: 0, l3: 0 };
  const overdue: Candidate[] = [];
  const chief = await chiefs(ctx);
  for (const c of await unclaimed(ctx.m, today, candidates)) {
    if (!(await claimLevel(ctx.m, ctx.now, c))) continue;
    if (c.level === 'L3') {
      overdue.push(c);
      continue;
    }
    await sendPersonal(ctx, c, infos.get(c.clock.caseNo), chief);
    counts[c.level === 'L1' ? 'l1' : 'l2']++;
  }
  counts.l3 = overdue.length;
  if (overdue.length === 0) return counts;
  overdue.sort(
    (a, b) => a.clock.dueDate.localeCompare(b.clock.dueDate) || a.clock.caseNo.localeCompare(b.clock.caseNo),
  );
  const handlers = [...new Set(overdue.map((c) => infos.get(c.clock.caseNo)?.handler).filter((x): x is string => !!x))];
  const names = new Map<string, string>();
  for (let i = 0; i < handlers.length; i += 500)
    for (const p of await ctx.m.find(Person, { where: { userid: In(handlers.slice(i, i + 500)) } }))
      names.set(p.userid, p.name);
  const lines = overdue.map((c, n) => {
    const i = infos.get(c.clock.caseNo);
    const who = i?.handler ? `｜承办 ${names.get(i.handler) ?? i.handler}` : '';
    return `${n + 1}. ${overdueLine(ctx.deps.calendar, c.clock, i, today)}${who}`;
  });
  const text = [`🔴 办件超期（L3）${cnDate(today)}：${overdue.length} 件`, ...lines].join('\n');
  const key = `case-l3:${today}:${digestKey(overdue.map((c) => c.deadline.id))}`;
  await ctx.send({ group: 'G-OFFICE' }, { text }, `${key}:office`);
  const leaders = (await usersWithRole(ctx.m, 'supervisor')).map((p) => p.userid);
  if (leaders.length) await ctx.send({ user: leaders }, { text }, `${key}:supervisor`);
  return counts;
}

/** instant-cases-open (17:30): every 即办件 due today and still open → L2 now (CAS-18, D112). */
export async function remindInstantCases(ctx: Ctx): Promise<{ l2: number }> {
  const today = localDate(ctx.now);
  await syncCaseClocks(ctx.m, ctx.deps.calendar, ctx.now, await markRule(ctx.m));
  const rows = await ctx.m
    .createQueryBuilder(CaseClock, 'c')
    .innerJoin(Deadline, 'd', 'd.id = c.deadlineId AND d.version = c.deadlineVersion')
    .where('c.instant = :yes AND c.live = :yes AND c.dueDate = :today AND d.status = :open', {
      yes: true,
      today,
      open: 'open',
    })
    .getMany();
  const infos = await caseInfos(
    ctx.m,
    rows.map((c) => c.caseNo),
  );
  let l2 = 0;
  const chief = await chiefs(ctx);
  const deadlines = await ctx.m.find(Deadline, { where: { id: In(rows.map((r) => r.deadlineId)) } });
  for (const clock of rows) {
    const deadline = deadlines.find((d) => d.id === clock.deadlineId)!;
    const c: Candidate = { clock, deadline, level: 'L2' };
    if (!(await claimDeadlineReminder(ctx.m, ctx.now, deadline, 'L2', today))) continue;
    await sendPersonal(ctx, c, infos.get(clock.caseNo), chief, true);
    l2++;
  }
  return { l2 };
}
