import { readFile } from 'node:fs/promises';
import { Between, type EntityManager } from 'typeorm';
import { z } from 'zod';
import { CalendarDay, type CalendarDayKind } from '../../entities/calendar-day';
import { writeAudit } from '../kernel/audit';
import { UserError } from '../kernel/errors';
import type { Deps } from '../kernel/deps';
import { type LocalDate, isLocalDate, isoWeekday } from '../kernel/time';
import { afterCalendarChange, markYearConfirmed, upsertDay } from './service';
import type { WorkCalendar } from '../kernel/work-calendar';

// `npm run cli -- calendar import <file>` (rule DIR-13, OPEN #8: 大厅管理室 loads the State Council notice each
// December). The file is the official schedule of one year:
//   {"year":2027,"holidays":[{"date":"2027-01-01","name":"元旦"},…],"workdays":[{"date":"2027-02-07","name":"春节调休"}]}
// or plainly {"holidays":["2027-01-01",…],"workdays":[…]}; optional "closures" (闭馆) in the same shapes.

// A bare "2027-01-01" is read as {"date":"2027-01-01"}, so both shapes get the same messages.
const day = z.preprocess(
  (v) => (typeof v === 'string' ? { date: v } : v),
  z.object({
    date: z.string().refine(isLocalDate, { message: '日期应为真实的 YYYY-MM-DD' }),
    name: z
      .string()
      .trim()
      .max(64)
      .optional()
      .transform((n) => n || null),
  }),
);

export const calendarFileSchema = z
  .object({
    year: z.number().int().min(2000).max(2100).optional(),
    holidays: z.array(day).default([]),
    workdays: z.array(day).default([]),
    closures: z.array(day).default([]),
  })
  .superRefine((f, c) => {
    const all = [...f.holidays, ...f.workdays, ...f.closures];
    if (f.holidays.length === 0) c.addIssue({ code: 'custom', message: '至少应有一个法定假日（holidays）' });
    const year = f.year ?? Number(all[0]?.date.slice(0, 4));
    const stray = all.find((d) => Number(d.date.slice(0, 4)) !== year);
    if (stray) c.addIssue({ code: 'custom', message: `${stray.date} 不在 ${year} 年内：一个文件只导入一年` });
    const seen = new Set<string>();
    for (const d of all) {
      if (seen.has(d.date)) c.addIssue({ code: 'custom', message: `${d.date} 出现了不止一次` });
      seen.add(d.date);
    }
  });

export type CalendarFile = z.output<typeof calendarFileSchema>;

export interface ImportSummary {
  year: number;
  holidays: number;
  workdays: number;
  closures: number;
  /** Earlier imported rows of that year no longer in the file. */
  removed: number;
  /** Deadlines whose due date moved. */
  moved: number;
  warnings: string[];
}

/** Validate and load one year (already parsed JSON) inside the caller's transaction. */
export async function importCalendar(
  m: EntityManager,
  now: Date,
  actor: string,
  cal: WorkCalendar,
  input: unknown,
  origin = 'file',
): Promise<ImportSummary> {
  const parsed = calendarFileSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '文件'}: ${i.message}`);
    throw new UserError(`日历文件无效：\n${issues.join('\n')}`);
  }
  const f = parsed.data;
  const year = f.year ?? Number(f.holidays[0].date.slice(0, 4));
  const warnings: string[] = [];
  const tag = (kind: CalendarDayKind) => (d: { date: LocalDate; name: string | null }) => ({ ...d, kind });
  const entries = [...f.holidays.map(tag('休')), ...f.workdays.map(tag('班')), ...f.closures.map(tag('闭馆'))];
  for (const d of f.workdays) {
    if (isoWeekday(d.date) < 6) warnings.push(`调休上班日 ${d.date} 不是周末（本来就是工作日）`);
  }
  const existing = await m.find(CalendarDay, { where: { date: Between(`${year}-01-01`, `${year}-12-31`) } });
  const byDate = new Map(existing.map((r) => [r.date, r]));
  const inFile = new Set(entries.map((d) => d.date));
  let written = 0;
  for (const d of entries) {
    // A hall closure set by 大厅管理室 is local knowledge the official schedule cannot overrule.
    if (byDate.get(d.date)?.kind === '闭馆' && d.kind !== '闭馆') {
      warnings.push(`${d.date} 已设为闭馆，保留（文件中为 ${d.kind}）`);
      continue;
    }
    await upsertDay(m, now, actor, d.date, d.kind, d.name, 'import');
    written++;
  }
  // A corrected file replaces the earlier import; entries set in chat stay.
  const stale = existing.filter((r) => r.source === 'import' && !inFile.has(r.date)).map((r) => r.date);
  for (const date of stale) await m.delete(CalendarDay, { date });
  await markYearConfirmed(m, now, actor, year, 'import');
  const summary = {
    year,
    holidays: f.holidays.length,
    workdays: f.workdays.length,
    closures: f.closures.length,
    removed: stale.length,
    warnings,
  };
  await writeAudit(m, now, actor, 'calendar.import', 'calendar', String(year), { ...summary, written, origin });
  const { moved } = await afterCalendarChange(m, now, actor, cal, `calendar import ${year}`);
  return { ...summary, moved: moved.length };
}

/** The CLI entry: read a JSON file and import it in one transaction; the bot's calendar is refreshed. */
export async function importCalendarFile(
  deps: Pick<Deps, 'db' | 'calendar'>,
  now: Date,
  actor: string,
  path: string,
): Promise<ImportSummary> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new UserError(`无法读取日历文件 ${path}：${(e as Error).message}`);
  }
  try {
    return await deps.db.tx((m) => importCalendar(m, now, actor, deps.calendar, json, path));
  } catch (e) {
    // The snapshot may have been refreshed inside the rolled-back transaction: reload what is committed.
    await deps.calendar.refresh(deps.db.manager);
    throw e;
  }
}

/** `✅ 2027年日历：法定假日 28天，调休上班 6天` (docs/commands.md), plus moves and warnings. */
export function formatImportSummary(s: ImportSummary): string {
  const lines = [
    `✅ ${s.year}年日历：法定假日 ${s.holidays}天，调休上班 ${s.workdays}天${s.closures ? `，闭馆 ${s.closures}天` : ''}`,
  ];
  if (s.removed) lines.push(`移除上次导入而本次文件没有的 ${s.removed} 天`);
  lines.push(`重算期限：${s.moved} 项有变动`);
  for (const w of s.warnings) lines.push(`⚠️ ${w}`);
  return lines.join('\n');
}
