import { In, type EntityManager } from 'typeorm';
import { Notice } from '../../../entities/notice';
import type { Ctx } from '../../kernel/ctx';
import { UserError } from '../../kernel/errors';
import { affected } from '../../db';
import { nextSequence } from '../../kernel/numbers';
import { getSetting } from '../../settings/settings';
import { localDate, yearOf } from '../../kernel/time';

// BRF-10 (000 督查通报 第六条(二)4 "按时间顺序编号存档"), OPEN #22: one yearly sequence over every type, taken at
// release inside the releasing transaction, so an unreleased (rejected, never approved) notice consumes none and a
// released one keeps its number for ever. D41: the number has the national 发文字号 form (GB/T 9704-2012 7.2.4:
// 年份用六角括号，发文顺序号不编虚位，其后加“号”) — `督通〔2026〕11号`. Notices released before D41 were stored as
// `督通〔2026〕011`; they keep their stored value (other records cite it) and are shown and found in the new form.

/** `督通〔2026〕11号` — the form stored for every notice released since D41. */
export function formatNoticeNo(prefix: string, year: number, seq: number): string {
  return `${prefix}〔${year}〕${seq}号`;
}

/** The pre-D41 stored form `督通〔2026〕011`, for looking up notices released before the change. */
export function legacyNoticeNo(prefix: string, year: number, seq: number): string {
  return `${prefix}〔${year}〕${String(seq).padStart(3, '0')}`;
}

// `〔YYYY〕<digits>` not already followed by 号 (or by more digits): a number in the old stored form.
const LEGACY = /〔(\d{4})〕0*(\d{1,4})(?![\d号])/gu;

/**
 * A stored number in the printed form, `督通〔2026〕011` → `督通〔2026〕11号` (new-form numbers pass unchanged);
 * also rewrites every such number inside a free text that cites notices (约谈 and 问效 sources).
 */
export function showNoticeNo(text: string): string {
  return text.replace(LEGACY, (_m, y: string, s: string) => `〔${y}〕${s}号`);
}

/** `督通〔2026〕12号（口头）`: the number with its type, as listed and spoken. */
export function displayNo(n: Pick<Notice, 'no' | 'type'>): string {
  return n.no ? `${showNoticeNo(n.no)}（${n.type}）` : '（未编号）';
}

/**
 * A notice number as typed: the new form `督通〔2026〕12号`, the old `督通〔2026〕012`, `督通[2026]012`,
 * `督通(2026)12`, `督通2026-012`, and the short `督通12` / `督通12号` (current year), each with or without the type
 * suffix. Returns the canonical (new) form, or undefined when `ref` is not a notice number.
 */
export function parseNoticeRef(ref: string, prefix: string, year: number): string | undefined {
  const s = ref
    .trim()
    .replace(/[（(](口头|约谈|书面|其他)[）)]$/, '')
    .replace(/号$/, '');
  if (!s.startsWith(prefix)) return undefined;
  const rest = s.slice(prefix.length);
  const full = /^[〔[(（]?(20\d{2})[〕\])）-]?(\d{1,4})$/.exec(rest);
  if (full && Number(full[2]) > 0) return formatNoticeNo(prefix, Number(full[1]), Number(full[2]));
  const short = /^(\d{1,3})$/.exec(rest);
  if (short && Number(short[1]) > 0) return formatNoticeNo(prefix, year, Number(short[1]));
  return undefined;
}

/** The stored notice a canonical number names, whichever form it was stored in. */
export async function findNoticeByNo(m: EntityManager, no: string): Promise<Notice | null> {
  const parts = /^(.+)〔(\d{4})〕(\d+)号$/.exec(no);
  const legacy = parts ? legacyNoticeNo(parts[1], Number(parts[2]), Number(parts[3])) : no;
  return m.findOne(Notice, { where: { no: In([...new Set([no, legacy])]) } });
}

/** Release: give the notice the next number of the year of release (guarded: a numbered notice keeps its own). */
export async function allocateNoticeNo(ctx: Ctx, notice: Notice): Promise<string> {
  if (notice.no) return notice.no;
  const prefix = await getSetting(ctx.m, 'notice.numberPrefix');
  const year = yearOf(localDate(ctx.now));
  const seq = await nextSequence(ctx.m, `${prefix}-${year}`);
  const no = formatNoticeNo(prefix, year, seq);
  const res = await ctx.m
    .createQueryBuilder()
    .update(Notice)
    .set({ no, year, seq })
    .where('id = :id AND no IS NULL', { id: notice.id })
    .execute();
  if (affected(res) !== 1) throw new Error(`notice ${notice.id} numbered concurrently`);
  Object.assign(notice, { no, year, seq });
  await ctx.audit('notice.number', 'notice', no, { type: notice.type, periodKey: notice.periodKey });
  return no;
}

export async function noticeByRef(m: EntityManager, ref: string, now: Date): Promise<Notice> {
  const prefix = await getSetting(m, 'notice.numberPrefix');
  const year = yearOf(localDate(now));
  const no = parseNoticeRef(ref, prefix, year);
  const n = no ? await findNoticeByNo(m, no) : null;
  if (!n) throw new UserError(`没有找到通报“${ref}”。编号形如 ${formatNoticeNo(prefix, year, 12)} 或 ${prefix}12。`);
  return n;
}

export async function noticeByApproval(m: EntityManager, spNo: string): Promise<Notice> {
  const sp = spNo.trim().toUpperCase();
  const direct = await m.findOne(Notice, { where: { approvalNo: sp } });
  if (direct) return direct;
  // An earlier SP of the same notice (rejected, then re-sent after 通报 修改).
  const all = await m.find(Notice, { where: { status: '待审定' } });
  const hit = all.find((n) => ((n.content.approvals as string[] | undefined) ?? []).includes(sp));
  if (hit) return hit;
  const rejected = await m.find(Notice, { where: { status: '已驳回' } });
  const r = rejected.find((n) => ((n.content.approvals as string[] | undefined) ?? []).includes(sp));
  if (r) return r;
  throw new UserError(`没有找到审批 ${sp} 对应的通报草稿。`);
}
