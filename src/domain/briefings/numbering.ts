import type { EntityManager } from 'typeorm';
import { Notice } from '../../../entities/notice';
import type { Ctx } from '../../kernel/ctx';
import { UserError } from '../../kernel/errors';
import { affected } from '../../db';
import { nextSequence } from '../../kernel/numbers';
import { getSetting } from '../../settings/settings';
import { localDate, yearOf } from '../../kernel/time';

// BRF-10 (000 督查通报 第六条(二)4 "按时间顺序编号存档"), OPEN #22: one yearly sequence over every type,
// `督通〔YYYY〕NNN` + type; the number is taken at release, inside the releasing transaction, so an unreleased
// (rejected, never approved) notice consumes none and a released one keeps its number for ever.

const pad3 = (n: number) => String(n).padStart(3, '0');

export function formatNoticeNo(prefix: string, year: number, seq: number): string {
  return `${prefix}〔${year}〕${pad3(seq)}`;
}

/** `督通〔2026〕041（口头）`. */
export function displayNo(n: Pick<Notice, 'no' | 'type'>): string {
  return n.no ? `${n.no}（${n.type}）` : '（未编号）';
}

/**
 * A notice number as typed: `督通〔2026〕012`, `督通[2026]012`, `督通(2026)012`, `督通2026-012`, `督通12`
 * (current year), with or without the type suffix. Returns the stored form or undefined.
 */
export function parseNoticeRef(ref: string, prefix: string, year: number): string | undefined {
  const s = ref.trim().replace(/[（(](口头|约谈|书面|其他)[）)]$/, '');
  if (!s.startsWith(prefix)) return undefined;
  const rest = s.slice(prefix.length);
  const full = /^[〔[(（]?(\d{4})[〕\])）-]?(\d{1,3})$/.exec(rest);
  if (full && rest.length > 4) return formatNoticeNo(prefix, Number(full[1]), Number(full[2]));
  const short = /^(\d{1,3})$/.exec(rest);
  if (short) return formatNoticeNo(prefix, year, Number(short[1]));
  return undefined;
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
  const no = parseNoticeRef(ref, prefix, yearOf(localDate(now)));
  const n = no ? await m.findOne(Notice, { where: { no } }) : null;
  if (!n)
    throw new UserError(
      `没有找到通报“${ref}”。编号形如 ${formatNoticeNo(prefix, yearOf(localDate(now)), 12)} 或 ${prefix}${yearOf(localDate(now))}-012。`,
    );
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
