import { createHash } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import { z } from 'zod';
import { Department } from '../../../entities/department';
import { Person } from '../../../entities/person';
import { Rating } from '../../../entities/rating';
import { insertRows } from '../../db';
import type { ImportKind, ImportRow } from '../../kernel/import-kind';
import { instantAt, isLocalDate, type LocalDate } from '../../kernel/time';
import { recordBadReview } from './bad-reviews';
import { isBad, LEVELS } from './levels';

// `好差评 导入` / `cli import ratings` (REV-01, REV-02, D94, D95): every rating of the 好差评 system's export is
// stored per case, window and staff member; each 不满意/非常不满意 becomes one 差评 record and one 待登记 intake.
// A rating is known by its key, so a re-imported file writes nothing and allocates no CP number.

const TIME = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::\d{2})?)?$/;

function parseTime(s: string): { date: LocalDate; hhmm: string } | null {
  const m = TIME.exec(s);
  if (!m) return null;
  const date = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  const hhmm = m[4] ? `${m[4].padStart(2, '0')}:${m[5]}` : '00:00';
  if (!isLocalDate(date) || Number(m[4] ?? 0) > 23) return null;
  return { date, hhmm };
}

const row = z.object({
  key: z.string().max(64, '不超过64字'),
  caseRef: z.string().max(40, '不超过40字'),
  itemName: z.string().max(128, '不超过128字'),
  department: z.string().min(1, '不能为空'),
  window: z.string().max(16, '不超过16字'),
  staff: z.string().max(32, '不超过32字'),
  level: z.enum(LEVELS, { message: `应为 ${LEVELS.join('/')}` }),
  time: z
    .string()
    .transform((s, c) => parseTime(s) ?? (c.addIssue({ code: 'custom', message: '应为 2026-03-02 09:30' }), z.NEVER)),
  channel: z.string().max(16, '不超过16字'),
  comment: z.string(),
});
type RatingRow = z.infer<typeof row>;

/** The export's 评价编号, else a stable hash of what identifies one rating (D95). */
export function ratingKey(r: RatingRow): string {
  if (r.key) return r.key;
  const basis = [r.caseRef, `${r.time.date} ${r.time.hhmm}`, r.staff, r.level].join('|');
  return `H${createHash('sha256').update(basis).digest('hex').slice(0, 40)}`;
}

async function departmentsByRef(m: EntityManager): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (const d of await m.find(Department)) {
    map.set(d.code.toUpperCase(), d.code);
    map.set(d.name, d.code);
  }
  return map;
}

async function existingKeys(m: EntityManager, keys: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < keys.length; i += 500) {
    const part = keys.slice(i, i + 500);
    for (const r of await m.find(Rating, { where: { ratingKey: In(part) }, select: { ratingKey: true } }))
      found.add(r.ratingKey);
  }
  return found;
}

/** Staff named in the export by name: only a name one person has is linked to that person. */
function uniqueNames(people: Person[]): Map<string, string> {
  const map = new Map<string, string>();
  const twice = new Set<string>();
  for (const p of people) {
    if (map.has(p.name)) twice.add(p.name);
    else map.set(p.name, p.userid);
  }
  for (const n of twice) map.delete(n);
  return map;
}

export const ratingsImport: ImportKind<RatingRow> = {
  name: 'ratings',
  label: '好差评',
  columns: [
    { key: 'key', headers: ['评价编号', '评价ID', 'rating id'] },
    { key: 'caseRef', headers: ['办件编号', '办件号', '平台号', 'case'] },
    { key: 'itemName', headers: ['事项名称', '事项', 'item'] },
    { key: 'department', headers: ['部门', '部门名称', '部门代码', 'department'], required: true },
    { key: 'window', headers: ['窗口', '窗口号', 'window'] },
    { key: 'staff', headers: ['工作人员', '被评价人', '姓名', 'staff'] },
    { key: 'level', headers: ['评价等级', '评价结果', '满意度', 'level'], required: true },
    { key: 'time', headers: ['评价时间', '时间', 'time'], required: true },
    { key: 'channel', headers: ['评价渠道', '渠道', 'channel'] },
    { key: 'comment', headers: ['评价内容', '意见', '备注', 'comment'] },
  ],
  row,
  async check(m, rows) {
    const depts = await departmentsByRef(m);
    return rows
      .filter((r) => !depts.has(r.data.department.toUpperCase()) && !depts.has(r.data.department))
      .map((r) => `${r.at}：没有部门“${r.data.department}”`);
  },
  async write(ctx, rows) {
    const depts = await departmentsByRef(ctx.m);
    const people = uniqueNames(await ctx.m.find(Person));
    const keyed = rows.map((r) => ({ r, key: ratingKey(r.data) }));
    const seen = await existingKeys(
      ctx.m,
      keyed.map((k) => k.key),
    );
    const fresh: { r: ImportRow<RatingRow>; key: string }[] = [];
    for (const k of keyed) {
      if (seen.has(k.key)) continue; // stored already, or twice in this file
      seen.add(k.key);
      fresh.push(k);
    }
    const bad: string[] = [];
    const values = [];
    for (const { r, key } of fresh) {
      const d = r.data;
      const departmentCode = depts.get(d.department.toUpperCase()) ?? depts.get(d.department)!;
      const staffUserid = (d.staff && people.get(d.staff)) || null;
      const rating = {
        ratingKey: key,
        ratedAt: instantAt(d.time.date, d.time.hhmm),
        ratedDate: d.time.date,
        caseRef: d.caseRef || null,
        itemName: d.itemName || null,
        departmentCode,
        windowNumber: d.window || null,
        staffUserid,
        staffName: d.staff || null,
        level: d.level,
        channel: d.channel || null,
        comment: d.comment || null,
        reviewNo: isBad(d.level) ? await recordBadReview(ctx, { ...d, key, departmentCode, staffUserid }) : null,
        importedBy: ctx.actor.userid,
        importedAt: ctx.now,
      };
      if (rating.reviewNo) bad.push(rating.reviewNo);
      values.push(rating);
    }
    for (let i = 0; i < values.length; i += 200) await insertRows(ctx.m, Rating, values.slice(i, i + 200));
    return {
      written: values.length,
      unchanged: rows.length - values.length,
      lines: [
        `新增 ${values.length} 条`,
        bad.length ? `差评 ${bad.length} 条已转投诉待登记：${bad.join('、')}` : '差评 0 条',
      ],
    };
  },
};
