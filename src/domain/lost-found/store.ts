import { LostItem } from '../../../entities/lost-item';
import { LostItemVersion } from '../../../entities/lost-item-version';
import { insertRows } from '../../db';
import type { Ctx } from '../../kernel/ctx';
import { UserError } from '../../kernel/errors';
import { normaliseRecordRef } from '../../kernel/numbers';
import { localDate, yearOf } from '../../kernel/time';
import { OPEN_STATUSES, PREFIX, SUBJECT } from './model';

// REC-02 for the 遗失物品登记表: a change never overwrites history — the row holds the current state and every
// version (the full record, who, when) is appended to lost_item_version; nothing is ever deleted (REC-09).

/** The full record as stored in a version (everything but the surrogate id). */
export function snapshotOf(item: LostItem): Record<string, unknown> {
  const { id: _id, ...rest } = item;
  return { ...rest, createdAt: item.createdAt.toISOString(), updatedAt: item.updatedAt.toISOString() };
}

/** Append version `item.version` of the record (the caller has just written it). */
export async function appendVersion(ctx: Ctx, item: LostItem, action: string): Promise<void> {
  await insertRows(ctx.m, LostItemVersion, {
    no: item.no,
    version: item.version,
    action,
    snapshot: snapshotOf(item),
    changedBy: ctx.actor.userid,
    at: ctx.now,
  });
}

/**
 * Write a change as the next version: the row is updated, the version appended and an audit row written
 * (`detail` must carry no personal data: REC-07). Returns the new state.
 */
export async function changeItem(
  ctx: Ctx,
  item: LostItem,
  action: string,
  patch: Partial<LostItem>,
  detail: Record<string, unknown> = {},
): Promise<LostItem> {
  const next: LostItem = {
    ...item,
    ...patch,
    version: item.version + 1,
    updatedAt: ctx.now,
    updatedBy: ctx.actor.userid,
  };
  if (patch.status && patch.status !== item.status) next.statusDate = localDate(ctx.now);
  const { id, ...columns } = next;
  await ctx.m.update(LostItem, { id }, columns);
  await appendVersion(ctx, next, action);
  await ctx.audit(`lost.${action}`, SUBJECT, item.no, { v: next.version, status: next.status, ...detail });
  return next;
}

/** `SW2026-0007`, `SW7`, `sw7` → the record; a clear refusal when it does not exist. */
export async function loadItem(ctx: Ctx, ref: string): Promise<LostItem> {
  const no = normaliseRecordRef(ref, PREFIX, yearOf(localDate(ctx.now)));
  if (!no) throw new UserError(`“${ref}”不是失物编号（形如 SW2026-0007 或 SW7）。`);
  const item = await ctx.m.findOne(LostItem, { where: { no } });
  if (!item) throw new UserError(`没有找到 ${no}。发送“失物 列表”查看在库物品。`);
  return item;
}

/** A closed record is never changed (REC-02, REC-09): the refusal names its status and date. */
export function assertOpen(item: LostItem): void {
  if (!OPEN_STATUSES.includes(item.status))
    throw new UserError(`${item.no} ${item.status}（${item.statusDate}），记录已关闭，未作更改。`);
}

export async function loadOpenItem(ctx: Ctx, ref: string): Promise<LostItem> {
  const item = await loadItem(ctx, ref);
  assertOpen(item);
  return item;
}

/** `黑色钱包×1` */
export function itemLabel(item: Pick<LostItem, 'name' | 'quantity'>): string {
  return `${item.name}×${item.quantity}`;
}

/** `SW7` within the current year, the full number otherwise (docs/commands.md short references). */
export function shortNo(no: string, now: Date): string {
  const year = String(yearOf(localDate(now)));
  return no.startsWith(`${PREFIX}${year}-`) ? `${PREFIX}${Number(no.slice(PREFIX.length + 5))}` : no;
}
