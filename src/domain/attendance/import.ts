import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { AttendanceDay } from '../../../entities/attendance-day';
import { Person } from '../../../entities/person';
import type { Ctx } from '../../kernel/ctx';
import { normUserid } from '../../kernel/directory';
import { localDate, shortDate, type LocalDate } from '../../kernel/time';
import { dateCell, timeCell } from './cells';
import { summarise, summaryLine } from './summary';
import { judgeRange, loadRows } from './days';

// `考勤 导入` / `import attendance` (ATT-02, D40): the 考勤系统 export, one row per person and day. People are
// named by 账号 (WeCom userid) or, without that column, by a unique 姓名. Checked in full before anything is
// written; then every row is upserted by person and date in one transaction (D140).

export const ATTENDANCE_COLUMNS = [
  { key: 'account', headers: ['账号', '工号', '用户ID', 'userid', 'account'] },
  { key: 'name', headers: ['姓名', '人员', 'name'] },
  { key: 'date', headers: ['日期', '考勤日期', 'date'], required: true },
  { key: 'signIn', headers: ['签到', '签到时间', '上班打卡', '上班', 'sign_in', 'signin', 'in'] },
  { key: 'signOut', headers: ['签退', '签退时间', '下班打卡', '下班', 'sign_out', 'signout', 'out'] },
  // Read but not used: the directory is the authority on department and window (DIR-08).
  { key: 'department', headers: ['部门', 'department'] },
  { key: 'window', headers: ['窗口', '窗口号', 'window'] },
  { key: 'seq', headers: ['序号', 'no'] },
  { key: 'note', headers: ['备注', 'note'] },
];

export const attendanceRow = z.object({
  account: z.string().default(''),
  name: z.string().default(''),
  date: dateCell('日期'),
  signIn: timeCell(),
  signOut: timeCell(),
  department: z.string().default(''),
  window: z.string().default(''),
  seq: z.string().default(''),
  note: z.string().default(''),
});
export type AttendanceRow = z.output<typeof attendanceRow>;
export interface Located<T> {
  at: string;
  data: T;
}

/** The directory as the file names people: by userid, and by name when the name is unique (D145). */
async function resolver(m: EntityManager): Promise<(r: AttendanceRow) => Person | string> {
  const people = await m.find(Person);
  const byId = new Map(people.map((p) => [p.userid, p]));
  const byName = new Map<string, Person[]>();
  for (const p of people) byName.set(p.name, [...(byName.get(p.name) ?? []), p]);
  return (r) => {
    if (r.account.trim()) return byId.get(normUserid(r.account)) ?? `没有账号为“${r.account.trim()}”的人员`;
    const name = r.name.trim();
    if (!name) return '缺少账号或姓名';
    const hits = byName.get(name) ?? [];
    if (hits.length === 1) return hits[0];
    return hits.length ? `“${name}”有${hits.length}人同名，请加“账号”列` : `没有名为“${name}”的人员`;
  };
}

/** Every problem of the file (outside the write transaction), each naming its sheet and line. */
export async function checkAttendance(
  m: EntityManager,
  rows: readonly Located<AttendanceRow>[],
  now: Date,
): Promise<string[]> {
  const resolve = await resolver(m);
  const today = localDate(now);
  const seen = new Map<string, string>();
  const problems: string[] = [];
  for (const { at, data } of rows) {
    const who = resolve(data);
    if (typeof who === 'string') problems.push(`${at}：${who}`);
    if (data.date > today) problems.push(`${at}：日期 ${data.date} 晚于今天`);
    if (data.signIn && data.signOut && data.signIn > data.signOut) {
      problems.push(`${at}：签到 ${data.signIn} 晚于签退 ${data.signOut}`);
    }
    if (typeof who !== 'string') {
      const key = `${who.userid}|${data.date}`;
      const first = seen.get(key);
      if (first) problems.push(`${at}：${who.name} ${data.date} 与 ${first} 重复`);
      else seen.set(key, at);
    }
  }
  return problems;
}

const CHUNK = 400;

/** Upsert by person and date (D140); one audit row for the import. */
export async function writeAttendance(
  ctx: Ctx,
  rows: readonly Located<AttendanceRow>[],
): Promise<{ written: number; unchanged: number; lines: string[] }> {
  if (!rows.length) return { written: 0, unchanged: 0, lines: [] };
  const resolve = await resolver(ctx.m);
  const dates = rows.map((r) => r.data.date).sort();
  const [from, to] = [dates[0], dates[dates.length - 1]];
  const existing = await loadRows(ctx.m, from, to);
  const byKey = new Map(existing.map((e) => [`${e.userid}|${e.date}`, e]));
  const fresh: Partial<AttendanceDay>[] = [];
  let updated = 0;
  let unchanged = 0;
  for (const { data } of rows) {
    const who = resolve(data);
    if (typeof who === 'string') throw new Error(`attendance row unresolved after check: ${who}`);
    const old = byKey.get(`${who.userid}|${data.date}`);
    const values = { signIn: data.signIn, signOut: data.signOut };
    if (old && old.signIn === values.signIn && old.signOut === values.signOut) unchanged++;
    else if (old) {
      await ctx.m.update(
        AttendanceDay,
        { id: old.id },
        { ...values, importedAt: ctx.now, importedBy: ctx.actor.userid },
      );
      updated++;
    } else {
      fresh.push({ userid: who.userid, date: data.date, ...values, importedAt: ctx.now, importedBy: ctx.actor.userid });
    }
  }
  for (let i = 0; i < fresh.length; i += CHUNK) {
    await ctx.m
      .createQueryBuilder()
      .insert()
      .into(AttendanceDay)
      .values(fresh.slice(i, i + CHUNK))
      .execute();
  }
  const written = fresh.length + updated;
  await ctx.audit('attendance.import', 'attendance_day', `${from}..${to}`, {
    inserted: fresh.length,
    updated,
    unchanged,
  });
  return { written, unchanged, lines: await importSummary(ctx, from, to) };
}

/** `3/2 考勤：迟到 2，早退 0，未签到 1` per imported day (a longer file: one line for the whole range). */
async function importSummary(ctx: Ctx, from: LocalDate, to: LocalDate): Promise<string[]> {
  const range = await judgeRange(ctx.m, ctx.deps.calendar, from, to);
  const dates = [...range.imported].sort();
  if (dates.length <= 3) {
    return dates.map((d) => `${shortDate(d)} 考勤：${summaryLine(summarise(range.days.filter((x) => x.date === d)))}`);
  }
  return [`${shortDate(from)}–${shortDate(to)} 考勤（${dates.length}天）：${summaryLine(summarise(range.days))}`];
}
